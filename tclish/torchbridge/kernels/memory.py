"""Memory, threads, timing and the profiler: torch's real allocator statistics on CUDA,
the process's own memory (from /proc/self/status or getrusage) on CPU; nothing invented."""

import atexit
import os
import resource
import sys
import tempfile
import time

import torch

from .. import cuda_requests
from ...runtime.values import TclDict
from .quiet import quiet as _quiet

_KB = 1024


def _cuda_count():
    return torch.cuda.device_count() if torch.cuda.is_available() else 0


def _process_memory():
    """The process's resident, peak resident and virtual size in bytes."""
    out = TclDict()
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            fields = dict(line.split(":", 1) for line in f if ":" in line)
        for key, name in (("VmRSS", "rss_bytes"), ("VmHWM", "peak_rss_bytes"),
                          ("VmSize", "virtual_bytes")):
            if key in fields:       # "  12345 kB"
                out[name] = int(fields[key].split()[0]) * _KB
    except OSError:
        pass
    if "peak_rss_bytes" not in out:     # no /proc (macOS): ru_maxrss is bytes there
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        out["peak_rss_bytes"] = peak if sys.platform == "darwin" else peak * _KB
    return out


def _header(device):
    out = TclDict()
    out["device"] = str(device) if device is not None else "cpu"
    out["cuda_available"] = 1 if torch.cuda.is_available() else 0
    out["device_count"] = _cuda_count()
    return out


def memory_stats(device):
    """A dict: which device, then the process's memory (CPU) or every counter of torch's
    CUDA caching allocator (torch.cuda.memory_stats, keys as torch names them)."""
    out = _header(device)
    if device is not None and device.type == "cuda":
        for key, value in torch.cuda.memory_stats(device).items():
            out[key] = value
    else:
        out.update(_process_memory())
    return out


def memory_snapshot():
    """A dict: when, the process's memory, and per CUDA device its allocated and reserved
    bytes and the number of allocator segments (from torch.cuda.memory_snapshot)."""
    out = TclDict()
    out["timestamp"] = int(time.time())
    out["cuda_available"] = 1 if torch.cuda.is_available() else 0
    out["device_count"] = _cuda_count()
    out.update(_process_memory())
    if out["device_count"]:
        segments = torch.cuda.memory_snapshot()
        for i in range(out["device_count"]):
            d = TclDict()
            d["allocated_bytes"] = torch.cuda.memory_allocated(i)
            d["reserved_bytes"] = torch.cuda.memory_reserved(i)
            d["segments"] = sum(1 for s in segments if s.get("device") == i)
            out["cuda:%d" % i] = d
    return out


def memory_summary(device):
    """A readable report: torch.cuda.memory_summary for a CUDA device, else the
    process's memory."""
    count = _cuda_count()
    if device is not None and device.type == "cuda":
        return "CUDA Memory Summary\nDevice Count: %d\n%s" % (
            count, torch.cuda.memory_summary(device))
    mem = _process_memory()
    lines = ["CPU Memory Summary (this process)",
             "CUDA available" if count else "CUDA not available",
             "Device Count: %d" % count]
    for key, label in (("rss_bytes", "Resident"), ("peak_rss_bytes", "Peak resident"),
                       ("virtual_bytes", "Virtual")):
        if key in mem:
            lines.append("%s: %.1f MB" % (label, mem[key] / (1 << 20)))
    return "\n".join(lines)


def empty_cache(device):
    """Release the CUDA caching allocator's unused blocks.  Without CUDA there is no such
    cache: cuda_not_available, as TCLIBTORCH answers.  CPU memory has no torch cache."""
    cuda_requests.note("empty_cache")
    if not torch.cuda.is_available():
        return "cuda_not_available"
    if device is not None and device.type == "cuda":
        with torch.cuda.device(device):
            torch.cuda.empty_cache()
    else:
        torch.cuda.empty_cache()
    return "cache_cleared"


def synchronize(device):
    """Wait for the queued CUDA work of a device (all devices without one).  CPU work is
    never queued: synchronized at once."""
    if device is not None and device.type == "cpu":
        return "synchronized"
    cuda_requests.note("synchronize")
    if not torch.cuda.is_available():
        return "cuda_not_available"
    if device is not None:
        torch.cuda.synchronize(device)
    else:
        for i in range(torch.cuda.device_count()):
            torch.cuda.synchronize(i)
    return "synchronized"


def set_num_threads(num_threads):
    torch.set_num_threads(num_threads)
    return torch.get_num_threads()


def set_flush_denormal(enabled):
    """Flush denormal floats to zero (SSE3's FTZ/DAZ) or stop; the new state, in
    TCLIBTORCH's words.  A CPU without the switch can't enable it: an error."""
    if not torch.set_flush_denormal(bool(enabled)):
        if enabled:
            raise ValueError("this CPU can't flush denormals to zero (torch.set_flush_denormal "
                             "is unsupported here)")
    return "denormal_flushing_enabled" if enabled else "denormal_flushing_disabled"


_SIZE_ERROR = 'invalid size "%s": must be N, NxM or NxMxP with positive integers'


def _parse_size(size):
    try:
        dims = [int(x) for x in str(size).lower().split("x")]
    except ValueError:
        raise ValueError(_SIZE_ERROR % size) from None
    if not dims or len(dims) > 3 or min(dims) <= 0:
        raise ValueError(_SIZE_ERROR % size)
    return dims


def _workload(operation, dims, dtype, device):
    if operation in ("matmul", "mm"):
        n = dims[0]
        m = dims[1] if len(dims) > 1 else n
        a = torch.randn(n, m, dtype=dtype, device=device)
        b = torch.randn(m, n, dtype=dtype, device=device)
        return lambda: torch.matmul(a, b)
    if operation == "add":
        a = torch.randn(*dims, dtype=dtype, device=device)
        b = torch.randn(*dims, dtype=dtype, device=device)
        return lambda: torch.add(a, b)
    # conv2d: a batch of one 3-channel image of the size, 16 filters of 3x3
    h = dims[0]
    w = dims[1] if len(dims) > 1 else h
    x = torch.randn(1, 3, h, w, dtype=dtype, device=device)
    k = torch.randn(16, 3, 3, 3, dtype=dtype, device=device)
    return lambda: torch.nn.functional.conv2d(x, k, padding=1)


def benchmark(operation, iterations, size, dtype, device, verbose):
    """Time `iterations` runs of an operation (after one untimed warm-up run);
    the total in microseconds, measured with time.perf_counter_ns."""
    if dtype.is_complex or not (dtype.is_floating_point):
        raise ValueError("benchmark dtype must be a floating point type, not %s"
                         % str(dtype).replace("torch.", ""))
    dims = _parse_size(size)
    device = device if device is not None else torch.device("cpu")
    run = _workload(operation, dims, dtype, device)
    cuda = device.type == "cuda"
    run()
    if cuda:
        torch.cuda.synchronize(device)
    start = time.perf_counter_ns()
    for _ in range(iterations):
        run()
    if cuda:
        torch.cuda.synchronize(device)
    elapsed = (time.perf_counter_ns() - start + 999) // 1000
    if not verbose:
        return elapsed
    return ("Operation: %s, Iterations: %d, Size: %s, Dtype: %s, Device: %s, Time: %d us"
            % (operation, iterations, "x".join(map(str, dims)),
               str(dtype).replace("torch.", ""), device, elapsed))


# the profiler is process-wide in torch: one at a time, whichever interpreter started it
_PROFILER = {}


@atexit.register
def _stop_at_exit():
    # a profiler still running when Python exits crashes torch: stop it (no trace)
    prof = _PROFILER.pop("prof", None)
    if prof is not None:
        with _quiet():
            prof.__exit__(None, None, None)
_PROFILER_KEYS = ("record_shapes", "profile_memory", "with_stack", "with_flops",
                  "with_modules")


def _parse_config(config):
    options = {}
    for item in filter(None, (x.strip() for x in config.split(","))):
        key, eq, value = item.partition("=")
        key = key.strip()
        if key == "verbose":        # TCLIBTORCH's; torch.profiler has no such switch
            continue
        if key not in _PROFILER_KEYS:
            raise ValueError("unknown profiler option \"%s\": must be one of %s"
                             % (key, ", ".join(_PROFILER_KEYS)))
        value = value.strip().lower() if eq else "1"
        if value not in ("0", "1", "true", "false", "yes", "no", "on", "off"):
            raise ValueError("profiler option %s needs a boolean, not \"%s\"" % (key, value))
        options[key] = value in ("1", "true", "yes", "on")
    return options


def profiler_start(config, trace_file):
    """Start torch.profiler (CPU, and CUDA where available); profiler_stop writes the
    chrome trace (open it in chrome://tracing or https://ui.perfetto.dev)."""
    if _PROFILER:
        raise ValueError("the profiler is already running (profiler_stop first)")
    options = _parse_config(config)
    if not trace_file:
        fd, trace_file = tempfile.mkstemp(prefix="tclish_trace_", suffix=".json")
        os.close(fd)
    trace_file = os.path.abspath(trace_file)
    directory = os.path.dirname(trace_file)
    if not os.path.isdir(directory):
        raise ValueError("can't write the trace to %s: no such directory" % trace_file)
    activities = [torch.profiler.ProfilerActivity.CPU]
    if torch.cuda.is_available():
        activities.append(torch.profiler.ProfilerActivity.CUDA)
    with _quiet():
        prof = torch.profiler.profile(activities=activities, **options)
        prof.__enter__()
    _PROFILER["prof"] = prof
    _PROFILER["file"] = trace_file
    return trace_file


def profiler_stop():
    """Stop the profiler and write its chrome trace JSON; the file's path."""
    if not _PROFILER:
        raise ValueError("the profiler is not running (profiler_start first)")
    prof = _PROFILER.pop("prof")
    trace_file = _PROFILER.pop("file")
    with _quiet():
        prof.__exit__(None, None, None)
        prof.export_chrome_trace(trace_file)
    return trace_file


def _cuda_index(device_id):
    cuda_requests.note("cuda:%d" % device_id)
    if not torch.cuda.is_available():
        raise ValueError("CUDA not available")
    count = torch.cuda.device_count()
    if device_id >= count:
        raise ValueError("Invalid device ID %d: there %s %d CUDA device%s" % (
            device_id, "is" if count == 1 else "are", count, "" if count == 1 else "s"))
    return device_id


def cuda_device_info(device_id):
    """A dict of torch.cuda.get_device_properties: name, compute capability, memory..."""
    i = _cuda_index(device_id)
    p = torch.cuda.get_device_properties(i)
    out = TclDict()
    out["device"] = i
    out["name"] = p.name
    out["compute_capability"] = "%d.%d" % (p.major, p.minor)
    out["total_memory_bytes"] = p.total_memory
    out["multi_processor_count"] = p.multi_processor_count
    return out


def cuda_memory_info(device_id):
    """A dict: the device's free and total memory (cudaMemGetInfo, all processes), used =
    total - free, and what torch's allocator holds here (allocated, reserved)."""
    i = _cuda_index(device_id)
    free, total = torch.cuda.mem_get_info(i)
    out = TclDict()
    out["device"] = i
    out["free_bytes"] = free
    out["total_bytes"] = total
    out["used_bytes"] = total - free
    out["allocated_bytes"] = torch.cuda.memory_allocated(i)
    out["reserved_bytes"] = torch.cuda.memory_reserved(i)
    return out
