"""Checkpoints (model_checkpointing, model_io) and tensor files: PyTorch's format,
loaded with weights_only=True, saved atomically (see kernels/checkpoint.py)."""

import os
import tempfile

from ..convert import DOUBLE, INT, MODULE, OPTIMIZER, STRING, TENSOR, Double
from ..spec import CommandSpec, Param

_K = ".kernels.checkpoint:"
_LINEAR = "torch::linear 2 1"
_OPT = "torch::optimizer_sgd {torch::linear 2 1} 0.1"


# where the generated tests' calls write (never the working directory)
_TMP_FILE = os.path.join(tempfile.gettempdir(), "tclish_nn_example.pt")
_MISSING = os.path.join(tempfile.gettempdir(), "tclish_nn_missing.pt")


def _file(example=_TMP_FILE):
    return Param("filename", STRING, help="file path", aliases=("file",), example=example)


def _module(name="module", aliases=("model",)):
    return Param(name, MODULE, help="module handle", aliases=aliases, example=_LINEAR)


_TMP = "set f nn_doc_example.pt\n"

SPECS = [
    CommandSpec("save_state", [_module(), _file()], _K + "save_state",
                "Save a module's state dict (torch.save); answers OK.", returns="value",
                example=_TMP + "torch::save_state [torch::linear 2 1] $f\nfile delete $f"),
    CommandSpec("load_state", [_module(), _file(_MISSING)], _K + "load_state",
                "Load a state dict saved by save_state (or by Python) into a module of the "
                "same architecture; answers OK.", returns="value",
                example=_TMP + "set fc [torch::linear 2 1]\ntorch::save_state $fc $f\n"
                "torch::load_state $fc $f\nfile delete $f"),
    CommandSpec("save_state_dict", [_module("model", ("module",)), _file()],
                _K + "save_state_dict", "Save a model's state dict (torch.save).",
                returns="value",
                example=_TMP + "torch::save_state_dict [torch::linear 2 1] $f\nfile delete $f"),
    CommandSpec("load_state_dict", [_module("model", ("module",)),
                                    _file(_MISSING)],
                _K + "load_state_dict", "Load a state dict into a model of the same "
                "architecture.", returns="value",
                example=_TMP + "set fc [torch::linear 2 1]\ntorch::save_state_dict $fc $f\n"
                "torch::load_state_dict $fc $f\nfile delete $f"),
    CommandSpec("save_checkpoint",
                [_module("model", ("module",)),
                 Param("optimizer", OPTIMIZER, help="optimizer handle", example=_OPT),
                 _file(), Param("epoch", INT, 0, "epoch reached"),
                 Param("loss", DOUBLE, 0.0, "last loss"),
                 Param("lr", Double(0.0), None, "learning rate (default: the optimizer's)")],
                _K + "save_checkpoint",
                "Save model and optimizer state with epoch, loss and lr, and the random "
                "generators' state, in one file.",
                returns="value",
                example=_TMP + "set fc [torch::linear 2 1]\n"
                "set opt [torch::optimizer_adam $fc 0.01]\n"
                "torch::save_checkpoint $fc $opt $f 3 0.25\nfile delete $f"),
    CommandSpec("load_checkpoint",
                [_file(_MISSING), _module("model", ("module",)),
                 Param("optimizer", OPTIMIZER, help="optimizer handle", example=_OPT)],
                _K + "load_checkpoint",
                "Restore model and optimizer state, and the random generators' state, "
                "from a checkpoint.", returns="value",
                example=_TMP + "set fc [torch::linear 2 1]\n"
                "set opt [torch::optimizer_adam $fc 0.01]\n"
                "torch::save_checkpoint $fc $opt $f 3 0.25\n"
                "torch::load_checkpoint $f $fc $opt\nfile delete $f"),
    CommandSpec("get_checkpoint_info", [_file(_MISSING)],
                _K + "checkpoint_info",
                "A dict: epoch, loss, lr, tensors, parameters, param_groups, rng_state "
                "(1 if the file holds the random generators' state).", returns="tensors",
                example=_TMP + "set fc [torch::linear 2 1]\n"
                "torch::save_checkpoint $fc [torch::optimizer_sgd $fc 0.1] $f 7 0.5\n"
                "dict get [torch::get_checkpoint_info $f] epoch\nfile delete $f"),
    CommandSpec("tensor_save",
                [Param("input", TENSOR, help="tensor handle", aliases=("tensor",)), _file()],
                _K + "tensor_save", "Save a tensor (torch.save); answers OK.", returns="value",
                example=_TMP + "torch::tensor_save [torch::ones {2}] $f\nfile delete $f"),
    CommandSpec("tensor_load", [_file(_MISSING)], _K + "tensor_load",
                "Load a tensor saved by tensor_save or torch.save.",
                example=_TMP + "torch::tensor_save [torch::ones {2}] $f\n"
                "torch::tensor_to_list [torch::tensor_load $f]\nfile delete $f"),
]
