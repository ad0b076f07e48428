"""tensor_print summarises big tensors as torch does (first and last 3 of each
long dimension around "..."), and prints small ones whole."""

import pytest

torch = pytest.importorskip("torch")

from tclish import Interp  # noqa: E402


def test_a_long_vector_keeps_torch_edge_items():
    tcl = Interp()
    text = tcl.eval("torch::tensor_print [torch::arange 0 2000]")
    ref = torch.arange(0, 2000.0)
    words = text.strip("{}").split()
    assert words[3] == "..." and len(words) == 7
    assert [float(w) for w in words[:3] + words[4:]] == ref[:3].tolist() + ref[-3:].tolist()


def test_a_big_matrix_summarises_rows_and_columns():
    tcl = Interp()
    text = tcl.eval("torch::tensor_print [torch::tensor_reshape [torch::arange 0 10000] {100 100}]")
    assert len(text) < 400 and text.count("...") == 7      # 6 rows cut, and the rows cut
    small = tcl.eval("torch::tensor_print [torch::ones {2 2}]")
    assert small == "{{1.    1.} {1.    1.}}"
