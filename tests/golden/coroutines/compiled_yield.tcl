# yield compiled in proc bodies (compile/inline_coro.py): values, errors,
# inject, info frame, a yield redefined or shadowed after compiling
# (recorded from tclsh 8.6)
proc gen {} {
    set v [yield]
    set w [yield $v]
    set u [yield "w=$w"]
    yield [list u $u]
    return end
}
coroutine g gen
puts [list [g 1] [g 2] [g 3] [g 4] [info commands g]]

# a substitution error in yield's word, and the errorInfo of a yield outside a coroutine
proc bad {} { yield; yield $nosuch }
coroutine b bad
puts [list [catch {b} m] $m [info commands b]]
proc outside {} { yield 1 }
puts [list [catch {outside} m] $m $::errorInfo $::errorCode]
proc toomany {} { yield 1 2 }
puts [list [catch {coroutine t toomany} m] $m $::errorInfo]

# inject into a coroutine waiting at a compiled yield; info frame sees the yield
proc probe {} {
    set f [info frame]
    set here [dict get [info frame [expr {$f - 1}]] proc]
    return [list probed [info coroutine] $here [info level]]
}
proc body {} { while 1 { set r [yield tick] ; lappend ::seen $r } }
coroutine c body
::tcl::unsupported::inject c probe
puts [list [c] [c x] [c y] $::seen]

# the same compiled body after yield is renamed, redefined, and shadowed
proc loop {} { set n 0; while 1 { incr n; set got [yield $n]; lappend ::got $got } }
coroutine l loop
puts [list [l a] [l b]]
rename yield real_yield
proc yield {args} { lappend ::calls $args; real_yield [list wrapped {*}$args] }
puts [list [l c] [l d] $::calls]
rename yield {}
rename real_yield yield
puts [list [l e] $::got]
namespace eval ns {
    proc yield {args} { return "ns-yield $args" }
    proc once {} { list [yield 5] [::yield 6] }
}
coroutine n ns::once
puts [list [n] [info commands n]]
rename l {}

# yield at level #0 of the coroutine (no proc) and in an uplevel'd script
coroutine top apply {{} { uplevel #0 {set ::x [yield in-top]}; return [list x $::x] }}
puts [list [top val] [info commands top]]
