"""What the torch commands do and return (TCLIBTORCH's result formats)."""

import pytest

torch = pytest.importorskip("torch")

from tclish.runtime.errors import TclError  # noqa: E402
from tclish.runtime.values import TclList, to_str  # noqa: E402
from tclish.torchbridge.kernels import roi  # noqa: E402


def T(fake, handle):
    return fake.extensions["torch"].tensors.find(handle)


def err(fake, *argv):
    with pytest.raises(TclError) as e:
        fake.call(*argv)
    return e.value.message


# --- tensor_create -----------------------------------------------------------

def test_create_nested_lists_of_any_depth(fake):
    t = T(fake, fake.call("torch::tensor_create", "{{1 2} {3 4}} {{5 6} {7 8}}"))
    assert t.shape == (2, 2, 2) and t.dtype == torch.float32
    assert t.flatten().tolist() == [1, 2, 3, 4, 5, 6, 7, 8]


def test_create_second_argument_is_shape_or_dtype_by_value(fake):
    seed = T(fake, fake.call("torch::tensor_create", "{0.0 0.0 0.5 0.5} {0.2 0.3 0.7 0.8}",
                             "float32"))
    assert seed.shape == (2, 4) and seed.dtype == torch.float32
    shaped = T(fake, fake.call("torch::tensor_create", "0 0 15 15", "4", "float64"))
    assert shaped.shape == (4,) and shaped.dtype == torch.float64
    t = T(fake, fake.call("torch::tensor_create", "1 2 3 4 5 6", "2 3", "int64"))
    assert t.shape == (2, 3) and t.dtype == torch.int64
    t = T(fake, fake.call("torch::tensor_create", "1.0 2.0", "float64", "cpu", "true"))
    assert t.requires_grad and t.dtype == torch.float64


def test_create_named_and_mixed(fake):
    t = T(fake, fake.call("torch::tensorCreate", "-data", "1 2 3 4", "-shape", "2 2",
                          "-dtype", "double", "-requiresGrad", "yes"))
    assert t.shape == (2, 2) and t.dtype == torch.float64 and t.requires_grad
    t = T(fake, fake.call("torch::tensor_create", "1 2 3", "-dtype", "long"))
    assert t.dtype == torch.int64 and t.tolist() == [1, 2, 3]


def test_create_edge_values(fake):
    assert T(fake, fake.call("torch::tensor_create", "-data", "5.0")).shape == (1,)
    assert T(fake, fake.call("torch::tensor_create", "-data", "")).shape == (0,)
    assert T(fake, fake.call("torch::tensor_create", "-1 -2.5 0x10")).tolist() == [-1, -2.5, 16]
    t = T(fake, fake.call("torch::tensor_create", "true false on", "bool"))
    assert t.tolist() == [True, False, True]
    for dtype in ["float16", "bfloat16", "int8", "uint8", "int32", "bool", "Float64", "half"]:
        fake.call("torch::tensor_create", "1 0", dtype)


def test_create_errors(fake):
    assert err(fake, "torch::tensor_create", "1 x 3") == (
        'Invalid data value: expected a number but got "x" '
        '(Invalid data parameter; Required parameters missing or invalid; Error in tensor_create)')
    assert "expected sequence of length 2" in err(fake, "torch::tensor_create", "{1 2} {3}")
    assert err(fake, "torch::tensor_create", "-data", "1 2", "-dtype", "badtype").startswith(
        'Invalid dtype value: unknown dtype "badtype"')
    assert err(fake, "torch::tensor_create", "-dtype", "float32").startswith(
        "Missing required parameter: -data (Required parameters missing or invalid; "
        "Required parameters missing: data required; "
        "Required parameter missing: -data. Usage: torch::tensor_create data")
    assert err(fake, "torch::tensor_create", "-data", "1 2", "-dtype").startswith(
        "Missing value for parameter: -dtype")


def test_devices(fake):
    assert fake.call("torch::cuda_is_available") == (1 if torch.cuda.is_available() else 0)
    assert fake.call("torch::tensor_device", fake.call("torch::zeros", "2", "-device", "cpu")) == "cpu"
    if not torch.cuda.is_available():
        assert err(fake, "torch::zeros", "2", "-device", "cuda").startswith(
            'Invalid device value: CUDA is not available (asked for "cuda") (Invalid -device')
        assert err(fake, "torch::ones", "2", "float32", "cuda:1").startswith(
            "Invalid device value: CUDA is not available")
    else:
        h = fake.call("torch::zeros", "2", "-device", "cuda:0")
        assert fake.call("torch::tensor_device", h) == "cuda:0"
    assert err(fake, "torch::zeros", "2", "-device", "tpu") == (
        'Invalid device value: unknown device "tpu": must be cpu, cuda or cuda:N '
        '(Invalid device string: tpu; Invalid -device parameter; Invalid device parameter; '
        'Required parameters missing or invalid; Error in zeros)')


# --- creation ----------------------------------------------------------------

def test_filled_creation(fake):
    t = T(fake, fake.call("torch::zeros", "2 3", "-dtype", "float64", "-requiresGrad", "1"))
    assert t.shape == (2, 3) and t.dtype == torch.float64 and t.requires_grad
    assert T(fake, fake.call("torch::ones", "-shape", "3")).tolist() == [1, 1, 1]
    assert T(fake, fake.call("torch::full", "2", "7.5")).tolist() == [7.5, 7.5]
    assert T(fake, fake.call("torch::empty", "4 1")).shape == (4, 1)
    assert T(fake, fake.call("torch::eye", "2", "3")).tolist() == [[1, 0, 0], [0, 1, 0]]
    assert T(fake, fake.call("torch::eye", "2", "int64")).dtype == torch.int64
    assert T(fake, fake.call("torch::eye", "-n", "2", "-m", "1")).shape == (2, 1)
    r = T(fake, fake.call("torch::rand", "3 2", "cpu", "float64"))
    assert r.shape == (3, 2) and r.dtype == torch.float64 and 0 <= r.min() and r.max() < 1
    assert T(fake, fake.call("torch::randn", "-shape", "5")).shape == (5,)
    base = fake.call("torch::tensor_create", "1 2 3", "int32")
    z = T(fake, fake.call("torch::zeros_like", base))
    assert z.dtype == torch.int32 and z.tolist() == [0, 0, 0]
    o = T(fake, fake.call("torch::onesLike", "-input", base, "-dtype", "float64"))
    assert o.dtype == torch.float64 and o.tolist() == [1, 1, 1]


def test_ranges(fake):
    def values(*args):
        return T(fake, fake.call("torch::arange", *args)).tolist()
    assert values("5") == [0, 1, 2, 3, 4]
    assert values("2", "5") == [2, 3, 4]
    assert values("5", "int64") == [0, 1, 2, 3, 4]
    assert values("0", "10", "3") == [0, 3, 6, 9]
    assert values("0", "3", "float64") == [0, 1, 2]
    assert values("-end", "3", "-start", "1", "-step", "0.5") == [1, 1.5, 2, 2.5]
    assert T(fake, fake.call("torch::linspace", "0", "1", "5")).tolist() == [0, 0.25, 0.5, 0.75, 1]


# --- queries -----------------------------------------------------------------

def test_shape_dtype_numel(fake):
    h = fake.call("torch::zeros", "2 3 4")
    assert fake.call("torch::tensor_shape", h) == [2, 3, 4]
    assert isinstance(fake.call("torch::tensor_shape", h), TclList)
    assert fake.call("torch::tensorShape", "-tensor", h) == [2, 3, 4]
    assert fake.call("torch::tensor_numel", "-input", h) == 24
    names = {d: fake.call("torch::tensor_dtype", fake.call("torch::zeros", "1", d))
             for d in ["float32", "float64", "int32", "int64", "bool"]}
    assert names == {"float32": "Float32", "float64": "Float64", "int32": "Int32",
                     "int64": "Int64", "bool": "Bool"}


def test_item_formats(fake):
    def item(data, dtype):
        return fake.call("torch::tensor_item", fake.call("torch::tensor_create", data, dtype))
    # full precision in Tcl's number form, not TCLIBTORCH's %f
    assert item("5.0", "float32") == 5.0
    assert item("3.14159", "float64") == 3.14159
    assert item("0.1", "float32") == 0.10000000149011612      # the float32's exact value
    assert item("1e-7", "float64") == 1e-07
    assert item("-2.5", "float32") == -2.5
    assert item("42", "int32") == 42
    assert item("123456789", "int64") == 123456789
    assert item("1", "bool") == 1
    assert err(fake, "torch::tensor_item", fake.call("torch::zeros", "2")) == \
        "Tensor must have exactly one element, got 2"


def test_print_format(fake):
    def show(data, shape=None):
        h = fake.call("torch::tensor_create", data, *(shape and [shape] or []))
        return fake.call("torch::tensor_print", h)
    assert show("1 2 3 4", "2 2") == "{{1.    2.} {3.    4.}}"
    assert show("1.5 2 3") == "{1.5   2.   3.}"
    assert show("42.0") == "{42.}"
    assert show("") == "{}"
    assert show("0.1 1000000") == "{0.1   1e+06.}"
    three = show("1 2 3 4 5 6 7 8", "2 2 2")
    assert three == "{{{1.     2.} {3.     4.}} \n           {{5.     6.} {7.     8.}}}"


def test_to_list_is_flat_and_typed(fake):
    h = fake.call("torch::tensor_create", "{0.5 2} {3 4}")
    assert fake.call("torch::tensor_to_list", h) == [0.5, 2.0, 3.0, 4.0]
    ints = fake.call("torch::tensor_create", "1 2 3", "int64")
    assert fake.call("torch::tensorToList", "-input", ints) == [1, 2, 3]
    bools = fake.call("torch::tensor_create", "1 0", "bool")
    assert fake.call("torch::tensor_to_list", bools) == [1, 0]
    f32 = fake.call("torch::tensor_create", "0.1")
    assert fake.call("torch::tensor_to_list", f32) == [0.10000000149011612]


# --- arithmetic, reductions, autograd ----------------------------------------

def test_arithmetic(fake):
    a = fake.call("torch::tensor_create", "1 2 3")
    b = fake.call("torch::tensor_create", "10 20 30")
    assert T(fake, fake.call("torch::tensor_add", a, b)).tolist() == [11, 22, 33]
    assert T(fake, fake.call("torch::tensor_add", a, b, "0.5")).tolist() == [6, 12, 18]
    assert T(fake, fake.call("torch::tensorAdd", "-input1", a, "-input2", b)).tolist() == [11, 22, 33]
    assert T(fake, fake.call("torch::tensor_sub", "-input", b, "-other", a, "-alpha", "2")
             ).tolist() == [8, 16, 24]
    assert T(fake, fake.call("torch::tensor_mul", a, "2.5")).tolist() == [2.5, 5, 7.5]
    assert T(fake, fake.call("torch::tensor_div", b, a)).tolist() == [10, 10, 10]
    i = fake.call("torch::tensor_create", "1 2", "int32")
    assert T(fake, fake.call("torch::tensor_add", i, i)).tolist() == [2, 4]
    assert err(fake, "torch::tensor_add", a, "nonsense") == (
        'Invalid other tensor name: Invalid tensor name "nonsense", nor a number '
        '(Tensor not found; Invalid tensor handle; Required parameters missing or invalid; '
        'Error in tensor_add)')
    assert "must match the size" in err(fake, "torch::tensor_add", a, fake.call("torch::ones", "2"))


def test_reshape_and_reductions(fake):
    h = fake.call("torch::tensor_reshape", fake.call("torch::arange", "6"), "2 -1")
    assert fake.call("torch::tensor_shape", h) == [2, 3]
    assert T(fake, fake.call("torch::tensor_sum", h)).item() == 15
    assert T(fake, fake.call("torch::tensor_sum", h, "0")).tolist() == [3, 5, 7]
    assert T(fake, fake.call("torch::tensor_mean", "-input", h, "-dim", "1")).tolist() == [1, 4]
    assert T(fake, fake.call("torch::tensor_max", h, "1")).tolist() == [2, 5]
    assert T(fake, fake.call("torch::tensor_min", h)).item() == 0
    assert "out of range" in err(fake, "torch::tensor_sum", h, "5")


def test_autograd(fake):
    x = fake.call("torch::tensor_create", "-data", "3.0", "-requiresGrad", "true")
    assert fake.call("torch::tensor_requires_grad", x) == 1
    assert err(fake, "torch::tensor_grad", x) == "No gradient computed yet"
    y = fake.call("torch::tensor_sum", fake.call("torch::tensor_mul", x, x))
    assert fake.call("torch::tensor_backward", y) == "OK"
    g = fake.call("torch::tensor_grad", x)
    assert g.startswith("tensor") and T(fake, g).tolist() == [6.0]
    plain = fake.call("torch::ones", "1")
    assert fake.call("torch::tensorRequiresGrad", plain) == 0
    assert err(fake, "torch::tensor_backward", plain) == "Tensor does not require gradients"
    assert err(fake, "torch::tensor_grad", plain) == "Tensor does not require gradients"


# --- pooling and interpolation -----------------------------------------------

def test_adaptive_pools(fake):
    m = fake.call("torch::tensor_create", "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16", "1 1 4 4")
    assert T(fake, fake.call("torch::adaptive_avg_pool2d", m, "2")).flatten().tolist() == \
        [3.5, 5.5, 11.5, 13.5]
    assert T(fake, fake.call("torch::adaptiveMaxPool2d", "-input", m, "-outputSize", "1 2")
             ).flatten().tolist() == [14, 16]


@pytest.mark.parametrize("mode", ["nearest", "bilinear", "bicubic", "area"])
def test_interpolate_modes(fake, mode):
    m = fake.call("torch::rand", "1 2 4 6")
    src = T(fake, m)
    out = T(fake, fake.call("torch::interpolate", m, "8 3", mode))
    want = torch.nn.functional.interpolate(
        src, size=(8, 3), mode=mode,
        align_corners=False if mode in ("bilinear", "bicubic") else None)
    assert torch.equal(out, want)
    half = T(fake, fake.call("torch::interpolate", "-input", m, "-scaleFactor", "0.5",
                             "-mode", mode))
    assert half.shape == (1, 2, 2, 3)


def test_interpolate_align_corners_and_errors(fake):
    m = fake.call("torch::rand", "1 1 3 3")
    got = T(fake, fake.call("torch::interpolate", "-tensor", m, "-size", "5 5", "-mode",
                            "bilinear", "-align_corners", "1"))
    want = torch.nn.functional.interpolate(T(fake, m), size=(5, 5), mode="bilinear",
                                           align_corners=True)
    assert torch.equal(got, want)
    assert err(fake, "torch::interpolate", m) == "interpolate needs -size or -scaleFactor"
    both = fake.call("torch::interpolate", m, "-size", "4 4", "-scaleFactor", "3")
    assert fake.call("torch::tensor_shape", both) == [1, 1, 4, 4]
    assert err(fake, "torch::interpolate", m, "-mode", "cubic", "-size", "2").startswith(
        'Invalid mode value: "cubic" is not one of nearest, linear, bilinear')


# --- vision ------------------------------------------------------------------

def test_roi_align_command_matches_kernel_in_all_syntaxes(fake):
    f = fake.call("torch::rand", "1 4 16 16")
    b = fake.call("torch::tensor_create", "{0 1 1 9 9} {0 2.5 3 14 7}")
    want = roi.roi_align(T(fake, f), T(fake, b), (3, 3), 0.5, 2, False)
    for argv in (["torch::roi_align", f, b, "3 3", "0.5", "2", "false"],
                 ["torch::roiAlign", "-input", f, "-boxes", b, "-outputSize", "3",
                  "-spatialScale", "0.5", "-samplingRatio", "2", "-aligned", "0"],
                 ["torch::roi_align", f, b, "-output_size", "3 3", "-spatial_scale", "0.5",
                  "-sampling_ratio", "2", "-aligned", "off"]):
        assert torch.equal(T(fake, fake.call(*argv)), want)


def test_roi_align_seed_errors(fake):
    f = fake.call("torch::zeros", "1 64 32 32")
    b = fake.call("torch::tensor_create", "{0.0 0.0 0.5 0.5} {0.2 0.3 0.7 0.8}", "float32")
    assert "Missing required parameters" in err(fake, "torch::roi_align", "-input", f)
    assert "Usage: torch::roi_align" in err(fake, "torch::roi_align", "-input", f)
    assert "Invalid input tensor" in err(fake, "torch::roi_align", "-input", "invalid", "-boxes",
                                         b, "-outputSize", "7 7")
    assert "Invalid spatialScale value" in err(fake, "torch::roi_align", "-input", f, "-boxes", b,
                                               "-outputSize", "7 7", "-spatialScale", "invalid")
    assert "Usage" in err(fake, "torch::roi_align", f)


def test_roi_pool_nms_box_iou_commands(fake):
    f = fake.call("torch::ones", "1 1 16 16")
    assert fake.call("torch::tensor_shape",
                     fake.call("torch::roi_pool", f, fake.call("torch::tensor_create",
                                                               "0 0 0 15 15"), "4 4")) == [1, 1, 4, 4]
    boxes = fake.call("torch::tensor_create",
                      "0.0 0.0 1.0 1.0 0.1 0.1 1.1 1.1 0.9 0.9 1.9 1.9 0.2 0.2 0.8 0.8", "4 4")
    scores = fake.call("torch::tensor_create", "-data", "0.9 0.8 0.7 0.6")
    keep = fake.call("torch::nms", boxes, scores, "0.5")
    assert fake.call("torch::tensor_to_list", keep) == [0, 2, 3]
    assert fake.call("torch::tensor_to_list", fake.call("torch::Nms", boxes, scores, "0.5")) == \
        [0, 2, 3]
    keep = fake.call("torch::nms", "-boxes", boxes, "-scores", scores, "-iouThreshold", "0.5",
                     "-scoreThreshold", "0.75")
    assert fake.call("torch::tensor_to_list", keep) == [0]
    assert err(fake, "torch::nms", boxes, scores, "1.5").startswith(
        "Invalid iou_threshold value: must be between 0.0 and 1.0, got 1.5 "
        "(Invalid iou_threshold parameter;")
    iou = fake.call("torch::boxIou", "-boxes1", boxes, "-boxes2", boxes)
    assert fake.call("torch::tensor_shape", iou) == [4, 4]
    assert T(fake, iou).diagonal().tolist() == [1.0, 1.0, 1.0, 1.0]


# --- load ----------------------------------------------------------------------

@pytest.mark.parametrize("path", ["../../build/libtorchtcl.so", "libtorchtcl.so",
                                  "/opt/x/libtorchtcl.dylib", "libtorchtcl"])
def test_load_accepts_the_torch_library(fake, path):
    assert fake.call("load", path) == ""
    assert fake.call("load", path, "Torchtcl") == ""


def test_load_refuses_anything_else(fake):
    assert err(fake, "load", "/no/such/libfoo.so") == \
        'couldn\'t load file "/no/such/libfoo.so": /no/such/libfoo.so: cannot open shared ' \
        'object file: No such file or directory'
    assert err(fake, "load").startswith("wrong # args")
    assert to_str(fake.call("load", "-global", "--", "libtorchtcl.so")) == ""
