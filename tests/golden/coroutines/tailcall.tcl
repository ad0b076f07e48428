# tailcall: replaces the current proc; resolved in its namespace, run in the caller's frame
proc fact {n {acc 1}} {
    if {$n <= 1} { return $acc }
    tailcall fact [expr {$n - 1}] [expr {$n * $acc}]
}
puts [fact 25]
proc loop {i} { if {$i >= 5000} { return $i }; tailcall loop [incr i] }
puts [loop 0]
proc foo {} { info level }
proc moo {} { tailcall foo }
proc boo {} { expr {[moo] - [info level]} }
puts [boo]
proc setter {} { tailcall set x 42 }
proc caller {} { setter; return $x }
puts [caller]
namespace eval a { proc who {} { return a::who }; proc go {} { tailcall who } }
proc who {} { return ::who }
puts [a::go]
proc seq {} { append ::r a; tailcall append ::r c; append ::r never }
set ::r {}; seq; append ::r d; puts $::r
proc up {} { uplevel 1 {tailcall lappend ::x 2}; set ::x never }
proc outer {} { set ::x 0; up; lappend ::x 3 }
puts [list [outer] $::x]
puts [list [catch {tailcall set x 1} m] $m]
puts [list [catch {namespace eval zz {tailcall set x 1}} m] $m]
proc bad {} { tailcall nosuchcommand 1 }
puts [list [catch bad m] $m]
