"""C15: a tensor handle copied into a string stays valid for a while.

TCLIBTORCH scripts keep handle names in strings and expect them to work until
tensor_free; tclish keeps the last RECENT released objects of each kind (at
most RECENT_BYTES of tensor data) so that such names work, and memory stays
bounded (torchbridge/handles.py)."""

import pytest

from tclish import Interp, TclError
from tclish.torchbridge.handles import RECENT, RECENT_BYTES, registry_of

torch = pytest.importorskip("torch")


def test_name_in_a_string_outlives_its_variable():
    ip = Interp()
    ip.eval('set h [torch::ones {2 3}]; set cmd "torch::tensor_shape $h"; unset h')
    assert ip.eval("eval $cmd") == "2 3"


def test_names_appended_to_a_string():
    ip = Interp()
    ip.eval('set names {}; foreach n {1 2 3} {append names " " [torch::full {2} $n]}')
    assert ip.eval("lmap h $names {torch::tensor_item [torch::tensor_sum $h]}") == "2.0 4.0 6.0"


def test_the_ring_is_bounded_by_count():
    ip = Interp()
    ip.eval("set x [torch::zeros 1]; set y [torch::ones 1]")
    # each result's name is taken as text (string range), so each is named and,
    # when the next replaces it, released into the ring; a result never named is
    # not kept (nobody saw its name)
    ip.eval("for {set k 0} {$k < 200} {incr k} "
            "{set x [torch::tensor_add $x $y]; set name [string range $x 0 end]}")
    table = registry_of(ip.runtime).tensors
    assert len(table) == 2 and len(table.recent) == RECENT     # y (named by eval's result), x
    # the oldest released ones are gone, the newest still answer
    with pytest.raises(TclError) as info:
        ip.eval("torch::tensor_item tensor3")
    assert "tensor3 was freed" in info.value.message
    newest = int(ip.eval("string range $x 6 end")) - 1
    assert ip.eval("torch::tensor_item tensor%d" % newest) == "%.1f" % (newest - 2)
    # results that were never named leave nothing behind
    ip.eval("unset name; for {set k 0} {$k < 200} {incr k} {set x [torch::tensor_add $x $y]}")
    assert len(table) == 1 and len(table.recent) == RECENT


def test_a_name_written_before_it_was_shown():
    """Names are numbered in the order the tensors were made, and a counted name
    finds a tensor that was never shown (TCLIBTORCH's tests write `tensor1`)."""
    ip = Interp()
    ip.eval("set a [torch::ones 2]; set b [torch::zeros 3]; list")
    assert ip.eval("torch::tensor_shape tensor2") == "3"
    assert ip.eval("set b") == "tensor2"
    with pytest.raises(TclError, match='Invalid tensor name "tensor02"'):
        ip.eval("torch::tensor_shape tensor02")
    ip.eval("unset a")
    with pytest.raises(TclError, match="tensor1 was freed"):
        ip.eval("torch::tensor_shape tensor1")


def test_the_ring_is_bounded_by_bytes():
    ip = Interp()
    n = RECENT_BYTES // 8 + 1          # float64: one element over the bound
    ip.eval("set big [torch::zeros %d float64]; set name [string range $big 0 end]" % n)
    ip.eval("unset big")
    with pytest.raises(TclError) as info:
        ip.eval("torch::tensor_shape $name")
    assert "was freed" in info.value.message
    table = registry_of(ip.runtime).tensors
    assert table.recent == {} and table.recent_bytes == 0


def test_tensor_free_frees_a_released_name_at_once():
    ip = Interp()
    ip.eval('set h [torch::ones 2]; set name "$h"; unset h')
    assert ip.eval("torch::tensor_shape $name") == "2"
    ip.eval("torch::tensor_free $name")
    with pytest.raises(TclError):
        ip.eval("torch::tensor_shape $name")
    assert registry_of(ip.runtime).tensors.recent_bytes == 0


def test_temporaries_never_push_out_result_parts_kept_as_text():
    """A model's parameters kept only as names in a string (concat of
    layer_parameters, as examples/ddp_train.tcl does) outlive a loop that
    drops a tensor each step."""
    ip = Interp()
    ip.eval("set fc [torch::linear 4 2]; set params [concat [torch::layer_parameters $fc]]")
    ip.eval("set x [torch::zeros 1]; for {set k 0} {$k < 100} {incr k} "
            "{set x [torch::tensor_add $x $x]}")
    assert ip.eval("lmap p $params {torch::tensor_shape $p}") == "{2 4} 2"
