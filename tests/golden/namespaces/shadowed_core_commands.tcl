# A namespace's own set/incr/if (or one on its namespace path) is what its
# code calls, even where tclish would write the built-in out: in a proc body
# compiled at its first call from another namespace, and in a script cached
# from a run in another namespace.
namespace eval a {
    proc set {args} { return "a::set $args" }
    proc if {args} { return "a::if" }
}
namespace eval b {
    namespace path ::a
    proc t {} { set x 1 }
    proc u {} { if 1 {return yes} }
}
puts [b::t]
puts [b::u]
namespace eval b { puts [set y 2] }
namespace eval c {
    proc incr {args} { return "c::incr $args" }
    proc t {} { set k 1; incr k }
    proc count {} { set i 0; while {$i < 3} {lappend r [incr i]; set i [expr {$i + 1}]}; return $r }
}
puts [c::t]
set script {set y 2}
puts [eval $script]
puts [namespace eval b $script]
set s2 {set k 1; incr k}
puts [eval $s2]
puts [namespace eval c $s2]
proc p {} { namespace eval ::c {set k 1; incr k} }
puts [p]
puts [c::count]
proc q {} { set n 0; for {set i 0} {$i < 3} {incr i} { incr n $i } ; return $n }
puts [q]
