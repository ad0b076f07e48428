#!/usr/bin/env bash
# The checks that need a GPU (issue 12): tensors to and from CUDA, roi_align on CUDA
# against the CPU result, one training step on CUDA against the same step on the CPU,
# a 2-rank nccl all_reduce (with 2 GPUs), the cuda_* and memory commands.
# One PASS/FAIL line per check; exit status 1 if any failed.  Without a GPU it says so
# and exits 0.
#
#     scripts/gpu_check.sh            (from the repository root; uses python on PATH)
set -u
cd "$(dirname "$0")/.."
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
PY=${PYTHON:-python}

ngpu=$("$PY" -c 'import torch; print(torch.cuda.device_count() if torch.cuda.is_available() else 0)' 2>/dev/null)
if [ -z "$ngpu" ] || [ "$ngpu" = 0 ]; then
    echo "no GPU: torch sees no CUDA device, nothing to check"
    exit 0
fi
echo "GPUs: $ngpu ($("$PY" -c 'import torch; print(torch.cuda.get_device_name(0), "torch", torch.__version__)'))"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fails=0

cat > "$work/single.tcl" <<'TCL'
proc check {name script} {
    if {[catch {uplevel 1 $script} msg]} {
        puts "FAIL $name: $msg"
        incr ::fails
    } elseif {$msg ne ""} {
        puts "FAIL $name: $msg"
        incr ::fails
    } else {
        puts "PASS $name"
    }
}
set fails 0
# the largest absolute difference of two tensors, read back on the CPU
proc maxdiff {a b} {
    set d [torch::tensor_sub [torch::tensor_to $a cpu] [torch::tensor_to $b cpu]]
    set m 0.0
    foreach v [torch::tensor_to_list $d] { set m [expr {max($m, abs($v))}] }
    return $m
}
proc near {a b tol} {
    set m [maxdiff $a $b]
    if {$m > $tol} { return "differs by $m (tolerance $tol)" }
    return ""
}

check "tensors to and from cuda" {
    set c [torch::tensor_create {{1.5 2.5} {3.5 4.5}} float32]
    set g [torch::tensor_to $c cuda]
    set msg ""
    if {[torch::tensor_device $g] ne "cuda:0"} { set msg "device [torch::tensor_device $g]" }
    set back [torch::tensor_to $g cpu]
    if {[torch::tensor_to_list $back] ne [torch::tensor_to_list $c]} { set msg "values changed" }
    set msg
}

check "roi_align on cuda equals cpu" {
    torch::manual_seed 1
    set x [torch::randn {2 3 16 16}]
    set boxes [torch::tensor_create {{0 1.0 1.0 9.0 12.0} {1 0.5 2.0 15.0 7.5} {0 3.0 3.0 4.0 4.0}} float32]
    set cpu [torch::roi_align $x $boxes {4 4} 0.5 2 1]
    set gpu [torch::roi_align [torch::tensor_to $x cuda] [torch::tensor_to $boxes cuda] {4 4} 0.5 2 1]
    near $cpu $gpu 1e-5
}

# one step of least squares by gradient descent, on a device: the new weights
proc train_step {device} {
    torch::manual_seed 2
    set x [torch::tensor_to [torch::randn {16 4}] $device]
    set y [torch::tensor_to [torch::randn {16 1}] $device]
    set w [torch::tensor_to [torch::randn {4 1}] $device]
    set w [torch::tensor_create -data [torch::tensor_to_list $w] -shape {4 1} -device $device -requires_grad 1]
    set err [torch::tensor_sub [torch::tensor_matmul $x $w] $y]
    set loss [torch::tensor_mean [torch::tensor_mul $err $err]]
    torch::tensor_backward $loss
    return [torch::tensor_sub $w [torch::tensor_grad $w] -alpha 0.1]
}
check "one training step on cuda equals cpu" {
    near [train_step cpu] [train_step cuda] 1e-5
}

check "cuda_device_info / cuda_memory_info" {
    set info [torch::cuda_device_info 0]
    set mem [torch::cuda_memory_info 0]
    set msg ""
    if {[dict get $info name] eq ""} { set msg "no name" }
    if {[dict get $mem total_bytes] <= 0 || [dict get $mem free_bytes] > [dict get $mem total_bytes]} {
        set msg "memory $mem"
    }
    if {![catch {torch::cuda_device_info [torch::cuda_device_count]}]} { set msg "absent device accepted" }
    set msg
}

check "memory commands on cuda" {
    set t [torch::ones {1024 1024} -device cuda]
    set s [torch::memory_stats cuda:0]
    set msg ""
    if {[dict get $s allocated_bytes.all.current] < 4*1024*1024} { set msg "allocated [dict get $s allocated_bytes.all.current]" }
    if {![string match "*CUDA Memory Summary*" [torch::memory_summary cuda:0]]} { set msg "summary" }
    if {[torch::synchronize cuda:0] ne "synchronized"} { set msg "synchronize" }
    if {[torch::empty_cache] ne "cache_cleared"} { set msg "empty_cache" }
    if {![dict exists [torch::memory_snapshot] cuda:0]} { set msg "snapshot" }
    if {[torch::benchmark matmul 2 256x256 float32 cuda] <= 0} { set msg "benchmark" }
    torch::profiler_start
    torch::tensor_matmul $t $t
    set f [torch::profiler_stop]
    if {[file size $f] == 0} { set msg "empty trace" }
    file delete $f
    set msg
}
exit [expr {$fails > 0}]
TCL
"$PY" -m tclish "$work/single.tcl" || fails=1

if [ "$ngpu" -ge 2 ]; then
    cat > "$work/nccl.tcl" <<'TCL'
torch::distributed_init -backend nccl
set r [torch::get_rank]
set t [torch::tensor_create -data [list [expr {$r + 1.0}] 10.0] -dtype float32 -device cuda]
torch::all_reduce $t sum
torch::synchronize
puts "rank $r [torch::tensor_device $t] [torch::tensor_to_list [torch::tensor_to $t cpu]]"
torch::distributed_destroy
TCL
    port=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    out=$(timeout 180 "$PY" -m torch.distributed.run --nproc-per-node 2 --master-port "$port" \
          -m tclish "$work/nccl.tcl" 2>&1)
    if [ "$(echo "$out" | grep -c '^rank [01] cuda:[01] 3.0 20.0$')" = 2 ]; then
        echo "PASS 2-rank nccl all_reduce"
    else
        echo "FAIL 2-rank nccl all_reduce:"; echo "$out" | tail -20
        fails=1
    fi
else
    echo "SKIP 2-rank nccl all_reduce: one GPU"
fi

if [ "$fails" != 0 ]; then echo "gpu_check: FAILED"; exit 1; fi
echo "gpu_check: all passed"
