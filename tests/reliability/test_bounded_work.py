"""A4, A7, A8, A10, A11: small answers cost small work; deep nesting and
large scripts end in Tcl's answer or a Tcl error (FINDINGS.md)."""

import os
import random
import subprocess
import sys

import pytest

from tclish import Interp, TclError
from tclish.parse import script as parse
from tclish.parse.fastsplit import split_parse
from tclish.runtime import values

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_list_memo_is_bounded_by_size():
    ip = Interp()
    ip.eval("set e [string repeat x 100000]")
    ip.eval("for {set i 0} {$i < 200} {incr i} {set s \"$e $e $e $e $e $i\"; llength $s}")
    held = sum(len(k) for k in values._LIST_MEMO)
    assert held <= values._LIST_MEMO_CHARS
    assert values._memo_chars[0] == held


def test_binary_format_refuses_huge_fields_before_allocating():
    ip = Interp()
    with pytest.raises(TclError) as info:
        ip.eval("binary format a10000000000 x")
    assert info.value.message == "not enough memory to format a field of 2147483647 bytes"
    assert ip.eval("string length [binary format a20 x]") == "20"


@pytest.mark.parametrize("script", [
    "set x " + "[" * 10000 + "list a" + "]" * 10000,
    "set x " + "{" * 100000 + "a" + "}" * 100000 + "; string length $x",
    "expr {" + "(" * 100000 + "1" + ")" * 100000 + "}",
    "expr {" + "-" * 100000 + "1}",
    "expr {" + "+".join(["1"] * 20000) + "}",
    "expr {" + "1?" * 20000 + "1" + ":0" * 20000 + "}",
    "expr {" + "abs(" * 20000 + "1" + ")" * 20000 + "}",
    "set x " + '"[list ' * 10000 + "a" + ']"' * 10000,
])
def test_deep_nesting_never_leaks_python(script):
    ip = Interp()
    try:
        ip.eval(script)
    except TclError as e:
        # a compiled script's nesting is "nested compilations" in Tcl (C4)
        assert e.message in ("too many nested evaluations (infinite loop?)",
                             "too many nested compilations (infinite loop?)")
    assert ip.eval("list ok") == "ok"


def _shape(commands):
    def word(w):
        if isinstance(w, str):
            return w
        if isinstance(w, parse.Expand):
            return ("*", word(w.word))
        if isinstance(w, list):
            return [word(p) for p in w]
        if isinstance(w, parse.VarRef):
            return ("$", w.name, None if w.index is None else word(w.index))
        return ("[", _shape(w.commands))
    return [(c.line, c.start, c.end, c.text, tuple(c.word_lines), [word(w) for w in c.words])
            for c in commands]


_PIECES = ["set x 1", 'puts "a $b [c d]"', "proc p {a b} {\n  set x 1\n  return $x\n}",
           "# comment \\\n more", "set a($i) [expr {1+2}];set b 2", "set y ${abc}x",
           "  set z 5  ", "list {*}$a b", 'set q "multi\nline"', "set x 1 ;# c", "puts \\\n x",
           "a\tb c", "set v $x(a[b])", "a;b", "x\\;y z", 'puts "x;y"', "set a {b;c}",
           "cmd [a ; b] c", "set x $::a::b", "a#b c#", "set x {\\}}", ""]


@pytest.mark.parametrize("seed", range(5))
def test_scanner_cuts_scripts_as_the_grammar_does(seed):
    rng = random.Random(seed)
    for _ in range(300):
        text = rng.choice(["\n", ";", "\n\n"]).join(
            rng.choice(_PIECES) for _ in range(rng.randint(1, 25)))
        fast = split_parse(text, parse.parse_with_grammar)
        if fast is not None:
            assert _shape(fast) == _shape(parse.parse_with_grammar(text)), text


def test_large_script_runs(tmp_path):
    body = "".join("set x%d %d\n" % (i % 7, i) for i in range(60000))
    script = tmp_path / "big.tcl"
    script.write_text("proc p {} {\n set y 1\n}\n" + body + "p\nputs [expr {$x0 + $x6}]\n")
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    r = subprocess.run([sys.executable, "-m", "tclish", str(script)], capture_output=True,
                       text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    last = {k: max(i for i in range(60000) if i % 7 == k) for k in (0, 6)}
    assert r.stdout == "%d\n" % (last[0] + last[6])


def test_large_script_reports_error_lines(tmp_path):
    script = tmp_path / "big.tcl"
    script.write_text("set x 1\n" * 20000 + "error boom\n")
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    r = subprocess.run([sys.executable, "-m", "tclish", str(script)], capture_output=True,
                       text=True, env=env, timeout=300)
    assert r.returncode == 1
    assert r.stderr.endswith('(file "%s" line 20001)\n' % script)


def test_deeply_nested_tensor_data_is_refused_at_once():
    """A12: each level of tensor_create's data is split again, so depth is
    checked first; the refusal must not take time growing with the depth
    squared (20,000 levels took minutes)."""
    import time
    pytest.importorskip("torch")
    ip = Interp()
    ip.eval("torch::ones {1}")  # torch imported before timing
    nested = "{" * 20000 + "1" + "}" * 20000
    ip.setvar("data", nested)
    start = time.perf_counter()
    with pytest.raises(TclError) as info:
        ip.eval("torch::tensor_create $data")
    assert time.perf_counter() - start < 2.0
    assert "nested more than 128 levels deep" in info.value.message
    # the deepest torch.tensor reads still works, as torch itself gives it
    import torch
    deep = 1
    for _ in range(128):
        deep = [deep]
    ip.setvar("data", "{" * 128 + "1" + "}" * 128)
    assert ip.eval("torch::tensor_shape [torch::tensor_create $data]") == \
        " ".join(str(n) for n in torch.tensor(deep).shape)


@pytest.mark.parametrize("body, expected", [
    # A8: each continuation once re-summed all text before it (quadratic)
    ("set x {" + "ab\\\n" * 40000 + "}; puts [string length $x]", "120000"),
    # A8: a comment once cost ~230 bytes per character in the grammar
    ("# " + "x" * 5000000 + "\nputs done", "done"),
    # A8: one grammar token per escape and a string grown by += (quadratic)
    ('set x "' + "\\a" * 200000 + '"; puts [string length $x]', "200000"),
], ids=["backslash-newlines", "comment", "escapes"])
def test_large_constructs_parse_without_runaway_work(tmp_path, body, expected):
    """Both took minutes or gigabytes; a hang shows as the timeout."""
    script = tmp_path / "big.tcl"
    script.write_text(body + "\n")
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    # under a 3 GB address-space cap (the comment once peaked at 1.1 GB)
    cap = "import resource; resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30)); "
    r = subprocess.run([sys.executable, "-c", cap + "import runpy, sys; sys.argv = ['tclish', %r]; "
                        "runpy.run_module('tclish', run_name='__main__')" % str(script)],
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout == expected + "\n"

