# Train a small CNN to tell generated 8x8 images of horizontal bars from vertical
# ones, save a checkpoint and reload it into a fresh model.
#
#   python -m tclish examples/train_cnn.tcl
#
# The images: Gaussian noise (sd 0.5) plus a bar of ones in row or column 2..5,
# 32 of each class.  The model: conv 1->4 (3x3, padding 1) -> ReLU -> flatten ->
# linear 256->2, trained with SGD (momentum 0.9) on cross entropy.  Every step's
# loss goes into `losses` (tests/torchbridge/test_nn_examples.py compares it with
# PyTorch); the goal is 95 % training accuracy.

if {![info exists steps]} {set steps 40}
if {![info exists quiet]} {set quiet 0}

torch::manual_seed 7
set per_class 32

# one image of each bar, as nested lists, then [per_class 1 8 8] batches of it
proc bar_image {orientation position} {
    set rows {}
    for {set r 0} {$r < 8} {incr r} {
        set row {}
        for {set c 0} {$c < 8} {incr c} {
            set on [expr {$orientation eq "h" ? $r == $position : $c == $position}]
            lappend row [expr {$on ? 1.0 : 0.0}]
        }
        lappend rows $row
    }
    return $rows
}
proc batch {orientation n} {
    set images {}
    for {set i 0} {$i < $n} {incr i} {
        lappend images [bar_image $orientation [expr {2 + $i % 4}]]
    }
    set clean [torch::tensor_reshape [torch::tensor_create [concat {*}[concat {*}$images]]] \
                   [list $n 1 8 8]]
    torch::tensor_add $clean [torch::tensor_mul [torch::randn [list $n 1 8 8]] 0.5]
}
set x [torch::tensor_cat [list [batch h $per_class] [batch v $per_class]] 0]
set labels [torch::tensor_create [concat [lrepeat $per_class 0] [lrepeat $per_class 1]] int64]

set conv [torch::conv2d 1 4 3 1 1]
set fc [torch::linear 256 2]
proc forward {x} {
    global conv fc
    set h [torch::tensor_relu [torch::layer_forward $conv $x]]
    torch::layer_forward $fc [torch::tensor_reshape $h {-1 256}]
}
set params [concat [torch::layer_parameters $conv] [torch::layer_parameters $fc]]
set opt [torch::optimizer_sgd $params 0.05 0.9]

proc accuracy {logits labels} {
    set right 0
    set n 0
    foreach {a b} [torch::tensor_to_list $logits] y [torch::tensor_to_list $labels] {
        incr right [expr {($b > $a ? 1 : 0) == $y}]
        incr n
    }
    expr {double($right) / $n}
}

set losses {}
for {set step 1} {$step <= $steps} {incr step} {
    torch::optimizer_zero_grad $opt
    set loss [torch::cross_entropy_loss [forward $x] $labels]
    torch::tensor_backward $loss
    torch::optimizer_step $opt
    lappend losses [lindex [torch::tensor_to_list $loss] 0]
    if {!$quiet && $step % 5 == 0} {
        puts [format "step %3d  loss %.6f" $step [lindex $losses end]]
    }
}
set acc [torch::no_grad {accuracy [forward $x] $labels}]

# save, then load into a fresh model: the same predictions
set f [file tempfile checkpoint .pt]
close $f
set model [torch::sequential [list $conv $fc]]
torch::save_checkpoint $model $opt $checkpoint $steps [lindex $losses end]
set conv [torch::conv2d 1 4 3 1 1]
set fc [torch::linear 256 2]
set opt2 [torch::optimizer_sgd [concat [torch::layer_parameters $conv] \
                                    [torch::layer_parameters $fc]] 0.05 0.9]
torch::load_checkpoint $checkpoint [torch::sequential [list $conv $fc]] $opt2
file delete $checkpoint
set reloaded_acc [torch::no_grad {accuracy [forward $x] $labels}]

if {!$quiet} {
    puts [format "training accuracy %.1f %% (goal: 95 %%): %s" [expr {100 * $acc}] \
              [expr {$acc >= 0.95 ? "reached" : "NOT reached"}]]
    puts [format "reloaded model accuracy %.1f %%" [expr {100 * $reloaded_acc}]]
}
