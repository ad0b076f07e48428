"""The Tcl grammar (grammar/tcl.lark) through parse/script.py: node shapes,
Tcl's syntax error texts, and completeness (info complete, the REPL)."""

import pytest

from tclish.parse.complete import is_complete, missing_closer
from tclish.parse.script import CmdSub, Expand, VarRef, parse_script
from tclish.runtime.errors import TclError


def words(text):
    return [c.words for c in parse_script(text)]


def test_commands_split_on_newlines_and_semicolons_not_in_braces_or_quotes():
    assert words('a b; c "d;e" {f\ng}\nh') == [["a", "b"], ["c", "d;e", "f\ng"], ["h"]]


def test_comments_only_where_a_command_may_start():
    assert words("# note\nputs #not-a-comment ; # note too") == [["puts", "#not-a-comment"]]


def test_substitutions_become_parts():
    [[head, word]] = words("puts a$x(i$j)[b c]d")
    assert head == "puts"
    a, var, sub, d = word
    assert (a, d) == ("a", "d")
    assert isinstance(var, VarRef) and var.name == "x" and var.index[0] == "i"
    assert isinstance(var.index[1], VarRef) and var.index[1].name == "j"
    assert isinstance(sub, CmdSub) and sub.commands[0].words == ["b", "c"]


def test_braced_words_keep_text_but_fold_backslash_newline():
    assert words("set x {a $b [c] \\n\\\n   d}") == [["set", "x", "a $b [c] \\n d"]]


def test_backslash_sequences_in_bare_and_quoted_words():
    assert words(r'puts \x41\u00e9\t"\101"') == [["puts", "A\u00e9\t\"A\""]]
    assert words('puts "\\x41 \\\n  b"') == [["puts", "A  b"]]


def test_right_bracket_is_literal_at_top_level_only():
    assert words("puts a]b") == [["puts", "a]b"]]
    [[_, _, [sub, tail]]] = words("set x [a b]c")
    assert sub.commands[0].words == ["a", "b"] and tail == "c"


def test_expand_prefix_needs_a_following_word():
    [[_, expanded]] = words("list {*}$args")
    assert isinstance(expanded, Expand)
    assert words("list {*} x") == [["list", "*", "x"]]


def test_dollar_without_a_name_is_literal():
    assert words("puts $ a$.b") == [["puts", "$", "a$.b"]]


@pytest.mark.parametrize("text, message", [
    ("set a {b", "missing close-brace"),
    ('set a "b', 'missing "'),
    ("set a [b", "missing close-bracket"),
    ("puts $a(b", "missing )"),
    ("set a {b}c", "extra characters after close-brace"),
    ('set a "b"c', "extra characters after close-quote"),
])
def test_syntax_errors_use_tcls_words(text, message):
    with pytest.raises(TclError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_script(text)


@pytest.mark.parametrize("text, closer", [
    ("proc p {} {", "}"), ("puts [list a", "]"), ('puts "abc', '"'), ("set x {a}b", None),
    ("puts hello", None),
])
def test_completeness_asks_the_grammar(text, closer):
    assert is_complete(text) == (closer is None)
    assert missing_closer(text) == closer


def test_command_text_and_lines_are_kept_for_error_info():
    first, second = parse_script("set a 1\n\nputs [expr {\n 2}]  ;")
    assert (first.line, first.text) == (1, "set a 1")
    assert second.line == 3 and second.text == "puts [expr {\n 2}]  "
