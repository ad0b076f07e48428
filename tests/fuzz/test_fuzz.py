"""Fuzzing in the fast path: seeded random and mutated scripts give only
Tcl errors, end (limits stop generated infinite loops), and leave the
interpreter usable.  scripts/fuzz_long.py runs the same checks longer."""

import os
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tclfuzz  # noqa: E402


@pytest.mark.parametrize("seed", range(4))
def test_generated_scripts(seed):
    assert tclfuzz.run(seed, 60) == []


_ALPHABET = st.sampled_from(tclfuzz.TOKENS + list("abcxyz0123456789 -+*/%<>=!&|^~?:,."))


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_token_soup(script):
    assert tclfuzz.check(script.replace("exit", "exi_t")) is None


@settings(max_examples=100, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=30))
def test_expr_of_any_text(text):
    ip = tclfuzz.new_interp()
    ip.setvar("e", text)
    assert tclfuzz.check("catch {expr $e}; catch {expr {$e + 1}}; catch {lindex {a b} $e}; "
                         "catch {string index abc $e}; catch {regexp -- $e abc}", ip) is None
