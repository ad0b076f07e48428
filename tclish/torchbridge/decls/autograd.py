"""Autograd: tensor_requires_grad, tensor_backward, tensor_grad."""

from ..convert import TENSOR
from ..spec import CommandSpec, Param

_GRAD_EXAMPLE = "-data {2.0} -requiresGrad 1"

SPECS = [
    CommandSpec("tensor_requires_grad",
                [Param("input", TENSOR, help="tensor handle", aliases=("tensor",))],
                ".kernels.autograd:requires_grad", "1 if the tensor tracks gradients, else 0.",
                returns="value"),
    CommandSpec("tensor_backward",
                [Param("input", TENSOR, help="scalar tensor to differentiate", aliases=("tensor",),
                       example=_GRAD_EXAMPLE)],
                ".kernels.autograd:backward",
                "Back-propagate from a one-element tensor; returns OK.", returns="value"),
    CommandSpec("tensor_grad",
                [Param("input", TENSOR, help="tensor handle", aliases=("tensor",),
                       example=_GRAD_EXAMPLE)],
                ".kernels.autograd:grad",
                "The accumulated gradient as a new handle (an error if there is none yet)."),
]
