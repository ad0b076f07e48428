# proc bodies generated as one Python function (compile/body.py): results,
# errors and errorInfo as tclsh's
proc a {n} { set s 0; for {set i 0} {$i < $n} {incr i} { incr s $i; if {$i == 5} continue; set x [expr {$i * 2}] }; list $s $i $x }
puts [a 10]
proc b {l} { set sum 0; foreach {x y z} $l { incr sum $y }; return $sum }
puts [b {1 2 3 4 5 6 7 8}]
proc c {} { set i 0; while {$i < 10} { incr i; if {$i > 6} break }; return $i }
puts [c]
proc d {} { set i 0; while {$i < 10} { incr i; if {$i == 3} { set i abc } }; return $i }
puts [catch d m]; puts $m
proc e {} { set x 1; trace add variable x write {apply {args {puts "trace $args"}}}; for {set i 0} {$i < 3} {incr i} { set x $i }; return $x }
puts [e]
proc f {} { for {set i 0} {$i < 3} {incr i} { set y [expr {$i + 1}] }; info locals }
puts [lsort [f]]
proc g {} { for {set i 0} {$i < 5} {incr i} { if {$i == 2} { return $i } } }
puts [g]
proc h {} { set l {}; for {set i 0} {$i < 5} {incr i} { lappend l $i }; return $l }
puts [h]
proc k {} { for {set i 0} {$i < 5} {incr i} { set q [expr {$i / 0}] } }
puts [catch k m]; puts $m; puts $::errorInfo
proc m2 {} { set i 0; for {} {$i < 5} {incr i} { set z [expr {$i + $undefined}] } }
puts [catch m2 m]; puts $m; puts $::errorInfo
proc up {} { upvar 1 cnt c; for {set i 0} {$i < 5} {incr i} { incr c } }
set cnt 0; up; puts $cnt
proc n3 {} { for {set i 0} {$i < 3} {incr i} { set a$i 1; incr i 0 }; lsort [info locals] }
puts [n3]
proc big {} { set x 0; for {set i 0} {$i < 70} {incr i} { set x [expr {$x * 2 + 1}] }; return $x }
puts [big]
proc flt {} { set s 0.5; for {set i 0} {$i < 3} {incr i} { set s [expr {$s + $i}] }; return $s }
puts [flt]
proc wu {} { set i 0; while 1 { incr i; if {$i >= 4} break }; return $i }
puts [wu]
proc ev {} { set i 0; for {set j 0} {$j < 3} {incr j} { eval {incr i 10} }; return $i }
puts [ev]
proc un {} { set i 0; set t 5; for {set j 0} {$j < 3} {incr j} { set t [expr {$t + $j}] }; unset t; info exists t }
puts [un]
