# switch written out in a generated proc body (compile/body_switch.py):
# -exact and -glob arms, fall-through, default, break and continue in an
# arm, errors and their lines, info frame, and a redefined switch.

proc classify {n} {
    set out {}
    for {set i 0} {$i < $n} {incr i} {
        switch -exact -- [expr {$i % 5}] {
            0 { lappend out zero }
            1 -
            2 { lappend out small }
            3 { continue }
            default { lappend out other }
        }
        switch -glob -- w$i {
            w1* { lappend out w1 }
            *3 { lappend out ends3 }
            w[56] { lappend out w56 }
            w7 { lappend out seven }
            default {}
        }
        switch $i {
            8 { break }
        }
        lappend out .
    }
    return $out
}
puts [classify 20]

proc arms_as_words {x} {
    switch -- $x a {return A} b - c {return BC} default {return ?}
}
puts [list [arms_as_words a] [arms_as_words c] [arms_as_words z] [arms_as_words -x]]

proc where {} { dict get [info frame -1] line }
proc lines {x} {
    set r {}
    switch $x {
        a {
            lappend r [where]
        }
        b {
            lappend r [where]
            error "failed in b"
        }
    }
    return $r
}
puts [lines a]
catch {lines b} msg opts
puts $msg
puts [dict get $opts -errorinfo]

proc tail_value {x} {
    switch -glob $x {
        {[0-9]*} { expr {$x * 2} }
        *z { string toupper $x }
    }
}
puts [list [tail_value 21] [tail_value baz] [tail_value q]]

proc redefined {} {
    set out {}
    for {set i 0} {$i < 3} {incr i} {
        switch $i { 0 { lappend out a } 1 { lappend out b } default { lappend out c } }
        if {$i == 0} {
            rename switch real_switch
            proc switch {args} { return [uplevel 1 [list real_switch {*}$args]] }
            set ::wrapped 1
        }
    }
    rename switch {}
    rename real_switch switch
    return $out
}
puts [redefined]
