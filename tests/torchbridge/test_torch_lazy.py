"""A new interpreter registers every torch command by name only (lazy.py); the
first torch command builds the real ones, and nothing can tell the difference."""

import subprocess
import sys

import pytest

from tclish import Interp
from tclish.runtime.errors import TclError
from tclish.torchbridge import lazy
from tclish.torchbridge.install import commands
from tclish.torchbridge.names import NAMES


def test_names_are_the_declared_commands_in_install_order():
    # scripts/gen_torch_docs.py writes names.py; test_torch_docs checks it is current
    assert NAMES == tuple(name for name, _ in commands())
    assert all(n.startswith("torch::") and "::" not in n[7:] for n in NAMES)


def test_start_up_reads_no_declaration():
    code = ("import sys\nfrom tclish import Interp\ni = Interp()\n"
            "i.eval('info commands torch::*; rename torch::zeros {}')\n"
            "print(any(m.startswith('tclish.torchbridge.decls') for m in sys.modules),"
            " 'torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_the_same_commands_are_seen_before_and_after_the_first_call():
    interp = Interp()
    before = interp.eval("lsort [info commands torch::*]")
    assert type(interp.runtime.resolve_command("torch::zeros")) is lazy.LazyCommand
    assert interp.runtime.resolve_command("torch::zeros").spec.name == "zeros"
    pytest.importorskip("torch")
    assert interp.eval("torch::tensor_to_list [torch::zeros 2]") == "0.0 0.0"
    assert interp.eval("lsort [info commands torch::*]") == before
    real = dict(commands())
    for name in ("torch::zeros", "torch::tensorAdd", "torch::roi_align"):
        assert interp.runtime.resolve_command(name) is real[name]


def test_renamed_and_deleted_stand_ins():
    pytest.importorskip("torch")
    interp = Interp()
    interp.eval("rename torch::ones myones; rename torch::zeros {}")
    assert interp.eval("torch::tensor_to_list [myones 2]") == "1.0 1.0"
    assert type(interp.runtime.resolve_command("myones")) is lazy.LazyCommand
    with pytest.raises(TclError, match='invalid command name "torch::zeros"'):
        interp.eval("torch::zeros 2")
    assert interp.eval("info commands torch::ones") == ""


def test_a_torch_error_on_the_first_call_is_the_real_one():
    pytest.importorskip("torch")
    interp = Interp()
    with pytest.raises(TclError, match="Invalid tensor name"):
        interp.eval("torch::tensor_abs nonsense")
    assert interp.eval("torch::tensor_item [torch::tensor_abs [torch::full {1} -2]]") == "2.0"


def test_compiled_callers_reach_the_real_command_after_the_first_call():
    pytest.importorskip("torch")
    interp = Interp()
    interp.eval("proc f {} {torch::ones 1}")
    interp.eval("f")
    calls = [interp.runtime.resolve_command("torch::ones")]
    assert type(calls[0]) is not lazy.LazyCommand
    assert interp.eval("torch::tensor_item [f]") == "1.0"
