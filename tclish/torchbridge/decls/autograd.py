"""Autograd (automatic_differentiation and the autograd queries): tensor_requires_grad,
tensor_backward, tensor_grad, tensor_detach, the grad mode (no_grad, enable_grad,
set_grad_enabled: global, or around a script), is_grad_enabled, and the functional
transforms grad, jacobian, hessian, vjp, jvp, vmap, functional_call, grad_check."""

from ..convert import BOOL, INT, MODULE, OPTIONAL_TENSOR, SCRIPT, TENSOR, TENSOR_LIST, Double
from ..spec import CommandSpec, Param

_K = ".kernels.autograd:"
_GRAD_EXAMPLE = "-data {2.0} -requiresGrad 1"
# plain command prefixes, so that the generated tests' stand-in interpreter can call them
_SQUARE = "torch::tensor_exp"
_SUM_SQ = "torch::tensor_sum"
_X3 = "-data {1.0 2.0 3.0} -dtype float32"


def _func(example=_SQUARE):
    return Param("func", SCRIPT, help="command prefix or apply lambda: tensor handles in, "
                                      "a tensor handle out", aliases=("function",),
                 example=example)


def _inputs(example=_X3):
    return Param("inputs", TENSOR, help="the point to differentiate at", aliases=("input",),
                 example=example)


def _mode(name, func, help, example, extra=()):
    return CommandSpec(name, list(extra) + [
        Param("script", SCRIPT, None, "run only this script in the mode, then restore it")],
        _K + func, help, returns="value", context=True, example=example)


SPECS = [
    CommandSpec("tensor_requires_grad",
                [Param("input", TENSOR, help="tensor handle", aliases=("tensor",))],
                _K + "requires_grad", "1 if the tensor tracks gradients, else 0.",
                returns="value"),
    CommandSpec("tensor_backward",
                [Param("input", TENSOR, help="tensor to differentiate", aliases=("tensor",),
                       example=_GRAD_EXAMPLE),
                 Param("gradient", OPTIONAL_TENSOR, None, "d(loss)/d(input) for a tensor with "
                                                          "several elements", aliases=("grad",)),
                 Param("retain_graph", BOOL, False, "keep the graph for another backward")],
                _K + "backward",
                "Back-propagate from a one-element tensor (or with -gradient); answers OK.",
                returns="value",
                example="set x [torch::tensor_create -data {2.0} -requiresGrad 1]\n"
                        "torch::tensor_backward [torch::tensor_mul $x $x]\n"
                        "torch::tensor_item [torch::tensor_grad $x]"),
    CommandSpec("tensor_grad",
                [Param("input", TENSOR, help="tensor handle", aliases=("tensor",),
                       example=_GRAD_EXAMPLE)],
                _K + "grad",
                "The accumulated gradient as a new handle (an error if there is none yet).",
                example="set x [torch::tensor_create -data {3.0} -requiresGrad 1]\n"
                        "torch::tensor_backward [torch::tensor_mul $x $x]\n"
                        "torch::tensor_item [torch::tensor_grad $x]"),
    CommandSpec("tensor_detach",
                [Param("input", TENSOR, help="tensor handle", aliases=("tensor",))],
                "torch:detach", "The same values, cut from the autograd graph.",
                example="set x [torch::tensor_create -data {1.0} -requiresGrad 1]\n"
                        "torch::tensor_requires_grad [torch::tensor_detach $x]"),
    _mode("no_grad", "no_grad", "Stop recording gradients: globally, or only while the "
          "script runs (the mode is restored afterwards, also on error).",
          "set x [torch::tensor_create -data {1.0} -requiresGrad 1]\n"
          "torch::no_grad {set y [torch::tensor_mul $x 2.0]}\ntorch::tensor_requires_grad $y"),
    _mode("enable_grad", "enable_grad", "Record gradients: globally, or only while the "
          "script runs.", "torch::enable_grad\ntorch::is_grad_enabled"),
    _mode("set_grad_enabled", "set_grad_enabled", "Set whether gradients are recorded: "
          "globally, or only while the script runs.",
          "torch::set_grad_enabled 0 {puts [torch::is_grad_enabled]}\ntorch::is_grad_enabled",
          extra=[Param("enabled", BOOL, help="1 to record gradients", example="1")]),
    CommandSpec("is_grad_enabled", [], _K + "is_grad_enabled",
                "1 if gradients are being recorded, else 0.", returns="value",
                example="torch::is_grad_enabled"),
    CommandSpec("grad",
                [Param("outputs", TENSOR, help="tensor to differentiate",
                       aliases=("output",), example=_GRAD_EXAMPLE),
                 Param("inputs", TENSOR_LIST, help="tensors to differentiate with respect to",
                       aliases=("input",), example=_GRAD_EXAMPLE),
                 Param("grad_outputs", OPTIONAL_TENSOR, None,
                       "d(loss)/d(outputs) for non-scalar outputs"),
                 Param("retain_graph", BOOL, False, "keep the graph"),
                 Param("create_graph", BOOL, False, "record the gradient's own graph "
                                                    "(for higher derivatives)")],
                _K + "grad_of", "d outputs / d inputs (torch.autograd.grad): one tensor per "
                "input.", returns="tensors", deterministic=False,
                example="set x [torch::tensor_create -data {3.0} -requiresGrad 1]\n"
                        "torch::tensor_item [torch::grad [torch::tensor_mul $x $x] $x]"),
    CommandSpec("jacobian", [_func(), _inputs()], _K + "jacobian",
                "The Jacobian of a Tcl function at inputs "
                "(torch.autograd.functional.jacobian).", context=True,
                legacy_names=("Jacobian",),
                example="torch::tensor_to_list [torch::jacobian "
                        "{apply {x {torch::tensor_mul $x $x}}} [torch::tensor_create {1.0 2.0}]]"),
    CommandSpec("hessian", [_func(_SUM_SQ), _inputs()], _K + "hessian",
                "The Hessian of a scalar Tcl function at inputs.", context=True,
                example="torch::tensor_to_list [torch::hessian "
                        "{apply {x {torch::tensor_sum [torch::tensor_mul $x $x]}}} "
                        "[torch::tensor_create {1.0 2.0}]]"),
    CommandSpec("vjp", [_func(), _inputs(),
                        Param("v", TENSOR, help="vector, shaped as the output",
                              aliases=("vector",), example=_X3)],
                _K + "vjp", "v^T J of a Tcl function at inputs.", context=True,
                legacy_names=("vectorJacobianProduct",),
                example="set x [torch::tensor_create {1.0 2.0}]\ntorch::tensor_to_list "
                        "[torch::vjp {apply {x {torch::tensor_mul $x $x}}} $x [torch::ones {2}]]"),
    CommandSpec("jvp", [_func(), _inputs(),
                        Param("v", TENSOR, help="vector, shaped as the input",
                              aliases=("vector",), example=_X3)],
                _K + "jvp", "J v of a Tcl function at inputs.", context=True,
                example="set x [torch::tensor_create {1.0 2.0}]\ntorch::tensor_to_list "
                        "[torch::jvp {apply {x {torch::tensor_mul $x $x}}} $x [torch::ones {2}]]"),
    CommandSpec("vmap", [_func(), _inputs(),
                         Param("in_dims", INT, 0,
                               "the batch dimension of the input"),
                         Param("out_dims", INT, 0,
                               "the batch dimension of the output")],
                _K + "vmap", "Map a Tcl function over a batch dimension (torch.func.vmap).",
                context=True, legacy_names=("vectorMap",),
                example="torch::tensor_to_list [torch::vmap "
                        "{apply {x {torch::tensor_sum $x}}} [torch::ones {3 2}]]"),
    CommandSpec("functional_call",
                [Param("module", MODULE, help="module handle", aliases=("func", "model"),
                       example="torch::linear 3 1"),
                 Param("parameters", SCRIPT, help="dict {name tensor ...} of replacements",
                       example=""),
                 Param("args", TENSOR, help="the input tensor", aliases=("input",),
                       example=_X3)],
                _K + "functional_call",
                "Run a module with some parameters replaced (torch.func.functional_call).",
                context=True, deterministic=False,
                example="set fc [torch::linear 2 1]\nset w [torch::ones {1 2}]\n"
                        "torch::tensor_to_list [torch::functional_call $fc [list weight $w] "
                        "[torch::ones {1 2}]]"),
    CommandSpec("grad_check",
                [_func("torch::tensor_add"), Param("inputs", TENSOR_LIST, help="input tensors",
                                aliases=("input",), example=_X3),
                 Param("eps", Double(0.0), 1e-6, "finite-difference step", aliases=("epsilon",)),
                 Param("atol", Double(0.0), 1e-5, "absolute tolerance")],
                _K + "grad_check", "1 if a Tcl function's gradients match finite differences "
                "(torch.autograd.gradcheck in float64), else 0.", returns="value",
                context=True,
                example="torch::grad_check {apply {x {torch::tensor_mul $x $x}}} "
                        "[torch::tensor_create {1.0 2.0}]"),
    CommandSpec("grad_check_finite_diff",
                [_func("torch::tensor_add"), Param("inputs", TENSOR_LIST, help="input tensors",
                                aliases=("input",), example=_X3),
                 Param("eps", Double(0.0), 1e-6, "finite-difference step", aliases=("epsilon",)),
                 Param("atol", Double(0.0), 1e-5, "absolute tolerance")],
                _K + "grad_check", "grad_check with a chosen finite-difference step.",
                returns="value", context=True,
                example="torch::grad_check_finite_diff {apply {x {torch::tensor_mul $x $x}}} "
                        "[torch::tensor_create {1.0 2.0}] 1e-6"),
]

# examples (docs/torch.md shows them; tests/torchbridge/test_torch_docs.py runs them)
_EXAMPLES = {
    'tensor_requires_grad':
        'torch::tensor_requires_grad [torch::tensor_create -data {1.0} -requiresGrad 1]',
}
for _spec in SPECS:
    _spec.example = _spec.example or _EXAMPLES.get(_spec.name, "")
