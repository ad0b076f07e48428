"""Distributed training on torch.distributed (TCLIBTORCH's distributed_training and
distributed_operations, and its all_reduce/broadcast): a real process group, gloo on
CPU and nccl on GPUs, several processes or a world of one."""

from ...runtime.values import to_str
from ..convert import (DTYPE, INT, SHAPE, STRING, TENSOR, TENSOR_NAME, Choice, Double, HandleOf,
                       Int)
from ..spec import CommandSpec, Param

_K = ".kernels.distributed:"


class _ReduceOp(Choice):
    """A reduction, in any case: torch spells them ReduceOp.SUM, TCLIBTORCH sum."""

    def convert(self, value, registry):
        return Choice.convert(self, to_str(value).lower(), registry)


_OPS = _ReduceOp("sum", "mean", "avg", "product", "prod", "min", "max", "band", "bor", "bxor")
_WORK = HandleOf("work", "work handle")
_GROUP = Param("group", STRING, "", "process group (only the default group exists)")


def _tensor(help_text="tensor handle", kind=TENSOR):
    return Param("tensor", kind, help=help_text, aliases=("input",))


def _reduce(name, legacy=()):
    return CommandSpec(
        name, [_tensor("tensor to reduce, in place", TENSOR_NAME),
               Param("operation", _OPS, "sum", "reduction", aliases=("op",))],
        _K + "all_reduce",
        "Reduce the tensor across all ranks, in place (every rank gets the result); answers "
        "the tensor's own handle.", legacy_names=legacy, returns="tensors", context=True,
        example="set t [torch::ones 3]\ntorch::distributed_all_reduce $t sum")


def _broadcast(name):
    return CommandSpec(
        name, [_tensor("tensor to send (on root) or overwrite (elsewhere)", TENSOR_NAME),
               Param("root", Int(minimum=0), 0, "rank that sends", aliases=("src",))],
        _K + "broadcast", "Copy root's tensor into every rank's, in place; answers the "
        "tensor's own handle.", returns="tensors", context=True,
        example="set t [torch::ones 2]\ntorch::distributed_broadcast $t 0")


SPECS = [
    CommandSpec(
        "distributed_init",
        [Param("rank", Int(minimum=0), None, "this process's rank (default $RANK, else 0)"),
         Param("world_size", Int(minimum=1), None, "number of processes (default $WORLD_SIZE, else 1)"),
         Param("master_addr", STRING, "", "rendezvous host (default $MASTER_ADDR, else 127.0.0.1)"),
         Param("master_port", Int(minimum=1), None, "rendezvous port (default $MASTER_PORT, else 29500)"),
         Param("backend", Choice("auto", "gloo", "nccl"), "auto",
               "gloo, nccl, or auto (nccl with CUDA, else gloo)"),
         Param("timeout", Double(minimum=0.1), None,
               "seconds any rendezvous or collective may wait for the other ranks "
               "(default $TCLISH_DIST_TIMEOUT, else 60)")],
        _K + "init",
        "Join the process group (torchrun's environment supplies what is not given).",
        returns="value", deterministic=False,
        example="torch::distributed_init 0 1\ntorch::get_world_size\ntorch::distributed_destroy"),
    CommandSpec("distributed_destroy", [], _K + "destroy",
                "Leave the process group (another distributed_init may follow).",
                returns="value", example="torch::distributed_destroy"),
    _reduce("distributed_all_reduce"),
    _reduce("all_reduce"),
    _broadcast("distributed_broadcast"),
    _broadcast("broadcast"),
    CommandSpec("distributed_barrier", [], _K + "barrier",
                "Wait until every rank reaches the barrier: Barrier synchronized (N "
                "processes), or Distributed not initialized outside a group (nobody to wait "
                "for).", returns="value",
                example="torch::distributed_barrier"),
    CommandSpec(
        "distributed_gather",
        [_tensor("tensor to send"), Param("dst", Int(minimum=0), 0, "rank that receives"), _GROUP],
        _K + "gather",
        "On dst, every rank's tensor stacked along a new first dimension; elsewhere empty.",
        example="torch::distributed_gather [torch::ones 2] 0"),
    CommandSpec(
        "distributed_scatter",
        [_tensor("tensor whose first dimension is split across ranks (its shape on every rank)"),
         Param("src", Int(minimum=0), 0, "rank that sends"), _GROUP],
        _K + "scatter", "Rank r gets chunk r of src's tensor, split along the first dimension.",
        example="torch::distributed_scatter [torch::ones {2 3}] 0"),
    CommandSpec(
        "distributed_reduce_scatter",
        [_tensor("tensor to reduce, split along the first dimension"),
         Param("op", _OPS, "sum", "reduction", aliases=("operation",)), _GROUP],
        _K + "reduce_scatter", "Rank r gets chunk r of the reduction over all ranks.",
        example="torch::distributed_reduce_scatter [torch::ones {2 3}] sum"),
    CommandSpec(
        "distributed_all_to_all",
        [_tensor("tensor split along the first dimension, chunk j going to rank j"), _GROUP],
        _K + "all_to_all",
        "Rank r gets chunk r of every rank's tensor, concatenated in rank order.",
        example="torch::distributed_all_to_all [torch::ones {2 3}]"),
    CommandSpec(
        "distributed_send",
        [_tensor("tensor to send"), Param("dst", Int(minimum=0), help="receiving rank"),
         Param("tag", INT, 0, "message tag")],
        _K + "send", "Send a tensor to another rank (blocks until it is received).",
        returns="value"),
    CommandSpec(
        "distributed_recv",
        [Param("shape", SHAPE, help="shape of the tensor to receive"),
         Param("src", Int(minimum=0), help="sending rank"), Param("tag", INT, 0, "message tag"),
         Param("dtype", DTYPE, None, "element type (default float32)")],
        _K + "recv", "Receive a tensor from another rank."),
    CommandSpec(
        "distributed_isend",
        [_tensor("tensor to send"), Param("dst", Int(minimum=0), help="receiving rank"),
         Param("tag", INT, 0, "message tag")],
        _K + "isend", "Start sending; returns a work handle for distributed_wait/_test.",
        returns="tensors"),
    CommandSpec(
        "distributed_irecv",
        [Param("shape", SHAPE, help="shape of the tensor to receive"),
         Param("src", Int(minimum=0), help="sending rank"), Param("tag", INT, 0, "message tag"),
         Param("dtype", DTYPE, None, "element type (default float32)")],
        _K + "irecv", "Start receiving; returns a work handle for distributed_wait/_test.",
        returns="tensors"),
    CommandSpec(
        "distributed_wait", [Param("handle", _WORK, help="work handle from isend/irecv")],
        _K + "wait", "Wait for an isend/irecv; an irecv gives the received tensor.",
        returns="tensors"),
    CommandSpec(
        "distributed_test", [Param("handle", _WORK, help="work handle from isend/irecv")],
        _K + "test", "1 if the isend/irecv has completed, else 0.", returns="value"),
    CommandSpec("get_rank", [], _K + "get_rank", "This process's rank (0 outside a group).",
                returns="value", example="torch::get_rank"),
    CommandSpec("get_world_size", [], _K + "get_world_size",
                "The number of processes in the group (1 outside a group).", returns="value",
                example="torch::get_world_size"),
    CommandSpec("is_distributed", [], _K + "is_distributed",
                "1 if this process is in a group of more than one, else 0.", returns="value",
                example="torch::is_distributed"),
]

# examples (docs/torch.md shows them; tests/torchbridge/test_torch_docs.py runs them)
_EXAMPLES = {
    'distributed_irecv':
        '# rank 0:  torch::distributed_init 0 2 127.0.0.1 29500\n# rank 1:  torch::distributed_init 1 2 127.0.0.1 29500\n# rank 1:  set w [torch::distributed_irecv {3} 0]; set t [torch::distributed_wait $w]\ntorch::get_rank',
    'distributed_isend':
        '# rank 0:  torch::distributed_init 0 2 127.0.0.1 29500\n# rank 1:  torch::distributed_init 1 2 127.0.0.1 29500\n# rank 0:  set w [torch::distributed_isend [torch::ones 3] 1]; torch::distributed_wait $w\ntorch::get_rank',
    'distributed_recv':
        '# rank 0:  torch::distributed_init 0 2 127.0.0.1 29500\n# rank 1:  torch::distributed_init 1 2 127.0.0.1 29500\n# rank 1:  set t [torch::distributed_recv {3} 0]\ntorch::get_rank',
    'distributed_send':
        '# rank 0:  torch::distributed_init 0 2 127.0.0.1 29500\n# rank 1:  torch::distributed_init 1 2 127.0.0.1 29500\n# rank 0:  torch::distributed_send [torch::ones 3] 1\n# rank 1:  torch::distributed_recv {3} 0\ntorch::get_world_size',
    'distributed_test':
        '# rank 0:  torch::distributed_init 0 2 127.0.0.1 29500\n# rank 1:  torch::distributed_init 1 2 127.0.0.1 29500\n# rank 1:  set w [torch::distributed_irecv {3} 0]; torch::distributed_test $w\ntorch::get_rank',
    'distributed_wait':
        '# rank 0:  torch::distributed_init 0 2 127.0.0.1 29500\n# rank 1:  torch::distributed_init 1 2 127.0.0.1 29500\n# rank 1:  set t [torch::distributed_wait [torch::distributed_irecv {3} 0]]\ntorch::get_rank',
}
for _spec in SPECS:
    _spec.example = _spec.example or _EXAMPLES.get(_spec.name, "")
