"""Saving and loading models, optimizers and tensors in PyTorch's own format.

Files are `torch.save` of plain state dicts (and, for checkpoints, a dict holding
them with epoch, loss and lr), so Python reads them with `torch.load` and writes
them for us.  Loading always uses `weights_only=True`: a file can hold tensors,
numbers and containers, never code.  Saving writes a temporary file beside the
target and renames it over the target, so a crash never leaves half a file.
Loading checks the whole file against the model (keys and shapes) and the
optimizer before changing either, so a wrong or corrupt file changes nothing.
A checkpoint also holds the random generators' states (CPU, and CUDA when present),
which loading restores: a resumed run draws the dropout masks and random numbers
the uninterrupted run would have.
"""

import os
import pickle
import tempfile
import warnings

import torch


# A save writes `.<name>.<pid>-<random>.tclish-tmp` beside the target and renames it
# over the target: a process killed mid-save leaves the previous file whole.  What
# such a process leaves behind is removed by the next save of the same target once
# its writer is gone (the pid in the name says whose it was).
_TMP_SUFFIX = ".tclish-tmp"


def _writer_alive(pid):
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:         # someone else's live process (EPERM)
        return True
    return True


def _remove_stale_temporaries(directory, base):
    prefix = "." + base + "."
    try:
        names = os.listdir(directory)
    except OSError:
        return
    for name in names:
        if not (name.startswith(prefix) and name.endswith(_TMP_SUFFIX)):
            continue
        pid = name[len(prefix):-len(_TMP_SUFFIX)].split("-", 1)[0]
        if pid.isdigit() and not _writer_alive(int(pid)):
            try:
                os.unlink(os.path.join(directory, name))
            except OSError:
                pass


def _save(obj, filename):
    path = os.path.abspath(filename)
    directory, base = os.path.split(path)
    if os.path.isdir(path):
        raise ValueError('cannot write "%s": it is a directory' % filename)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".%s.%d-" % (base, os.getpid()),
                                   suffix=_TMP_SUFFIX, dir=directory)
    except OSError as e:
        raise ValueError('cannot write "%s": %s' % (filename, e.strerror or e)) from None
    try:
        with os.fdopen(fd, "wb") as f:
            torch.save(obj, f)
            f.flush()
            os.fsync(f.fileno())     # the bytes are on disk before the name points at them
        # mkstemp makes the file 0600; give it the mode a plain open() would have
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError):
            raise ValueError('cannot write "%s": %s' % (filename, e.strerror or e)) from None
        raise
    _remove_stale_temporaries(directory, base)


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


def _rng_state():
    """The random generators' states: torch's CPU generator, and each CUDA device's
    when CUDA is there, so that a resumed run draws what the uninterrupted one would."""
    state = {"cpu": torch.get_rng_state()}
    if torch.cuda.is_available():
        state["cuda"] = torch.cuda.get_rng_state_all()
    return state


def _check_rng_state(state, filename):
    if state is None:
        return
    cpu = state.get("cpu") if isinstance(state, dict) else None
    cuda = state.get("cuda", []) if isinstance(state, dict) else None
    if (not isinstance(cpu, torch.Tensor) or cpu.dtype != torch.uint8
            or cpu.shape != torch.get_rng_state().shape
            or not isinstance(cuda, (list, tuple))
            or not all(isinstance(t, torch.Tensor) and t.dtype == torch.uint8 for t in cuda)):
        raise ValueError('"%s" holds a damaged random generator state' % filename)


def _restore_rng_state(state):
    if state is None:        # a checkpoint written without one (by Python, say)
        return
    torch.set_rng_state(state["cpu"])
    cuda = state.get("cuda") or []
    if cuda and torch.cuda.is_available():
        # as many devices as both the file and this machine have
        n = min(len(cuda), torch.cuda.device_count())
        for i in range(n):
            torch.cuda.set_rng_state(cuda[i], i)


def save_checkpoint(model, optimizer, filename, epoch=0, loss=0.0, lr=None):
    if lr is None:
        lr = optimizer.param_groups[0]["lr"]
    _save({"model_state_dict": model.state_dict(),
           "optimizer_state_dict": optimizer.state_dict(),
           "epoch": epoch, "loss": loss, "lr": lr, "rng_state": _rng_state()}, filename)
    return "Checkpoint saved to %s (epoch %d, loss %s, lr %s)" % (filename, epoch, loss, lr)


def _checkpoint(filename):
    data = _load(filename)
    if not isinstance(data, dict) or "model_state_dict" not in data:
        raise ValueError('"%s" is not a checkpoint (no model_state_dict)' % filename)
    return data


def load_checkpoint(filename, model, optimizer):
    data = _checkpoint(filename)
    _check_state(model, data["model_state_dict"], filename)
    _check_rng_state(data.get("rng_state"), filename)
    opt_state = data.get("optimizer_state_dict")
    if opt_state is not None:
        # Optimizer.load_state_dict checks the groups before it changes anything
        try:
            optimizer.load_state_dict(opt_state)
        except (ValueError, KeyError, TypeError) as e:
            raise ValueError('"%s" does not fit this optimizer: %s' % (filename, e)) from None
    model.load_state_dict(data["model_state_dict"])
    _restore_rng_state(data.get("rng_state"))
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
            "param_groups": len(opt_state.get("param_groups", ())),
            "rng_state": 1 if data.get("rng_state") is not None else 0}


def tensor_save(input, filename):
    _save(input.detach(), filename)
    return "OK"


def tensor_load(filename):
    obj = _load(filename)
    if not isinstance(obj, torch.Tensor):
        raise ValueError('"%s" holds a %s, not a tensor' % (filename, type(obj).__name__))
    return obj
