# Data-parallel training of the MLP of train_mlp.tcl on several processes.
#
#   torchrun --nproc-per-node 2 -m tclish examples/ddp_train.tcl ?steps? ?weights-file?
#   python -m tclish examples/ddp_train.tcl ?steps? ?weights-file?      (one process)
#
# Every rank makes the same model (same seed) and the same data; each trains on
# its own equal share of the batch, and after backward the gradients are
# averaged over the ranks with all_reduce.  The mean of the shares' mean losses
# is the whole batch's mean loss, so every rank takes exactly the step the
# single-process run takes on the whole batch, and ends with the same weights
# (tests/torchbridge/test_ddp_example.py checks this to 1e-5).  Rank 0 writes
# the final weights, one number per line, to weights-file if one is given.

set steps [expr {[llength $argv] > 0 ? [lindex $argv 0] : 50}]
set out [expr {[llength $argv] > 1 ? [lindex $argv 1] : ""}]

torch::distributed_init
set rank [torch::get_rank]
set world [torch::get_world_size]

torch::manual_seed 42
set n 128
if {$n % $world} { error "the batch of $n does not split evenly over $world ranks" }
set x [torch::randn [list $n 4]]
set w_true [torch::tensor_reshape [torch::tensor_create {1.5 -2.0 0.5 3.0}] {4 1}]
set y [torch::tensor_add [torch::tensor_matmul $x $w_true] \
           [torch::tensor_mul [torch::randn [list $n 1]] 0.1]]

# this rank's share of the batch
set share [expr {$n / $world}]
set xs [torch::tensor_slice $x 0 [expr {$rank * $share}] [expr {($rank + 1) * $share}]]
set ys [torch::tensor_slice $y 0 [expr {$rank * $share}] [expr {($rank + 1) * $share}]]

set fc1 [torch::linear 4 32]
set fc2 [torch::linear 32 1]
set params [concat [torch::layer_parameters $fc1] [torch::layer_parameters $fc2]]
set opt [torch::optimizer_sgd $params 0.05]

for {set step 1} {$step <= $steps} {incr step} {
    torch::optimizer_zero_grad $opt
    set pred [torch::layer_forward $fc2 [torch::tensor_relu [torch::layer_forward $fc1 $xs]]]
    set loss [torch::mse_loss $pred $ys]
    torch::tensor_backward $loss
    foreach p $params {
        # the gradient itself (not a copy), averaged over the ranks in place
        torch::distributed_all_reduce [torch::tensor_grad $p] mean
    }
    torch::optimizer_step $opt
    torch::distributed_all_reduce $loss mean
    if {$rank == 0 && $step % 10 == 0} {
        puts [format "step %3d  loss %.6f" $step [torch::tensor_item $loss]]
    }
}

if {$rank == 0 && $out ne ""} {
    set f [open $out w]
    foreach p $params {
        foreach v [torch::tensor_to_list $p] { puts $f $v }
    }
    close $f
}
torch::distributed_destroy
