"""docs/torch.md is generated from the declarations and kept current."""

import os
import subprocess
import sys

import pytest

from tclish.torchbridge.decls import ALL_SPECS

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_reference_is_up_to_date_with_the_declarations():
    out = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "gen_torch_docs.py"),
                          "--check"], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_reference_lists_every_command_and_alias():
    from tclish.torchbridge.decls import ALL_SPECS
    with open(os.path.join(ROOT, "docs", "torch.md"), encoding="utf-8") as f:
        text = f.read()
    for spec in ALL_SPECS:
        assert "### %s" % spec.qualified in text
        for alias in spec.names[1:]:
            assert alias in text


@pytest.mark.parametrize("spec", [s for s in ALL_SPECS if s.example],
                         ids=[s.name for s in ALL_SPECS if s.example])
def test_every_declared_example_runs(spec):
    """The example docs/torch.md shows for a command runs without error."""
    pytest.importorskip("torch")
    from tclish import Interp
    Interp().eval(spec.example)
