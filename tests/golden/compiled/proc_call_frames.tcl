# the frame a proc call pushes (made in line by the generated call_proc,
# compile/framecall.py): level, namespace, errorInfo, errorstack, links
proc p8 {a b c d e f g h} { list [info level] [info level 0] [expr {$a + $h}] }
puts [p8 1 2 3 4 5 6 7 8]
proc pd {a {b 2} args} { list [info level 0] [namespace current] [info locals] }
puts [pd 1]; puts [pd 1 2 3 4]
namespace eval ::ns { proc q {x {y 1}} { list [namespace current] [info level 0] $x $y } }
puts [::ns::q a]; puts [::ns::q a b]
proc boom {a {b 2}} { error "boom $a $b" }
proc outer {} { boom x }
catch outer m o; puts $m; puts [dict get $o -errorinfo]; puts [lrange [dict get $o -errorstack] 2 end]
proc ex {a b} { error "ex $a" }
catch {ex 1 2} m o; puts [dict get $o -errorinfo]
catch {ex 1} m o; puts $m
proc up {name} { upvar 1 $name v; incr v }
proc down {} { set k 5; up k; up k; return $k }
puts [down]
proc lev {} { uplevel 1 {set there [info level]} }
proc caller {} { lev; return $there }
puts [caller]
proc deep {n} { if {$n == 0} { return [info level] }; deep [expr {$n - 1}] }
puts [deep 50]
proc rec {} { rec }
catch rec m; puts $m
proc tr {} { set v 1; trace add variable v unset {apply {{args} {puts "unset $args"}}}; return done }
puts [tr]
oo::class create C { method m {a {b 3}} { list [self method] $a $b }; method n {a b} { list $a $b [info level 0] } }
set o [C new]
puts [$o m 1]; puts [$o n 1 2]; catch {$o n 1} m; puts $m
proc after_rename {} { namespace current }
namespace eval ::other {}
rename after_rename ::other::moved
puts [::other::moved]
