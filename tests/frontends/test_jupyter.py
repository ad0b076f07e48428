"""The Jupyter kernel, driven by jupyter_client as a notebook would drive it."""

import base64
import json
import os
import sys

import pytest

pytest.importorskip("ipykernel")
jupyter_client = pytest.importorskip("jupyter_client")
pytest.importorskip("matplotlib")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    from jupyter_client.manager import start_new_kernel
    from tclish.jupyter.__main__ import spec
    home = tmp_path_factory.mktemp("jupyter")
    folder = home / "kernels" / "tclish"
    folder.mkdir(parents=True)
    (folder / "kernel.json").write_text(json.dumps(spec()))
    saved = {k: os.environ.get(k) for k in ("JUPYTER_PATH", "PYTHONPATH")}
    os.environ["JUPYTER_PATH"] = str(home)
    os.environ["PYTHONPATH"] = ROOT + os.pathsep + (saved["PYTHONPATH"] or "")
    try:
        km, kc = start_new_kernel(kernel_name="tclish", startup_timeout=60)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    yield kc
    kc.stop_channels()
    km.shutdown_kernel(now=True)


def run(kc, code):
    """(reply content, [(msg_type, content)] of the cell's output messages)."""
    outputs = []

    def hook(msg):
        if msg["msg_type"] in ("stream", "execute_result", "display_data", "error"):
            outputs.append((msg["msg_type"], msg["content"]))
    reply = kc.execute_interactive(code, output_hook=hook, timeout=60)
    return reply["content"], outputs


def test_cells_run_tcl_and_keep_state(kernel):
    reply, out = run(kernel, "set x [expr {6*7}]")
    assert reply["status"] == "ok"
    assert out == [("execute_result", {"execution_count": reply["execution_count"],
                                       "data": {"text/plain": "42"}, "metadata": {}})]
    reply, out = run(kernel, "puts \"x is $x\"; puts stderr warn")
    streams = {c["name"]: c["text"] for t, c in out if t == "stream"}
    assert streams == {"stdout": "x is 42\n", "stderr": "warn\n"}


def test_errors_are_reported_with_errorinfo(kernel):
    reply, out = run(kernel, "proc f {} {nosuch}\nf")
    assert reply["status"] == "error" and reply["ename"] == "TclError"
    assert reply["evalue"] == 'invalid command name "nosuch"'
    assert any('(procedure "f" line 1)' in line for line in reply["traceback"])
    reply, _ = run(kernel, "set x")
    assert reply["status"] == "ok"


def test_a_tensor_result_shows_shape_dtype_and_values(kernel):
    reply, out = run(kernel, "torch::ones {2 3} -dtype float64")
    (kind, content), = out
    text = content["data"]["text/plain"]
    assert kind == "execute_result"
    assert text.splitlines()[0].endswith(": Float64 [2, 3] on cpu")
    assert "tensor([[1., 1., 1.]" in text


def _png(out):
    pics = [c for t, c in out if t == "display_data"]
    assert len(pics) == 1
    data = base64.b64decode(pics[0]["data"]["image/png"])
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return data


def test_plot_draws_inline(kernel):
    reply, out = run(kernel, "plot {3 1 2} -title loss")
    assert reply["status"] == "ok"
    _png(out)


def test_show_draws_a_tensor_as_an_image(kernel):
    reply, out = run(kernel, "show [torch::tensor_reshape [torch::arange 0 16] {4 4}]")
    assert reply["status"] == "ok"
    _png(out)


def test_completion_and_inspection(kernel):
    kernel.complete("torch::roi_al", 13)
    msg = kernel.get_shell_msg(timeout=30)
    assert "torch::roi_align" in msg["content"]["matches"]
    assert msg["content"]["cursor_start"] == 0
    kernel.inspect("torch::roi_align", 5)
    msg = kernel.get_shell_msg(timeout=30)
    assert msg["content"]["found"]
    assert "-spatialScale" in msg["content"]["data"]["text/plain"]


def test_is_complete(kernel):
    kernel.is_complete("proc f {} {")
    assert kernel.get_shell_msg(timeout=30)["content"]["status"] == "incomplete"
    kernel.is_complete("set a 1")
    assert kernel.get_shell_msg(timeout=30)["content"]["status"] == "complete"


def test_install_writes_a_kernel_spec(tmp_path):
    import subprocess
    env = dict(os.environ, PYTHONPATH=ROOT)
    out = subprocess.run([sys.executable, "-m", "tclish.jupyter", "install", "--prefix",
                          str(tmp_path)], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    spec = json.loads((tmp_path / "share" / "jupyter" / "kernels" / "tclish" /
                       "kernel.json").read_text())
    assert spec["argv"][1:3] == ["-m", "tclish.jupyter"] and spec["language"] == "tcl"
