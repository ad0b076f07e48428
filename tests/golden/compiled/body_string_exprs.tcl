# Expressions a generated proc body computes itself beyond numbers
# (compile/intexpr.py num_source): eq/ne, == against a non-numeric literal,
# ?: choosing strings, [string length $s] and [llength $l] as operands,
# && || !; and the same expressions when the fast path must not apply.

proc classify {n} {
    set out {}
    for {set i 0} {$i < $n} {incr i} {
        set s [expr {$i % 3 ? "abc" : "xyz"}]
        if {$s eq "abc"} {
            lappend out a
        } elseif {$s ne "xyz"} {
            lappend out ?
        } elseif {$s == "xyz" && $i != 3} {
            lappend out x
        } else {
            lappend out X
        }
    }
    return $out
}
puts [classify 7]

proc compare_kinds {} {
    set out {}
    foreach v [list 1 1.0 01 0x1 abc {} " 1" [expr {1}] [expr {1.0}] [list a b]] {
        lappend out [expr {$v eq "1"}] [expr {$v == "abc"}] [expr {$v != ""}] [expr {$v eq {a b}}]
    }
    return $out
}
puts [compare_kinds]

proc lengths {} {
    set s hello
    set l {a b c}
    set out {}
    for {set i 0} {$i < 3} {incr i} {
        lappend out [expr {[string length $s] + [llength $l] * $i}]
        if {[string length $s] > 4 && [llength $l] == 3} { lappend out big }
        set s "$s!"
        lappend l x
    }
    # a list as a string, a string as a list, a number as either
    set n 12345
    lappend out [expr {[string length $n] + [llength $n]}]
    set q "a b  c"
    lappend out [expr {[llength $q] * 10 + [string length $q]}]
    set u "\u00e9t\u00e9"
    lappend out [expr {[string length $u]}]
    return $out
}
puts [lengths]

proc logic {} {
    set out {}
    foreach a {0 1 2 -1} {
        foreach b {0 1 3} {
            lappend out [expr {$a && $b}] [expr {$a || $b}] [expr {!$a}] [expr {$a < $b || $b == 0}]
        }
    }
    set x 0.5
    set y 2
    lappend out [expr {$x < 1 && $y > 1}] [expr {!($x > 1)}]
    lappend out [expr {$x ? "yes" : "no"}] [expr {$y - 2 ? 1.5 : 2.5}]
    return $out
}
puts [logic]

# the slow path: a traced variable, a missing one, bad booleans, an error
# inside, `string` and `llength` redefined while the loop runs
proc guarded {} {
    set out {}
    set t abc
    trace add variable t read {apply {{args} {incr ::reads}}}
    set ::reads 0
    for {set i 0} {$i < 3} {incr i} {
        if {$t eq "abc"} { lappend out t$i }
    }
    lappend out reads=$::reads
    set w word
    catch {expr {$w ? 1 : 2}} msg
    lappend out $msg
    catch {if {$w && 1} {}} msg
    lappend out $msg
    catch {expr {$missing eq "x"}} msg
    lappend out $msg
    set s abc
    set l {1 2}
    for {set i 0} {$i < 3} {incr i} {
        lappend out [expr {[string length $s] + [llength $l]}]
        if {$i == 0} {
            rename string real_string
            proc string {args} { return 100 }
        }
        if {$i == 1} {
            rename string {}
            rename real_string string
            rename llength real_llength
            proc llength {args} { return 1000 }
        }
    }
    rename llength {}
    rename real_llength llength
    return $out
}
puts [guarded]

# a condition whose value is a string is Tcl's error
proc string_condition {} {
    set i 1
    if {[catch {if {$i ? "yes" : "no"} { set r taken }} msg]} { return $msg }
    return $r
}
puts [string_condition]
