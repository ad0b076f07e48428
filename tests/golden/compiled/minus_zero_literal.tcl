# The literal word -0 keeps its text (Tcl's value is the string "-0"; only
# arithmetic reads it as the integer 0), at top level, in procs and loops
puts -0
set x -0
puts "$x [string length $x] [expr {$x + 1}] [expr {$x == 0}]"
puts [list -0 +5 007 -0.0 1.50]
proc p {} { set y -0; return "$y [string length $y]" }
puts [p]
proc q {{a -0}} { return $a }
puts [q]
foreach v {-0 0} { lappend out $v [string is integer $v] }
puts $out
for {set i 0} {$i < 2} {incr i} { set z -0; append acc $z }
puts $acc
puts [dict create k -0]
puts [expr {-0}]
