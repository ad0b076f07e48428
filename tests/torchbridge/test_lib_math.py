"""mathematical_operations, basic_tensor_ops and the core/info/conversion commands against
torch called directly: each row is a Tcl script, the same operation in Python, a tolerance."""

import math

import pytest

torch = pytest.importorskip("torch")

from tclish import Interp  # noqa: E402
from tclish.runtime.errors import TclError  # noqa: E402
from tclish.runtime.lists import split_list  # noqa: E402
from tclish.runtime.values import to_str  # noqa: E402
from tclish.torchbridge.api import tensor_of  # noqa: E402

# the operands, in Tcl and in Python
SETUP = """
set a [torch::tensor_create -data {0.5 -1.25 2.0 3.5} -dtype float32]
set b [torch::tensor_create -data {1.5 2.0 -0.5 3.5} -dtype float32]
set u [torch::tensor_create -data {0.1 -0.3 0.6 0.9} -dtype float64]
set g [torch::tensor_create -data {1.0 1.5 2.5 9.0} -dtype float64]
set m [torch::tensor_create -data {{1.0 5.0 2.0} {4.0 3.0 6.0}} -dtype float32]
set i [torch::tensor_create -data {12 -10 7 3} -dtype int64]
set j [torch::tensor_create -data {5 3 2 1} -dtype int64]
set p [torch::tensor_create -data {1 0 1 0} -dtype bool]
set q [torch::tensor_create -data {1 1 0 0} -dtype bool]
set s [torch::tensor_create -data {1.0 NaN Inf -Inf} -dtype float32]
set x [torch::tensor_create -data {{{1.0 2.0} {3.0 4.0}} {{5.0 6.0} {7.0 8.0}}}]
"""


def operands():
    t = torch.tensor
    return {
        "a": t([0.5, -1.25, 2.0, 3.5]), "b": t([1.5, 2.0, -0.5, 3.5]),
        "u": t([0.1, -0.3, 0.6, 0.9], dtype=torch.float64),
        "g": t([1.0, 1.5, 2.5, 9.0], dtype=torch.float64),
        "m": t([[1.0, 5.0, 2.0], [4.0, 3.0, 6.0]]),
        "i": t([12, -10, 7, 3]), "j": t([5, 3, 2, 1]),
        "p": t([True, False, True, False]), "q": t([True, True, False, False]),
        "s": t([1.0, math.nan, math.inf, -math.inf]),
        "x": t([[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]]),
    }


O = operands()
EXACT = 0

ROWS = [
    # element-wise, one operand
    ("torch::sin $a", lambda: torch.sin(O["a"]), 1e-6),
    ("torch::cos -input $a", lambda: torch.cos(O["a"]), 1e-6),
    ("torch::tan -tensor $a", lambda: torch.tan(O["a"]), 1e-6),
    ("torch::asin $u", lambda: torch.asin(O["u"]), 1e-12),
    ("torch::acos $u", lambda: torch.acos(O["u"]), 1e-12),
    ("torch::atan $a", lambda: torch.atan(O["a"]), 1e-6),
    ("torch::siNh $a", lambda: torch.sinh(O["a"]), 1e-6),
    ("torch::cosh $a", lambda: torch.cosh(O["a"]), 1e-6),
    ("torch::asinh $a", lambda: torch.asinh(O["a"]), 1e-6),
    ("torch::acosh $g", lambda: torch.acosh(O["g"]), 1e-12),
    ("torch::atanh $u", lambda: torch.atanh(O["u"]), 1e-12),
    ("torch::atan2 -y $a -x $b", lambda: torch.atan2(O["a"], O["b"]), 1e-6),
    ("torch::deg2Rad $a", lambda: torch.deg2rad(O["a"]), 1e-6),
    ("torch::radToDeg $a", lambda: torch.rad2deg(O["a"]), 1e-5),
    ("torch::exp2 $a", lambda: torch.exp2(O["a"]), 1e-6),
    ("torch::exp10 $a", lambda: torch.pow(10.0, O["a"]), 1e-4),
    ("torch::exp10 $j", lambda: torch.pow(10.0, O["j"].float()), 1e-2),
    ("torch::expm1 $a", lambda: torch.expm1(O["a"]), 1e-6),
    ("torch::log2 $g", lambda: torch.log2(O["g"]), 1e-12),
    ("torch::log10 $g", lambda: torch.log10(O["g"]), 1e-12),
    ("torch::log1p $g", lambda: torch.log1p(O["g"]), 1e-12),
    ("torch::pow $a 2", lambda: torch.pow(O["a"], 2), 1e-6),
    ("torch::pow -base $g -exponent $u", lambda: torch.pow(O["g"], O["u"]), 1e-12),
    ("torch::rSqrt $g", lambda: torch.rsqrt(O["g"]), 1e-12),
    ("torch::Square $i", lambda: torch.square(O["i"]), EXACT),
    ("torch::Floor $a", lambda: torch.floor(O["a"]), EXACT),
    ("torch::ceil $a", lambda: torch.ceil(O["a"]), EXACT),
    ("torch::Round $a", lambda: torch.round(O["a"]), EXACT),
    ("torch::round $u -decimals 1", lambda: torch.round(O["u"], decimals=1), 1e-12),
    ("torch::trunc $a", lambda: torch.trunc(O["a"]), EXACT),
    ("torch::Frac $a", lambda: torch.frac(O["a"]), 1e-6),
    # comparisons, closeness, classification
    ("torch::Eq $a $b", lambda: torch.eq(O["a"], O["b"]), EXACT),
    ("torch::ne -input1 $a -input2 $b", lambda: torch.ne(O["a"], O["b"]), EXACT),
    ("torch::Lt $a 1.0", lambda: torch.lt(O["a"], 1.0), EXACT),
    ("torch::le -tensor1 $i -tensor2 $j", lambda: torch.le(O["i"], O["j"]), EXACT),
    ("torch::Gt $i $j", lambda: torch.gt(O["i"], O["j"]), EXACT),
    ("torch::ge $a $b", lambda: torch.ge(O["a"], O["b"]), EXACT),
    ("torch::isClose $a $b 0.1 0.5", lambda: torch.isclose(O["a"], O["b"], 0.1, 0.5), EXACT),
    ("torch::isclose -input $s -other $s -equal_nan 1",
     lambda: torch.isclose(O["s"], O["s"], equal_nan=True), EXACT),
    ("torch::allclose $a $a", lambda: 1, None),
    ("torch::allClose $a $b -atol 4.0", lambda: int(torch.allclose(O["a"], O["b"], atol=4.0)),
     None),
    ("torch::isNan $s", lambda: torch.isnan(O["s"]), EXACT),
    ("torch::isInf $s", lambda: torch.isinf(O["s"]), EXACT),
    ("torch::isFinite $s", lambda: torch.isfinite(O["s"]), EXACT),
    # logical and bitwise
    ("torch::logical_and $p $q", lambda: torch.logical_and(O["p"], O["q"]), EXACT),
    ("torch::logicalOr -input1 $p -input2 $q", lambda: torch.logical_or(O["p"], O["q"]), EXACT),
    ("torch::logical_xor $a $q", lambda: torch.logical_xor(O["a"], O["q"]), EXACT),
    ("torch::logical_not $a", lambda: torch.logical_not(O["a"]), EXACT),
    ("torch::bitwise_and $i $j", lambda: torch.bitwise_and(O["i"], O["j"]), EXACT),
    ("torch::bitwiseOr -input $i -other $j", lambda: torch.bitwise_or(O["i"], O["j"]), EXACT),
    ("torch::bitwise_xor $p $q", lambda: torch.bitwise_xor(O["p"], O["q"]), EXACT),
    ("torch::bitwise_not $i", lambda: torch.bitwise_not(O["i"]), EXACT),
    ("torch::bitwise_left_shift $i $j", lambda: torch.bitwise_left_shift(O["i"], O["j"]), EXACT),
    ("torch::bitwiseRightShift $i 1", lambda: torch.bitwise_right_shift(O["i"], 1), EXACT),
    # cumulative, differences
    ("torch::cumSum $m 1", lambda: torch.cumsum(O["m"], 1), 1e-6),
    ("torch::cumsum $i 0", lambda: torch.cumsum(O["i"], 0), EXACT),
    ("torch::cumprod -input $m -dim 0", lambda: torch.cumprod(O["m"], 0), 1e-6),
    ("torch::cummax $m 1", lambda: torch.cummax(O["m"], 1).values, EXACT),
    ("torch::cumMin $m -dim 1", lambda: torch.cummin(O["m"], 1).values, EXACT),
    ("torch::cummax $m 1 -indices 1", lambda: list(torch.cummax(O["m"], 1)), EXACT),
    ("torch::diff $m", lambda: torch.diff(O["m"]), 1e-6),
    ("torch::diff $a 2", lambda: torch.diff(O["a"], 2), 1e-6),
    ("torch::diff -input $m -n 1 -dim 0", lambda: torch.diff(O["m"], 1, 0), 1e-6),
    ("torch::gradient $g", lambda: torch.gradient(O["g"])[0], 1e-12),
    ("torch::gradientCmd $g 0.5", lambda: torch.gradient(O["g"], spacing=0.5)[0], 1e-12),
    ("torch::gradient -input $m -dim 1", lambda: torch.gradient(O["m"], dim=1)[0], 1e-6),
    ("torch::gradient $m", lambda: list(torch.gradient(O["m"])), 1e-6),
    ("torch::gradient $g -edge_order 2", lambda: torch.gradient(O["g"], edge_order=2)[0], 1e-12),
    # reductions along a dimension
    ("torch::mean_dim $m 1", lambda: torch.mean(O["m"], 1), 1e-6),
    ("torch::meanDim -input $x -dim {0 2} -keepdim 1",
     lambda: torch.mean(O["x"], (0, 2), keepdim=True), 1e-6),
    ("torch::std_dim $m 1", lambda: torch.std(O["m"], 1), 1e-6),
    ("torch::stdDim $m 0 0 1", lambda: torch.std(O["m"], 0, correction=0, keepdim=True), 1e-6),
    ("torch::var_dim $m 1", lambda: torch.var(O["m"], 1), 1e-6),
    ("torch::var_dim -input $m -dim 0 -unbiased 0", lambda: torch.var(O["m"], 0, correction=0),
     1e-6),
    ("torch::median_dim $m 1", lambda: torch.median(O["m"], 1).values, EXACT),
    ("torch::medianDim $m 0 1 -indices 1", lambda: list(torch.median(O["m"], 0, True)), EXACT),
    ("torch::kthvalue $m 2 1", lambda: torch.kthvalue(O["m"], 2, 1).values, EXACT),
    ("torch::kthValue -input $m -k 1 -dim 0 -keepdim 1",
     lambda: torch.kthvalue(O["m"], 1, 0, True).values, EXACT),
    # basic_tensor_ops, core, info
    ("torch::tensor_bmm $x $x", lambda: torch.bmm(O["x"], O["x"]), 1e-6),
    ("torch::tensorBmm -input $x -other $x", lambda: torch.bmm(O["x"], O["x"]), 1e-6),
    ("torch::tensor_size $m", lambda: [2, 3], None),
    ("torch::tensorSize $m 1", lambda: 3, None),
    ("torch::tensor_sum $m 1", lambda: torch.sum(O["m"], 1), 1e-6),
    ("torch::tensor_mean $m", lambda: torch.mean(O["m"]), 1e-6),
    ("torch::tensor_max $m 0", lambda: torch.max(O["m"], 0).values, EXACT),
    ("torch::tensor_min $m", lambda: torch.min(O["m"]), EXACT),
    ("torch::tensor_add $a $b 2.0", lambda: torch.add(O["a"], O["b"], alpha=2.0), 1e-6),
    ("torch::tensor_sub $i $j", lambda: torch.sub(O["i"], O["j"]), EXACT),
    ("torch::tensor_mul $a $b", lambda: torch.mul(O["a"], O["b"]), 1e-6),
    ("torch::tensor_div $i $j", lambda: torch.div(O["i"], O["j"]), 1e-6),
    ("torch::tensor_matmul $m [torch::tensor_permute $m {1 0}]",
     lambda: torch.matmul(O["m"], O["m"].T), 1e-6),
    ("torch::tensor_numel $x", lambda: 8, None),
]


@pytest.fixture(scope="module")
def interp():
    i = Interp()
    i.eval(SETUP)
    return i


def _value(interp, text):
    """A handle's tensor, a list of handles' tensors, or the plain Tcl value."""
    reg_tensor = _tensor(interp, text)
    if reg_tensor is not None:
        return reg_tensor
    items = split_list(text)
    tensors = [_tensor(interp, to_str(x)) for x in items]
    if items and all(t is not None for t in tensors):
        return tensors
    return text


def _tensor(interp, name):
    try:
        return tensor_of(interp.runtime, name)
    except TclError:
        return None


def _same(got, want, tol):
    if isinstance(want, list):
        assert isinstance(got, list) and len(got) == len(want)
        for g, w in zip(got, want):
            _same(g, w, tol)
        return
    assert isinstance(got, torch.Tensor), got
    assert got.dtype == want.dtype and got.shape == want.shape, (got, want)
    if tol == EXACT:
        assert torch.equal(got, want), (got, want)
    else:
        assert torch.allclose(got, want, rtol=0, atol=tol, equal_nan=True), (got, want)


@pytest.mark.parametrize("script,reference,tol", ROWS, ids=[r[0] for r in ROWS])
def test_command_matches_torch(interp, script, reference, tol):
    got = interp.eval("set r [%s]" % script)
    want = reference()
    if tol is None:         # a plain Tcl value
        assert to_str(got) == to_str(" ".join(map(str, want)) if isinstance(want, list)
                                     else want)
    else:
        _same(_value(interp, to_str(got)), want, tol)


# --- tensor_item, tensor_to_list, tensor_dtype over every dtype -----------------------

DTYPES = ["float32", "float64", "float16", "bfloat16", "uint8", "int8", "int16", "int32",
          "int64", "uint16", "uint32", "uint64", "bool", "complex64", "complex128"]


def _tcl_form(v):
    if isinstance(v, complex):
        return [v.real, v.imag]
    if isinstance(v, bool):
        return int(v)
    return v


def _nested(v):
    return [_nested(x) for x in v] if isinstance(v, list) else _tcl_form(v)


def _tcl_text(v):
    from tclish.runtime.values import TclList
    return to_str(TclList(_tcl_text(x) for x in v) if isinstance(v, list) else v)


@pytest.mark.parametrize("dtype", DTYPES)
def test_to_list_item_and_dtype_read_every_dtype(interp, dtype):
    interp.eval("set t [torch::tensor_create -data {{1 2} {3 0}} -dtype %s]" % dtype)
    ref = torch.tensor([[1, 2], [3, 0]]).to(getattr(torch, dtype))
    flat = [_tcl_form(v) for v in ref.reshape(-1).tolist()]
    assert to_str(interp.eval("torch::tensor_to_list $t")) == _tcl_text(flat)
    assert to_str(interp.eval("torch::tensor_to_list $t -nested 1")) == \
        _tcl_text(_nested(ref.tolist()))
    assert to_str(interp.eval("torch::tensor_item [torch::tensor_create -data {2} -dtype %s]"
                              % dtype)) == _tcl_text(_tcl_form(ref[0, 1].item()))
    name = to_str(interp.eval("torch::tensor_dtype $t"))
    assert name.lower() == dtype
    # the name tensor_dtype gives is accepted back as a dtype
    assert to_str(interp.eval("torch::tensor_dtype [torch::zeros {2} -dtype %s]" % name)) == name


def test_item_is_full_precision_tcl_numbers(interp):
    item = lambda data, dtype: to_str(interp.eval(  # noqa: E731
        "torch::tensor_item [torch::tensor_create -data {%s} -dtype %s]" % (data, dtype)))
    assert item("0.1", "float64") == "0.1"
    assert item("0.1", "float32") == repr(torch.tensor(0.1).item())
    assert item("1e-7", "float64") == "1e-7"        # Tcl's form, as tclsh prints 1e-07
    assert item("123456789012", "int64") == "123456789012"
    assert item("1", "bool") == "1"
    assert item("Inf", "float32") == "Inf"
    assert float(interp.eval(
        "expr {[torch::tensor_item [torch::tensor_create -data {0.5}]] * 2}")) == 1.0


# --- bad input: a Tcl error naming the problem, the interpreter stays usable --------

@pytest.mark.parametrize("script,phrase", [
    ("torch::sin nosuch", "Invalid tensor name"),
    ("torch::atan2 $a", "Usage"),
    ("torch::cumsum $m 5", "Dimension out of range"),
    ("torch::mean_dim $i 0", "mean"),                   # integer input: torch refuses
    ("torch::bitwise_and $a $b", "bitwise_and"),        # float input
    ("torch::eq $a [torch::ones 3]", "size of tensor a (4)"),
    ("torch::tensor_bmm $m $m", "batch1 must be a 3D tensor"),
    ("torch::kthvalue $m 9 1", "k"),
    ("torch::isclose $a $b -rtol -1", "Invalid rtol value: must be at least 0.0, got -1"),
    ("torch::diff $a -n -1", "Invalid n value"),
    ("torch::sin -bogus $a", "Unknown parameter"),
    ("torch::tensor_to_list $a -nested maybe", "boolean"),
    ("torch::tensor_create -data {1 2} -dtype float99", "unknown dtype"),
])
def test_bad_input_is_a_tcl_error(interp, script, phrase):
    with pytest.raises(TclError) as e:
        interp.eval(script)
    assert phrase in e.value.message, e.value.message
    assert "Traceback" not in e.value.message and "Warning" not in e.value.message
    assert to_str(interp.eval("torch::tensor_to_list [torch::tensor_add $a $a]")) == \
        "1.0 -2.5 4.0 7.0"
