# generated bodies and what can reach into them: redefinitions, limits,
# info frame, upvar/uplevel, unset, eval'd break/continue, traces
# redefining a core command while a generated loop runs
proc r1 {} {
    set log {}
    for {set i 0} {$i < 4} {incr i} {
        lappend log $i
        if {$i == 1} {
            rename incr _orig_incr
            proc incr {v {n 1}} { upvar 1 $v x; set x [expr {$x + $n}]; uplevel 1 [list lappend log "incr $v"] }
        }
    }
    rename incr {}
    rename _orig_incr incr
    return $log
}
puts [r1]
# errorInfo line numbers from inside nested generated bodies
proc r2 {n} {
    set total 0
    foreach x {1 2 3} {
        while {$total < $n} {
            incr total $x
            if {$total > 4} {
                error "too big $total"
            }
        }
    }
}
puts [catch {r2 10} m]; puts $m; puts $::errorInfo
# a limit set after the body was compiled
set c [interp create]
$c eval {proc p {} { set i 0; while {$i < 100000} { incr i }; return $i }; p}
interp limit $c commands -value [expr {[$c eval {info cmdcount}] + 500}]
puts [catch {$c eval p} m]; puts $m
interp delete $c
# info frame and info level from a command called in a generated loop
proc where {} { set f [info frame -1]; list [dict get $f type] [dict get $f line] [info level -1] }
proc r3 {} {
    set out {}
    for {set i 0} {$i < 2} {incr i} {
        lappend out [where]
    }
    return $out
}
puts [r3]
# a variable the loop holds, changed through upvar and uplevel by a callee
proc bump {name} { upvar 1 $name v; incr v 100 }
proc r4 {} {
    set x 0
    for {set i 0} {$i < 3} {incr i} {
        incr x
        if {$i == 1} { bump x; uplevel 0 {set y 7} }
    }
    list $x $y
}
puts [r4]
# unset inside a loop, then set again
proc r5 {} {
    set s 0
    for {set i 0} {$i < 4} {incr i} {
        if {$i == 2} { unset s; set s 10 }
        incr s $i
    }
    return $s
}
puts [r5]
# break and continue from eval inside a held loop
proc r6 {} {
    set n 0
    for {set i 0} {$i < 10} {incr i} {
        if {$i == 2} { eval continue }
        if {$i == 5} { eval {set n [expr {$n + 100}]; break} }
        incr n
    }
    list $n $i
}
puts [r6]
# return -code from a held loop, catch around it
proc r7 {} { for {set i 0} {$i < 5} {incr i} { if {$i == 3} { return -code break } } }
puts [catch {r7} m]; puts $m
proc r8 {} { set i 0; while {$i < 5} { incr i; if {$i == 3} { return -code error -errorcode MY oops } } }
puts [catch {r8} m opts]; puts $m; puts [dict get $opts -errorcode]
# a string that looks like an integer, held as one
proc r9 {n} { set s ""; for {set i 0} {$i < $n} {incr i} { append s $i }; list $s $n [string length $n] [string is integer -strict $n] }
puts [r9 5]
puts [r9 05]
# array elements and lists of lists
proc r10 {} { set a(1) 5; set l {{1 2} {3 4}}; set t 0; for {set i 0} {$i < 2} {incr i} { set t [expr {$t + [lindex $l $i 1]}] }; list $t $a(1) }
puts [r10]
# lappend to a list another variable shares
proc r11 {} { set a {1 2}; set b $a; for {set i 0} {$i < 2} {incr i} { lappend a $i }; list $a $b }
puts [r11]
# traces on a variable the loop would hold
proc r12 {} {
    set x 0
    trace add variable x read {apply {{n1 n2 op} {upvar 1 $n1 v; puts "read $v"}}}
    for {set i 0} {$i < 2} {incr i} { set y [expr {$x + $i}] }
    return $y
}
puts [r12]
# a for loop with continue reaches its step
proc r13 {} { set out {}; for {set i 0} {$i < 6} {incr i} { if {$i % 2} continue; lappend out $i }; return $out }
puts [r13]
# floats: mixed, NaN, huge ints
proc r14 {} { set x 1.5; set big [expr {10**400}]; set out {}; for {set i 0} {$i < 2} {incr i} { lappend out [expr {$x * $i}] }; lappend out [catch {expr {$big * $x}} m] $m; return $out }
puts [r14]
