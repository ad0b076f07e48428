"""Values, Tcl list syntax and number formatting (runtime/values.py,
lists.py, numbers.py); expectations recorded from tclsh 8.6.13."""

import math

import pytest

from tclish.runtime.errors import TclError
from tclish.runtime.lists import format_list, split_list
from tclish.runtime.numbers import format_float, parse_number
from tclish.runtime.values import TclDict, TclList, to_bool, to_dict, to_int, to_list, to_str


@pytest.mark.parametrize("elements, expected", [
    (["a{b}", "a b", "a{b", "a\\", "x", "{a", '"a', "a\nb"],
     'a{b} {a b} a\\{b a\\\\ x \\{a {"a} {a\nb}'),
    (["a\\\nb", "a}b", "a]", "a[", "a$", "a;", "", 'a"', "\\{", "{a}"],
     'a\\\\\\nb a\\}b a\\] {a[} {a$} {a;} {} a\\" {\\{} {{a}}'),
    (["#x", "y"], "{#x} y"),
    (["y", "#x"], "y #x"),
    (["a{b]"], "a\\{b\\]"),
])
def test_list_quoting_matches_tclsh(elements, expected):
    assert format_list(elements) == expected


def test_list_round_trip():
    for elements in (["a b", "{", "}", "\\", "", "#", '"q"', "x\ty", "$v", "[c]"],):
        assert split_list(format_list(elements)) == elements


@pytest.mark.parametrize("text, message", [
    ("{a", "unmatched open brace in list"),
    ('"a', "unmatched open quote in list"),
    ("{a}b", 'list element in braces followed by "b" instead of space'),
])
def test_list_syntax_errors(text, message):
    with pytest.raises(TclError, match=message):
        split_list(text)


@pytest.mark.parametrize("value, expected", [
    (1e16, "10000000000000000.0"), (1e17, "1e+17"), (1e15, "1000000000000000.0"), (1 / 3, "0.3333333333333333"),
    (1e-5, "1e-5"), (1e-4, "0.0001"), (100.0, "100.0"), (1.5e-7, "1.5e-7"),
    (123456789012345678.0, "1.2345678901234568e+17"), (math.inf, "Inf"), (-math.inf, "-Inf"),
    (math.nan, "NaN"), (-0.0, "-0.0"), (5e-324, "5e-324"),
])
def test_float_strings_are_tcls(value, expected):
    assert format_float(value) == expected


@pytest.mark.parametrize("text, expected", [
    (" 12 ", 12), ("0x1f", 31), ("0o17", 15), ("0b101", 5), ("010", 8), ("-7", -7),
    ("1e3", 1000.0), (".5", 0.5), ("5.", 5.0), ("1_000", None), ("08", None), ("abc", None),
])
def test_number_syntax(text, expected):
    assert parse_number(text) == expected


def test_string_forms_of_internal_forms():
    assert to_str(TclList(["a", 1, 2.5, TclList(["b c"])])) == "a 1 2.5 {{b c}}"
    assert to_str(TclDict(a=1, b="x y")) == "a 1 b {x y}"
    assert to_str(True) == "1" and to_str(2 ** 70) == "1180591620717411303424"


def test_conversions_and_their_errors():
    assert to_list("a {b c}") == ["a", "b c"]
    assert to_dict("a 1 b 2") == {"a": "1", "b": "2"}
    assert [to_bool(v) for v in ("yes", "off", "t", "0", 2.5)] == [True, False, True, False, True]
    with pytest.raises(TclError, match='expected integer but got "x"'):
        to_int("x")
    with pytest.raises(TclError, match='expected boolean value but got "maybe"'):
        to_bool("maybe")
    with pytest.raises(TclError, match="missing value to go with key"):
        to_dict("a")
