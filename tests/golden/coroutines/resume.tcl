# Resuming coroutines: values, argument errors, states (recorded from tclsh 8.6)
proc gen {} { yield start; set v [yield [list a {b c}]]; yield [list got $v]; return done }
coroutine g gen
puts [list [g] [g value] [g] [info commands g]]
coroutine g gen
puts [list [catch {g a b} m] $m]
puts [list [catch {coroutine h apply {{} { h }}} m] $m [info commands h]]
puts [list [catch {coroutine h2 apply {{} { h2 }}} m] $m]
coroutine y apply {{} { set x [yieldto list 1 2]; yield [list back $x]; return end }}
puts [list [::tcl::unsupported::corotype y] [y p q] [::tcl::unsupported::corotype y]]
puts [list [y] [info commands y]]
coroutine z apply {{} { yield 1; rename [info coroutine] {}; yield 2; return 3 }}
puts [list [z] [info commands z]]
puts [list [catch {yield} m] $m [catch {z} m] $m]
proc deep {n} { if {$n == 0} { yield bottom; return up }; deep [expr {$n - 1}] }
coroutine d deep 50
puts [list [d] [info commands d]]
coroutine e apply {{} { foreach x {1 2 3} { yield $x }; uplevel #0 { set ::top [yield top] }; return fin }}
puts [list [e] [e] [e] [e X] $::top [info commands e]]
