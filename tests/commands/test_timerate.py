"""::tcl::unsupported::timerate (cmdMZ.test 6.x): result format, counts, errors."""

import re

import pytest

from tclish.runtime.errors import TclError
from tclish.runtime.interp import Interp

RESULT = re.compile(r"^\d+(?:\.\d+)? \u00b5s/# (\d+) # \d+(?:\.\d+)? #/sec \d+(?:\.\d+)? net-ms$")


def test_one_iteration_with_zero_time():
    m = RESULT.match(str(Interp().eval("::tcl::unsupported::timerate {} 0")))
    assert m and m.group(1) == "1"


def test_max_count_and_zero_count():
    interp = Interp()
    assert RESULT.match(str(interp.eval("::tcl::unsupported::timerate {} 1000 5"))).group(1) == "5"
    assert interp.eval("::tcl::unsupported::timerate {} 0 0") == "0 \u00b5s/# 0 # 0 #/sec 0 net-ms"


def test_break_stops_and_is_counted():
    m = RESULT.match(str(Interp().eval("::tcl::unsupported::timerate {break}")))
    assert m.group(1) == "1"


def test_importable_from_its_namespace():
    interp = Interp()
    interp.eval("namespace import ::tcl::unsupported::timerate")
    assert RESULT.match(str(interp.eval("timerate {} 0")))


def test_usage_error():
    with pytest.raises(TclError) as info:
        Interp().eval("::tcl::unsupported::timerate a b c d")
    assert info.value.message == ('wrong # args: should be "timerate ?-direct? ?-calibrate? '
                                  '?-overhead double? command ?time ?max-count??"')
