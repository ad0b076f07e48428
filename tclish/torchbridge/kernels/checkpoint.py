"""Saving and loading models, optimizers and tensors in PyTorch's own format.

Files are `torch.save` of plain state dicts (and, for checkpoints, a dict holding
them with epoch, loss and lr), so Python reads them with `torch.load` and writes
them for us.  Loading always uses `weights_only=True`: a file can hold tensors,
numbers and containers, never code.  Saving writes a temporary file beside the
target and renames it over the target, so a crash never leaves half a file.
Loading checks the whole file against the model (keys and shapes) and the
optimizer before changing either, so a wrong or corrupt file changes nothing.
"""

import os
import pickle
import tempfile
import warnings

import torch


def _save(obj, filename):
    directory = os.path.dirname(os.path.abspath(filename))
    fd, tmp = tempfile.mkstemp(prefix=".tclish-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as f:
            torch.save(obj, f)
        os.replace(tmp, filename)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _load(filename):
    if not os.path.exists(filename):
        raise ValueError('cannot read "%s": no such file' % filename)
    try:
        with warnings.catch_warnings():
            # torch warns about files it will refuse anyway (an unusual pickle protocol)
            warnings.simplefilter("ignore")
            return torch.load(filename, map_location="cpu", weights_only=True)
    except (RuntimeError, pickle.UnpicklingError, EOFError, ValueError, OSError,
            AttributeError, KeyError, TypeError, IndexError) as e:
        if isinstance(e, pickle.UnpicklingError):
            # torch's text suggests weights_only=False, which tclish never does
            reason = ("not a PyTorch file, or one holding objects other than tensors, "
                      "numbers and containers, which are never loaded")
        else:
            reason = str(e).strip().split("\n", 1)[0] or type(e).__name__
        raise ValueError('cannot read "%s": not a PyTorch file this can load (%s)'
                         % (filename, reason)) from None


def _check_state(module, state, filename):
    """Raise unless `state` fits `module` exactly (same keys, same shapes)."""
    if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor)
                                              for v in state.values()):
        raise ValueError('"%s" holds no model state dict' % filename)
    own = module.state_dict()
    missing = [k for k in own if k not in state]
    unexpected = [k for k in state if k not in own]
    wrong = ["%s %s (model %s)" % (k, list(state[k].shape), list(own[k].shape))
             for k in own if k in state and state[k].shape != own[k].shape]
    if missing or unexpected or wrong:
        parts = []
        if missing:
            parts.append("missing " + ", ".join(missing))
        if unexpected:
            parts.append("unexpected " + ", ".join(unexpected))
        if wrong:
            parts.append("wrong shape " + ", ".join(wrong))
        raise ValueError('"%s" does not fit this %s: %s' % (filename, type(module).__name__,
                                                             "; ".join(parts)))


def save_state(module, filename):
    _save(module.state_dict(), filename)
    return "OK"


def load_state(module, filename):
    state = _load(filename)
    _check_state(module, state, filename)
    module.load_state_dict(state)
    return "OK"


def save_state_dict(model, filename):
    _save(model.state_dict(), filename)
    return "Model state dict saved to: %s" % filename


def load_state_dict(model, filename):
    load_state(model, filename)
    return "Model state dict loaded from: %s" % filename


def save_checkpoint(model, optimizer, filename, epoch=0, loss=0.0, lr=None):
    if lr is None:
        lr = optimizer.param_groups[0]["lr"]
    _save({"model_state_dict": model.state_dict(),
           "optimizer_state_dict": optimizer.state_dict(),
           "epoch": epoch, "loss": loss, "lr": lr}, filename)
    return "Checkpoint saved to %s (epoch %d, loss %s, lr %s)" % (filename, epoch, loss, lr)


def _checkpoint(filename):
    data = _load(filename)
    if not isinstance(data, dict) or "model_state_dict" not in data:
        raise ValueError('"%s" is not a checkpoint (no model_state_dict)' % filename)
    return data


def load_checkpoint(filename, model, optimizer):
    data = _checkpoint(filename)
    _check_state(model, data["model_state_dict"], filename)
    opt_state = data.get("optimizer_state_dict")
    if opt_state is not None:
        # Optimizer.load_state_dict checks the groups before it changes anything
        try:
            optimizer.load_state_dict(opt_state)
        except (ValueError, KeyError, TypeError) as e:
            raise ValueError('"%s" does not fit this optimizer: %s' % (filename, e)) from None
    model.load_state_dict(data["model_state_dict"])
    return "Checkpoint loaded from %s: epoch=%s loss=%s lr=%s" % (
        filename, data.get("epoch", 0), data.get("loss", 0.0), data.get("lr", 0.0))


def checkpoint_info(filename):
    """What a checkpoint holds: epoch, loss, lr, and the size of its parts."""
    data = _checkpoint(filename)
    state = data["model_state_dict"]
    opt_state = data.get("optimizer_state_dict") or {}
    return {"epoch": data.get("epoch", 0), "loss": data.get("loss", 0.0),
            "lr": data.get("lr", 0.0), "tensors": len(state),
            "parameters": sum(t.numel() for t in state.values()),
            "param_groups": len(opt_state.get("param_groups", ()))}


def tensor_save(input, filename):
    _save(input.detach(), filename)
    return "OK"


def tensor_load(filename):
    obj = _load(filename)
    if not isinstance(obj, torch.Tensor):
        raise ValueError('"%s" holds a %s, not a tensor' % (filename, type(obj).__name__))
    return obj
