# yield inside lsort -command: Tcl's C stack is busy there (recorded from tclsh 8.6)
proc foo {a b} {catch yield; return 1}
puts [coroutine demo lsort -command foo {a b}]
puts [info commands demo]
proc foo2 {a b} {lappend ::log [catch yield r] $r [info coroutine]; return 1}
puts [coroutine demo2 lsort -command foo2 {a b c}]
puts $::log
# a coroutine resumed inside the callback yields as usual
coroutine inner apply {{} { while 1 { yield [incr ::n] } }}
proc cmp3 {a b} { lappend ::log3 [inner]; return [string compare $a $b] }
coroutine demo3 apply {{} { set r [lsort -command cmp3 {c a b}]; yield $r; return done }}
puts [list $::log3 [demo3] [catch yield m] $m]
