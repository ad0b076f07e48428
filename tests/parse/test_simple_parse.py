"""The Lark-free parser for literal-only scripts (parse/simple.py) must give
exactly the grammar's Commands, and decline everything else."""

import os
import subprocess
import sys

import pytest

from tclish.parse import script as S
from tclish.parse.simple import parse_simple

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _shape(commands):
    return [(c.words, c.word_lines, c.line, c.start, c.end, c.text) for c in commands]


def _grammar(text):
    tree = S._lark().parse(text)
    return S._Builder(text, None).script(tree.children[0])


SIMPLE = [
    "", " ", "\n\n", "puts hi", "puts hi\n", "  set a 1  \n\tset b 2\t\n",
    "a {b} c", "a {b {c} d} e", "proc p {x y} {\n  return $x[y]\n}\np 1 2",
    'a {x "y" $z [w] ; # } b', "a {\\} b} c", "a {x\\{y} z", "a {b\\\\} c",
    "x {\u00e9 \u4e2d}", "lappend l a-b c.d e:f g/h i=j k,l m+n o@p q%r",
    "a {}", "a {} {}\nb",
]

NOT_SIMPLE = [
    "puts $x", "puts [x]", 'puts "x"', "a;b", "# comment", "a {b}c", "a {*}", "{*}x",
    "a {b\\\nc}", "a \\n", "a\r\nb", "a\x0bb", "a \u00e9", "a }", "a {b", "a{b", "a {b}{c}",
    "a #b",
]


@pytest.mark.parametrize("text", SIMPLE)
def test_simple_scripts_match_the_grammar(text):
    got = parse_simple(text, S.Command)
    assert got is not None
    assert _shape(got) == _shape(_grammar(text))


@pytest.mark.parametrize("text", NOT_SIMPLE)
def test_other_scripts_are_declined(text):
    assert parse_simple(text, S.Command) is None


def test_declined_scripts_still_parse_through_the_grammar():
    cmds = S.parse_script('puts "x $y"; # c')
    assert len(cmds) == 1 and cmds[0].words[0] == "puts"


def test_puts_hi_imports_neither_lark_nor_torch():
    code = ("import sys; sys.argv = ['tclish', '-c', 'puts hi']\n"
            "import runpy\n"
            "try:\n    runpy.run_module('tclish', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in ('lark', 'torch') if m in sys.modules))")
    env = dict(os.environ, PYTHONPATH=ROOT)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.split("\n")[:2] == ["hi", "[]"]
