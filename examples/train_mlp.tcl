# Train a small MLP on a regression problem, save a checkpoint, reload it and
# resume: the resumed run gives exactly the losses of the uninterrupted one.
#
#   python -m tclish examples/train_mlp.tcl
#
# The data: y = x . w + noise, x of 4 features.  The model: 4 -> 32 -> ReLU -> 1,
# trained with Adam on the full batch.  Every step's loss goes into the list
# `losses` (tests/torchbridge/test_nn_examples.py compares it with PyTorch).

if {![info exists steps]} {set steps 200}
if {![info exists quiet]} {set quiet 0}

torch::manual_seed 42
set n 128
set x [torch::randn [list $n 4]]
set w_true [torch::tensor_reshape [torch::tensor_create {1.5 -2.0 0.5 3.0}] {4 1}]
set noise [torch::tensor_mul [torch::randn [list $n 1]] 0.1]
set y [torch::tensor_add [torch::tensor_matmul $x $w_true] $noise]

proc make_model {} {
    return [list [torch::linear 4 32] [torch::linear 32 1]]
}
proc forward {model x} {
    lassign $model fc1 fc2
    torch::layer_forward $fc2 [torch::tensor_relu [torch::layer_forward $fc1 $x]]
}
proc parameters {model} {
    set ps {}
    foreach layer $model {lappend ps {*}[torch::layer_parameters $layer]}
    return $ps
}
proc train_step {model opt x y} {
    torch::optimizer_zero_grad $opt
    set loss [torch::mse_loss [forward $model $x] $y]
    torch::tensor_backward $loss
    torch::optimizer_step $opt
    return [lindex [torch::tensor_to_list $loss] 0]
}

set model [make_model]
set opt [torch::optimizer_adam [parameters $model] 0.01]
set half [expr {$steps / 2}]
set f [file tempfile checkpoint .pt]
close $f

set losses {}
for {set step 1} {$step <= $steps} {incr step} {
    lappend losses [train_step $model $opt $x $y]
    if {$step == $half} {
        # a checkpoint of model and optimizer (Adam's moments included) half-way
        torch::save_checkpoint [torch::sequential $model] $opt $checkpoint $step \
            [lindex $losses end]
    }
    if {!$quiet && $step % 20 == 0} {
        puts [format "step %4d  loss %.6f" $step [lindex $losses end]]
    }
}

# Resume from the checkpoint in a fresh model and optimizer.
set model2 [make_model]
set opt2 [torch::optimizer_adam [parameters $model2] 0.01]
torch::load_checkpoint $checkpoint [torch::sequential $model2] $opt2
set resumed {}
for {set step [expr {$half + 1}]} {$step <= $steps} {incr step} {
    lappend resumed [train_step $model2 $opt2 $x $y]
}
file delete $checkpoint

set final [lindex $losses end]
set same [expr {$resumed eq [lrange $losses $half end]}]
if {!$quiet} {
    puts [format "final loss %.6f (goal: below 0.05): %s" $final \
              [expr {$final < 0.05 ? "reached" : "NOT reached"}]]
    puts "resumed run repeats the last [llength $resumed] losses exactly: $same"
}
