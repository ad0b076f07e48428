"""Sparse, quantized, vision, AMP: each command against torch called directly."""

import pytest

torch = pytest.importorskip("torch")
F = torch.nn.functional

from tclish import TclError  # noqa: E402


def T(tcl, handle):
    return tcl.tensor(handle)


def test_sparse_coo_and_its_operations(tcl):
    i = torch.tensor([[0, 1, 1], [2, 0, 2]])
    v = torch.tensor([3.0, 4.0, 5.0])
    ref = torch.sparse_coo_tensor(i, v, (2, 3))
    tcl.setvar("i", i)
    tcl.setvar("v", v)
    s = tcl.eval("set s [torch::sparse_coo_tensor $i $v {2 3}]")
    assert T(tcl, s).is_sparse and torch.equal(T(tcl, s).to_dense(), ref.to_dense())
    dense = T(tcl, tcl.eval("torch::sparse_to_dense $s"))
    assert torch.equal(dense, ref.to_dense())
    added = T(tcl, tcl.eval("torch::sparse_add $s $s 2.0"))
    assert torch.equal(added.to_dense(), torch.add(ref, ref, alpha=2.0).to_dense())
    m = torch.arange(6.0).reshape(3, 2)
    tcl.setvar("m", m)
    assert torch.allclose(T(tcl, tcl.eval("torch::sparse_mm $s $m")), torch.sparse.mm(ref, m))
    assert T(tcl, tcl.eval("torch::sparse_sum $s")).item() == 12.0
    assert torch.equal(T(tcl, tcl.eval("torch::sparse_sum $s 1")).to_dense(),
                       torch.sparse.sum(ref, [1]).to_dense())
    tr = T(tcl, tcl.eval("torch::sparse_transpose $s 0 1"))
    assert torch.equal(tr.to_dense(), ref.to_dense().t())
    sm = T(tcl, tcl.eval("torch::sparse_softmax $s 1"))
    assert torch.allclose(sm.to_dense(), torch.sparse.softmax(ref, 1).to_dense())
    lsm = T(tcl, tcl.eval("torch::sparse_log_softmax $s 1"))
    assert torch.allclose(lsm.to_dense(), torch.sparse.log_softmax(ref, 1).to_dense())
    dup = torch.sparse_coo_tensor(torch.tensor([[0, 0], [1, 1]]), torch.tensor([1.0, 2.0]), (2, 2))
    tcl.setvar("d", dup)
    c = T(tcl, tcl.eval("torch::sparse_coalesce $d"))
    assert c.is_coalesced() and c.values().tolist() == [3.0]
    full = torch.arange(6.0).reshape(2, 3)
    tcl.setvar("full", full)
    masked = T(tcl, tcl.eval("torch::sparse_mask $full $s"))
    assert torch.equal(masked.to_dense(), full.sparse_mask(ref.coalesce()).to_dense())


def test_sparse_reshape_remaps_indices(tcl):
    dense = torch.tensor([[0.0, 0.0, 3.0], [4.0, 0.0, 5.0]])
    tcl.setvar("s", dense.to_sparse())
    for shape, tcl_shape in (((3, 2), "3 2"), ((6,), "6"), ((1, 3, 2), "1 3 -1")):
        out = T(tcl, tcl.eval("torch::sparse_reshape $s {%s}" % tcl_shape))
        assert out.is_sparse and torch.equal(out.to_dense(), dense.reshape(shape))
    with pytest.raises(TclError, match="invalid for a tensor of 6 elements"):
        tcl.eval("torch::sparse_reshape $s {4 2}")


def test_sparse_csr_and_csc(tcl):
    crow, col, val = torch.tensor([0, 2, 3]), torch.tensor([0, 2, 1]), torch.tensor([1.0, 2, 3])
    for name, make in (("csr", torch.sparse_csr_tensor), ("csc", torch.sparse_csc_tensor)):
        tcl.setvar("a", crow)
        tcl.setvar("b", col)
        tcl.setvar("v", val)
        got = T(tcl, tcl.eval("torch::sparse_%s_tensor $a $b $v {3 3}" % name))
        assert torch.equal(got.to_dense(), make(crow, col, val, (3, 3)).to_dense())


def test_quantization_per_tensor_and_per_channel(tcl):
    x = torch.tensor([[-1.0, 0.5], [2.0, 3.5]])
    tcl.setvar("x", x)
    q = tcl.eval("set q [torch::quantize_per_tensor $x 0.1 10 quint8]")
    ref = torch.quantize_per_tensor(x, 0.1, 10, torch.quint8)
    assert torch.equal(T(tcl, q).int_repr(), ref.int_repr())
    assert torch.equal(T(tcl, tcl.eval("torch::int_repr $q")), ref.int_repr())
    assert torch.equal(T(tcl, tcl.eval("torch::dequantize $q")), ref.dequantize())
    assert float(tcl.eval("torch::q_scale $q")) == pytest.approx(0.1)
    assert tcl.eval("torch::q_zero_point $q") == "10"
    tcl.setvar("sc", torch.tensor([0.1, 0.2]))
    tcl.setvar("zp", torch.tensor([0, 1]))
    qc = tcl.eval("set qc [torch::quantize_per_channel $x $sc $zp 0 qint8]")
    refc = torch.quantize_per_channel(x, torch.tensor([0.1, 0.2], dtype=torch.float64),
                                      torch.tensor([0, 1]), 0, torch.qint8)
    assert torch.equal(T(tcl, qc).int_repr(), refc.int_repr())
    assert tcl.eval("torch::q_per_channel_axis $qc") == "0"
    assert torch.equal(T(tcl, tcl.eval("torch::q_per_channel_zero_points $qc")),
                       refc.q_per_channel_zero_points())
    assert torch.allclose(T(tcl, tcl.eval("torch::q_per_channel_scales $qc")),
                          refc.q_per_channel_scales())


def test_quantized_arithmetic_honours_the_output_scale(tcl):
    a = torch.quantize_per_tensor(torch.tensor([0.5, 1.0, -0.3]), 0.1, 10, torch.quint8)
    b = torch.quantize_per_tensor(torch.tensor([0.2, 0.4, 0.9]), 0.05, 0, torch.quint8)
    tcl.setvar("a", a)
    tcl.setvar("b", b)
    add = T(tcl, tcl.eval("torch::quantized_add $a $b 0.2 3"))
    ref = torch.ops.quantized.add(a, b, 0.2, 3)
    assert add.q_scale() == pytest.approx(0.2) and add.q_zero_point() == 3
    assert torch.equal(add.int_repr(), ref.int_repr())
    mul = T(tcl, tcl.eval("torch::quantized_mul $a $b 0.05 1"))
    assert torch.equal(mul.int_repr(), torch.ops.quantized.mul(a, b, 0.05, 1).int_repr())
    relu = T(tcl, tcl.eval("torch::quantized_relu $a"))
    assert torch.equal(relu.int_repr(), torch.relu(a).int_repr())
    relu2 = T(tcl, tcl.eval("torch::quantized_relu $a 0.5 2"))
    assert relu2.q_scale() == pytest.approx(0.5) and relu2.q_zero_point() == 2


def test_fake_quantize(tcl):
    x = torch.tensor([[-1.0, 0.53], [2.04, 30.0]])
    tcl.setvar("x", x)
    got = T(tcl, tcl.eval("torch::fake_quantize_per_tensor $x 0.1 10 0 255"))
    assert torch.equal(got, torch.fake_quantize_per_tensor_affine(x, 0.1, 10, 0, 255))
    tcl.setvar("sc", torch.tensor([0.1, 0.2]))
    tcl.setvar("zp", torch.tensor([0, 1], dtype=torch.int32))
    got = T(tcl, tcl.eval("torch::fake_quantize_per_channel $x $sc $zp 0 -128 127"))
    ref = torch.fake_quantize_per_channel_affine(x, torch.tensor([0.1, 0.2]),
                                                 torch.tensor([0, 1], dtype=torch.int32), 0,
                                                 -128, 127)
    assert torch.equal(got, ref)


def test_quantized_ops_on_a_float_tensor_are_clear_errors(tcl):
    tcl.setvar("f", torch.ones(2))
    for cmd in ("torch::dequantize $f", "torch::q_scale $f", "torch::int_repr $f",
                "torch::quantized_add $f $f 0.1 0"):
        with pytest.raises(TclError, match="not a quantized tensor"):
            tcl.eval(cmd)
    with pytest.raises(TclError, match="a quantized dtype is needed"):
        tcl.eval("torch::quantize_per_tensor $f 0.1 0 float32")


def test_vision_operations(tcl):
    x = torch.arange(32.0).reshape(1, 8, 2, 2)
    tcl.setvar("x", x)
    assert torch.equal(T(tcl, tcl.eval("torch::pixel_shuffle $x 2")), F.pixel_shuffle(x, 2))
    y = torch.arange(16.0).reshape(1, 1, 4, 4)
    tcl.setvar("y", y)
    assert torch.equal(T(tcl, tcl.eval("torch::pixel_unshuffle $y 2")), F.pixel_unshuffle(y, 2))
    assert torch.equal(T(tcl, tcl.eval("torch::channel_shuffle $x 4")), F.channel_shuffle(x, 4))
    assert torch.equal(T(tcl, tcl.eval("torch::interpolate $y -size {8 8}")),
                       F.interpolate(y, size=(8, 8)))
    assert torch.allclose(T(tcl, tcl.eval("torch::interpolate $y -scale_factor {0.5 0.5} "
                                          "-mode bilinear -align_corners 1")),
                          F.interpolate(y, scale_factor=(0.5, 0.5), mode="bilinear",
                                        align_corners=True))
    assert torch.equal(T(tcl, tcl.eval("torch::upsample_nearest $y {8 8}")),
                       F.interpolate(y, size=(8, 8), mode="nearest"))
    assert torch.allclose(T(tcl, tcl.eval("torch::upsample_bilinear $y {6 6}")),
                          F.interpolate(y, size=(6, 6), mode="bilinear", align_corners=False))
    img = torch.rand(3, 5, 4, generator=torch.Generator().manual_seed(0))
    tcl.setvar("img", img)
    assert torch.allclose(T(tcl, tcl.eval("torch::resize_image $img {3 2}")),
                          F.interpolate(img[None], size=(3, 2), mode="bilinear")[0])
    theta = torch.tensor([[[0.8, -0.2, 0.1], [0.3, 1.1, -0.2]]])
    tcl.setvar("theta", theta)
    grid = T(tcl, tcl.eval("set g [torch::affine_grid $theta {1 1 4 4}]"))
    assert torch.allclose(grid, F.affine_grid(theta, [1, 1, 4, 4], align_corners=False))
    assert torch.allclose(T(tcl, tcl.eval("torch::grid_sample $y $g -padding_mode border")),
                          F.grid_sample(y, grid, padding_mode="border", align_corners=False))
    mean, std = torch.tensor([0.5, 0.4, 0.3]), torch.tensor([0.2, 0.25, 0.5])
    tcl.setvar("mean", mean)
    tcl.setvar("std", std)
    norm = T(tcl, tcl.eval("set n [torch::normalize_image $img $mean $std]"))
    assert torch.allclose(norm, (img - mean[:, None, None]) / std[:, None, None])
    assert torch.allclose(T(tcl, tcl.eval("torch::denormalize_image $n $mean $std")), img,
                          atol=1e-6)


def test_autocast_state_is_torchs(tcl):
    try:
        tcl.eval("torch::autocast_enable cpu bfloat16")
        assert torch.is_autocast_enabled("cpu")
        assert torch.get_autocast_dtype("cpu") == torch.bfloat16
        assert tcl.eval("torch::autocast_is_enabled cpu") == "1"
        tcl.eval("torch::autocast_set_dtype float16 cpu")
        assert torch.get_autocast_dtype("cpu") == torch.float16
    finally:
        tcl.eval("torch::autocast_disable cpu")
        torch.set_autocast_dtype("cpu", torch.bfloat16)
    assert not torch.is_autocast_enabled("cpu")
    assert tcl.eval("torch::autocast_is_enabled cpu") == "0"
    with pytest.raises(TclError, match="autocast dtype must be"):
        tcl.eval("torch::autocast_set_dtype int32 cpu")


def test_grad_scaler_scales_and_reads_back(tcl):
    s = tcl.eval("set s [torch::grad_scaler_new 1024.0 -device cpu]")
    assert s.startswith("scaler")
    tcl.setvar("loss", torch.tensor(3.0))
    assert T(tcl, tcl.eval("torch::grad_scaler_scale $s $loss")).item() == 3072.0
    assert float(tcl.eval("torch::grad_scaler_get_scale $s")) == 1024.0
    tcl.eval("torch::grad_scaler_update $s 512.0")
    assert float(tcl.eval("torch::grad_scaler_get_scale $s")) == 512.0
    with pytest.raises(TclError, match="Invalid scaler"):
        tcl.eval("torch::grad_scaler_get_scale nosuch")


def test_masked_fill(tcl):
    x = torch.arange(4.0)
    m = torch.tensor([True, False, True, False])
    tcl.setvar("x", x)
    tcl.setvar("m", m)
    assert torch.equal(T(tcl, tcl.eval("torch::tensor_masked_fill $x $m -1.5")),
                       x.masked_fill(m, -1.5))


def test_no_library_warning_reaches_the_user():
    """torch warns about quantized dtypes, sparse invariants and CSR being beta; a
    tclish user sees none of it (pytest resets warning filters per test, so
    this runs the real command line)."""
    import os
    import subprocess
    import sys
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    script = ("torch::quantize_per_tensor [torch::ones 2] 0.1 0 quint8\n"
              "torch::sparse_coo_tensor [torch::tensor_create -data {{0 1} {1 0}} -dtype int64]"
              " [torch::ones 2] {2 2}\n"
              "torch::sparse_csr_tensor [torch::tensor_create -data {0 1 2} -dtype int64]"
              " [torch::tensor_create -data {0 1} -dtype int64] [torch::ones 2] {2 2}\n"
              "puts done\n")
    out = subprocess.run([sys.executable, "-m", "tclish", "-c", script], capture_output=True,
                         text=True, env=dict(os.environ, PYTHONPATH=root), timeout=120)
    assert out.stdout == "done\n" and out.stderr == ""
