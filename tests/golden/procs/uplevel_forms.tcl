# uplevel's forms: 1, #0, no level, other levels, errors (commands/procs.py)
set x 0
proc one {} { uplevel 1 {incr x} }
proc zero {} { uplevel #0 {incr x} }
proc bare {} { uplevel {incr x} }
proc two {} { set x 100; inner2 }
proc inner2 {} { uplevel 2 {incr x} }
proc concat_args {} { uplevel 1 incr x 5 }
proc lev {} { set x local; uplevel {info level} }
one; zero; bare; two; concat_args; puts $x
puts [lev]
proc wrapper {} { set x w; list [uplevel 1 {info level}] [uplevel #0 {info level}] [uplevel {set x}] }
puts [wrapper]
puts [catch {uplevel {set x}} m]; puts $m
puts [catch {uplevel 1 {set x}} m]; puts $m
proc onlylevel {} { uplevel 1 }
puts [catch onlylevel m]; puts $m
proc badlevel {} { uplevel 7 {set x} }
puts [catch badlevel m]; puts $m
proc digits {} { uplevel 0x1 {info level} }
puts [digits]
proc err {} { uplevel {error oops} }
proc callerr {} { err }
catch callerr m o; puts $m; puts [dict get $o -errorinfo]
proc num {} { uplevel 3 }
puts [catch num m]; puts $m
namespace eval ::ns { proc here {} { uplevel {namespace current} } }
puts [namespace eval ::ns::x { ::ns::here }]
puts [catch {namespace eval ::ns { uplevel #0 {namespace current} }} m]; puts $m
