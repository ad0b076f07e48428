"""Measure distributed commands across 2 local processes (gloo on loopback).

    python scripts/bench_dist.py [--quick]

(a) all_reduce (sum) of 1 MB and 64 MB float32 tensors: 2 tclish ranks calling
    torch::all_reduce against 2 Python ranks calling torch.distributed.all_reduce,
    each side in its own pair of processes on its own free port; per-iteration
    time on rank 0 (after warm-up iterations and a barrier), median; ratio Tcl/Python.
Every rank runs with OMP_NUM_THREADS=1, as torchrun starts them.
(b) one training step of a small MLP (32 -> 64 -> 1, ReLU, mean squared error,
    plain torch:: tensor ops + autograd, SGD) in tclish: 2 ranks on half the
    batch each with the gradients all-reduced (mean), against 1 process on the
    whole batch; median step time.

Timings depend on the machine and its load (the load average is printed).
Never imported by the tests.
"""

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

TCL_ALL_REDUCE = r"""
torch::distributed_init
set t [torch::zeros [list $::env(BENCH_NUMEL)]]
for {set i 0} {$i < $::env(BENCH_WARMUP)} {incr i} { torch::all_reduce $t sum }
torch::distributed_barrier
set times {}
for {set i 0} {$i < $::env(BENCH_ITERS)} {incr i} {
    set t0 [clock microseconds]
    torch::all_reduce $t sum
    lappend times [expr {[clock microseconds] - $t0}]
}
if {[torch::get_rank] == 0} { puts "TIMES $times" }
torch::distributed_destroy
"""

PY_ALL_REDUCE = r"""
import os, time, torch, torch.distributed as dist
dist.init_process_group("gloo", init_method="env://")
t = torch.zeros(int(os.environ["BENCH_NUMEL"]))
for _ in range(int(os.environ["BENCH_WARMUP"])):
    dist.all_reduce(t)
dist.barrier()
times = []
for _ in range(int(os.environ["BENCH_ITERS"])):
    t0 = time.perf_counter()
    dist.all_reduce(t)
    times.append(int((time.perf_counter() - t0) * 1e6))
if dist.get_rank() == 0:
    print("TIMES", " ".join(map(str, times)))
dist.destroy_process_group()
"""

TCL_TRAIN = r"""
set world [expr {[info exists ::env(WORLD_SIZE)] ? $::env(WORLD_SIZE) : 1}]
if {$world > 1} { torch::distributed_init }
set rank [expr {$world > 1 ? [torch::get_rank] : 0}]
set batch [expr {$::env(BENCH_BATCH) / $world}]
torch::manual_seed [expr {$rank + 1}]
set x [torch::randn [list $batch 32]]
set y [torch::randn [list $batch 1]]
torch::manual_seed 0
set w1 [torch::randn {32 64} -requires_grad 1]
set w2 [torch::randn {64 1} -requires_grad 1]
proc step {} {
    global x y w1 w2 world
    set h [torch::tensor_relu [torch::tensor_matmul $x $w1]]
    set e [torch::tensor_sub [torch::tensor_matmul $h $w2] $y]
    torch::tensor_backward [torch::tensor_mean [torch::tensor_mul $e $e]]
    set g1 [torch::tensor_grad $w1]
    set g2 [torch::tensor_grad $w2]
    if {$world > 1} {
        torch::all_reduce $g1 mean
        torch::all_reduce $g2 mean
    }
    # SGD; the new weights are new leaves
    set w1 [torch::tensor_create -data [torch::tensor_to_list [torch::tensor_sub $w1 $g1 -alpha 0.001]] -shape {32 64} -requires_grad 1]
    set w2 [torch::tensor_create -data [torch::tensor_to_list [torch::tensor_sub $w2 $g2 -alpha 0.001]] -shape {64 1} -requires_grad 1]
}
for {set i 0} {$i < $::env(BENCH_WARMUP)} {incr i} { step }
if {$world > 1} { torch::distributed_barrier }
set times {}
for {set i 0} {$i < $::env(BENCH_ITERS)} {incr i} {
    set t0 [clock microseconds]
    step
    lappend times [expr {[clock microseconds] - $t0}]
}
if {$rank == 0} { puts "TIMES $times" }
if {$world > 1} { torch::distributed_destroy }
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_ranks(argv, world, extra_env, timeout=600):
    """Start `world` ranks of argv on a free port; rank 0's per-iteration times (µs)."""
    port = free_port()
    procs = []
    for rank in range(world):
        # one intra-op thread per rank, as torchrun sets: ranks busy-waiting in OpenMP
        # would take the CPUs their peers need
        env = dict(os.environ, OMP_NUM_THREADS="1", RANK=str(rank), WORLD_SIZE=str(world),
                   LOCAL_RANK=str(rank),
                   MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port),
                   PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""),
                   **extra_env)
        if world == 1:
            del env["WORLD_SIZE"]
        procs.append(subprocess.Popen(argv, env=env, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True))
    outs = []
    try:
        for p in procs:
            out, err = p.communicate(timeout=timeout)
            if p.returncode:
                raise SystemExit("a rank failed (%d):\n%s" % (p.returncode, err[-2000:]))
            outs.append(out)
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    for line in outs[0].splitlines():
        if line.startswith("TIMES "):
            return [int(v) for v in line.split()[1:]]
    raise SystemExit("rank 0 printed no times:\n" + outs[0])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer iterations")
    args = ap.parse_args()
    q = args.quick
    tmp = tempfile.mkdtemp(prefix="bench_dist_")
    paths = {}
    for name, text in (("allreduce.tcl", TCL_ALL_REDUCE), ("allreduce.py", PY_ALL_REDUCE),
                       ("train.tcl", TCL_TRAIN)):
        paths[name] = os.path.join(tmp, name)
        with open(paths[name], "w") as f:
            f.write(textwrap.dedent(text))
    tcl = [sys.executable, "-m", "tclish"]
    print("load average %.2f %.2f %.2f, %d CPUs" % (os.getloadavg() + (os.cpu_count(),)))
    print()
    print("%-34s %12s %12s %8s" % ("all_reduce sum, 2 ranks (gloo)", "tclish ms", "Python ms",
                                   "ratio"))
    rows = []
    for label, numel, warmup, iters in (("1 MB float32", 1 << 18, 5, 10 if q else 40),
                                        ("64 MB float32", 1 << 24, 2, 4 if q else 12)):
        env = dict(BENCH_NUMEL=str(numel), BENCH_WARMUP=str(warmup), BENCH_ITERS=str(iters))
        t = statistics.median(run_ranks(tcl + [paths["allreduce.tcl"]], 2, env)) / 1000
        p = statistics.median(run_ranks([sys.executable, paths["allreduce.py"]], 2, env)) / 1000
        rows.append(dict(case=label, tcl_ms=t, python_ms=p, ratio=t / p))
        print("%-34s %12.3f %12.3f %7.2fx" % (label, t, p, t / p))
    print()
    env = dict(BENCH_BATCH="256", BENCH_WARMUP="3", BENCH_ITERS="10" if q else "30")
    one = statistics.median(run_ranks(tcl + [paths["train.tcl"]], 1, env)) / 1000
    two = statistics.median(run_ranks(tcl + [paths["train.tcl"]], 2, env)) / 1000
    print("%-34s %12s" % ("MLP 32-64-1 step, batch 256, tclish", "ms/step"))
    print("%-34s %12.3f" % ("1 process, whole batch", one))
    print("%-34s %12.3f   (%.2fx the 1-process step)" % ("2 processes, half batch each", two,
                                                         two / one))
    print()
    print(json.dumps(dict(all_reduce=rows, train_1proc_ms=one, train_2proc_ms=two)))


if __name__ == "__main__":
    main()
