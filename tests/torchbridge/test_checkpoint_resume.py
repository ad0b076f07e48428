"""Checkpoints carry the random generators' state, and saves are atomic.

A resumed run draws what the uninterrupted one would (checked by value against
torch's own draws); every save path replaces the file by renaming a finished
temporary over it; a process killed in the middle of a save leaves the previous
complete file, and the temporary it left is removed by the next save."""

import os
import signal
import subprocess
import sys
import time

import pytest

torch = pytest.importorskip("torch")

from tclish import Interp, TclError  # noqa: E402
from tclish.runtime.values import to_list, to_str  # noqa: E402
from tclish.torchbridge.api import tensor_of  # noqa: E402
from tclish.torchbridge.install import install  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _interp():
    interp = Interp()
    if interp.runtime.resolve_command("torch::zeros") is None:
        install(interp.runtime)
    return interp


def _values(tcl, script):
    return tensor_of(tcl.runtime, to_str(tcl.eval(script))).tolist()


def test_a_loaded_checkpoint_restores_the_generator(tmp_path):
    path = str(tmp_path / "ck.pt")
    tcl = _interp()
    tcl.eval("torch::manual_seed 7; set fc [torch::linear 2 1]\n"
             "set opt [torch::optimizer_sgd $fc 0.1]\n"
             "torch::save_checkpoint $fc $opt {%s} 1 0.5" % path)
    first = _values(tcl, "torch::randn {5}")
    tcl.eval("torch::manual_seed 99; torch::randn {3}")       # the generator moves on
    tcl.eval("torch::load_checkpoint {%s} $fc $opt" % path)
    assert _values(tcl, "torch::randn {5}") == first
    # the reference: torch's own generator, seeded as the Tcl run was
    torch.manual_seed(7)
    torch.nn.Linear(2, 1)
    assert torch.randn(5).tolist() == first
    info = to_list(tcl.eval("torch::get_checkpoint_info {%s}" % path))
    assert dict(zip(map(to_str, info[::2]), map(to_str, info[1::2])))["rng_state"] == "1"
    # the file is PyTorch's: the state is torch.get_rng_state()'s tensor
    data = torch.load(path, weights_only=True)
    assert data["rng_state"]["cpu"].dtype == torch.uint8


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")
def test_a_loaded_checkpoint_restores_the_cuda_generators(tmp_path):
    path = str(tmp_path / "ck.pt")
    tcl = _interp()
    tcl.eval("torch::manual_seed 7; set fc [torch::linear 2 1]\n"
             "set opt [torch::optimizer_sgd $fc 0.1]\n"
             "torch::save_checkpoint $fc $opt {%s} 1 0.5" % path)
    first = _values(tcl, "torch::randn {5} -device cuda")
    tcl.eval("torch::randn {3} -device cuda")
    tcl.eval("torch::load_checkpoint {%s} $fc $opt" % path)
    assert _values(tcl, "torch::randn {5} -device cuda") == first
    assert len(torch.load(path, weights_only=True)["rng_state"]["cuda"]) == \
        torch.cuda.device_count()


def test_a_checkpoint_without_generator_state_still_loads(tmp_path):
    path = str(tmp_path / "py.pt")
    model = torch.nn.Linear(2, 1)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    torch.save({"model_state_dict": model.state_dict(),
                "optimizer_state_dict": opt.state_dict(), "epoch": 2, "loss": 0.1,
                "lr": 0.1}, path)
    tcl = _interp()
    tcl.eval("set fc [torch::linear 2 1]; set opt [torch::optimizer_sgd $fc 0.1]")
    assert "epoch=2" in to_str(tcl.eval("torch::load_checkpoint {%s} $fc $opt" % path))


def test_a_damaged_generator_state_changes_nothing(tmp_path):
    path = str(tmp_path / "bad.pt")
    model = torch.nn.Linear(2, 1)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    torch.save({"model_state_dict": model.state_dict(),
                "optimizer_state_dict": opt.state_dict(), "epoch": 2, "loss": 0.1,
                "lr": 0.1, "rng_state": {"cpu": torch.zeros(3)}}, path)
    tcl = _interp()
    tcl.eval("set fc [torch::linear 2 1]; set opt [torch::optimizer_sgd $fc 0.1]")
    before = _values(tcl, "lindex [torch::layer_parameters $fc] 0")
    with pytest.raises(TclError, match="random generator state"):
        tcl.eval("torch::load_checkpoint {%s} $fc $opt" % path)
    assert _values(tcl, "lindex [torch::layer_parameters $fc] 0") == before


# a model with dropout, so every step draws from the generator
_SETUP = """
torch::manual_seed 3
set x [torch::randn {8 4}]
set y [torch::randn {8 1}]
torch::manual_seed 4
set model [torch::sequential [list [torch::linear 4 6] [torch::dropout 0.5] [torch::linear 6 1]]]
set opt [torch::optimizer_adam $model 0.05]
proc step {} {
    global model opt x y
    torch::optimizer_zero_grad $opt
    set loss [torch::mse_loss [torch::layer_forward $model $x] $y]
    torch::tensor_backward $loss
    torch::optimizer_step $opt
    torch::tensor_item $loss
}
"""


def test_a_resumed_run_continues_with_the_uninterrupted_losses(tmp_path):
    path = str(tmp_path / "run.pt")
    whole = _interp()
    whole.eval(_SETUP)
    losses = [float(to_str(whole.eval("step"))) for _ in range(6)]

    first = _interp()
    first.eval(_SETUP)
    head = [float(to_str(first.eval("step"))) for _ in range(3)]
    first.eval("torch::save_checkpoint $model $opt {%s} 3" % path)
    # another interpreter, another model, a generator elsewhere: only the file carries on
    resumed = _interp()
    resumed.eval(_SETUP.replace("manual_seed 4", "manual_seed 11"))
    resumed.eval("torch::load_checkpoint {%s} $model $opt" % path)
    tail = [float(to_str(resumed.eval("step"))) for _ in range(3)]
    assert head + tail == losses


# ---- atomic saves ----

SAVES = [
    "torch::tensor_save [torch::ones {4}] $f",
    "torch::save_state $fc $f",
    "torch::save_state_dict $fc $f",
    "torch::save_checkpoint $fc [torch::optimizer_sgd $fc 0.1] $f",
]


@pytest.mark.parametrize("script", SAVES, ids=[s.split()[0][7:] for s in SAVES])
def test_every_save_renames_a_finished_file_into_place(tmp_path, script):
    path = tmp_path / "m.pt"
    path.write_bytes(b"the previous file")
    tcl = _interp()
    tcl.eval("set fc [torch::linear 3 2]; set f {%s}" % path)
    with open(path, "rb") as old:
        inode = os.fstat(old.fileno()).st_ino
        tcl.eval(script)
        # the old file was replaced, never rewritten in place
        assert old.read() == b"the previous file"
    assert os.stat(path).st_ino != inode
    assert os.stat(path).st_mode & 0o777 == 0o666 & ~_umask()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.pt"]


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_an_unwritable_place_is_a_tcl_error(tmp_path):
    tcl = _interp()
    missing = tmp_path / "no" / "m.pt"
    with pytest.raises(TclError, match='cannot write ".*m.pt": No such file'):
        tcl.eval("torch::tensor_save [torch::ones {2}] {%s}" % missing)
    with pytest.raises(TclError, match="directory"):
        tcl.eval("torch::tensor_save [torch::ones {2}] {%s}" % tmp_path)
    assert to_str(tcl.eval("expr {1 + 1}")) == "2"


# the child saves a large checkpoint (every save path shares one writer, checked
# above) over the same name again and again, each version another epoch, and says
# which version it starts
_SAVER = """
set f [lindex $argv 0]
set fc [torch::linear 1200 1200]
set opt [torch::optimizer_adam $fc 0.01]
for {set i 1} {1} {incr i} {
    puts "start $i"; flush stdout
    torch::save_checkpoint $fc $opt $f $i
}"""


def test_a_save_killed_midway_leaves_the_previous_file(tmp_path):
    script = tmp_path / "saver.tcl"
    script.write_text(_SAVER)
    target = tmp_path / "data.pt"
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    child = subprocess.Popen([sys.executable, "-m", "tclish", str(script), str(target)],
                             stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env, text=True)
    started = 0
    try:
        # let a few saves complete, then kill while a temporary is being written
        while started < 3:
            line = child.stdout.readline()
            assert line, "the saving process ended early"
            started = int(line.split()[1])
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if any(p.name.endswith(".tclish-tmp") for p in tmp_path.iterdir()):
                break
            time.sleep(0.0005)
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait()
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    # the file is one complete earlier version, never a torn one
    data = torch.load(target, weights_only=True)
    assert data["model_state_dict"]["weight"].shape == (1200, 1200)
    assert data["epoch"] >= 2          # one finished before the one killed
    tcl = _interp()
    info = to_list(tcl.eval("torch::get_checkpoint_info {%s}" % target))
    assert dict(zip(map(to_str, info[::2]), map(to_str, info[1::2])))["epoch"] == \
        str(data["epoch"])
    # the next save of that file clears what the killed writer left
    tcl.eval("torch::tensor_save [torch::ones {2}] {%s}" % target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.pt", "saver.tcl"]
