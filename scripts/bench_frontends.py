#!/usr/bin/env python3
"""Measure the ways in: the REPL's first prompt, the Jupyter kernel's first
reply, and tclish::remote's per-call overhead against a local call.

    python scripts/bench_frontends.py [--runs 5]

(a) REPL: `python -m tclish` started on a pseudo-terminal, until the prompt
    `% ` appears (median of the runs), in wall-clock time and in the CPU time
    the process used (which a loaded machine inflates less), and from a
    fresh venv as bench_tcl.py measures start-up;
(b) kernel: jupyter_client starts the tclish kernel and runs `expr {1+1}`,
    until the reply (median), if ipykernel and jupyter_client are installed;
(c) remote: 10,000 `torch::tensor_add $a $b` in a tclsh loop through
    tclish::remote (a server on a pipe), against the same loop run by tclish
    itself, per call (median), if tclsh is installed.

Timings depend on the machine and its load; the load average is printed.
"""

import argparse
import json
import os
import pty
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENV = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
# an installed package has its bytecode caches: whatever this shell says, they
# are written (by a first run, not counted: see main) and used
ENV.pop("PYTHONDONTWRITEBYTECODE", None)


def repl_first_prompt():
    return _repl_until_prompt()[0]


def repl_first_prompt_fresh_venv(tmp):
    """The REPL's first prompt from a fresh venv (`python -m venv`, nothing in
    it), as bench_tcl.py measures start-up: the source tree and the packages
    the REPL imports (prompt_toolkit, Pygments, wcwidth) on PYTHONPATH, so
    that what this machine's own site-packages run at every start (a
    sandbox .pth) is not counted, as it would not be in a user's venv."""
    import prompt_toolkit
    import pygments
    import wcwidth
    venv = os.path.join(tmp, "venv")
    if not os.path.exists(venv):
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True)
    dirs = [ROOT] + sorted({os.path.dirname(os.path.dirname(m.__file__))
                            for m in (prompt_toolkit, pygments, wcwidth)})
    env = dict(ENV, PYTHONPATH=os.pathsep.join(dirs))
    return _repl_until_prompt(os.path.join(venv, "bin", "python"), env)[0]


def repl_first_prompt_cpu():
    """The CPU time (user + system) the REPL process spent up to its first
    prompt: what a shared machine's load does not inflate the way it inflates
    the wall-clock figure."""
    return _repl_until_prompt()[1]


def _repl_until_prompt(python=sys.executable, env=ENV):
    """(wall seconds, CPU seconds of the child) until the first prompt."""
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(ROOT)
        os.execve(python, [python, "-m", "tclish"],
                  dict(env, TERM="xterm", XDG_STATE_HOME=tempfile.mkdtemp()))
    start = time.perf_counter()
    seen = b""
    try:
        while b"\x1b[0m%" not in seen:      # the prompt, as prompt_toolkit draws it
            ready, _, _ = select.select([fd], [], [], 30)
            if not ready:
                raise RuntimeError("no prompt within 30 s")
            seen += os.read(fd, 4096)
        wall = time.perf_counter() - start
    finally:
        os.kill(pid, 9)
        _, _, usage = os.wait4(pid, 0)
        os.close(fd)
    return wall, usage.ru_utime + usage.ru_stime


def kernel_first_reply():
    from jupyter_client.manager import start_new_kernel
    sys.path.insert(0, ROOT)
    from tclish.jupyter.__main__ import spec
    home = tempfile.mkdtemp()
    os.makedirs(os.path.join(home, "kernels", "tclish"))
    with open(os.path.join(home, "kernels", "tclish", "kernel.json"), "w") as f:
        json.dump(spec(), f)
    saved = dict(os.environ)
    os.environ.update(JUPYTER_PATH=home, PYTHONPATH=ENV["PYTHONPATH"])
    start = time.perf_counter()
    km, kc = start_new_kernel(kernel_name="tclish", startup_timeout=60)
    try:
        kc.execute_interactive("expr {1+1}", timeout=60, output_hook=lambda msg: None)
        return time.perf_counter() - start
    finally:
        os.environ.clear()
        os.environ.update(saved)
        kc.stop_channels()
        km.shutdown_kernel(now=True)


LOOP = """
set a [torch::ones 1]
set b [torch::ones 1]
set n 10000
set t [clock microseconds]
for {set i 0} {$i < $n} {incr i} { set c [torch::tensor_add $a $b] ; %s }
puts [expr {double([clock microseconds] - $t) / $n}]
"""


def remote_per_call():
    head = "lappend auto_path {%s}\npackage require tclish::remote\n" % os.path.join(
        ROOT, "tclish", "remote", "tcl")
    head += "tclish::remote::start -python {%s}\n" % sys.executable
    script = head + LOOP % "tclish::remote::release $c"
    out = subprocess.run(["tclsh"], input=script, capture_output=True, text=True, env=ENV,
                         timeout=600, check=True)
    return float(out.stdout.split()[-1])


def local_per_call():
    out = subprocess.run([sys.executable, "-m", "tclish"], input=LOOP % "", capture_output=True,
                         text=True, env=ENV, timeout=600, check=True)
    return float(out.stdout.split()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    print("load average: %.2f %.2f %.2f" % os.getloadavg())
    tmp = tempfile.mkdtemp()
    rows = [("REPL first prompt", repl_first_prompt, "s"),
            ("REPL first prompt, CPU time", repl_first_prompt_cpu, "s"),
            ("REPL first prompt, fresh venv", lambda: repl_first_prompt_fresh_venv(tmp), "s")]
    try:
        import ipykernel  # noqa: F401
        import jupyter_client  # noqa: F401
        rows.append(("kernel first reply (start + expr)", kernel_first_reply, "s"))
    except ImportError:
        print("kernel: ipykernel/jupyter_client not installed, skipped")
    if shutil.which("tclsh"):
        rows.append(("remote call from tclsh, per call", remote_per_call, "us"))
        rows.append(("the same call in tclish, per call", local_per_call, "us"))
    else:
        print("remote: no tclsh, skipped")
    medians = {}
    for name, func, unit in rows:
        func()      # (writes the bytecode caches a first start lacks)
        values = [func() for _ in range(args.runs)]
        medians[name] = statistics.median(values)
        shown = medians[name] if unit == "us" else medians[name]
        print("%-40s median %8.3f %s  (runs: %s)" % (name, shown, unit,
                                                     " ".join("%.3f" % v for v in values)))
    shutil.rmtree(tmp, ignore_errors=True)
    if "remote call from tclsh, per call" in medians:
        print("remote / local: %.1fx" % (medians["remote call from tclsh, per call"]
                                         / medians["the same call in tclish, per call"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
