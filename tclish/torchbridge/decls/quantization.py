"""Quantized tensors (TCLIBTORCH's quantization_operations): torch's quantized dtypes
quint8, qint8 and qint32, per-tensor and per-channel."""

from ..convert import DOUBLE, DTYPE, INT, TENSOR, Double
from ..spec import CommandSpec, Param

_K = ".kernels.quantization:"


def _input(help_text="quantized tensor"):
    return Param("input", TENSOR, help=help_text, aliases=("tensor", "quantized_tensor"))


def _query(name, help_text, returns="value"):
    return CommandSpec(name, [_input()], _K + name, help_text, returns=returns)


_SCALE = Param("scale", Double(minimum=0.0), help="scale", example="0.1")
_ZERO = Param("zero_point", INT, help="zero point", example="0")


SPECS = [
    CommandSpec("quantize_per_tensor",
                [_input("float tensor"), _SCALE, _ZERO,
                 Param("dtype", DTYPE, help="quint8, qint8 or qint32", example="quint8")],
                _K + "per_tensor", "round(input / scale) + zero_point, as a quantized tensor.",
                example="set q [torch::quantize_per_tensor [torch::tensor_create {0.5 1.0}] 0.1 10 quint8]\n"
                        "torch::tensor_to_list [torch::int_repr $q]"),
    CommandSpec("quantize_per_channel",
                [Param("input", TENSOR, help="float tensor", aliases=("tensor",),
                       example="-data {{-1.0 0.5} {2.0 3.5}}"),
                 Param("scales", TENSOR, help="one scale per channel", example="-data {0.1 0.2}"),
                 Param("zero_points", TENSOR, help="one zero point per channel",
                       example="-data {0 1} -dtype int64"),
                 Param("axis", INT, help="the channel dimension", example="0"),
                 Param("dtype", DTYPE, help="quint8, qint8 or qint32", example="qint8")],
                _K + "per_channel", "Quantize each channel with its own scale and zero point."),
    CommandSpec("dequantize", [_input()], _K + "dequantize",
                "The float tensor a quantized tensor stands for.", legacy_names=("deQuantize",)),
    _query("int_repr", "The stored integers of a quantized tensor.", returns="tensor"),
    _query("q_scale", "The scale of a per-tensor quantized tensor."),
    _query("q_zero_point", "The zero point of a per-tensor quantized tensor."),
    _query("q_per_channel_scales", "The scales of a per-channel quantized tensor.",
           returns="tensor"),
    _query("q_per_channel_zero_points", "The zero points of a per-channel quantized tensor.",
           returns="tensor"),
    _query("q_per_channel_axis", "The channel dimension of a per-channel quantized tensor."),
    CommandSpec("fake_quantize_per_tensor",
                [_input("float tensor"), _SCALE, _ZERO,
                 Param("quant_min", INT, -128, "smallest integer (default: qint8's range)"),
                 Param("quant_max", INT, 127, "largest integer")],
                _K + "fake_per_tensor", "Quantize and dequantize at once (float result)."),
    CommandSpec("fake_quantize_per_channel",
                [Param("input", TENSOR, help="float tensor", aliases=("tensor",),
                       example="-data {{-1.0 0.5} {2.0 3.5}}"),
                 Param("scales", TENSOR, help="one scale per channel", example="-data {0.1 0.2}"),
                 Param("zero_points", TENSOR, help="one zero point per channel",
                       example="-data {0 1} -dtype int32"),
                 Param("axis", INT, help="the channel dimension", example="0"),
                 Param("quant_min", INT, -128, "smallest integer (default: qint8's range)"),
                 Param("quant_max", INT, 127, "largest integer")],
                _K + "fake_per_channel", "Per-channel quantize and dequantize at once."),
    CommandSpec("quantized_add",
                [Param("tensor1", TENSOR, help="quantized tensor"),
                 Param("tensor2", TENSOR, help="quantized tensor"),
                 Param("scale", Double(minimum=0.0), help="output scale", example="0.1"),
                 Param("zero_point", INT, help="output zero point", example="0")],
                _K + "add", "The sum, quantized with the output scale and zero point."),
    CommandSpec("quantized_mul",
                [Param("tensor1", TENSOR, help="quantized tensor"),
                 Param("tensor2", TENSOR, help="quantized tensor"),
                 Param("scale", Double(minimum=0.0), help="output scale", example="0.1"),
                 Param("zero_point", INT, help="output zero point", example="0")],
                _K + "mul", "The product, quantized with the output scale and zero point."),
    CommandSpec("quantized_relu",
                [_input(), Param("scale", DOUBLE, None, "output scale (default: the input's)"),
                 Param("zero_point", INT, None, "output zero point (default: the input's)")],
                _K + "relu", "max(x, 0) of a quantized tensor."),
]

# examples (docs/torch.md shows them; tests/torchbridge/test_torch_docs.py runs them)
_EXAMPLES = {
    'dequantize':
        'set q [torch::quantize_per_tensor [torch::tensor_create {0.5 1.0 -0.3}] 0.1 10 quint8]\ntorch::tensor_to_list [torch::dequantize $q]',
    'fake_quantize_per_channel':
        'torch::tensor_to_list [torch::fake_quantize_per_channel [torch::tensor_create {{-1.0 0.5} {2.0 3.5}}] [torch::tensor_create {0.1 0.2}] [torch::tensor_create -data {0 1} -dtype int32] 0]',
    'fake_quantize_per_tensor':
        'set q [torch::quantize_per_tensor [torch::tensor_create {0.5 1.0 -0.3}] 0.1 10 quint8]\ntorch::tensor_to_list [torch::fake_quantize_per_tensor [torch::tensor_create {0.53 1.04}] 0.1 0]',
    'int_repr':
        'set q [torch::quantize_per_tensor [torch::tensor_create {0.5 1.0 -0.3}] 0.1 10 quint8]\ntorch::tensor_to_list [torch::int_repr $q]',
    'q_per_channel_axis':
        'set qc [torch::quantize_per_channel [torch::tensor_create {{-1.0 0.5} {2.0 3.5}}] [torch::tensor_create {0.1 0.2}] [torch::tensor_create -data {0 1} -dtype int64] 0 qint8]\ntorch::q_per_channel_axis $qc',
    'q_per_channel_scales':
        'set qc [torch::quantize_per_channel [torch::tensor_create {{-1.0 0.5} {2.0 3.5}}] [torch::tensor_create {0.1 0.2}] [torch::tensor_create -data {0 1} -dtype int64] 0 qint8]\ntorch::tensor_to_list [torch::q_per_channel_scales $qc]',
    'q_per_channel_zero_points':
        'set qc [torch::quantize_per_channel [torch::tensor_create {{-1.0 0.5} {2.0 3.5}}] [torch::tensor_create {0.1 0.2}] [torch::tensor_create -data {0 1} -dtype int64] 0 qint8]\ntorch::tensor_to_list [torch::q_per_channel_zero_points $qc]',
    'q_scale':
        'set q [torch::quantize_per_tensor [torch::tensor_create {0.5 1.0 -0.3}] 0.1 10 quint8]\ntorch::q_scale $q',
    'q_zero_point':
        'set q [torch::quantize_per_tensor [torch::tensor_create {0.5 1.0 -0.3}] 0.1 10 quint8]\ntorch::q_zero_point $q',
    'quantize_per_channel':
        'set qc [torch::quantize_per_channel [torch::tensor_create {{-1.0 0.5} {2.0 3.5}}] [torch::tensor_create {0.1 0.2}] [torch::tensor_create -data {0 1} -dtype int64] 0 qint8]\ntorch::tensor_to_list [torch::int_repr $qc]',
    'quantized_add':
        'set q [torch::quantize_per_tensor [torch::tensor_create {0.5 1.0 -0.3}] 0.1 10 quint8]\ntorch::q_scale [torch::quantized_add $q $q 0.2 0]',
    'quantized_mul':
        'set q [torch::quantize_per_tensor [torch::tensor_create {0.5 1.0 -0.3}] 0.1 10 quint8]\ntorch::q_scale [torch::quantized_mul $q $q 0.05 0]',
    'quantized_relu':
        'set q [torch::quantize_per_tensor [torch::tensor_create {0.5 1.0 -0.3}] 0.1 10 quint8]\ntorch::tensor_to_list [torch::dequantize [torch::quantized_relu $q]]',
}
for _spec in SPECS:
    _spec.example = _spec.example or _EXAMPLES.get(_spec.name, "")
