"""A1: the Safe Base's path policy, and what a safe interpreter lacks."""

import pytest

from tclish import Interp, TclError


def test_source_only_inside_the_access_path(tmp_path):
    inside = tmp_path / "lib"
    inside.mkdir()
    (inside / "ok.tcl").write_text("set ::loaded yes\n")
    (tmp_path / "outside.tcl").write_text("set ::loaded no\n")
    ip = Interp()
    ip.eval("set i [safe::interpCreate]")
    token = ip.eval("safe::interpAddToAccessPath $i {%s}" % inside)
    assert token.startswith("$p(:") and token.endswith(":)")
    assert ip.eval("safe::interpFindInAccessPath $i {%s}" % inside) == token
    # the child names the directory by its token, never by its real path
    assert ip.eval("$i eval [list source {%s/ok.tcl}]" % token) == "yes"
    assert str(inside) not in ip.eval("$i eval {set ::auto_path}")
    ip.eval("set log {}; safe::setLogCmd {lappend ::log}")
    with pytest.raises(TclError) as info:
        ip.eval("$i eval [list source {%s}]" % (tmp_path / "outside.tcl"))
    assert info.value.message == "permission denied"
    assert ip.eval("lindex $log 0").endswith("not in access_path")
    with pytest.raises(TclError):
        ip.eval("$i eval {file delete x}")
    ip.eval("safe::interpDelete $i")
    assert ip.eval("interp exists $i") == "0"


def test_safe_interp_has_no_file_or_device_torch_commands():
    ip = Interp()
    ip.eval("interp create -safe s")
    names = ip.eval("s eval {info commands ::torch::*}").split()
    assert names, "the safe torch commands stay"
    assert not [n for n in names if "cuda" in n.lower() or "save" in n or "load" in n]
    assert ip.eval("s eval {torch::tensor_shape [torch::ones {2 3}]}") == "2 3"
