"""Every declared command, called every way: positionally, by name in both
spellings, mixed, and through its camelCase alias, with example values
generated from its declaration.  All ways must agree."""

import re

import pytest

torch = pytest.importorskip("torch")

from tclish.runtime.lists import split_list  # noqa: E402
from tclish.runtime.values import TclList  # noqa: E402
from tclish.runtime.values import to_str  # noqa: E402
from tclish.torchbridge import messages  # noqa: E402
from tclish.torchbridge.convert import TENSOR  # noqa: E402
from tclish.torchbridge.decls import ALL_SPECS  # noqa: E402
from tclish.torchbridge.spec import REQUIRED  # noqa: E402


def _example_text(param):
    if param.example is not None:
        return param.example
    if param.default is not REQUIRED and param.default is not None:
        d = param.default
        return ("1" if d else "0") if isinstance(d, bool) else str(d)
    return param.kind.example


def _used_params(spec):
    """The prefix of parameters a call passes: up to the last required or exemplified one."""
    last = -1
    for i, p in enumerate(spec.params):
        if p.required or p.example is not None:
            last = i
    return spec.params[:last + 1]


def _make(fake, example):
    """A handle of another kind (module, optimizer, ...) from its example: the words
    of the command that makes one, where a word that is itself such a command
    is run first (`torch::optimizer_sgd {torch::linear 2 1} 0.1`)."""
    words = split_list(example)
    return fake.call(*[_make(fake, w) if w.startswith("torch::") and w != words[0] else w
                       for w in words])


def _values(fake, spec):
    """A fresh example value per used parameter (new tensors every time)."""
    out = []
    for p in _used_params(spec):
        if p.kind.handle_kind not in (None, "tensor") and not p.example:
            out.append("no_such_handle")        # a kind with no example maker (work, scaler)
        elif p.kind.handle_kind not in (None, "tensor"):
            made = [_make(fake, p.example) for _ in range(2 if p.kind.handle_list else 1)]
            out.append(TclList(made) if p.kind.handle_list else made[0])
        elif p.kind.handle_list:      # a list of two tensors
            words = split_list(p.example or TENSOR.example)
            out.append(TclList(fake.call("torch::tensor_create", *words) for _ in range(2)))
        elif p.kind.handle_kind is not None:
            words = split_list(p.example or TENSOR.example)
            out.append(fake.call("torch::tensor_create", *words))
        else:
            out.append(_example_text(p))
    return out


def _tensor_summary(spec, t):
    if t.is_quantized:
        t = t.int_repr()
    elif t.layout != torch.strided:
        t = t.to_dense()
    # a module made afresh for each call has fresh random weights
    fresh = any(p.kind.handle_kind not in (None, "tensor") for p in spec.params)
    if not spec.deterministic or fresh:
        return ("tensor", tuple(t.shape), t.dtype)
    values = t.detach().flatten().tolist()
    if t.is_floating_point():
        # to 6 digits: LAPACK's float32 solvers (lstsq) may differ in the last
        # bits from one call to the next on a loaded machine; which parameter
        # got which value shows far above that
        values = [float("%.6g" % v) for v in values]
    return ("tensor", tuple(t.shape), t.dtype, values)


def _summary(fake, spec, result):
    """What a call's result means, comparable across calls."""
    if spec.returns in ("tensors", "handle") and isinstance(result, str) and \
            result.rstrip("0123456789") != result and "tensor" not in result:
        return ("handle", result.rstrip("0123456789"))     # scaler3: a new one each call
    tensors = fake.extensions["torch"].tensors
    if spec.returns == "tensor" and to_str(result) != "":
        return _tensor_summary(spec, tensors[result])
    if spec.returns == "tensors":
        # a structure of handles: compare what the handles name, not their numbers
        words = split_list(to_str(result))
        return ("value",) + tuple(_tensor_summary(spec, tensors[w]) if w in tensors
                                  else re.sub(r"\d+", "#", to_str(w)) for w in words)
    if spec.returns == "handle":    # fresh handle names differ call to call
        return ("value", re.sub(r"\d+", "#", to_str(result)))
    if not spec.deterministic:
        return ("value",)
    if any(p.kind.handle_kind not in (None, "tensor") for p in spec.params):
        return ("value", re.sub(r"\d+", "#", to_str(result)))     # answers its handle: linear5
    return ("value", to_str(result))


class _AsTensor:
    returns = "tensor"

    def __init__(self, deterministic):
        self.deterministic = deterministic


_AS_TENSOR = {True: _AsTensor(True), False: _AsTensor(False)}


def _calls(spec, values):
    params = _used_params(spec)
    yield "positional", [spec.qualified] + values
    yield "named camelCase", [spec.qualified] + [x for p, v in zip(params, values)
                                                 for x in (p.options[0], v)]
    yield "named snake_case", [spec.qualified] + [x for p, v in zip(params, values)
                                                  for x in ("-" + p.name, v)]
    if len(params) >= 2:
        yield "mixed", [spec.qualified, values[0]] + [x for p, v in zip(params[1:], values[1:])
                                                     for x in (p.options[0], v)]
    yield "alias", [spec.qualified_camel] + values
    yield "alias named", [spec.qualified_camel] + [x for p, v in zip(params, values)
                                                   for x in (p.options[-1], v)]


# commands whose generated example call is an error by nature: a gradient not
# made yet; point-to-point messages need a second process; work handles come
# only from isend/irecv; quantized tensors only from quantize_*
EXPECTED_ERRORS = dict.fromkeys(
    ("tensor_grad", "distributed_send", "distributed_recv", "distributed_isend",
     "distributed_irecv", "distributed_wait", "distributed_test",
     # set_rng_state's example can't be a real 5056-byte generator state
     "set_rng_state",
     # a quantized tensor can't be written as tensor_create's arguments
     "dequantize", "int_repr", "q_scale", "q_zero_point", "q_per_channel_scales",
     "q_per_channel_zero_points", "q_per_channel_axis", "quantized_add", "quantized_mul",
     "quantized_relu",
     # a scaler steps an optimizer, made by the nn commands; scalers are not tensors
     "grad_scaler_step", "grad_scaler_scale", "grad_scaler_update", "grad_scaler_get_scale",
     # the load commands need a file saved first (their docs examples do that)
     "load_state", "load_state_dict", "load_checkpoint", "get_checkpoint_info", "tensor_load")
    + (() if torch.cuda.is_available() else ("layer_cuda",)),
    "error")
if not torch.cuda.is_available():       # the CUDA queries refuse without a device
    EXPECTED_ERRORS.update(cuda_device_info="error", cuda_memory_info="error")
# process-wide state one call at a time (tests/torchbridge/test_lib_memory.py)
STATEFUL = ("profiler_start", "profiler_stop")


@pytest.mark.parametrize("spec", ALL_SPECS, ids=[s.name for s in ALL_SPECS])
def test_every_syntax_gives_the_same_result(fake, spec):
    from tclish.runtime.errors import TclError
    if spec.name in STATEFUL:
        pytest.skip("process-wide state")
    assert fake.commands[spec.qualified] is fake.commands[spec.qualified_camel]
    results = {}
    for style, _ in _calls(spec, _values(fake, spec)):
        argv = dict(_calls(spec, _values(fake, spec)))[style]
        try:
            results[style] = _summary(fake, spec, fake.call(*argv))
        except TclError as e:   # a command may refuse its examples: then all ways alike
            results[style] = ("error", e.message)
    first = results["positional"]
    if not all(r[0] == "error" for r in results.values()):
        # (an example every way refuses may be refused for a different parameter
        # first, depending on the order the arguments come in)
        if spec.returns == "value" and not spec.deterministic:   # memory in use, timings
            assert all(r[0] == first[0] for r in results.values()), results
        else:
            assert all(r == first for r in results.values()), results
    expected = EXPECTED_ERRORS.get(spec.name, "tensor" if spec.returns == "tensor" else "value")
    if first[0] == "handle":        # a handle of another kind (scaler3)
        assert spec.returns in ("tensors", "handle"), first
        return
    assert first[0] == expected, first


@pytest.mark.parametrize("spec", ALL_SPECS, ids=[s.name for s in ALL_SPECS])
def test_every_declaration_renders_usage_and_help(spec):
    usage = messages.usage(spec)
    assert usage.startswith("Usage: " + spec.qualified)
    for p in spec.params:
        assert p.options[0] in usage
        assert p.options[0] in messages.help_text(spec)
    assert messages.info(spec)["name"] == spec.qualified


@pytest.mark.parametrize("spec", [s for s in ALL_SPECS if any(p.required for p in s.params)],
                         ids=lambda s: s.name)
def test_every_command_reports_missing_arguments(fake, spec):
    from tclish.runtime.errors import TclError
    with pytest.raises(TclError) as e:
        fake.call(spec.qualified)
    assert e.value.message.startswith('wrong # args: should be "%s' % spec.qualified)
    assert "(Wrong number of arguments; " in e.value.message
    assert e.value.message.endswith(". %s)" % messages.usage(spec))
    required = [p for p in spec.params if p.required]
    optional = [p for p in spec.params if not p.required and p.kind.handle_kind is None]
    if optional:
        p = optional[0]
        with pytest.raises(TclError) as e:
            fake.call(spec.qualified, p.options[0], _example_text(p))
        assert e.value.message.startswith("Missing required parameter%s: %s" % (
            "s" if len(required) > 1 else "", ", ".join(q.options[0] for q in required)))
