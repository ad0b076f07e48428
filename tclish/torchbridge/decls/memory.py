"""Memory, threads, timing, the profiler and CUDA device queries (TCLIBTORCH's
memory_performance and cuda_utils): what torch and the process really report."""

from ..convert import BOOL, DEVICE, DTYPE, STRING, Choice, Int
from ..spec import CommandSpec, Param

_K = ".kernels.memory:"


def _device(help="cpu, cuda or cuda:N (an absent CUDA device is an error)"):
    return Param("device", DEVICE, None, help)


def _device_id():
    return Param("device_id", Int(minimum=0), 0, "CUDA device index")


SPECS = [
    CommandSpec("memory_stats", [_device()], _K + "memory_stats",
                "A dict: device, cuda_available, device_count, then the process's memory "
                "in bytes (rss_bytes, peak_rss_bytes, virtual_bytes) for cpu, or every "
                "counter of torch.cuda.memory_stats for a CUDA device.",
                returns="value", deterministic=False,
                example="dict get [torch::memory_stats] rss_bytes"),
    CommandSpec("memory_snapshot", [], _K + "memory_snapshot",
                "A dict: timestamp, cuda_available, device_count, the process's memory, and "
                "per CUDA device (key cuda:N) its allocated/reserved bytes and segments.",
                returns="value", deterministic=False,
                example="dict get [torch::memory_snapshot] timestamp"),
    CommandSpec("memory_summary", [_device()], _K + "memory_summary",
                "A readable memory report: torch.cuda.memory_summary for a CUDA device, "
                "else the process's memory.", returns="value", deterministic=False,
                example="puts [torch::memory_summary]"),
    CommandSpec("empty_cache", [_device()], _K + "empty_cache",
                "Release the CUDA caching allocator's unused memory: cache_cleared, or "
                "cuda_not_available without CUDA.", returns="value",
                example="torch::empty_cache"),
    CommandSpec("synchronize", [_device()], _K + "synchronize",
                "Wait until a CUDA device (every one without -device) has finished its queued "
                "work: synchronized (cpu: at once), or cuda_not_available.",
                returns="value", example="torch::synchronize cpu"),
    CommandSpec("get_num_threads", [], "torch:get_num_threads",
                "The number of threads torch uses for CPU operations.", returns="value",
                example="torch::get_num_threads"),
    CommandSpec("set_num_threads",
                [Param("num_threads", Int(minimum=1), help="threads for CPU operations",
                       example="1")],
                _K + "set_num_threads", "Set the threads torch uses for CPU operations; the "
                "number now in use.", returns="value",
                example="set n [torch::get_num_threads]\ntorch::set_num_threads 1\n"
                        "torch::set_num_threads $n"),
    CommandSpec("set_flush_denormal",
                [Param("enabled", BOOL, help="flush denormal floats to zero", example="0")],
                _K + "set_flush_denormal", "Flush denormal floats to zero on the CPU (or stop), as "
                "torch.set_flush_denormal: denormal_flushing_enabled or _disabled (an error "
                "where the CPU can't).",
                returns="value", example="torch::set_flush_denormal 0"),
    CommandSpec("benchmark",
                [Param("operation", Choice("matmul", "mm", "add", "conv2d"),
                       help="what to time", aliases=("op",), example="add"),
                 Param("iterations", Int(minimum=1), 1, "timed runs (after one warm-up run)",
                       aliases=("iter",)),
                 Param("size", STRING, "1000x1000", "N, NxM or NxMxP", example="8x8"),
                 Param("dtype", DTYPE, "float32", "a floating point dtype"),
                 Param("device", DEVICE, None, "cpu, cuda or cuda:N (default cpu)"),
                 Param("verbose", BOOL, False, "a sentence instead of the bare number")],
                _K + "benchmark", "Time an operation: the total microseconds of the timed "
                "runs (torch.cuda.synchronize'd on CUDA).", returns="value",
                deterministic=False,
                example="torch::benchmark matmul 3 64x64 float32"),
    CommandSpec("profiler_start",
                [Param("config", STRING, "", "key=value,... of record_shapes, "
                       "profile_memory, with_stack, with_flops, with_modules"),
                 Param("trace_file", STRING, "", "where profiler_stop writes the chrome "
                       "trace JSON (default: a new file in the temporary directory)",
                       aliases=("file",))],
                _K + "profiler_start", "Start torch.profiler; the path the trace will be "
                "written to.", returns="value", deterministic=False,
                example="torch::profiler_start record_shapes=1\n"
                        "torch::tensor_matmul [torch::ones {4 4}] [torch::ones {4 4}]\n"
                        "file delete [torch::profiler_stop]"),
    CommandSpec("profiler_stop", [], _K + "profiler_stop",
                "Stop the profiler and write its chrome trace JSON (chrome://tracing, "
                "ui.perfetto.dev); the file's path.", returns="value", deterministic=False,
                example="torch::profiler_start\nfile delete [torch::profiler_stop]"),
    CommandSpec("cuda_device_info", [_device_id()], _K + "cuda_device_info",
                "A dict of the CUDA device's properties: device, name, compute_capability, "
                "total_memory_bytes, multi_processor_count.", returns="value",
                example="if {[torch::cuda_is_available]} {torch::cuda_device_info 0}"),
    CommandSpec("cuda_memory_info", [_device_id()], _K + "cuda_memory_info",
                "A dict of the CUDA device's memory in bytes: free, total, used (= total - "
                "free, every process), and torch's allocated and reserved.",
                returns="value", deterministic=False,
                example="if {[torch::cuda_is_available]} {torch::cuda_memory_info 0}"),
]
