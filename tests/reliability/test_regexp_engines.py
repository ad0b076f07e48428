"""A5, A6: regular expressions never backtrack exponentially.  Risky
patterns run on RE2 (linear time) or on the time-bounded engine; the
answers are those `re` gives where `re` finishes."""

import os
import subprocess
import sys

import pytest

from tclish import Interp, TclError
from tclish.runtime import regex_engines
from tclish.runtime.tclre import compile_tcl

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.mark.parametrize("script, expected", [
    ("regexp {(a+)+b} [string repeat a 40]", "0"),
    ("regexp {(a|aa)+$} [string repeat a 40]x", "0"),
    ("regexp {^(a*)*$} [string repeat a 40]b", "0"),
    ("regexp {(x+x+)+y} [string repeat x 40]", "0"),
    ("regexp {^(\\w+\\s?)*$} \"[string repeat {word } 30]!\"", "0"),
    ("regexp {^(a|a?)+$} [string repeat a 40]b", "0"),
    ("regsub -all {(a+)+b} [string repeat a 40] x", "a" * 40),
    ("lsearch -regexp [list [string repeat a 40]] {(a+)+b}", "-1"),
    ("switch -regexp [string repeat a 40] {(a+)+b} {set r 1} default {set r 0}", "0"),
    ("regexp -- [string repeat {a|} 3000]b b", "1"),
    ("regexp -inline {(?:a+)+(b)} xaaab", "aaab b"),
])
def test_runaway_patterns_answer(script, expected):
    # run in a child process so that a regression hangs no test run
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    r = subprocess.run([sys.executable, "-m", "tclish", "-c", "puts [%s]" % script],
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.stdout == expected + "\n", r.stderr


def test_bounded_engine_gives_up_with_a_tcl_error(monkeypatch):
    monkeypatch.setattr(regex_engines, "MATCH_SECONDS", 0.2)
    with pytest.raises(TclError) as info:
        Interp().eval("regexp {(a{1,255}){1,255}b} [string repeat a 40]")
    assert info.value.message.startswith("couldn't execute regular expression")


_PATTERNS = [r"(a|ab)(c|bcd)(d*)", r"(a+)+b", r"x(a|b)*?y", r"([[:alpha:]]+)\s+(\d+)",
             r"(?i)(AB|a)+c", r"^(\w+\s?)*$", r"((a)|b)+", r"[^\n]+$", r"(a*)*", r"\Aab|cd\Z",
             r"(é|e)+\S", r"(?:x{2,3})+", r"a.c|a\.c", r"([a-c]+)(c)"]
_SUBJECTS = ["abcd", "aaab", "xababy", "hello  42 world", "abAbaBc", "word word",
             "abab", "line\nlast", "", "cd", "ééex", "xxxxxxx", "a.c", "abcc", "zz"]


@pytest.mark.skipif(not regex_engines.re2_available(), reason="google-re2 not installed")
@pytest.mark.parametrize("pattern", _PATTERNS)
def test_re2_answers_as_re(pattern, monkeypatch):
    plain = compile_tcl(pattern)
    monkeypatch.setattr(regex_engines, "FORCED", "re2")
    linear = compile_tcl(pattern)
    for subject in _SUBJECTS:
        for start in (0, 1):
            a, b = plain.match(subject, start), linear.match(subject, start)
            assert (a is None) == (b is None), (pattern, subject)
            if a is not None:
                groups = range(plain.ngroups + 1)
                assert [a.span(g) for g in groups] == [b.span(g) for g in groups], \
                    (pattern, subject)
