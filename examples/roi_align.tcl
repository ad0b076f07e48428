# Every example of the torch::roi_align manual page, run in order.
#
#     tclish examples/roi_align.tcl
#
# The page uses a few variables it never defines ($backbone_features,
# $detection_boxes, $person_boxes); they are made here from deterministic
# data so the printed values are the same on every run.

package require torch

proc show {label tensor} {
    set values {}
    foreach v [lrange [torch::tensor_to_list $tensor] 0 3] {
        lappend values [format %.4f $v]
    }
    puts [format "%-34s shape {%s}  first values %s" $label [torch::tensor_shape $tensor] $values]
}

# --- Basic Usage - Named Parameters ----------------------------------------
set features [torch::zeros {1 64 32 32}]
set boxes [torch::tensor_create {{0.0 0.0 0.5 0.5} {0.2 0.3 0.7 0.8}} float32]
set pooled_features [torch::roi_align \
    -input $features \
    -boxes $boxes \
    -outputSize {7 7}]
show "named, 7x7" $pooled_features

# --- Advanced Configuration ------------------------------------------------
set result [torch::roi_align \
    -input $features \
    -boxes $boxes \
    -outputSize {14 14} \
    -spatialScale 0.0625 \
    -samplingRatio 2 \
    -aligned true]
show "named, all options, 14x14" $result

# --- Legacy Positional Syntax ----------------------------------------------
set result [torch::roi_align $features $boxes {7 7} 0.0625 2 true]
show "positional" $result

# --- CamelCase Alias ---------------------------------------------------------
set result [torch::roiAlign \
    -input $features \
    -boxes $boxes \
    -outputSize {7 7} \
    -spatialScale 0.0625]
show "camelCase alias" $result

# --- Common Use Cases ----------------------------------------------------------
# A backbone feature map at stride 16 (an 800x800 image gives 50x50), filled
# with a ramp so that pooled values differ from box to box.
set backbone_features [torch::tensor_reshape \
    [torch::tensor_div [torch::arange 0 [expr {16 * 50 * 50}]] 1000.0] {1 16 50 50}]
# boxes in image coordinates: batch index, x1, y1, x2, y2
set detection_boxes [torch::tensor_create {
    {0  32.0  48.0 320.0 400.0}
    {0 400.0 100.0 780.0 260.0}
    {0 128.0 512.0 300.0 790.0}
}]
set person_boxes [torch::tensor_create {{0 100.0 60.0 260.0 500.0}}]

# 1. Object detection
set features [torch::roi_align \
    -input $backbone_features \
    -boxes $detection_boxes \
    -outputSize {7 7} \
    -spatialScale 0.0625]
show "object detection" $features

# 2. Instance segmentation
set mask_features [torch::roi_align \
    -input $backbone_features \
    -boxes $detection_boxes \
    -outputSize {14 14} \
    -spatialScale 0.0625 \
    -samplingRatio 2]
show "instance segmentation" $mask_features

# 3. Keypoint detection
set keypoint_features [torch::roi_align \
    -input $backbone_features \
    -boxes $person_boxes \
    -outputSize {28 28} \
    -spatialScale 0.0625 \
    -aligned true]
show "keypoint detection" $keypoint_features

# --- Error Handling ------------------------------------------------------------
set features [torch::zeros {1 64 32 32}]
catch {torch::roi_align -input $features} error
puts "missing parameters -> $error"
catch {torch::roi_align -input "invalid" -boxes $boxes -outputSize {7 7}} error
puts "invalid input      -> $error"
catch {torch::roi_align -input $features -boxes $boxes -outputSize {7 7} -spatialScale "invalid"} error
puts "invalid scale      -> $error"

# --- Migration Guide: both syntaxes give the same tensor -----------------------
set old [torch::roi_align $backbone_features $detection_boxes {7 7} 0.0625 2 true]
set new [torch::roi_align \
    -input $backbone_features \
    -boxes $detection_boxes \
    -outputSize {7 7} \
    -spatialScale 0.0625 \
    -samplingRatio 2 \
    -aligned true]
puts "positional and named agree: [expr {[torch::tensor_to_list $old] eq [torch::tensor_to_list $new]}]"
