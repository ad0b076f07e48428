"""Handle lifetime: a tensor lives while some Tcl value holds its handle."""

import gc
import weakref

import pytest

from tclish.runtime.errors import TclError
from tclish.runtime.values import TclList
from tclish.torchbridge.api import handle_of, tensor_of
from tclish.torchbridge.handles import RECENT, Handle, HandleRegistry, registry_of


class Payload:
    """Stands in for a tensor; weakref-able so tests can see it die."""


def test_names_count_up_per_kind():
    reg = HandleRegistry()
    a, b = reg.new_tensor(Payload()), reg.new_tensor(Payload())
    m = reg.new("module", Payload())
    assert (a, b, m) == ("tensor1", "tensor2", "module1")
    assert isinstance(a, str) and isinstance(a, Handle)
    assert reg.get("module1", "module") is not None and reg.get("module1") is None


def test_entry_dies_with_its_last_reference():
    reg = HandleRegistry()
    obj = Payload()
    alive = weakref.ref(obj)
    h = reg.new_tensor(obj)
    del obj
    held = TclList([h])            # a list holding the handle keeps it alive
    del h
    gc.collect()
    assert alive() is not None and "tensor1" in reg.tensors
    del held
    # no longer live; kept in the ring of recently released ones for names
    # copied into strings (C15), until freed or pushed out
    assert reg.tensors == {} and alive() is not None
    assert reg.free("tensor1") is True
    assert alive() is None, "freed by reference counting, no gc needed"


def test_listed_handles_go_through_the_recent_ring():
    reg = HandleRegistry()
    obj = Payload()
    alive = weakref.ref(obj)
    held = TclList([reg.new_listed("tensor", obj)])
    del obj, held
    assert reg.tensors == {}, "released by reference counting, no gc needed"
    assert reg.get("tensor1") is alive(), "still found by name in the recent ring"
    for _ in range(RECENT):
        reg.new_listed("tensor", Payload())   # each dies at once and enters the ring
    assert alive() is None, "pushed out of the ring: freed"


def test_names_in_text_outlive_their_handle_briefly():
    """TCLIBTORCH's `string trim [torch::tensor_qr $a] "{}"` idiom: the list of
    handles is gone, the names in the text still find the tensors."""
    reg = HandleRegistry()
    held = TclList([reg.new_listed("tensor", Payload()), reg.new_listed("tensor", Payload())])
    text = " ".join(held)
    del held
    assert reg.tensors == {}
    assert all(reg.tensors.find(n) is not None for n in text.split())
    assert reg.free("tensor1") is True and reg.get("tensor1") is None


def test_plain_string_copy_finds_the_tensor_while_the_handle_lives():
    reg = HandleRegistry()
    h = reg.new_tensor(Payload())
    pasted = "tensor" + "1"
    assert type(pasted) is str and reg.tensors[pasted] is reg.tensors[h]
    del h
    assert pasted not in reg.tensors
    assert reg.why_missing(pasted).startswith("tensor1 was freed")


def test_free_early_then_drop_the_handle():
    reg = HandleRegistry()
    h = reg.new_tensor(Payload())
    assert reg.free(h) is True
    assert reg.free(h) is False
    del h                           # nothing left to pop: no error
    assert reg.why_missing("tensor7") == 'Invalid tensor name "tensor7"'
    assert reg.why_missing("") == "empty tensor handle"


def test_registry_is_per_interpreter():
    class I:
        def __init__(self):
            self.extensions = {}
    a, b = I(), I()
    assert registry_of(a) is registry_of(a)
    assert registry_of(a) is not registry_of(b)
    assert a.extensions["torch"] is registry_of(a)


torch = pytest.importorskip("torch")


def test_tensor_free_command_and_use_after_free(fake):
    t = fake.call("torch::ones", "2 2")
    u = fake.call("torch::ones", "3")
    assert fake.call("torch::tensor_free", t, u) == ""
    with pytest.raises(TclError) as e:
        fake.call("torch::tensor_shape", t)
    assert e.value.message.startswith("Invalid input tensor name: tensor1 was freed")
    with pytest.raises(TclError) as e:
        fake.call("torch::tensor_free", "nosuch")
    assert e.value.message == ('Invalid handles value: Invalid tensor name "nosuch" (Invalid '
                               'handles parameter; Required parameters missing or invalid; '
                               'Error in tensor_free)')


def test_handles_lists_live_tensors(fake):
    a = fake.call("torch::zeros", "2 3", "float64")
    b = fake.call("torch::ones", "4", "-dtype", "int32")
    rows = fake.call("torch::handles")
    assert rows == [["tensor1", [2, 3], "Float64", "cpu"], ["tensor2", [4], "Int32", "cpu"]]
    del a, rows
    assert [r[0] for r in fake.call("torch::handles")] == ["tensor2"]
    assert b == "tensor2"


def test_rebinding_loop_keeps_one_live_tensor(fake):
    x = fake.call("torch::zeros", "1")
    y = fake.call("torch::ones", "1")
    tensors = fake.extensions["torch"].tensors
    for _ in range(2000):
        x = fake.call("torch::tensor_add", x, y)
        assert len(tensors) == 2
    assert fake.call("torch::tensor_item", x) == 2000.0


def test_api_passes_tensors_without_copying(fake):
    t = torch.arange(6.0)
    h = handle_of(fake, t)
    assert h.startswith("tensor") and tensor_of(fake, h) is t
    r = fake.call("torch::tensor_reshape", h, "2 3")
    assert tensor_of(fake, r).data_ptr() == t.data_ptr()
    with pytest.raises(TclError, match='Invalid tensor handle: Invalid tensor name "tensor99"'):
        tensor_of(fake, "tensor99")
    with pytest.raises(TypeError):
        handle_of(fake, [1, 2])
