"""Tcl index syntax; expectations recorded from tclsh 8.6.13 (string index on a-z)."""

import pytest

from tclish.runtime.errors import TclError
from tclish.runtime.indices import parse_index, parse_index_end

# index text -> position for a 26-item sequence (end = 25)
GOOD = [
    ("end", 25), ("end-1", 24), ("end+1", 26), ("1+2", 3), ("3-1", 2), ("0x10", 16),
    (" 1", 1), ("1 ", 1), ("end-0x2", 23), ("-1", -1), ("+1", 1), ("1+-1", 0),
    ("1--1", 2), ("end--1", 26), ("010", 8), ("e", 25), ("en", 25), ("0b11", 3),
    ("1+0x2", 3), (" 1+2", 3), ("1+2 ", 3), ("0o7", 7), ("end-+1", 24), ("+1+1", 2),
    ("-1-1", -2), ("end-1 ", 24), ("\t1\n", 1), ("end-1\n", 24), ("end+-1", 24),
    ("end-0", 25), ("-0", 0), ("end-0o7", 18), ("1+-0x1", 0), ("end-0b1", 24),
    ("end--0x1", 26),
    # C-int wrap-around, as tclsh
    ("2147483648", -2147483648), ("4294967295", -1), ("-2147483649", 2147483647),
    ("4294967295+1", 0), ("1+2147483647", -2147483648),
]

BAD = ["", " end", "end-", "end ", "e ", "1.0", "1e2", "end-1+1", "2+end", "+end", "-end",
       "0+end", "end-1-1", "99999999999999999999", "end-99999999999999999999",
       "4294967296", "end-4294967296", " 1 + 2", "end -1", "end+ 1", "end- 1", "1+ 1",
       "1 +1", "1e", "0d12", "end-1.5", "enD", "1_000", "x", "0x", "end+0x", "- 1",
       "08.5", "1+08", "08+1", "end+08"]

OCTAL = ["08", "-08", "+08", " 08", "08 ", "end-08", "0o8", "0o"]


@pytest.mark.parametrize("text,expected", GOOD)
def test_good_index(text, expected):
    assert parse_index(text, 26) == expected


@pytest.mark.parametrize("text", BAD)
def test_bad_index_message(text):
    with pytest.raises(TclError) as e:
        parse_index(text, 26)
    assert e.value.message == (
        'bad index "%s": must be integer?[+-]integer? or end?[+-]integer?' % text)
    assert e.value.errorcode == ("TCL", "VALUE", "INDEX")


@pytest.mark.parametrize("text", OCTAL)
def test_bad_octal_index_mentions_octal(text):
    with pytest.raises(TclError) as e:
        parse_index(text, 26)
    assert e.value.message.endswith("(looks like invalid octal number)")


def test_int_values_pass_through():
    assert parse_index(5, 3) == 5
    assert parse_index(-7, 3) == -7


def test_end_of_empty_is_minus_one():
    assert parse_index("end", 0) == -1


def test_parse_index_end_uses_given_end():
    assert parse_index_end("end", 4) == 4
    assert parse_index_end("end-1", 4) == 3
    assert parse_index_end("2", 4) == 2
