"""Integer ** refuses exponents of 2**28 or more, as Tcl 8.6 does (expr.test 23.54-23.59)."""

import pytest

from tclish.runtime.arith import power
from tclish.runtime.errors import TclError


def test_huge_exponent_is_an_error_not_a_hang():
    with pytest.raises(TclError) as info:
        power(3, 268435456)
    assert info.value.message == "exponent too large"


@pytest.mark.parametrize("base,expected", [(1, 1), (-1, 1), (0, 0)])
def test_trivial_bases_allow_any_exponent(base, expected):
    assert power(base, 268435456) == expected
