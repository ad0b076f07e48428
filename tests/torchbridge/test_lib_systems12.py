"""Issue 12's fixes against torch called directly: autocast around a script, the grad
scaler before its first scale, image normalisation in place and without a channel
dimension, upsampling's positional size-or-scale, fake quantization's default range,
in-place collectives in a world of one, and the suite runner's CUDA trace."""

import os

import pytest

torch = pytest.importorskip("torch")
F = torch.nn.functional

from tclish import TclError  # noqa: E402


def T(tcl, handle):
    return tcl.tensor(handle)


# ---- autocast around a script (issue item 5) ----

def test_autocast_script_form_sets_and_restores_the_state(tcl):
    assert not torch.is_autocast_enabled("cpu")
    tcl.eval("set a [torch::tensor_create -data {{1.0 2.0} {3.0 4.0}} -dtype float32]")
    inside = tcl.eval("torch::autocast_enable cpu bfloat16 {\n"
                      "    set y [torch::tensor_matmul $a $a]\n"
                      "    torch::autocast_is_enabled cpu\n}")
    assert inside == "1"
    a = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
    with torch.autocast("cpu", dtype=torch.bfloat16):
        ref = a @ a
    assert T(tcl, tcl.getvar("y")).dtype == torch.bfloat16 == ref.dtype
    assert torch.equal(T(tcl, tcl.getvar("y")), ref)
    after = T(tcl, tcl.eval("torch::tensor_matmul $a $a"))
    assert after.dtype == torch.float32 and not torch.is_autocast_enabled("cpu")
    # an error in the script: the error comes through, the state is restored
    with pytest.raises(TclError, match="boom"):
        tcl.eval("torch::autocast_enable -device cpu -dtype bfloat16 -script "
                 "{torch::tensor_matmul $a $a; error boom}")
    assert not torch.is_autocast_enabled("cpu")
    assert tcl.eval("torch::autocast_is_enabled cpu") == "0"
    # return from a proc inside the script restores it too
    tcl.eval("proc f {a} {torch::autocast_enable cpu bfloat16 {"
             "return [torch::tensor_matmul $a $a]}; return none}")
    assert T(tcl, tcl.eval("f $a")).dtype == torch.bfloat16
    assert not torch.is_autocast_enabled("cpu")
    assert torch.get_autocast_dtype("cpu") == torch.bfloat16      # torch's default, kept


def test_autocast_disable_script_form_inside_an_enabled_state(tcl):
    try:
        assert tcl.eval("torch::autocast_enable cpu bfloat16") == "autocast enabled"
        tcl.eval("set a [torch::ones {2 2}]")
        d = tcl.eval("torch::autocast_disable cpu "
                     "{torch::tensor_dtype [torch::tensor_matmul $a $a]}")
        assert d.lower() == "float32"
        assert torch.is_autocast_enabled("cpu")
    finally:
        assert tcl.eval("torch::autocast_disable cpu") == "autocast disabled"
    assert not torch.is_autocast_enabled("cpu")


# ---- grad scaler ----

def test_grad_scaler_before_its_first_scale_and_a_full_step(tcl):
    s = tcl.eval("set s [torch::grad_scaler_new 1024.0 -device cpu]")
    assert float(tcl.eval("torch::grad_scaler_get_scale -gradscaler $s")) == 1024.0
    assert tcl.eval("torch::grad_scaler_update $s 512.0") == "scaler updated"
    tcl.eval("set w [torch::tensor_create -data {1.0 -2.0} -requiresGrad 1]\n"
             "set opt [torch::optimizer_sgd [list $w] 0.1]")
    # no gradient yet, no step since the last update: clear errors, nothing changed
    with pytest.raises(TclError, match="none of the optimizer's parameters has a gradient"):
        tcl.eval("torch::grad_scaler_step $s $opt")
    with pytest.raises(TclError, match="no grad_scaler_step since the last update"):
        tcl.eval("torch::grad_scaler_update $s")
    tcl.eval("torch::tensor_backward [torch::grad_scaler_scale $s "
             "[torch::tensor_sum [torch::tensor_mul $w $w]]]")
    assert tcl.eval("torch::grad_scaler_step -scaler $s -optim $opt") == "scaler step completed"
    tcl.eval("torch::grad_scaler_update $s")
    # the same in torch: scale 512, one step of SGD on the unscaled gradient 2w
    w = torch.tensor([1.0, -2.0], requires_grad=True)
    opt = torch.optim.SGD([w], lr=0.1)
    sc = torch.amp.GradScaler("cpu", init_scale=512.0)
    sc.scale((w * w).sum()).backward()
    sc.step(opt)
    sc.update()
    assert torch.allclose(T(tcl, tcl.getvar("w")).detach(), w.detach())
    assert float(tcl.eval("torch::grad_scaler_get_scale $s")) == sc.get_scale()


# ---- vision ----

def test_normalize_in_place_answers_the_same_handle_and_keeps_the_shape(tcl):
    x = torch.tensor([[0.5, 0.6], [0.7, 0.8]])
    tcl.setvar("x", x.clone())
    tcl.eval("set m [torch::tensor_create {0.485}]; set s [torch::tensor_create {0.229}]")
    out = T(tcl, tcl.eval("torch::normalize_image $x $m $s"))
    assert out.shape == x.shape
    assert torch.allclose(out, (x - 0.485) / 0.229)
    den = T(tcl, tcl.eval("torch::denormalize_image $x $m $s"))
    assert den.shape == x.shape and torch.allclose(den, x * 0.229 + 0.485)
    assert tcl.eval("expr {[torch::normalize_image $x $m $s 1] eq $x}") == "1"
    assert torch.allclose(T(tcl, tcl.getvar("x")), (x - 0.485) / 0.229)
    assert tcl.eval("expr {[torch::denormalize_image -image $x -mean $m -std $s "
                    "-inplace 1] eq $x}") == "1"
    assert torch.allclose(T(tcl, tcl.getvar("x")), x, atol=1e-6)
    # a [C, H, W] image: per channel, as torchvision's normalize
    img = torch.arange(12.0).reshape(3, 2, 2)
    mean, std = torch.tensor([1.0, 2.0, 3.0]), torch.tensor([0.5, 1.0, 2.0])
    tcl.setvar("img", img)
    tcl.setvar("mean", mean)
    tcl.setvar("std", std)
    ref = (img - mean[:, None, None]) / std[:, None, None]
    assert torch.allclose(T(tcl, tcl.eval("torch::normalize_image $img $mean $std")), ref)


@pytest.mark.parametrize("script, ref", [
    ("torch::upsample_bilinear $x {8 8} 1",
     lambda x: F.interpolate(x, size=[8, 8], mode="bilinear", align_corners=True)),
    ("torch::upsample_bilinear $x {2.0 1.5}",
     lambda x: F.interpolate(x, scale_factor=[2.0, 1.5], mode="bilinear", align_corners=False)),
    ("torch::upsample_bilinear $x {2.0 2.0} 1",
     lambda x: F.interpolate(x, scale_factor=[2.0, 2.0], mode="bilinear", align_corners=True)),
    ("torch::upsample_bilinear -input $x -output_size {6 6} -align_corners 1",
     lambda x: F.interpolate(x, size=[6, 6], mode="bilinear", align_corners=True)),
    ("torch::upsample_nearest $x {2.0 3.0}",
     lambda x: F.interpolate(x, scale_factor=[2.0, 3.0], mode="nearest")),
    ("torch::upsample_nearest $x {5 7}", lambda x: F.interpolate(x, size=[5, 7], mode="nearest")),
])
def test_upsample_positional_size_or_scale(tcl, script, ref):
    x = torch.arange(16.0).reshape(1, 1, 4, 4)
    tcl.setvar("x", x)
    assert torch.allclose(T(tcl, tcl.eval(script)), ref(x))


def test_resize_refuses_align_corners_with_nearest_as_torch_does(tcl):
    tcl.eval("set x [torch::ones {1 1 3 4}]")
    with pytest.raises(TclError, match="align_corners"):
        tcl.eval("torch::resize_image $x {6 8} nearest 1")
    with pytest.raises(ValueError):
        F.interpolate(torch.ones(1, 1, 3, 4), size=[6, 8], mode="nearest", align_corners=True)
    assert T(tcl, tcl.eval("torch::resize_image $x {6 8} nearest")).shape == (1, 1, 6, 8)
    with pytest.raises(TclError, match="Missing value for parameter"):
        tcl.eval("torch::upsample_nearest $x")


# ---- quantization ----

def test_fake_quantize_default_range_is_qint8s(tcl):
    x = torch.tensor([[1.5, -2.5, 3.5], [40.0, -50.0, 6.5]])
    tcl.setvar("x", x)
    got = T(tcl, tcl.eval("torch::fake_quantize_per_tensor $x 0.2 -10"))
    assert torch.equal(got, torch.fake_quantize_per_tensor_affine(x, 0.2, -10, -128, 127))
    tcl.eval("set sc [torch::tensor_create {0.1 0.3}]\n"
             "set zp [torch::tensor_create -data {0 -5} -dtype int32]")
    got = T(tcl, tcl.eval("torch::fake_quantize_per_channel $x $sc $zp 0"))
    ref = torch.fake_quantize_per_channel_affine(
        x, torch.tensor([0.1, 0.3]), torch.tensor([0, -5], dtype=torch.int32), 0, -128, 127)
    assert torch.equal(got, ref)


# ---- distributed, a world of one ----

def test_world_of_one_in_place_collectives_and_barrier(tcl):
    import torch.distributed as dist
    if dist.is_initialized():
        pytest.skip("a process group is already open in this process")
    try:
        assert tcl.eval("torch::distributed_barrier") == "Distributed not initialized"
        tcl.eval("set t [torch::tensor_create -data {1.0 2.0 3.0}]")
        # all_reduce over one rank: in place, the same values, the same handle
        assert tcl.eval("expr {[torch::distributed_all_reduce $t sum] eq $t}") == "1"
        assert tcl.eval("expr {[torch::all_reduce -tensor $t -operation MAX] eq $t}") == "1"
        assert T(tcl, tcl.getvar("t")).tolist() == [1.0, 2.0, 3.0]
        assert tcl.eval("expr {[torch::distributed_broadcast $t 0] eq $t}") == "1"
        assert tcl.eval("torch::distributed_barrier") == "Barrier synchronized (single process)"
        for script, what in (("torch::distributed_broadcast $t 2", "root rank 2 is out of range"),
                             ("torch::distributed_gather $t 1", "destination rank 1"),
                             ("torch::distributed_scatter $t 3", "source rank 3")):
            with pytest.raises(TclError, match=what):
                tcl.eval(script)
        assert tcl.eval("torch::get_world_size") == "1"
    finally:
        tcl.eval("torch::distributed_destroy")


def test_distributed_init_again_is_a_no_op_for_the_same_world_and_an_error_otherwise(tcl):
    # scripts init defensively (TCLIBTORCH's files call distributed_init in every
    # test): the same rank, world size and backend, or no arguments, leave the group
    # as it is; another world would need a new rendezvous, so it is refused
    import socket
    import torch.distributed as dist
    if dist.is_initialized():
        pytest.skip("a process group is already open in this process")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    joined = "Distributed training initialized: rank=0, world_size=1, backend=gloo"
    try:
        assert tcl.eval("torch::distributed_init 0 1 127.0.0.1 %d gloo" % port) == joined
        group = dist.group.WORLD
        assert tcl.eval("torch::distributed_init 0 1 127.0.0.1 %d gloo" % port) == joined
        assert tcl.eval("torch::distributed_init -rank 0 -worldSize 1") == joined
        assert tcl.eval("torch::distributed_init") == joined
        assert dist.group.WORLD is group
        with pytest.raises(TclError, match=r"already in a process group as rank 0 of 1 "
                                           r"\(gloo\): torch::distributed_destroy first"):
            tcl.eval("torch::distributed_init 0 2 127.0.0.1 %d gloo" % port)
        assert tcl.eval("torch::get_world_size") == "1" and dist.group.WORLD is group
    finally:
        tcl.eval("torch::distributed_destroy")
    assert not dist.is_initialized()


# ---- the suite runner's CUDA trace ----

def test_cuda_requests_are_noted_only_when_asked_for(tcl, tmp_path, monkeypatch):
    trace = tmp_path / "cuda.trace"
    monkeypatch.setenv("TCLISH_CUDA_TRACE", str(trace))
    tcl.eval("torch::cuda_is_available; torch::cuda_device_count; torch::ones 2 -device cpu")
    assert not trace.exists()
    tcl.eval("catch {torch::ones 2 -device cuda:0}; catch {torch::cuda_device_info 0}")
    assert trace.read_text().split() == ["cuda:0", "cuda:0"]
    monkeypatch.delenv("TCLISH_CUDA_TRACE")
    tcl.eval("catch {torch::ones 2 -device cuda}")
    assert len(trace.read_text().split()) == 2


def test_suite_runner_counts_plain_script_test_files():
    import importlib.util
    path = os.path.join(os.path.dirname(__file__), "..", "..", "scripts", "tclibtorch_suite.py")
    spec = importlib.util.spec_from_file_location("tclibtorch_suite", path)
    suite = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(suite)
    source = 'puts "Test 1: a"\nputs "Test 2: b"\nputs "Test 3: c"\n'
    assert suite.script_counts(source, "Test 1: a\nTest 2: b\n  failed\n", 1) == (3, 1)
    assert suite.script_counts(source, "Test 1: a\nTest 2: b\nTest 3: c\nAll tests passed",
                               0) == (3, 3)
    assert suite.script_counts("test x-1 {} {}", "", 0) is None
