"""Automatic mixed precision (TCLIBTORCH's amp_precision): the autocast state of torch
and torch.amp.GradScaler."""

from ..convert import DOUBLE, DTYPE, SCRIPT, TENSOR, Choice, Double, HandleOf, Int
from ..spec import CommandSpec, Param

_K = ".kernels.amp:"
_DEVICE = Choice("auto", "cpu", "cuda")
_SCALER = HandleOf("scaler", "grad scaler")


def _device_param():
    return Param("device_type", _DEVICE, "auto", "cpu, cuda, or auto (cuda if available)",
                 aliases=("device",))


def _script():
    return Param("script", SCRIPT, None, "run only this script with the setting, then "
                 "restore the state before")


SPECS = [
    CommandSpec("autocast_enable",
                [_device_param(), Param("dtype", DTYPE, None,
                                        "float16, bfloat16 or float32 (default: torch's)",
                                        aliases=("data_type",)), _script()],
                _K + "enable", "Turn autocast on for a device type: globally, or only while "
                "the script runs (as `with torch.autocast(...)`: the state before is restored "
                "afterwards, also on error; the script's result is the command's).",
                returns="value", context=True,
                example="set a [torch::ones {2 2}]\n"
                        "torch::autocast_enable cpu bfloat16 {\n"
                        "    set y [torch::tensor_matmul $a $a]\n}\n"
                        "list [torch::tensor_dtype $y] [torch::autocast_is_enabled cpu]"),
    CommandSpec("autocast_disable", [_device_param(), _script()], _K + "disable",
                "Turn autocast off for a device type: globally, or only while the script runs.",
                returns="value", context=True,
                example="torch::autocast_disable cpu"),
    CommandSpec("autocast_is_enabled", [_device_param()], _K + "is_enabled",
                "1 if autocast is on for the device type, else 0.", returns="value",
                example="torch::autocast_is_enabled cpu"),
    CommandSpec("autocast_set_dtype",
                [Param("dtype", DTYPE, help="float16, bfloat16 or float32",
                       aliases=("data_type",), example="bfloat16"), _device_param()],
                _K + "set_dtype", "The dtype autocast casts to on a device type.",
                returns="value", example="torch::autocast_set_dtype bfloat16 cpu"),
    CommandSpec("grad_scaler_new",
                [Param("init_scale", Double(minimum=0.0), 65536.0, "initial scale"),
                 Param("growth_factor", Double(minimum=1.0), 2.0, "scale multiplier after "
                       "growth_interval steps without inf/NaN"),
                 Param("backoff_factor", Double(minimum=0.0, maximum=1.0), 0.5,
                       "scale multiplier after an inf/NaN"),
                 Param("growth_interval", Int(minimum=1), 2000, "steps between growths"),
                 Param("device_type", _DEVICE, "auto", "device of the gradients",
                       aliases=("device",))],
                _K + "scaler_new", "A gradient scaler (torch.amp.GradScaler): a scaler handle.",
                returns="tensors",
                example="set s [torch::grad_scaler_new 1024.0]\ntorch::grad_scaler_get_scale $s"),
    CommandSpec("grad_scaler_scale",
                [Param("scaler", _SCALER, help="grad scaler", aliases=("gradscaler", "grad_scaler")),
                 Param("tensor", TENSOR, help="loss to scale", aliases=("input",))],
                _K + "scale", "The tensor multiplied by the scale (before backward)."),
    CommandSpec("grad_scaler_step",
                [Param("scaler", _SCALER, help="grad scaler", aliases=("gradscaler", "grad_scaler")),
                 Param("optimizer", HandleOf("optimizer"), help="optimizer to step", aliases=("optim",))],
                _K + "step", "Unscale the gradients and step the optimizer, skipping the "
                "step when a gradient is inf or NaN.", returns="value"),
    CommandSpec("grad_scaler_update",
                [Param("scaler", _SCALER, help="grad scaler", aliases=("gradscaler", "grad_scaler")),
                 Param("new_scale", DOUBLE, None, "set this scale instead of adapting it")],
                _K + "update", "Adapt the scale after a step (lower after inf/NaN, grow after "
                "growth_interval clean steps).", returns="value"),
    CommandSpec("grad_scaler_get_scale", [Param("scaler", _SCALER, help="grad scaler", aliases=("gradscaler", "grad_scaler"))],
                _K + "get_scale", "The current scale.", returns="value"),
    CommandSpec("tensor_masked_fill",
                [Param("tensor", TENSOR, help="tensor", aliases=("input",)),
                 Param("mask", TENSOR, help="boolean mask, broadcastable to the tensor",
                       example="-data {1 0 1 0} -dtype bool"),
                 Param("value", DOUBLE, help="fill value", example="0.0")],
                "torch:masked_fill", "A copy with the masked elements set to value.",
                example="torch::tensor_masked_fill [torch::ones 3] "
                        "[torch::tensor_create -data {1 0 1} -dtype bool] 5"),
]

# examples (docs/torch.md shows them; tests/torchbridge/test_torch_docs.py runs them)
_EXAMPLES = {
    'grad_scaler_get_scale':
        'set s [torch::grad_scaler_new 1024.0 -device cpu]\ntorch::grad_scaler_get_scale $s',
    'grad_scaler_scale':
        'set s [torch::grad_scaler_new 1024.0 -device cpu]\ntorch::tensor_item [torch::grad_scaler_scale $s [torch::tensor_create {2.0}]]',
    'grad_scaler_step':
        'set s [torch::grad_scaler_new 1024.0 -device cpu]\nset w [torch::tensor_create -data {1.0} -requiresGrad 1]\nset opt [torch::optimizer_sgd [list $w] 0.1]\ntorch::tensor_backward [torch::grad_scaler_scale $s [torch::tensor_mul $w 2.0]]\ntorch::grad_scaler_step $s $opt\ntorch::grad_scaler_update $s',
    'grad_scaler_update':
        'set s [torch::grad_scaler_new 1024.0 -device cpu]\ntorch::grad_scaler_scale $s [torch::ones 1]\ntorch::grad_scaler_update $s 512.0\ntorch::grad_scaler_get_scale $s',
}
for _spec in SPECS:
    _spec.example = _spec.example or _EXAMPLES.get(_spec.name, "")
