proc say {args} { puts [join $args " "] }
# upvar to array elements, re-linking, unset keeps the link
proc p1 {} { set a(0) zeroth; set a(1) first; p2; list $a(0) [lsort [array names a]] }
proc p2 {} { upvar a(0) x; set x changed; upvar a(1) y; unset y }
say [p1]
proc p3 {a b} { set c 22; set d 33; p4; lsort [info vars] }
proc p4 {} { upvar 1 a x1 d x2; unset x1 x2; set x2 28 }
say [p3 foo bar]
set x 44; set y 55
upvar #0 x uv
set uv abc
upvar 0 y uv
set uv xyzzy
say $x $y
proc lev {} { list [info level] [uplevel 1 {info level}] [uplevel #0 {info level}] }
proc outer {} { lev }
say [outer]
catch {uplevel -1 {}} m; say $m
catch {uplevel 0x7 {}} m; say $m
proc g {} { global gv; set gv set-in-proc }
g; say $gv
namespace eval ns { variable v 1; proc get {} { variable v; incr v } }
say [ns::get] [ns::get] $ns::v
say [namespace eval ns {info level}]
proc nsup {} { namespace eval ::ns { uplevel 1 {info level} } }
say [nsup]
say [catch {proc bad {} {set a 1; global a}; bad} m] $m
say [info exists ns::v] [namespace which -variable ns::v]
namespace eval ns2 { variable decl }
say [info vars ns2::*] [info exists ns2::decl]
