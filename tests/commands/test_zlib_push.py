"""`zlib push` transforms and stream dictionaries.  Bytes are checked against
Python's zlib module called directly; option listings and error texts are
tclsh 8.6.13's (recorded by hand from tclsh and zlib.test)."""

import gzip
import zlib

import pytest

from tclish.runtime.errors import TclError
from tclish.runtime.interp import Interp
from tclish.runtime.values import to_str


@pytest.fixture
def tcl(tmp_path):
    interp = Interp()
    interp.set_var("dir", str(tmp_path))

    def ev(script):
        return to_str(interp.eval(script))
    yield ev
    ev("foreach c [chan names file*] {catch {close $c}}")


def data_of(path):
    with open(path, "rb") as f:
        return f.read()


def test_compress_push_writes_a_zlib_stream(tcl, tmp_path):
    tcl("set f [open $dir/z w]; zlib push compress $f; puts -nonewline $f [string repeat abc 500]")
    tcl("close $f")
    assert zlib.decompress(data_of(tmp_path / "z")) == b"abc" * 500


@pytest.mark.parametrize("mode,wbits", [("compress", 15), ("deflate", -15), ("gzip", 31)])
def test_push_then_read_back_through_the_inverse(tcl, tmp_path, mode, wbits):
    inverse = {"compress": "decompress", "deflate": "inflate", "gzip": "gunzip"}[mode]
    tcl("set f [open $dir/z wb]; zlib push %s $f; puts -nonewline $f [string repeat xyz 3000]; "
        "close $f" % mode)
    raw = data_of(tmp_path / "z")
    assert zlib.decompress(raw, wbits) == b"xyz" * 3000
    assert tcl("set f [open $dir/z rb]; zlib push %s $f; set d [read $f]; close $f; "
               "string length $d" % inverse) == "9000"


def test_gzip_header_and_checksum_options(tcl, tmp_path):
    tcl("set f [open $dir/g w]; zlib push gzip $f -header {filename a.txt comment hi time 7}")
    tcl("puts -nonewline $f hello; flush $f")
    assert tcl("chan configure $f -checksum") == str(zlib.crc32(b"hello"))
    tcl("close $f")
    raw = data_of(tmp_path / "g")
    assert gzip.decompress(raw) == b"hello"
    assert raw[3] == 0x18 and raw[4:8] == b"\x07\0\0\0"
    tcl("set f [open $dir/g]; zlib push gunzip $f")
    assert tcl("read $f") == "hello"
    assert tcl("chan configure $f -header") == \
        "comment hi crc 0 filename a.txt os 0 time 7 type binary"
    assert tcl("chan configure $f -checksum") == str(zlib.crc32(b"hello"))


def test_configure_lists_the_transform_options_and_pop_removes_them(tcl):
    base = "-blocking 1 -buffering full -buffersize 4096 -encoding binary -eofchar {} " \
           "-translation lf"
    tcl("set f [open $dir/z wb]")
    assert tcl("zlib push compress $f; fconfigure $f") == base + " -checksum 1 -dictionary {}"
    assert tcl("chan pop $f; fconfigure $f") == base
    assert tcl("zlib push gzip $f; fconfigure $f") == base + " -checksum 0"


def test_sync_flush_makes_the_data_so_far_readable(tcl):
    tcl("lassign [chan pipe] r w; fconfigure $w -buffering none; zlib push compress $w")
    tcl("puts -nonewline $w qwerty; chan configure $w -flush sync")
    tcl("fconfigure $r -blocking 0 -translation binary")
    head = tcl("read $r").encode("latin-1")
    assert zlib.decompressobj().decompress(head) == b"qwerty"
    tcl("close $w; close $r")


def test_pop_gives_back_what_follows_the_stream(tcl, tmp_path):
    one = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = one.compress(b"first" * 100) + one.flush()
    (tmp_path / "m").write_bytes(first + b"TRAILER")
    tcl("set f [open $dir/m rb]; zlib push inflate $f")
    assert tcl("string length [read $f]") == "500"
    assert tcl("chan pop $f; read $f") == "TRAILER"


def test_dictionary_on_push_and_stream(tcl, tmp_path):
    dictionary = b"helloworld"
    tcl("set f [open $dir/d wb]; zlib push compress $f -dictionary helloworld")
    tcl("puts -nonewline $f [string repeat helloworld 10]; close $f")
    raw = data_of(tmp_path / "d")
    obj = zlib.decompressobj(15, zdict=dictionary)
    assert obj.decompress(raw) == dictionary * 10
    tcl("set f [open $dir/d rb]")
    err = pytest.raises(TclError, tcl, "zlib decompress [read $f]").value
    assert err.message == "need dictionary"
    assert to_str(err.errorcode) == "TCL ZLIB NEED_DICT %d" % zlib.adler32(dictionary)
    tcl("seek $f 0; set s [zlib stream decompress]; $s put -dictionary helloworld [read $f]")
    assert tcl("$s get") == "helloworld" * 10


def test_transform_read_error_is_zlibs_message(tcl, tmp_path):
    (tmp_path / "bad").write_bytes(zlib.compress(b"hello" * 100))
    tcl("set f [open $dir/bad rb]; zlib push inflate $f")
    assert pytest.raises(TclError, tcl, "read $f").value.message == "invalid stored block lengths"


@pytest.mark.parametrize("script,message", [
    ("zlib push gzip", 'wrong # args: should be "zlib push mode channel ?options...?"'),
    ("zlib push bogus $w", 'bad mode "bogus": must be compress, decompress, deflate, gunzip, '
     'gzip, or inflate'),
    ("zlib push gunzip $w", "decompression may only be applied to readable channels"),
    ("zlib push compress $r", "compression may only be applied to writable channels"),
    ("zlib push gzip $w -bogus 1", 'bad option "-bogus": must be -dictionary, -header, or -level'),
    ("zlib push gunzip $r -limit 0", "read ahead limit must be 1 to 65536"),
    ("zlib push gzip $w -level", "value missing for -level option"),
    ("zlib push gzip $w -dictionary x", "a compression dictionary may not be set in the gzip "
     "format"),
    ("zlib push compress $w; chan configure $w -flush x", 'unknown -flush type "x": must be '
     "full or sync"),
    ("zlib push gzip $w; chan configure $w -header", 'bad option "-header": should be one of '
     "-blocking, -buffering, -buffersize, -encoding, -eofchar, -translation, or -checksum"),
])
def test_push_errors(tcl, script, message):
    tcl("lassign [chan pipe] r w")
    assert pytest.raises(TclError, tcl, script).value.message == message
    tcl("close $r; catch {close $w}")


def test_stream_compress_matches_zlib_at_memory_level_9(tcl):
    # Tcl's streams deflate with zlib's MAX_MEM_LEVEL (zlib.test 12.1)
    tcl("set s [zlib stream compress]; $s put -finalize [string repeat {abcdefgh} 2000]")
    out = tcl("$s get").encode("latin-1")
    obj = zlib.compressobj(-1, zlib.DEFLATED, 15, 9)
    assert out == obj.compress(b"abcdefgh" * 2000) + obj.flush()


def test_srand_gives_tcls_sequence(tcl):
    # Tcl's generator: seed = 16807 * seed mod (2**31 - 1), rand = seed / (2**31 - 1)
    seed = 42
    expected = []
    for _ in range(3):
        seed = 16807 * seed % 2147483647
        expected.append(seed / 2147483647)
    got = [float(tcl("expr {srand(42)}")), float(tcl("expr {rand()}")),
           float(tcl("expr {rand()}"))]
    assert got == pytest.approx(expected, rel=1e-15)
