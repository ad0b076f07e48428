# lindex with several indices and `variable name` in a proc body, compiled
# in place (compile/inline.py, inline_vars.py); their slow shapes and errors.
proc show {script} {
    set code [catch {uplevel 1 $script} r]
    puts "$code [string map {\n |} $r]"
    if {$code == 1} { puts "  [string map {\n |} $::errorInfo] / $::errorCode" }
}
proc idx {} {
    set m [list [list 1 2 3] [list 4 5 6]]
    set s {{a b} {c {d e}}}
    list [lindex $m 1 2] [lindex $m 0 end] [lindex $m 2 0] [lindex $m 1 -1] \
        [lindex $s 1 1 0] [lindex $s 1 1 1 0] [lindex "x {y z}" 1 1] [lindex $m 0 0 0 0]
}
puts [idx]
show {apply {{} { set m {{1 2}}; lindex $m 0 x }}}
show {apply {{} { set m [list "a \{b" 1]; lindex $m 0 0 }}}
namespace eval ::counter {
    variable count 0
    proc bump {} { variable count; incr count }
    proc fresh {} { variable made; set made yes; return [info vars ::counter::*] }
    proc arr {} { variable a; set a(k) 1; array names a }
    proc late {} { variable n; info exists n }
}
::counter::bump; ::counter::bump
puts $::counter::count
puts [lsort [::counter::fresh]]
puts [::counter::arr]
puts [::counter::late]
proc ::counter::shadow {} { set count 5; variable count; return $count }
show ::counter::shadow
proc globalvar {} { variable x; set x 1 }
globalvar
puts $::x
rename variable _variable
proc variable {args} { return "redefined $args" }
puts [::counter::bump]
rename variable {}
rename _variable variable
puts [::counter::bump]
