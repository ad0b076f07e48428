# for/while loops with an integer comparison and an incr step, generated
# (compile/loops.py): each iteration falls back to the full condition or
# step when a variable is not a plain int, traced, or incr is redefined.
proc run {} {
    set out {}
    for {set i 0} {$i < 5} {incr i} { lappend out $i }
    for {set i 10} {$i >= 0} {incr i -3} { lappend out $i }
    set n 3
    for {set i 0} {$i != $n} {incr i} { if {$i == 1} continue; lappend out c$i }
    for {set i 0} {$i <= 100} {incr i 7} { if {$i > 20} break; lappend out b$i }
    set i 0
    while {$i < 4} { incr i; lappend out w$i }
    for {set i 0} {$i < 3} {incr i} { if {$i == 1} { set i 0x1 }; lappend out f$i }
    return $out
}
puts [run]
proc floats {} { set out {}; for {set x 0.5} {$x < 3} {set x [expr {$x + 1}]} { lappend out $x }; return $out }
puts [floats]
proc strs {} { set out {}; for {set i 0} {$i < 3} {incr i} { lappend out $i; if {$i == 0} { set i " 1" } }; return $out }
puts [strs]
proc traced {} {
    set out {}
    set n 3
    trace add variable n read {apply {{args} {upvar 1 out out; lappend out r}}}
    for {set i 0} {$i < $n} {incr i} { lappend out $i }
    return $out
}
puts [traced]
proc bad {} { for {set i 0} {$i < $n} {incr i} {} }
catch bad m; puts $m; puts $errorInfo
proc bad2 {} { for {set i 0} {$i < 3} {incr i} { set i x } }
catch bad2 m; puts $m; puts $errorInfo
proc redef {} {
    set out {}
    for {set i 0} {$i < 6} {incr i} {
        lappend out $i
        if {$i == 2} {
            rename incr _incr
            proc incr {name args} { upvar 1 $name v; _incr v 2 }
        }
    }
    rename incr {}
    rename _incr incr
    return $out
}
puts [redef]
proc big {} { set out {}; for {set i 9223372036854775806} {$i < 9223372036854775809} {incr i} { lappend out $i }; return $out }
puts [big]
proc unset_in {} { set out {}; for {set i 0} {$i < 3} {incr i} { lappend out $i; unset i; set i 5 }; return $out }
puts [unset_in]
proc fl {} { for {set i 0} {$i < 3} {incr i} { if {$i == 1} { set i 1.5 } } }
catch fl m; puts $m; puts $errorInfo
