#!/usr/bin/env python3
"""One training step of a small MLP driven from Tcl against the same step in Python.

The model: batch 64, 32 inputs, two hidden layers of 256 with ReLU, one output,
MSE loss, SGD with momentum.  Both run in this process on the same torch (one
thread, so the two are not disturbed by thread start-up); each measurement is the
process CPU time of a loop of --steps steps (CPU time, not wall time, so that other
load on a shared machine does not count), Tcl and Python alternating --runs
times, and the median per-step time is kept.  The ratio is Tcl / Python.

Then --memory-steps steps (default 10,000) run from Tcl while the process's
resident memory is sampled every 1000 steps: a flat curve means nothing leaks per
step (tensor handles are freed when their Tcl values go).

    python scripts/bench_train.py [--steps 200] [--runs 5] [--memory-steps 10000]
"""

import argparse
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import torch  # noqa: E402

from tclish import Interp  # noqa: E402
from tclish.torchbridge.handles import registry_of  # noqa: E402
from tclish.torchbridge.install import install  # noqa: E402

SETUP = """
torch::manual_seed 0
set x [torch::randn {64 32}]
set y [torch::randn {64 1}]
set layers [list [torch::linear 32 256] [torch::linear 256 256] [torch::linear 256 1]]
set params {}
foreach l $layers {lappend params {*}[torch::layer_parameters $l]}
set opt [torch::optimizer_sgd $params 0.01 0.9]
lassign $layers l1 l2 l3
proc step {} {
    global l1 l2 l3 x y opt
    torch::optimizer_zero_grad $opt
    set h [torch::tensor_relu [torch::layer_forward $l1 $x]]
    set h [torch::tensor_relu [torch::layer_forward $l2 $h]]
    set loss [torch::mse_loss [torch::layer_forward $l3 $h] $y]
    torch::tensor_backward $loss
    torch::optimizer_step $opt
    return $loss
}
proc steps {n} {
    for {set i 0} {$i < $n} {incr i} {step}
}
"""


def python_model():
    torch.manual_seed(0)
    x = torch.randn(64, 32)
    y = torch.randn(64, 1)
    layers = [torch.nn.Linear(32, 256), torch.nn.Linear(256, 256), torch.nn.Linear(256, 1)]
    params = [p for layer in layers for p in layer.parameters()]
    opt = torch.optim.SGD(params, 0.01, 0.9)
    l1, l2, l3 = layers

    def step():
        opt.zero_grad()
        h = torch.relu(l1(x))
        h = torch.relu(l2(h))
        loss = torch.nn.functional.mse_loss(l3(h), y)
        loss.backward()
        opt.step()
        return loss

    def steps(n):
        for _ in range(n):
            step()
    return steps


def rss_mib():
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2 ** 20


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--steps", type=int, default=200)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--memory-steps", type=int, default=10000)
    args = ap.parse_args()
    torch.set_num_threads(1)

    interp = Interp()
    if interp.runtime.resolve_command("torch::zeros") is None:
        install(interp.runtime)
    interp.eval(SETUP)
    py_steps = python_model()
    interp.eval("steps 20")       # warm-up: imports, caches, allocator
    py_steps(20)

    tcl_times, py_times = [], []
    for _ in range(args.runs):
        t0 = time.process_time()
        interp.eval("steps %d" % args.steps)
        tcl_times.append((time.process_time() - t0) / args.steps)
        t0 = time.process_time()
        py_steps(args.steps)
        py_times.append((time.process_time() - t0) / args.steps)
    tcl, py = statistics.median(tcl_times), statistics.median(py_times)
    print("MLP step (batch 64, 32-256-256-1, SGD momentum), median of %d runs of %d steps:"
          % (args.runs, args.steps))
    print("  Tcl     %8.1f us/step" % (tcl * 1e6))
    print("  Python  %8.1f us/step" % (py * 1e6))
    print("  ratio   %8.2fx  (goal: within 1.2x)" % (tcl / py))

    if args.memory_steps:
        samples = []
        done = 0
        chunk = 1000
        while done < args.memory_steps:
            n = min(chunk, args.memory_steps - done)
            interp.eval("steps %d" % n)
            done += n
            samples.append((done, rss_mib()))
        reg = registry_of(interp.runtime)
        print("resident memory over %d Tcl steps (MiB, every %d steps):"
              % (args.memory_steps, chunk))
        print("  " + "  ".join("%d:%.1f" % s for s in samples))
        print("  growth after the first %d steps: %+.1f MiB; live tensor handles at the end: %d"
              % (samples[0][0], samples[-1][1] - samples[0][1], len(reg.tensors)))


if __name__ == "__main__":
    main()
