"""Reflected channels (chan create) and transforms (chan push) as tclsh
8.6.13 drives their handlers; expected calls and texts are tclsh's
(ioCmd.test, ioTrans.test and tclsh run by hand)."""

import pytest

from tclish.runtime.errors import TclError
from tclish.runtime.interp import Interp
from tclish.runtime.values import to_str

HANDLER = r'''
proc note {item} {lappend ::res $item}
proc foo {cmd args} {
    note [list $cmd {*}[lrange $args 1 end]]
    switch $cmd {
        initialize {return {initialize finalize watch read write cget cgetall configure}}
        finalize {return}
        read {return -code break BOOM}
        write {return -level 3 -code 777 X}
        cgetall {return {-a 1 -b 2}}
        cget {return value-of-[lindex $args 1]}
        configure {return}
        watch {return}
    }
}
set res {}
'''


@pytest.fixture
def tcl():
    interp = Interp()

    def ev(script):
        return to_str(interp.eval(script))
    ev(HANDLER)
    return ev


def test_bad_codes_become_errors_with_the_handler_context(tcl):
    tcl("set c [chan create {r w} foo]")
    assert tcl("catch {read $c 2} m o; set m") == "chan handler returned bad code: 3"
    info = tcl("dict get $o -errorinfo")
    assert '(chan handler subcommand "read")' in info and info.endswith('"read $c 2"')
    assert tcl("list [dict get $o -errorcode] [dict get $o -errorline]") == "NONE 1"
    # a return with -level is a return code (2) once the handler proc is left
    assert tcl("catch {puts $c x; flush $c} m; set m") == "chan handler returned bad code: 2"
    tcl("close $c")


def test_handler_options_and_watch(tcl):
    tcl("set c [chan create {r w} foo]; set res {}")
    assert tcl("fconfigure $c").endswith("-a 1 -b 2")
    assert tcl("fconfigure $c -zz") == "value-of--zz"
    assert tcl("fconfigure $c -zz 5") == ""
    tcl("fileevent $c writable {set x 1}; fileevent $c readable {set y 1}")
    tcl("close $c")
    assert tcl("set res") == ("cgetall {cget -zz} {configure -zz 5} {watch write} "
                              "{watch {read write}} {watch write} {watch {}} finalize")


def test_postevent_runs_the_handlers_now(tcl):
    tcl("set c [chan create {r w} foo]; fileevent $c readable {note TOCK}; set res {}")
    assert tcl("chan postevent $c read; set res") == "TOCK"
    with pytest.raises(TclError) as info:
        tcl("chan postevent $c write")
    assert info.value.message.startswith("tried to post events channel")
    with pytest.raises(TclError) as info:
        tcl("chan postevent stdout read")
    assert info.value.message == 'can not find reflected channel named "stdout"'
    tcl("close $c")


def test_output_eofchar_is_written_at_close(tcl, tmp_path):
    path = tmp_path / "e"
    tcl("set f [open {%s} w]; fconfigure $f -eofchar \\x1A; puts -nonewline $f abc; close $f"
        % path)
    assert path.read_bytes() == b"abc\x1a"


def test_transform_popping_itself_drops_its_result(tcl, tmp_path):
    path = tmp_path / "d"
    path.write_bytes(b"test data\n")
    tcl(r'''proc xf {fd cmd args} {
        switch $cmd {initialize {return {initialize finalize read write}} finalize return}
        note [list $cmd]
        chan pop $fd
        chan push $fd [list xf $fd]
        return JUNK
    }''')
    tcl("set res {}; set f [open {%s}]; chan push $f [list xf $f]" % path)
    assert tcl("read $f") == ""
    assert tcl("set res") == "read"
    tcl("close $f")


def test_eofchar_leaves_the_rest_readable(tcl, tmp_path):
    # tclsh (io.test 61.1): tell stops at the eof character; a new eofchar
    # resets end of file and the rest reads on
    path = tmp_path / "q"
    path.write_bytes(b"abc=def")
    tcl("set f [open {%s}]; fconfigure $f -eofchar =" % path)
    assert tcl("list [read $f] [tell $f] [eof $f]") == "abc 3 1"
    assert tcl("fconfigure $f -eofchar {}; list [eof $f] [read $f] [tell $f]") == "0 =def 7"
    tcl("close $f")


def test_a_channel_under_background_fcopy_is_busy(tcl, tmp_path):
    (tmp_path / "src").write_bytes(b"x" * 100)
    tcl("set a [open {%s}]; set b [open {%s} w]; fcopy $a $b -command {set done}"
        % (tmp_path / "src", tmp_path / "dst"))
    with pytest.raises(TclError) as info:
        tcl("fcopy $a $b")
    assert info.value.message == 'channel "%s" is busy' % tcl("set a")
    tcl("vwait done; close $a; close $b")
