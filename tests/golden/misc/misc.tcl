proc say {args} { puts [join $args { }] }
say [info exists nosuch] [info exists tcl_version]
set x 5; say [info exists x]
say [expr {[llength [info commands set]] == 1}]
say [info tclversion] [info patchlevel]
unset x; say [info exists x]
say [catch {unset x} m] $m
incr newvar; say $newvar
append s1 a; append s1 b; say $s1
say [eval list a b {c d}]
say [lrange [time {set a 1} 10] 1 end]
say [subst -nocommands {[x] $newvar}]
set l {}
proc tracer {args} { global l; lappend l $args }
say [package require Tcl] 
say [set ::tcl_platform(platform)]
