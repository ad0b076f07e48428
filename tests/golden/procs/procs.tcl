proc say {args} { puts [join $args { }] }
proc add {a {b 10} args} { return [expr {$a + $b + [llength $args]}] }
say [add 1] [add 1 2] [add 1 2 x y]
say [catch {add} msg] $msg
proc counter {} { global count; incr count }
set count 5; counter; counter; say $count
proc outer {} { set v 1; inner; return $v }
proc inner {} { upvar 1 v x; set x 42 }
say [outer]
proc lvl {} { return [info level] }
say [lvl] [info level]
proc up {} { uplevel 1 {set fromup yes} }
up; say $fromup
proc fact {n} { if {$n <= 1} {return 1}; expr {$n * [fact [expr {$n - 1}]]} }
say [fact 25]
say [info args add] [info body counter]
say [info default add b d] $d
rename add plus
say [plus 5] [info commands add]
say [apply {{x y} {expr {$x * $y}}} 6 7]
proc r {} { return -code break }
say [catch {r}]
proc early {} { foreach x {1 2 3} { if {$x == 2} { return $x } }; return none }
say [early]
proc deep {n} { if {$n == 0} {return 0}; deep [expr {$n - 1}] }
say [deep 500]
proc runaway {} { runaway }
say [catch runaway msg] $msg
