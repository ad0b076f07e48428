# loops whose variables compile/body.py holds in Python locals: append,
# lappend, lindex, integer and float expressions
proc a1 {} { set l {}; for {set i 0} {$i < 5} {incr i} { lappend l $i; set m $l; lappend m x }; list $l $m }
puts [a1]
proc a2 {} { set s ""; foreach c {a b c} { append s $c; set t $s; append t - }; list $s $t }
puts [a2]
proc a3 {} { set l {1 2 3}; set sum 0; for {set i 0} {$i < 5} {incr i} { incr sum [lindex $l $i] }; return $sum }
puts [catch a3 m]; puts $m; puts $::errorInfo
proc a4 {} { set m {{1 2} {3 4}}; set s 0.0; foreach k {0 1} { foreach c {0 1} { set s [expr {$s + [lindex $m $k $c] * 0.5}] } }; return $s }
puts [a4]
proc a5 {} { set x 1e308; for {set i 0} {$i < 3} {incr i} { set x [expr {$x * 10}] }; return $x }
puts [a5]
proc a6 {} { set x Inf; set y -Inf; for {set i 0} {$i < 1} {incr i} { set z [expr {$x + $y}] }; return $z }
puts [catch a6 m]; puts $m; puts $::errorInfo
proc a7 {} { set l {a b}; lappend l c; set n 0; while {$n < 3} { lappend l $n; incr n }; return $l }
puts [a7]
proc a8 {} { set s abc; for {set i 0} {$i < 3} {incr i} { append s [expr {$i * 2}] }; return $s }
puts [a8]
proc a9 {} { set i 0; set l {}; while {$i < 3} { lappend l [lindex {x y z} $i]; incr i }; return $l }
puts [a9]
proc b1 {} { for {set i 0} {$i < 3} {incr i} { set v [expr {$i < 2}] }; return $v }
puts [b1]
proc b2 {} { set a 5; for {set i 0} {$i < 3} {incr i} { incr a [expr {$i * 2}] }; return $a }
puts [b2]
proc b3 {} { set a 5; for {set i 0} {$i < 3} {incr i} { incr a [lindex {1 x 3} $i] }; return $a }
puts [catch b3 m]; puts $m; puts $::errorInfo
proc b4 {} { set l {}; for {set i 0} {$i < 3} {incr i} { lappend l $i; if {$i == 1} { trace add variable l write {apply {args {puts tr}}} } }; return $l }
puts [b4]
proc b5 {} { set x 1; for {set i 0} {$i < 3} {incr i} { set x [expr {$x * 1.5}] }; return $x }
puts [b5]
proc b6 {n} { set s 0; for {set i 0} {$i < $n} {incr i} { set s [expr {$s + $i * 0.25}] }; return $s }
puts [b6 5]
proc b7 {} { set d 0x10; for {set i 0} {$i < 2} {incr i} { set d [expr {$d + 1}] }; return $d }
puts [b7]
proc b8 {} { set s ""; for {set i 0} {$i < 3} {incr i} { append s $i }; upvar 0 s t; append t !; return $s }
puts [b8]
proc b9 {} { set m {{1 2} {3 4}}; set r {}; for {set k 0} {$k < 3} {incr k} { lappend r [lindex $m $k 1] [lindex $m $k] }; return $r }
puts [b9]
proc c1 {} { array set a {x 1}; for {set i 0} {$i < 2} {incr i} { append a x }; }
puts [catch c1 m]; puts $m; puts $::errorInfo
proc c2 {} { set i 0; while {$i < 5} { incr i; if {$i == 2} continue; if {$i == 4} break; set last $i }; list $i $last }
puts [c2]
proc c3 {} { foreach {a b} {1 2 3} { set last [list $a $b] }; return $last }
puts [c3]
proc c4 {} { set x 5; for {set i 0} {$i < 2} {incr i} { set y [expr {-$x + 2.5}] }; return $y }
puts [c4]
proc c5 {} { set total 0; foreach line {a,1,2.5 b,2,3} { set f [split $line ,]; set total [expr {$total + [lindex $f 2]}] }; return $total }
puts [c5]
