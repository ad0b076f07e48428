"""The binary ensemble (format, scan, encode, decode); expected values from tclsh 8.6."""

import pytest

from tclish.runtime.interp import Interp


def ev(script):
    from tclish.runtime.values import to_str
    return to_str(Interp().eval(script))


@pytest.mark.parametrize("script,expected", [
    ("binary encode hex [binary format a3A3 ab cd]", "616200636420"),
    ("binary encode hex [binary format b8B8 10110001 10110001]", "8db1"),
    ("binary encode hex [binary format h4H4 a1b2 a1b2]", "1a2ba1b2"),
    ("binary encode hex [binary format s2Si {256 -2} 3 -7]", "0001feff0003f9ffffff"),
    ("binary encode hex [binary format Q 1.0]", "3ff0000000000000"),
    ("binary encode hex [binary format a5X2a1@7a1 hello Z Y]", "68656c5a6f0000 59".replace(" ", "")),
    ("binary scan \\x01\\x82\\x03 c* v; set v", "1 -126 3"),
    ("binary scan \\x01\\x82\\x03 cu* v; set v", "1 130 3"),
    ("binary scan [binary format dd -1.0 1.0] c* c; set c",
     "0 0 0 0 0 0 -16 -65 0 0 0 0 0 0 -16 63"),
    ("binary scan \\x00\\x00\\x00\\x00\\x00\\x00\\xf0\\x3f d v; set v", "1.0"),
    ("binary scan abc a5 x", "0"),
    ("binary encode base64 {hello world}", "aGVsbG8gd29ybGQ="),
    ("binary decode base64 aGVsbG8gd29ybGQ=", "hello world"),
])
def test_binary_matches_tclsh(script, expected):
    assert ev(script) == expected


@pytest.mark.parametrize("script,message", [
    ("binary format z", 'bad field specifier "z"'),
    ("binary format c", "not enough arguments for all format specifiers"),
    ("binary format c3 {1 2}", "number of elements in list does not match count"),
    ("binary format x*", 'cannot use "*" in format string with "x"'),
    ("binary format @", 'missing count for "@" field specifier'),
    ("binary format h g", 'expected hexadecimal string but got "g" instead'),
    ("binary decode hex -strict zz", 'invalid hexadecimal digit "z" at position 0'),
])
def test_binary_errors(script, message):
    from tclish.runtime.errors import TclError
    with pytest.raises(TclError) as info:
        Interp().eval(script)
    assert info.value.message == message
