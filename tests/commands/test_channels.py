"""open, close, gets, read, seek, tell, eof, fconfigure, chan, fcopy; expected
values and error texts recorded from tclsh 8.6.13."""

import pytest

from tclish.runtime.errors import TclError
from tclish.runtime.interp import Interp
from tclish.runtime.values import to_str


@pytest.fixture
def tcl(tmp_path):
    """eval(script) -> str in a fresh interpreter whose $dir is a scratch folder."""
    interp = Interp()
    interp.set_var("dir", str(tmp_path))

    def ev(script):
        return to_str(interp.eval(script))
    yield ev
    for ch in list(interp.channels.values()):
        if ch.kind == "file":
            ch.close()


def error_of(ev, script):
    with pytest.raises(TclError) as info:
        ev(script)
    return info.value


def write(tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    return str(tmp_path / name)


def test_open_names_channels_file3_then_file4(tcl):
    assert tcl("set f [open $dir/a w]") == "file3"
    assert tcl("set g [open $dir/b w]") == "file4"
    assert tcl("close $f; close $g; set h [open $dir/a]") == "file3"


def test_puts_close_read_round_trip(tcl):
    assert tcl('set f [open $dir/x w]; puts $f "a\\nb"; puts -nonewline $f c; close $f;'
               ' set f [open $dir/x]; set d [read $f]; close $f; set d') == "a\nb\nc"


def test_gets_with_and_without_variable_and_eof(tcl, tmp_path):
    write(tmp_path, "x", b"one\ntwo\n")
    assert tcl("set f [open $dir/x]; list [gets $f] [eof $f] [gets $f line] $line [eof $f]"
               " [gets $f line] [list $line] [eof $f] [gets $f]") == "one 0 3 two 0 -1 {{}} 1 {}"


def test_gets_last_line_without_newline_sets_eof(tcl, tmp_path):
    write(tmp_path, "x", b"a\nb")
    assert tcl("set f [open $dir/x]; list [gets $f] [eof $f] [gets $f] [eof $f]") == "a 0 b 1"


def test_auto_translation_reads_all_line_ends(tcl, tmp_path):
    write(tmp_path, "x", b"a\nb\r\nc\rd")
    assert tcl("set f [open $dir/x]; set r {};"
               " while {[gets $f l] >= 0} {lappend r [list $l [eof $f] [tell $f]]}; set r"
               ) == "{a 0 2} {b 0 5} {c 0 7} {d 1 8}"
    assert tcl("set f [open $dir/x]; list [read $f 3] [tell $f] [read $f] [eof $f]"
               ) == "{a\nb} 3 {\nc\nd} 1"


def test_read_nonewline_and_count(tcl, tmp_path):
    write(tmp_path, "x", b"line1\nline2\n")
    assert tcl("set f [open $dir/x]; read -nonewline $f") == "line1\nline2"
    assert tcl("set f [open $dir/x]; list [read $f 5] [eof $f] [read $f 100] [eof $f]"
               ) == "line1 0 {\nline2\n} 1"
    assert tcl("set f [open $dir/x]; read $f nonewline") == "line1\nline2"


def test_seek_and_tell(tcl, tmp_path):
    write(tmp_path, "x", b"line1\nline2\n")
    assert tcl("set f [open $dir/x]; gets $f; set a [tell $f]; seek $f -3 end;"
               " list $a [tell $f] [read $f] [seek $f 2] [tell $f]") == "6 9 {e2\n} {} 2"
    assert tcl("seek $f 2 start; seek $f 2 current; tell $f") == "4"
    assert tcl("seek $f 0; gets $f; list [eof $f] [tell $f]") == "0 6"


def test_read_write_modes(tcl, tmp_path):
    write(tmp_path, "x", b"line1\nline2\n")
    assert tcl("set f [open $dir/x r+]; gets $f; puts $f XX; seek $f 0; set d [read $f];"
               " close $f; set d") == "line1\nXX\ne2\n"
    assert tcl("set f [open $dir/x a]; set t [tell $f]; puts $f new; lappend t [tell $f];"
               " close $f; set t") == "12 16"
    assert tcl("set f [open $dir/x w+]; puts $f hello; seek $f 0; set d [gets $f]; close $f;"
               " set d") == "hello"


def test_append_mode_writes_at_end_even_after_seek(tcl, tmp_path):
    write(tmp_path, "x", b"ab\n")
    assert tcl("set f [open $dir/x a]; seek $f 0; puts $f A; close $f;"
               " set f [open $dir/x]; read $f") == "ab\nA\n"


def test_open_flag_list_form(tcl):
    assert tcl("set f [open $dir/x {WRONLY CREAT TRUNC}]; puts $f hi; close $f;"
               " set f [open $dir/x RDONLY]; gets $f") == "hi"
    err = error_of(tcl, "open $dir/x {WRONLY CREAT EXCL}")
    assert err.message.endswith('": file already exists')
    assert err.errorcode == ("POSIX", "EEXIST", "file already exists")


@pytest.mark.parametrize("script,message", [
    ("open nonexist", 'couldn\'t open "nonexist": no such file or directory'),
    ("open x rw", 'illegal access mode "rw"'),
    ("open x r++", 'illegal access mode "r++"'),
    ("open x {RDONLY FOO}", 'invalid access mode "FOO": must be RDONLY, WRONLY, RDWR, APPEND, '
                            'BINARY, CREAT, EXCL, NOCTTY, NONBLOCK, or TRUNC'),
    ("open x {}", "access mode must include either RDONLY, WRONLY, or RDWR"),
    ("open x CREAT", "access mode must include either RDONLY, WRONLY, or RDWR"),
    ("open x r 0abc", 'expected integer but got "0abc"'),
    ("open", 'wrong # args: should be "open fileName ?access? ?permissions?"'),
    ("gets file99", 'can not find channel named "file99"'),
    ("close file99", 'can not find channel named "file99"'),
    ("gets", 'wrong # args: should be "gets channelId ?varName?"'),
    ("read", 'wrong # args: should be "read channelId ?numChars?" or '
             '"read ?-nonewline? channelId"'),
    ("read -nonewline", 'wrong # args: should be "read channelId ?numChars?" or '
                        '"read ?-nonewline? channelId"'),
    ("close", 'wrong # args: should be "close channelId ?direction?"'),
    ("seek", 'wrong # args: should be "seek channelId offset ?origin?"'),
    ("tell", 'wrong # args: should be "tell channelId"'),
    ("eof", 'wrong # args: should be "eof channelId"'),
    ("fconfigure", 'wrong # args: should be "fconfigure channelId ?-option value ...?"'),
    ("fblocked", 'wrong # args: should be "fblocked channelId"'),
    ("close stdin foo", 'bad direction "foo": must be read or write'),
    ("chan", 'wrong # args: should be "chan subcommand ?arg ...?"'),
    ("chan foo", 'unknown or ambiguous subcommand "foo": must be blocked, close, configure, '
                 'copy, create, eof, event, flush, gets, names, pending, pipe, pop, postevent, '
                 'push, puts, read, seek, tell, or truncate'),
    ("chan read", 'wrong # args: should be "chan read channelId ?numChars?" or '
                  '"chan read ?-nonewline? channelId"'),
    ("chan puts", 'wrong # args: should be "chan puts ?-nonewline? ?channelId? string"'),
    ("chan pending", 'wrong # args: should be "chan pending mode channelId"'),
    ("chan names a b", 'wrong # args: should be "chan names ?pattern?"'),
])
def test_channel_errors(tcl, script, message):
    assert error_of(tcl, script).message == message


def test_open_error_code_is_posix(tcl):
    err = error_of(tcl, "open $dir/no/such w")
    assert err.errorcode == ("POSIX", "ENOENT", "no such file or directory")
    err = error_of(tcl, "open $dir w")
    assert err.message.endswith('": illegal operation on a directory')


def test_direction_errors(tcl, tmp_path):
    write(tmp_path, "x", b"data\n")
    tcl("set w [open $dir/y w]; set r [open $dir/x]")
    assert error_of(tcl, "gets $w").message == 'channel "file3" wasn\'t opened for reading'
    assert error_of(tcl, "read $w").message == 'channel "file3" wasn\'t opened for reading'
    assert error_of(tcl, "puts $r hi").message == 'channel "file4" wasn\'t opened for writing'
    assert error_of(tcl, "flush $r").message == 'channel "file4" wasn\'t opened for writing'
    assert error_of(tcl, "close $r write").message == (
        "Half-close of write-side not possible, side not opened or already closed")


def test_read_count_must_be_non_negative_integer(tcl, tmp_path):
    write(tmp_path, "x", b"data\n")
    tcl("set f [open $dir/x]")
    for bad in ("-5", "abc", "1.5"):
        assert error_of(tcl, "read $f %s" % bad).message == (
            'expected non-negative integer but got "%s"' % bad)


def test_seek_errors(tcl, tmp_path):
    write(tmp_path, "x", b"data\n")
    tcl("set f [open $dir/x]")
    assert error_of(tcl, "seek $f abc").message == 'expected integer but got "abc"'
    assert error_of(tcl, "seek $f 0 foo").message == (
        'bad origin "foo": must be start, current, or end')
    err = error_of(tcl, "seek $f -100")
    assert err.message == 'error during seek on "file3": invalid argument'
    assert err.errorcode == ("POSIX", "EINVAL", "invalid argument")


def test_closed_channel_is_gone(tcl):
    tcl("set f [open $dir/x w]; close $f")
    assert error_of(tcl, "close $f").message == 'can not find channel named "file3"'


def test_fconfigure_defaults(tcl, tmp_path):
    write(tmp_path, "x", b"")
    assert tcl("set f [open $dir/x]; fconfigure $f") == (
        "-blocking 1 -buffering full -buffersize 4096 -encoding utf-8 -eofchar {} "
        "-translation auto")
    assert tcl("fconfigure stdout") == (
        "-blocking 1 -buffering line -buffersize 4096 -encoding utf-8 -eofchar {} "
        "-translation lf")
    assert tcl("fconfigure stderr -buffering") == "none"
    assert tcl("set g [open $dir/x r+]; list [fconfigure $g -translation]"
               " [fconfigure $g -eofchar] [fconfigure $f -eofchar]") == "{auto lf} {{} {}} {{}}"


def test_fconfigure_sets_options(tcl, tmp_path):
    write(tmp_path, "x", b"")
    assert tcl("set f [open $dir/x]; fconfigure $f -blocking 0 -buffering line"
               " -translation binary; fconfigure $f") == (
        "-blocking 0 -buffering line -buffersize 4096 -encoding binary -eofchar {} "
        "-translation lf")
    assert tcl("fconfigure $f -buffersize 10000000; fconfigure $f -buffersize") == "1048576"
    assert tcl("fconfigure $f -bl 1; fconfigure $f -blocking") == "1"
    assert tcl("set g [open $dir/x r+]; fconfigure $g -translation {cr lf};"
               " fconfigure $g -translation") == "cr lf"
    assert tcl("chan configure $f -encoding iso8859-1; chan configure $f -encoding") == (
        "iso8859-1")


@pytest.mark.parametrize("script,message", [
    ("fconfigure stdout -foo", 'bad option "-foo": should be one of -blocking, -buffering, '
                               '-buffersize, -encoding, -eofchar, or -translation'),
    ("fconfigure stdout -buffering foo",
     "bad value for -buffering: must be one of full, line, or none"),
    ("fconfigure stdout -translation foo",
     "bad value for -translation: must be one of auto, binary, cr, lf, crlf, or platform"),
    ("fconfigure stdout -translation {a b c}",
     "bad value for -translation: must be a one or two element list"),
    ("fconfigure stdout -eofchar {a b c}",
     "bad value for -eofchar: should be a list of zero, one, or two elements"),
    ("fconfigure stdout -encoding foo", 'unknown encoding "foo"'),
    ("fconfigure stdout -blocking xx", 'expected boolean value but got "xx"'),
    ("fconfigure stdout -buffersize abc", 'expected integer but got "abc"'),
    ("fconfigure stdout -buffering full -translation",
     'wrong # args: should be "fconfigure channelId ?-option value ...?"'),
])
def test_fconfigure_errors(tcl, script, message):
    assert error_of(tcl, script).message == message


def test_crlf_output_and_binary_input(tcl):
    assert tcl("set f [open $dir/x w]; fconfigure $f -translation crlf; puts $f a\\nb; close $f;"
               " set f [open $dir/x]; fconfigure $f -translation binary; read $f") == "a\r\nb\r\n"


def test_binary_access_mode(tcl):
    assert tcl("set f [open $dir/x wb]; fconfigure $f -encoding") == "binary"


def test_encodings(tcl, tmp_path):
    assert tcl("set f [open $dir/x w]; fconfigure $f -encoding iso8859-1; puts -nonewline $f"
               " \\u00e9; close $f; file size $dir/x") == "1"
    write(tmp_path, "u", "é€\n".encode("utf-8"))
    assert tcl("set f [open $dir/u]; gets $f") == "é€"
    write(tmp_path, "bad", b"a\xc0b\n")
    assert tcl("set f [open $dir/bad]; gets $f") == "a\u00c0b"


def test_eofchar_stops_input(tcl, tmp_path):
    write(tmp_path, "x", b"abc\x1adef")
    assert tcl("set f [open $dir/x]; fconfigure $f -eofchar \\x1a; list [read $f] [eof $f]"
               ) == "abc 1"


def test_chan_subcommands(tcl, tmp_path):
    write(tmp_path, "x", b"hello\nworld\n")
    assert tcl("set f [open $dir/x]; list [chan gets $f] [chan tell $f] [chan eof $f]"
               " [chan blocked $f] [chan read $f] [fblocked $f]") == "hello 6 0 0 {world\n} 0"
    assert tcl("chan names") == "stdin stdout stderr file3"
    assert tcl("chan names file*") == "file3"
    assert tcl("file channels std*") == "stdin stdout stderr"
    assert tcl("chan close $f; chan names") == "stdin stdout stderr"


def test_chan_puts_flush_and_truncate(tcl):
    assert tcl("set f [open $dir/x w]; chan puts $f abcdef; chan flush $f; file size $dir/x"
               ) == "7"
    assert tcl("chan truncate $f 3; close $f; file size $dir/x") == "3"


def test_chan_pending_counts_buffered_input(tcl, tmp_path):
    write(tmp_path, "x", b"hello\nworld\n")
    assert tcl("set f [open $dir/x]; set r [list [chan pending input $f]]; gets $f;"
               " lappend r [chan pending input $f] [chan pending output $f]") == "0 6 -1"


def test_fcopy_copies_everything(tcl, tmp_path):
    write(tmp_path, "x", b"0123456789\n")
    assert tcl("set i [open $dir/x]; set o [open $dir/y w]; set n [fcopy $i $o];"
               " close $i; close $o; list $n [file size $dir/y]") == "11 11"
    assert tcl("set i [open $dir/x]; set o [open $dir/z w]; set n [chan copy $i $o -size 4];"
               " close $o; list $n [file size $dir/z]") == "4 4"


def test_open_permissions(tcl):
    assert tcl("close [open $dir/p w 0600]; file attributes $dir/p -permissions") == "00600"


def test_puts_to_stdout_is_unchanged(tmp_path):
    import io
    out = io.StringIO()
    interp = Interp(stdout=out)
    interp.eval("puts hi; puts -nonewline stdout there; puts stdout {}")
    assert out.getvalue() == "hi\nthere\n"
