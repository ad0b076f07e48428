"""The expr grammar (grammar/expr.lark): precedence, lexing, Tcl's error
texts; and that every tree node kind has a compile handler."""

import re

import pytest

from tclish.compile.expr import _HANDLERS
from tclish.parse.expr import parse_expr
from tclish.parse.grammars import _grammar_text
from tclish.runtime.errors import TclError


def shape(text):
    tree = parse_expr(text)

    def walk(node):
        if not hasattr(node, "data"):
            return str(node.value)
        kids = [walk(c) for c in node.children]
        if node.data == "binop":
            return "(%s %s %s)" % tuple(kids)
        if node.data == "unop":
            return "(%s%s)" % tuple(kids)
        if node.data in ("literal", "bareword"):
            return kids[0]
        return "%s(%s)" % (node.data, " ".join(kids))
    return walk(tree)


@pytest.mark.parametrize("text, expected", [
    ("1 + 2 * 3", "(1 + (2 * 3))"),
    ("2 ** 3 ** 2", "(2 ** (3 ** 2))"),
    ("-2 ** 2", "((-2) ** 2)"),
    ("1 < 2 == 3 > 4", "((1 < 2) == (3 > 4))"),
    ("1 | 2 ^ 3 & 4", "(1 | (2 ^ (3 & 4)))"),
    ("3eq2", "(3 eq 2)"),
])
def test_precedence_and_associativity(text, expected):
    assert shape(text) == expected


def test_every_node_kind_of_the_grammar_has_a_compile_handler():
    grammar = _grammar_text("expr")
    aliases = set(re.findall(r"->\s*(\w+)", grammar))
    assert aliases <= set(_HANDLERS), aliases - set(_HANDLERS)
    assert set(_HANDLERS) - aliases <= {"primary"}


@pytest.mark.parametrize("text, message", [
    ("", "empty expression"),
    ("1 +", "missing operand at _@_"),
    ("(1", "unbalanced open paren"),
    ("1)", "unbalanced close paren"),
    ("1 2", "missing operator at _@_"),
    ("abc", 'invalid bareword "abc"'),
    ("08", "(invalid octal number?)"),
])
def test_syntax_errors_use_tcls_words(text, message):
    with pytest.raises(TclError) as info:
        parse_expr(text)
    assert message in info.value.message
