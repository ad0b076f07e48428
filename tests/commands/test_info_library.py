"""info library reads ::tcl_library, which every interpreter starts with (info.test 10.x)."""

import pytest

from tclish.runtime.errors import TclError
from tclish.runtime.interp import Interp


def test_info_library_follows_tcl_library():
    interp = Interp()
    assert interp.eval("info library") == interp.get_var("::tcl_library")
    interp.eval("set tcl_library 12345")
    assert str(interp.eval("info library")) == "12345"
    interp.eval("unset tcl_library")
    with pytest.raises(TclError) as info:
        interp.eval("info library")
    assert info.value.message == "no library has been specified for Tcl"
