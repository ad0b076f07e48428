"""The all-handles fast path (fast.py) gives what the general command gives."""

import pytest

from tclish.runtime.errors import TclError
from tclish.runtime.values import TclList
from tclish.torchbridge.decls import ALL_SPECS
from tclish.torchbridge.fast import fast_shape
from tclish.torchbridge.handles import TensorValue

SPECS = {s.name: s for s in ALL_SPECS}


def test_which_specs_have_the_shape():
    shapes = {name: fast_shape(s) for name, s in SPECS.items()}
    assert shapes["tensor_add"] == shapes["tensor_matmul"] == shapes["box_iou"] == 2
    assert shapes["tensor_abs"] == shapes["tensor_sum"] == shapes["tensor_shape"] == 1
    assert shapes["zeros_like"] == 1            # keyword defaults after the tensor
    # three tensor parameters or more first: the required ones
    assert shapes["tensor_where"] == 3
    assert shapes["conv1d"] == shapes["cross_entropy_loss"] == 2
    for name in ("zeros", "tensor_cat", "tensor_free", "roi_align", "nms", "tensor_reshape",
                 "handles", "cuda_is_available"):
        assert shapes[name] == 0, name


torch = pytest.importorskip("torch")


def outcome(fake, func, *argv):
    """(kind, value) of one call: the tensor a handle names, a value, or an error."""
    try:
        r = func(fake, list(argv))
    except TclError as e:
        return "error", e.message, e.errorcode
    tensors = fake.extensions["torch"].tensors
    if isinstance(r, TensorValue) or isinstance(r, str) and r in tensors:
        t = tensors.find(r)
        if t.is_quantized:
            t = t.int_repr()
        elif t.layout != torch.strided:
            t = t.to_dense()
        return "tensor", t.dtype, repr(t.tolist())      # repr: nan equals nan
    return "value", r


def both(fake, name, *args):
    cmd = fake.commands["torch::" + name]
    assert cmd.general is not cmd
    fast = outcome(fake, cmd, "torch::" + name, *args)
    general = outcome(fake, cmd.general, "torch::" + name, *args)
    assert fast == general, (name, args)
    return fast


@pytest.fixture
def ab(fake):
    a = fake.call("torch::tensor_create", "1.0 -2.0 4.0")
    b = fake.call("torch::tensor_create", "0.5 3.0 2.0")
    return a, b


def test_same_results_for_every_fast_command(fake, ab):
    a, b = ab
    for name, spec in SPECS.items():
        n = fast_shape(spec)
        if (not n or not spec.deterministic or spec.returns not in ("tensor", "value")
                or name in ("tensor_backward", "tensor_print")):   # no fast path for those
            continue
        args = (a, b, b)[:n] if name != "box_iou" else ()
        if name == "box_iou":
            boxes = fake.call("torch::tensor_create", "{0 0 2 2} {1 1 3 3}")
            args = (boxes, boxes)
        kind = both(fake, name, *args)[0]
        assert kind in ("tensor", "value", "error")


def test_add_and_sub_call_torch_directly_when_alpha_is_default(fake, ab):
    a, b = ab
    assert both(fake, "tensor_add", a, b)[2] == repr([1.5, 1.0, 6.0])
    assert both(fake, "tensor_sub", a, b)[2] == repr([0.5, -5.0, 2.0])
    assert both(fake, "tensor_add", a, b, "2")[2] == repr([2.0, 4.0, 8.0])
    assert both(fake, "tensorAdd", a, "1")[2] == repr([2.0, -1.0, 5.0])


def test_other_shapes_fall_through_unchanged(fake, ab):
    a, b = ab
    assert both(fake, "tensor_add", "-input", a, "-other", b)[0] == "tensor"
    assert (both(fake, "tensor_add", a, "-other", b, "-alpha", "0.5")[2]
            == repr([1.25, -0.5, 5.0]))
    assert both(fake, "tensor_mul", a, "2")[2] == repr([2.0, -4.0, 8.0])
    assert both(fake, "tensor_mul", a, 2)[2] == repr([2.0, -4.0, 8.0])
    assert both(fake, "tensor_add", a, "-1")[2] == repr([0.0, -3.0, 3.0])
    assert both(fake, "tensor_abs", "-input", a)[2] == repr([1.0, 2.0, 4.0])


def test_errors_are_the_general_ones(fake, ab):
    a, b = ab
    freed = fake.call("torch::ones", "3")
    fake.call("torch::tensor_free", freed)
    cases = [("tensor_add", a), ("tensor_add", a, b, b, b), ("tensor_add", freed, b),
             ("tensor_add", a, "nonsense"), ("tensor_add", "", b), ("tensor_add", a, ""),
             ("tensor_add", TclList([a, b]), b), ("tensor_add", a, TclList([b])),
             ("tensor_matmul", a, "-x"), ("tensor_abs", "tensor999"),
             ("tensor_matmul", a, fake.call("torch::ones", "2 2"))]
    for name, *args in cases:
        kind, message, *_ = both(fake, name, *args)
        assert kind == "error" and message, (name, args)
    assert both(fake, "tensor_add", freed, b)[1].startswith("Invalid input tensor name: tensor")


def test_first_call_in_a_fresh_interpreter(fake):
    # no registry yet: the general path makes it; a pasted name is no handle
    fresh = type(fake)()
    cmd = fake.commands["torch::tensor_abs"]
    with pytest.raises(TclError, match='Invalid tensor name "tensor1"'):
        cmd(fresh, ["torch::tensor_abs", "tensor1"])
    assert "torch" in fresh.extensions


def test_results_are_named_only_when_their_string_is_wanted(fake, ab):
    a, b = ab
    cmd = fake.commands["torch::tensor_add"]
    tensors = fake.extensions["torch"].tensors
    before = len(tensors)
    v = cmd(fake, ["torch::tensor_add", a, b])
    assert isinstance(v, TensorValue) and v.obj.tolist() == [1.5, 1.0, 6.0]
    assert len(tensors) == before, "no name, no table entry yet"
    # a value goes on to the next command as it is, on both paths
    w = cmd(fake, ["torch::tensor_add", v, v])
    assert w.obj.tolist() == [3.0, 2.0, 12.0]
    assert cmd.general(fake, ["torch::tensor_add", v, v]).obj.tolist() == [3.0, 2.0, 12.0]
    name = str(v)
    assert name.startswith("tensor") and str(v) is name, "named once"
    assert len(tensors) == before + 1 and tensors.find(name) is v.obj
    assert cmd(fake, ["torch::tensor_add", name, v]).obj.tolist() == [3.0, 2.0, 12.0]
    del v, name
    assert len(tensors) == before, "the entry goes with the value, no gc needed"


def test_freeing_a_named_value_frees_it_for_the_value_too(fake, ab):
    a, b = ab
    v = fake.commands["torch::tensor_add"](fake, ["torch::tensor_add", a, b])
    fake.call("torch::tensor_free", str(v))
    assert v.obj is None
    with pytest.raises(TclError, match="was freed"):
        fake.commands["torch::tensor_abs"](fake, ["torch::tensor_abs", v])


def test_another_interpreters_value_is_looked_up_by_its_name(fake, ab):
    a, b = ab
    other = type(fake)()
    from tclish.torchbridge.install import install
    install(other)
    made = [other.call("torch::ones", "2") for _ in range(5)]    # other's tensor1..5
    v = other.commands["torch::ones"](other, ["torch::ones", "2"])
    assert str(v) == "tensor6" and made
    with pytest.raises(TclError, match="Invalid"):
        fake.commands["torch::tensor_abs"](fake, ["torch::tensor_abs", v])
    with pytest.raises(TclError, match="Invalid"):
        fake.commands["torch::tensor_abs"].general(fake, ["torch::tensor_abs", v])


def test_named_calls_give_the_general_results(fake, ab):
    # every spelling and order that names exactly the handle parameters, and
    # near misses (an option twice, a wrong value, one too few) for every fast spec
    from tclish.torchbridge.fast import named_orders
    a, b = ab
    for name, spec in SPECS.items():
        n = fast_shape(spec)
        if not n or not spec.deterministic or name in ("tensor_backward", "tensor_print",
                                                       "box_iou"):
            continue
        values = (a, b, b)
        for words, order in named_orders(spec, n).items():
            argv = []
            for word, i in zip(words, order):
                argv += [word, values[i]]
            both(fake, name, *argv)
            both(fake, name, *argv[:-1], "nonsense")
            both(fake, name, *argv[:2], *argv[:2])
            both(fake, name, *argv[:-2])


def test_named_tensor_add_either_order(fake, ab):
    a, b = ab
    expect = repr([0.5, -5.0, 2.0])
    assert both(fake, "tensor_sub", "-input", a, "-other", b)[2] == expect
    assert both(fake, "tensor_sub", "-other", b, "-input", a)[2] == expect
    assert both(fake, "tensor_add", "-input2", b, "-input1", a)[2] == repr([1.5, 1.0, 6.0])
    assert both(fake, "tensor_sub", "-input", a, "-input", b)[0] == "error"
    assert both(fake, "tensor_sub", TclList(["-input"]), a, "-other", b)[0] == "error"


def test_warnings_from_generated_commands_are_the_bridge_s(fake):
    """A warning attributed to a generated command's frame (torch warns at its
    caller) is matched by install's filter on tclish.torchbridge, so no Python
    warning text reaches a Tcl user."""
    import warnings
    from tclish.torchbridge.convert import STRING
    from tclish.torchbridge.install import make_command
    from tclish.torchbridge.spec import CommandSpec, Param
    cmd = make_command(CommandSpec("warn_once", [Param("message", STRING)], "warnings:warn",
                                   returns="value"))
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        warnings.filterwarnings("ignore", module=r"tclish\.torchbridge(\.|$)")
        for _ in range(2):      # the first call resolves the function, the second calls it
            assert cmd(fake, ["torch::warn_once", "from torch"]) == ""
    assert seen == []
