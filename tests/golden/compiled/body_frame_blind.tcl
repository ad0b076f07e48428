# A loop of a generated proc body that calls only commands which cannot
# see its frame (string, list and format commands) keeps its variables in
# Python locals (compile/body_calls.py): what the caller and traces see
# when such a command fails, when the command is replaced mid-loop, and a
# variable linked by upvar.

proc count_up {name n} {
    upvar 1 $name y
    for {set i 0} {$i < $n} {incr i} {
        incr y
        set w [string repeat ab $i]
        set k [string first b $w]
        set e [lindex $w $i]
        string range $w 0 [expr {$i - 3}]
        format %d [lindex {1 2 3 x 5 6 7 8} $i]
    }
    return $k
}
set x 0
puts [count_up x 3]
puts $x
set x 10
puts [catch {count_up x 7} msg]
puts "$x / $msg"

proc failing {n} {
    set total 0
    for {set i 0} {$i < $n} {incr i} {
        incr total $i
        set s [format %05d $total]
        if {$i == 3} { set s [string index $s notanindex] }
    }
    return $s
}
puts [catch {failing 10} msg opts]
puts $msg
puts [dict get $opts -errorinfo]

proc shadowed {} {
    set out {}
    for {set i 0} {$i < 4} {incr i} {
        lappend out [string toupper x$i]
        if {$i == 1} {
            rename string real_string
            proc string {args} { return "mine [uplevel 1 {set i}]" }
        }
    }
    rename string {}
    rename real_string string
    return $out
}
puts [shadowed]

proc with_trace {} {
    set v 0
    set ::seen {}
    trace add variable v write {apply {{args} {lappend ::seen [uplevel 1 {set v}]}}}
    for {set i 0} {$i < 3} {incr i} {
        set v [string length [string repeat x $i]]
        set u [llength [split "a b c" " "]]
    }
    list $v $u $::seen
}
puts [with_trace]
