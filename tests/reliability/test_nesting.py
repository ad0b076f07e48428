"""C4: deep [[[...]]] command substitution ends as tclsh ends it.

tclsh evaluates its main script directly, counting each level of command
substitution as a nested evaluation: 997 levels run, 998 are `too many
nested evaluations` (measured with tclsh 8.6.13).  Scripts it compiles
(eval, procs) are checked in tests/golden/reliability/parse_limits.tcl."""

import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run_main(tmp_path, depth):
    script = tmp_path / "deep.tcl"
    script.write_text("puts start\nset x %slist a%s\nputs never\n" % ("[" * depth, "]" * depth))
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.run([sys.executable, "-m", "tclish", str(script)], capture_output=True,
                          text=True, env=env, timeout=120)


@pytest.mark.parametrize("depth, message", [
    (997, 'invalid command name "a"'),
    (998, "too many nested evaluations (infinite loop?)"),
    (10000, "too many nested evaluations (infinite loop?)"),
])
def test_main_script_nesting_limit(tmp_path, depth, message):
    r = run_main(tmp_path, depth)
    assert r.returncode == 1
    if depth < 2000:
        # (10000 levels are too deep for the parser, which then refuses the
        # whole script: tclsh runs the commands before it first)
        assert r.stdout == "start\n"
    assert r.stderr.splitlines()[0] == message
    assert "Traceback" not in r.stderr
