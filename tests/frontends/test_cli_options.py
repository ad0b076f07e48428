"""The runner's own options: --help/-h and --version (tclsh has neither)."""

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run(*args):
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "tclish", *args], capture_output=True,
                          text=True, timeout=60, stdin=subprocess.DEVNULL, env=env)


def test_help_prints_usage_and_exits_0():
    for flag in ("--help", "-h"):
        out = run(flag)
        assert out.returncode == 0 and out.stderr == ""
        assert out.stdout.startswith("usage: tclish ")
        assert "--version" in out.stdout and "-c SCRIPT" in out.stdout


def test_version_names_tclish_tcl_and_torch():
    from importlib import metadata
    out = run("--version")
    assert out.returncode == 0 and out.stderr == ""
    line = out.stdout.strip()
    assert line.startswith("tclish ") and "Tcl 8.6.13" in line
    try:
        assert "torch " + metadata.version("torch") in line
    except metadata.PackageNotFoundError:
        assert "torch not installed" in line


def test_version_does_not_import_torch():
    code = ("import sys; from tclish.frontends.cli import version_text; version_text(); "
            "print('torch' in sys.modules)")
    env = dict(os.environ, PYTHONPATH=ROOT)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.strip() == "False"
