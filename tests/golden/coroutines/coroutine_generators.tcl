# Coroutine bodies that yield at their own level run as a Python generator
# (compile/coro_body.py): the resume command sends into it directly, and
# every command it runs goes back to the coroutine's greenlet.  Each case
# here crosses between the two ways.
proc counter {} { set i 0; while 1 { yield $i; incr i } }
coroutine c1 counter
puts "1: [c1] [c1] [c1] [c1]"
rename c1 {}

# commands between yields (requests), a loop that ends, the result
proc mixed {n} {
    yield start
    set acc {}
    for {set i 0} {$i < $n} {incr i} {
        lappend acc [string toupper x$i]
        set got [yield $acc]
        if {$got ne ""} { lappend acc got=$got }
    }
    return "done $acc"
}
coroutine c2 mixed 3
puts "2: [c2] | [c2 a] | [c2] | [c2 b]"
puts "2: [info commands c2]"

# a yield from a proc the body calls, between yields of its own
proc inner {v} { yield inner-$v; return back-$v }
proc outer {} {
    set k 0
    while {$k < 3} {
        incr k
        set r [inner $k]
        yield outer-$r
    }
    return end
}
coroutine c3 outer
set out {}
for {set j 0} {$j < 6} {incr j} { lappend out [c3] }
lappend out [info commands c3]
puts "3: $out"

# yieldto from the body
proc yt {} { set i 0; while {$i < 2} { incr i; yield a$i; yieldto string cat to$i } ; return fin }
coroutine c4 yt
puts "4: [c4] [c4] [c4] [c4] [info commands c4]"

# inject while suspended at a fast yield; info frame from the injected command
proc injtest {} { set i 0; while 1 { incr i; set r [yield $i]; lappend ::log r=$r } }
coroutine c5 injtest
c5; c5 x
tcl::unsupported::inject c5 apply {{} { lappend ::log injected [dict get [info frame -1] type] [lindex [dict get [info frame -1] cmd] 0]; return fromInject }}
set ::log {}
puts "5: [c5 y] [c5 z] $::log"
rename c5 {}

# errors after yields: message, errorInfo, errorCode
proc failing {} { set i 0; while 1 { yield $i; incr i; if {$i == 2} { error boom {} {MY CODE} } } }
coroutine c6 failing
c6
puts "6: [catch c6 msg opts] $msg [dict get $opts -errorcode] [info commands c6]"
puts "6: $::errorInfo"

# deleting a suspended coroutine: unset traces on its locals fire
proc traced {} {
    set v 1
    trace add variable v unset {apply {args { lappend ::log unset-fired }}}
    while 1 { yield $v; incr v }
}
set ::log {}
coroutine c7 traced
c7; c7
rename c7 {}
puts "7: $::log [info commands c7]"

# a coroutine that resumes another, both generator bodies
proc gsrc {} { set i 0; while 1 { yield s$i; incr i } }
proc gpipe {} { coroutine ::src gsrc; while 1 { set x [::src]; yield p$x } }
coroutine c8 gpipe
puts "8: [c8] [c8] [c8]"
rename c8 {}; rename ::src {}

# deleting itself while running, then yielding
proc selfdel {} { yield 1; rename [info coroutine] {}; yield 2; return 3 }
coroutine c9 selfdel
puts "9: [c9] [info commands c9]"


# break/continue around yields, foreach, if branches
proc shapes {} {
    foreach x {a b c d} {
        if {$x eq "b"} { continue }
        if {$x eq "d"} { break }
        yield f$x
    }
    set i 0
    while 1 {
        incr i
        if {$i % 2} { yield odd$i } else { yield even$i }
        if {$i >= 4} break
    }
    return shapes-done
}
coroutine c11 shapes
set out {}
for {set j 0} {$j < 6} {incr j} { lappend out [c11] }
puts "11: $out [info commands c11]"

# yield redefined while a coroutine is suspended
proc redef {} { set i 0; while {$i < 3} { incr i; yield $i }; return r }
coroutine c12 redef
set a [c12]
rename yield ::tcl_yield
proc yield {args} { lappend ::log my-yield; ::tcl_yield {*}$args }
set ::log {}
set b [c12]; set c [c12]
rename yield {}; rename ::tcl_yield yield
puts "12: $a $b $c $::log [info commands c12]"

# the same proc outside a coroutine
puts "13: [catch counter m] $m"

# a recursive body that yields at each level
proc walk {tree} {
    foreach node $tree {
        if {[llength $node] > 1} { walk $node } else { yield $node }
    }
}
coroutine c14 apply {{} { yield; walk {a {b c} {d {e f}} g}; return end }}
set out {}
for {set j 0} {$j < 8} {incr j} { lappend out [c14] }
puts "14: $out"

# yield of a computed value, values passed in, too many args
proc calc {} { set t 0; while 1 { set v [yield [expr {$t * 2}]]; incr t $v } }
coroutine c15 calc
puts "15: [c15 0] [c15 1] [c15 2] [c15 3] [catch {c15 1 2} m] $m"
rename c15 {}

# errors inside the body while handed to the resumer: the var read fails
proc unsetread {} { set v 1; yield $v; unset v; yield $v }
coroutine c16 unsetread
puts "16: [catch c16 m] $m"
puts "16: $::errorInfo"

# info level / info frame inside a request between yields
proc lv {} { while 1 { yield [info level]; yield [info coroutine] } }
coroutine c18 lv
puts "18: [c18] [c18] [c18]"
rename c18 {}

# yield inside catch inside the loop (a closure: the greenlet's way)
proc ct {} { set i 0; while {$i < 3} { incr i; catch { yield c$i } }; return ct-end }
coroutine c19 ct
puts "19: [c19] [c19] [c19] [info commands c19]"

# tailcall at the end of a yielding body
proc tc {} { set i 0; while {$i < 2} { incr i; yield t$i }; tailcall string cat tail }
coroutine c20 tc
puts "20: [c20] [c20] [info commands c20]"

# ---- many resumes: the resume command sends into the generator
proc g1 {} { global g; set i 0; while 1 { incr i; yield $g } }
set g A
coroutine c1 g1
set out [list]
for {set k 0} {$k < 5} {incr k} { lappend out [c1] }
unset g
lappend out [catch c1 m] $m [info commands c1]
puts "1: $out"
puts "1: $::errorInfo"

# deleted while suspended at a handed-off yield
proc g2 {} { set i 0; trace add variable i unset {apply {args {lappend ::log unset-i}}}; while 1 { incr i; yield $i } }
set ::log {}
coroutine c2 g2
for {set k 0} {$k < 5} {incr k} { c2 }
rename c2 {}
puts "2: $::log [info commands c2]"

# the value from the resume, many times, then a return
proc g3 {} { set sum 0; set v 0; while {$v ne "stop"} { incr sum $v; set v [yield $sum] }; return total=$sum }
coroutine c3 g3
set out {}
foreach v {1 2 3 4 5 6 7 8 9 10 stop} { lappend out [c3 $v] }
puts "3: $out [info commands c3]"

# break out of the loop at the generator's level, then more yields
proc g4 {} { set i 0; while 1 { incr i; if {$i > 20} break; yield $i }; yield after; return r4 }
coroutine c4 g4
set out {}
for {set k 0} {$k < 21} {incr k} { lappend out [c4] }
puts "4: $out [info commands c4]"

# a coroutine resumed from inside another one's request
proc g5 {} { set i 0; while 1 { incr i; yield $i } }
coroutine c5 g5
proc g6 {} { set i 0; while 1 { incr i; yield [list $i [c5]] } }
coroutine c6 g6
set out {}
for {set k 0} {$k < 5} {incr k} { lappend out [c6] [c5] }
puts "5: $out"
rename c5 {}; rename c6 {}

# inject after many handed-off yields
proc g7 {} { set i 0; while 1 { incr i; set r [yield $i]; lappend ::log r=$r } }
set ::log {}
coroutine c7 g7
for {set k 0} {$k < 5} {incr k} { c7 $k }
tcl::unsupported::inject c7 string cat INJ
lappend out [c7 last] [c7 final]
puts "7: $::log [tcl::unsupported::corotype c7]"
rename c7 {}

# the coroutine resumed while it runs, from its own body (already running)
proc g8 {} { set i 0; while {$i < 5} { incr i; yield $i }; return [catch c8 m]$m }
coroutine c8 g8
set out {}
for {set k 0} {$k < 5} {incr k} { lappend out [c8] }
puts "8: $out"

# info level, info frame level and namespace of the body's frame
namespace eval ::ns { proc g9 {} { set i 0; while 1 { incr i; yield [list [info level] [namespace current] [info coroutine]] } } }
coroutine c9 ::ns::g9
set out {}
for {set k 0} {$k < 3} {incr k} { lappend out [c9] }
proc callc9 {} { c9 }
lappend out [callc9] [callc9]
puts "9: $out"
rename c9 {}

# a global variable changed by the resumer between yields
proc g10 {} { global gv; while 1 { incr gv; yield $gv } }
set gv 0
coroutine c10 g10
set out {}
for {set k 0} {$k < 4} {incr k} { set gv [expr {$gv * 10}]; lappend out [c10] }
puts "10: $out $gv"
rename c10 {}

# an array element
proc g11 {} { set a(x) 1; while 1 { incr a(x); yield $a(x) } }
coroutine c11 g11
puts "11: [c11] [c11] [c11]"
rename c11 {}

# a yield that is written out, then `yield` renamed away
proc g12 {} { set i 0; while 1 { incr i; yield $i } }
coroutine c12 g12
set out {}
for {set k 0} {$k < 4} {incr k} { lappend out [c12] }
rename yield myyield
lappend out [catch c12 m] $m
rename myyield yield
lappend out [info commands c12]
puts "12: $out"
