"""Distributed commands on torch.distributed: real process groups, real collectives.

One process group per process, as in PyTorch (torch.distributed keeps it
global).  `distributed_init` joins it: rank, world size and rendezvous come
from its arguments or, where not given, from the environment `torchrun`
sets (RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT); the backend is gloo on
CPU and nccl where CUDA is available.  A collective called before any init
joins a world of one (no other process, an in-memory store), so every
command works alone, with the values a single rank gives.

Collectives work in place where torch's do (all_reduce, broadcast) and the
command returns a handle to the result, as TCLIBTORCH does.  reduce_scatter
and all_to_all are composed from all_reduce/all_gather so they work on every
backend.  isend/irecv give "work" handles for distributed_wait/_test.
Every wait is bounded by the group's timeout (init's `timeout`, seconds): a
rank that dies or never comes is a Tcl error, not a hang.
"""

import atexit
import datetime
import os

import torch
import torch.distributed as dist

from ..handles import NewHandle
from .quiet import quiet

DEFAULT_PORT = 29500
DEFAULT_TIMEOUT = 60.0

_OPS = {
    "sum": "SUM", "add": "SUM", "product": "PRODUCT", "prod": "PRODUCT", "mul": "PRODUCT",
    "min": "MIN", "max": "MAX", "band": "BAND", "bor": "BOR", "bxor": "BXOR",
}
OP_NAMES = ("sum", "mean", "avg", "product", "prod", "min", "max", "band", "bor", "bxor")


class Work:
    """An isend/irecv in flight: the torch work object and, for irecv, the tensor."""

    __slots__ = ("work", "tensor", "kind")

    def __init__(self, work, tensor, kind):
        self.work = work
        self.tensor = tensor
        self.kind = kind


def _env_int(name, default):
    value = os.environ.get(name)
    try:
        return int(value) if value not in (None, "") else default
    except ValueError:
        raise ValueError("environment variable %s is not an integer: %r" % (name, value)) from None


def _env_timeout():
    """$TCLISH_DIST_TIMEOUT seconds (for scripts that can't pass -timeout), else 60."""
    value = os.environ.get("TCLISH_DIST_TIMEOUT", "")
    try:
        seconds = float(value) if value else 60.0
    except ValueError:
        seconds = -1.0
    if not seconds >= 0.1:
        raise ValueError("environment variable TCLISH_DIST_TIMEOUT must be a number of "
                         "seconds >= 0.1, not %r" % value)
    return seconds


def init(rank, world_size, master_addr, master_port, backend, timeout):
    given = (rank, world_size, master_addr, master_port)
    rank = _env_int("RANK", 0) if rank is None else rank
    world_size = _env_int("WORLD_SIZE", 1) if world_size is None else world_size
    master_addr = master_addr or os.environ.get("MASTER_ADDR") or "127.0.0.1"
    master_port = _env_int("MASTER_PORT", DEFAULT_PORT) if master_port is None else master_port
    if world_size < 1:
        raise ValueError("world size must be at least 1, got %d" % world_size)
    if not 0 <= rank < world_size:
        raise ValueError("rank %d is out of range for world size %d" % (rank, world_size))
    if backend in (None, "", "auto"):
        backend = "nccl" if torch.cuda.is_available() else "gloo"
    if backend == "nccl" and not torch.cuda.is_available():
        raise ValueError("backend nccl needs CUDA, which is not available: use gloo")
    if dist.is_initialized():
        # the same group again is no error (scripts init defensively); another one is
        current = (dist.get_rank(), dist.get_world_size(), dist.get_backend())
        if given == (None, None, "", None) or current == (rank, world_size, backend):
            return _joined()
        raise RuntimeError("already in a process group as rank %d of %d (%s): "
                           "torch::distributed_destroy first" % current)
    if timeout is None:
        timeout = _env_timeout()
    wait = datetime.timedelta(seconds=timeout)
    if backend == "nccl":
        # nccl wants one device per rank: the local rank's (torchrun sets LOCAL_RANK),
        # so a bare "cuda" in the script means this rank's GPU
        torch.cuda.set_device(_env_int("LOCAL_RANK", rank) % torch.cuda.device_count())
    if given == (None, None, "", None) and "TORCHELASTIC_RUN_ID" in os.environ:
        # under torchrun: its agent already serves the rendezvous store
        dist.init_process_group(backend, init_method="env://", timeout=wait)
        return _joined()
    if world_size == 1:
        store = dist.HashStore()
    else:
        try:
            with quiet():       # c10d logs each retry with a C++ stack to fd 2
                store = dist.TCPStore(master_addr, master_port, world_size, rank == 0,
                                      timeout=wait)
        except (RuntimeError, OSError) as e:
            raise RuntimeError("cannot reach the rendezvous at %s:%d (rank %d of %d): %s"
                               % (master_addr, master_port, rank, world_size,
                                  str(e).splitlines()[0])) from None
    with quiet():
        dist.init_process_group(backend, store=store, rank=rank, world_size=world_size,
                                timeout=wait)
    return _joined()


@atexit.register
def _destroy_at_exit():
    # leave the group while Python is whole: a group whose peer died, left to the
    # interpreter's teardown, can abort the process (std::terminate in gloo)
    if dist.is_available() and dist.is_initialized():
        try:
            with quiet():
                dist.destroy_process_group()
        except Exception:       # exiting anyway; nothing to tell
            pass


def _joined():
    return "Distributed training initialized: rank=%d, world_size=%d, backend=%s" % (
        dist.get_rank(), dist.get_world_size(), dist.get_backend())


def destroy():
    if dist.is_initialized():
        dist.destroy_process_group()
    return ""


def _ensure():
    """Join a world of one if no group exists yet."""
    if not dist.is_initialized():
        dist.init_process_group("gloo", store=dist.HashStore(), rank=0, world_size=1)


def _op(name):
    key = _OPS.get(name.lower())
    if key is None:
        raise ValueError("unknown reduction %r: must be one of %s" % (name, ", ".join(OP_NAMES)))
    return getattr(dist.ReduceOp, key)


def _reduce_in_place(tensor, op):
    """all_reduce with every op, mean included (gloo has no AVG)."""
    if op.lower() in ("mean", "avg"):
        dist.all_reduce(tensor, op=dist.ReduceOp.SUM)
        if tensor.is_floating_point() or tensor.is_complex():
            tensor.div_(dist.get_world_size())
        else:
            tensor.floor_divide_(dist.get_world_size())
    else:
        dist.all_reduce(tensor, op=_op(op))
    return tensor


def _root(rank, what):
    """A rank that must exist in the group (gloo's own message names no parameter)."""
    world = dist.get_world_size()
    if not 0 <= rank < world:
        raise ValueError("%s rank %d is out of range for world size %d" % (what, rank, world))
    return rank


def all_reduce(reg, name, op):
    """In place, as torch's; the answer is the tensor's own handle."""
    _ensure()
    _reduce_in_place(reg.get(name), op)
    return name


def broadcast(reg, name, root):
    _ensure()
    dist.broadcast(reg.get(name), src=_root(root, "root"))
    return name


def barrier():
    """Outside a group there is nobody to wait for: TCLIBTORCH's answer says so."""
    if not dist.is_initialized():
        return "Distributed not initialized"
    dist.barrier()
    n = dist.get_world_size()
    return "Barrier synchronized (%s)" % ("single process" if n == 1 else "%d processes" % n)


def _group(name):
    if name not in ("", "default", "world", "WORLD"):
        raise ValueError("unknown process group %r: only the default group exists" % name)


def gather(tensor, dst, group=""):
    """On dst: the tensors of every rank stacked [world, ...]; elsewhere: empty."""
    _group(group)
    _ensure()
    rank = dist.get_rank()
    _root(dst, "destination")
    out = [torch.empty_like(tensor) for _ in range(dist.get_world_size())] if rank == dst else None
    dist.gather(tensor, gather_list=out, dst=dst)
    return torch.stack(out) if out is not None else None


def _chunks(tensor, what):
    world = dist.get_world_size()
    if tensor.dim() == 0 or tensor.shape[0] % world:
        raise ValueError("%s needs the first dimension divisible by the world size %d, got shape %s"
                         % (what, world, list(tensor.shape)))
    return list(tensor.chunk(world))


def scatter(tensor, src, group=""):
    """Rank r receives chunk r of src's tensor (split along dim 0)."""
    _group(group)
    _ensure()
    _root(src, "source")
    chunks = _chunks(tensor, "scatter")
    out = torch.empty_like(chunks[0])
    dist.scatter(out, scatter_list=[c.contiguous() for c in chunks]
                 if dist.get_rank() == src else None, src=src)
    return out


def reduce_scatter(tensor, op, group=""):
    """Chunk r (along dim 0) of the reduction over all ranks, on rank r."""
    _group(group)
    _ensure()
    _chunks(tensor, "reduce_scatter")
    total = _reduce_in_place(tensor.clone(), op)
    return total.chunk(dist.get_world_size())[dist.get_rank()].clone()


def all_to_all(tensor, group=""):
    """Rank r sends chunk j of its tensor to rank j and receives chunk r of every rank's,
    concatenated in rank order."""
    _group(group)
    _ensure()
    _chunks(tensor, "all_to_all")
    world, rank = dist.get_world_size(), dist.get_rank()
    everyone = [torch.empty_like(tensor) for _ in range(world)]
    dist.all_gather(everyone, tensor.contiguous())
    return torch.cat([t.chunk(world)[rank] for t in everyone])


def _peer(rank, what):
    _ensure()
    world = dist.get_world_size()
    if not 0 <= rank < world:
        raise ValueError("%s rank %d is out of range for world size %d" % (what, rank, world))
    if rank == dist.get_rank():
        raise ValueError("%s rank %d is this process's own rank" % (what, rank))


def send(tensor, dst, tag):
    _peer(dst, "destination")
    dist.send(tensor.contiguous(), dst=dst, tag=tag)
    return ""


def recv(shape, src, tag, dtype):
    _peer(src, "source")
    out = torch.empty(shape, dtype=dtype or torch.float32)
    dist.recv(out, src=src, tag=tag)
    return out


def isend(tensor, dst, tag):
    _peer(dst, "destination")
    t = tensor.contiguous()
    return NewHandle("work", Work(dist.isend(t, dst=dst, tag=tag), t, "send"), "work")


def irecv(shape, src, tag, dtype):
    _peer(src, "source")
    out = torch.empty(shape, dtype=dtype or torch.float32)
    return NewHandle("work", Work(dist.irecv(out, src=src, tag=tag), out, "recv"), "work")


def wait(work):
    """Wait for the operation; an irecv gives its tensor, an isend nothing."""
    work.work.wait()
    return work.tensor if work.kind == "recv" else None


def test(work):
    return 1 if work.work.is_completed() else 0


def get_rank():
    return dist.get_rank() if dist.is_initialized() else 0


def get_world_size():
    return dist.get_world_size() if dist.is_initialized() else 1


def is_distributed():
    return 1 if dist.is_initialized() and dist.get_world_size() > 1 else 0
