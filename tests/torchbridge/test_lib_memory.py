"""Memory, threads, timing, profiler and CUDA queries, each checked against torch or the
process's own figures read here from /proc and resource, not through the bridge."""

import json
import os
import resource

import pytest

torch = pytest.importorskip("torch")

from tclish import Interp  # noqa: E402
from tclish.runtime.errors import TclError  # noqa: E402

CUDA = torch.cuda.is_available()


@pytest.fixture
def interp():
    return Interp()



def _status_kb(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return None


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs /proc")
def test_memory_stats_cpu_is_the_process_memory(interp):
    rss0, hwm0 = _status_kb("VmRSS") * 1024, _status_kb("VmHWM") * 1024
    interp.eval("set s [torch::memory_stats cpu]")
    rss1, hwm1 = _status_kb("VmRSS") * 1024, _status_kb("VmHWM") * 1024
    assert interp.eval("dict get $s device") == "cpu"
    assert interp.eval("dict get $s device_count") == str(torch.cuda.device_count()
                                                         if CUDA else 0)
    rss = int(interp.eval("dict get $s rss_bytes"))
    peak = int(interp.eval("dict get $s peak_rss_bytes"))
    # the figures of /proc read just before and after (Linux updates the peak lazily:
    # VmHWM can read a little lower later)
    slack = 16 << 20
    assert min(rss0, rss1) - slack <= rss <= max(rss0, rss1) + slack
    assert min(hwm0, hwm1) - slack <= peak <= max(hwm0, hwm1) + slack
    assert peak <= resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 + (1 << 20)
    assert int(interp.eval("dict get $s virtual_bytes")) >= rss


def test_memory_snapshot_and_summary(interp):
    import time
    now = int(time.time())
    ts = int(interp.eval("dict get [torch::memorySnapshot] timestamp"))
    assert abs(ts - now) <= 2
    assert interp.eval("dict get [torch::memory_snapshot] cuda_available") == ("1" if CUDA
                                                                              else "0")
    summary = interp.eval("torch::memory_summary cpu")
    assert "Device Count: %d" % (torch.cuda.device_count() if CUDA else 0) in summary
    assert "Resident:" in summary


def test_threads_round_trip(interp):
    before = torch.get_num_threads()
    try:
        assert interp.eval("torch::set_num_threads 1") == "1"
        assert torch.get_num_threads() == 1
        assert interp.eval("torch::getNumThreads") == "1"
        interp.eval("torch::setNumThreads -numThreads %d" % before)
        assert torch.get_num_threads() == before
    finally:
        torch.set_num_threads(before)


def test_flush_denormal_sets_torchs_switch(interp):
    try:
        supported = torch.set_flush_denormal(True)
        torch.set_flush_denormal(False)
        if supported:       # 1e-310 is a float64 denormal: flushed to zero
            assert interp.eval("torch::set_flush_denormal -enabled 1") == \
                "denormal_flushing_enabled"
            assert torch.tensor([1e-310], dtype=torch.float64)[0].item() == 0.0
        else:
            with pytest.raises(TclError, match="can't flush denormals"):
                interp.eval("torch::set_flush_denormal 1")
    finally:
        torch.set_flush_denormal(False)
    assert interp.eval("torch::set_flush_denormal 0") == "denormal_flushing_disabled"
    assert torch.tensor([1e-310], dtype=torch.float64)[0].item() != 0.0


def test_cache_and_synchronize(interp):
    expect = "cache_cleared" if CUDA else "cuda_not_available"
    assert interp.eval("torch::empty_cache") == expect
    assert interp.eval("torch::synchronize -device cpu") == "synchronized"
    assert interp.eval("torch::synchronize") == ("synchronized" if CUDA
                                                 else "cuda_not_available")


def test_benchmark_times_real_runs(interp):
    t = int(interp.eval("torch::benchmark -operation matmul -iterations 2 -size 32x32"))
    assert t > 0
    text = interp.eval("torch::benchmark add 1 8x8 float64 cpu 1")
    assert text.startswith("Operation: add, Iterations: 1, Size: 8x8, Dtype: float64")
    assert int(interp.eval("torch::benchmark -op conv2d -iter 1 -size 8")) > 0


def test_profiler_writes_a_chrome_trace(interp, tmp_path):
    path = str(tmp_path / "trace.json")
    assert interp.eval("torch::profiler_start -config record_shapes=1 -trace_file %s"
                       % path) == path
    with pytest.raises(TclError, match="already running"):
        interp.eval("torch::profiler_start")
    interp.eval("torch::tensor_matmul [torch::ones {4 4}] [torch::ones {4 4}]")
    assert interp.eval("torch::profilerStop") == path
    events = json.load(open(path))["traceEvents"]
    assert any("matmul" in e.get("name", "") for e in events)
    # the default file: a new one in the temporary directory
    interp.eval("torch::profiler_start")
    other = interp.eval("torch::profiler_stop")
    assert os.path.exists(other) and other != path
    os.unlink(other)


@pytest.mark.parametrize("script, message", [
    ("torch::profiler_stop", "not running"),
    ("torch::profiler_start bogus=1", "unknown profiler option"),
    ("torch::profiler_start {} /no/such/dir/t.json", "no such directory"),
    ("torch::benchmark divide", "Invalid operation value"),
    ("torch::benchmark add 1 0x3", "invalid size"),
    ("torch::benchmark add 1 4 int64", "floating point"),
    ("torch::set_num_threads 0", "at least 1"),
    ("torch::set_flush_denormal maybe", "enabled"),
    ("torch::memory_stats cuda:%d" % (torch.cuda.device_count() if CUDA else 0),
     "CUDA" if not CUDA else "no CUDA device"),
    ("torch::cuda_memory_info 99", "CUDA not available" if not CUDA else "Invalid device ID"),
    ("torch::cuda_device_info -device_id 99",
     "CUDA not available" if not CUDA else "Invalid device ID"),
    ("torch::memory_snapshot extra", "Usage"),
])
def test_bad_input_is_a_tcl_error(interp, script, message):
    with pytest.raises(TclError, match=message):
        interp.eval(script)
    assert interp.eval("expr {1 + 1}") == "2"


@pytest.mark.skipif(not CUDA, reason="needs CUDA")
def test_cuda_queries_are_torchs():
    interp = Interp()
    p = torch.cuda.get_device_properties(0)
    assert interp.eval("dict get [torch::cuda_device_info 0] name") == p.name
    assert int(interp.eval("dict get [torch::cuda_memory_info 0] total_bytes")) == \
        torch.cuda.mem_get_info(0)[1]
    interp.eval("set t [torch::ones {256 256} -device cuda]")
    assert int(interp.eval("dict get [torch::memory_stats cuda:0] allocated_bytes.all.current"
                           )) == torch.cuda.memory_stats(0)["allocated_bytes.all.current"]
