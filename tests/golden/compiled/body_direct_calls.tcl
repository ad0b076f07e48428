# Commands a generated proc body invokes itself (compile/body_calls.py):
# what they return, their errors and errorInfo, `info frame` inside them,
# and what happens when they are redefined, renamed or unknown mid-loop.

proc where {} {
    set f [info frame -1]
    list [dict get $f type] [dict get $f line] [dict get $f cmd] [dict get $f proc]
}

proc calls {n} {
    set out {}
    for {set i 0} {$i < $n} {incr i} {
        lappend out [string first b abc] [string toupper x$i]
        string length $out
    }
    set k [where]
    lappend out $k [where]
    return $out
}
puts [calls 2]

# errors: the command's own context and line, then the proc's
proc failing {n} {
    set s 0
    for {set i 0} {$i < $n} {incr i} {
        incr s
        string repeat x -1
        set s [string index abc $i]
        if {$i == 1} {
            error "stop at $i"
        }
    }
}
catch {failing 3} msg opts
puts $msg
puts [dict get $opts -errorinfo]
proc failing2 {} {
    set x 1
    lsort -bogus {b a}
}
catch {failing2} msg opts
puts $msg
puts [dict get $opts -errorinfo]
puts [dict get $opts -errorcode]

# wrong # args still comes from the command (its count check is skipped
# only for counts it accepts)
proc wrong {} {
    set r {}
    string first a
}
catch {wrong} msg opts
puts $msg
puts [dict get $opts -errorinfo]
proc wrong2 {} { set x [string toupper]; return $x }
catch {wrong2} msg
puts $msg

# redefined, renamed and deleted while the body runs
proc helper {x} { return "old $x" }
proc redefining {} {
    set out {}
    for {set i 0} {$i < 4} {incr i} {
        lappend out [helper $i]
        if {$i == 1} { proc helper {x} { return "new $x" } }
        if {$i == 2} { rename helper helper2; proc helper {x} { return "third $x" } }
    }
    return $out
}
puts [redefining]

proc unknown_inside {} {
    set out {}
    foreach w {a b} { lappend out [no_such_command $w] }
    return $out
}
proc unknown args { return "unknown: $args" }
puts [unknown_inside]
rename unknown {}
catch {unknown_inside} msg opts
puts $msg
puts [dict get $opts -errorinfo]

# a built-in replaced by a proc mid-loop, and a renamed ensemble
proc shadowing {} {
    set out {}
    for {set i 0} {$i < 3} {incr i} {
        lappend out [string repeat ab 2]
        if {$i == 0} {
            rename string real_string
            proc string {args} { return "mine: $args" }
        }
        if {$i == 1} { rename string {}; rename real_string string }
    }
    return $out
}
puts [shadowing]

# break, continue and return from commands called this way
proc brk {} { return -code break }
proc cnt {} { return -code continue }
proc signals {} {
    set out {}
    for {set i 0} {$i < 10} {incr i} {
        if {$i == 2} { cnt }
        if {$i == 5} { brk }
        lappend out $i
    }
    return $out
}
puts [signals]

# a command that changes the caller's variables (upvar, uplevel) in a loop
proc bump {name} { upvar 1 $name v; incr v 10 }
proc up_loop {} {
    set x 0
    set total 0
    for {set i 0} {$i < 3} {incr i} {
        incr x
        bump x
        uplevel 0 {incr total}
        incr total $x
    }
    list $x $total
}
puts [up_loop]

# scripts given literally to a command keep their location for info frame
proc literal_scripts {} {
    set r [eval {where}]
    lappend r [eval {where}]
    return $r
}
puts [literal_scripts]
