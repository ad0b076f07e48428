# the upvar command (the forms the compiled upvar leaves to it: several
# pairs, #0, other levels, elements, namespaces, errors), commands/procs.py
set a 1; set b 2; array set arr {k 5}
proc two {} { upvar 1 a x b y; incr x; incr y; list $x $y [info locals] }
puts [two]; puts "$a $b"
proc top {} { upvar #0 a x arr(k) e; incr x; incr e; list $x $e }
puts [top]; puts "$a $arr(k)"
proc inner {} { upvar 2 a x; incr x }
proc middle {} { inner }
puts [middle]
proc same {} { set q 1; upvar 0 q r; incr r; list $q $r }
puts [same]
proc self {} { upvar 0 s s }
puts [catch self m]; puts $m
proc exists {} { set x 1; upvar 1 a x }
puts [catch exists m]; puts $m
proc relink {} { upvar 1 a x; upvar 1 b x; set x }
puts [relink]
proc elem_local {} { upvar 1 a x(1) }
puts [catch elem_local m]; puts $m
proc badlevel {} { upvar 5 a x }
puts [catch badlevel m]; puts $m
proc notlevel {} { upvar a x y }
puts [catch notlevel m]; puts $m
proc odd {} { upvar 1 a }
puts [catch odd m]; puts $m
puts [catch {upvar} m]; puts $m
namespace eval ::ns { variable nv 7 }
proc qualified {} { upvar #0 ::ns::nv v; incr v }
puts [qualified]
proc to_ns {} { upvar 1 a ::ns::alias }
puts [catch to_ns m]; puts $m
namespace eval ::ns { proc inns {} { upvar 1 nv w; incr w } }
puts [namespace eval ::ns { inns }]
proc traced {} { upvar 1 a x; set x 100 }
trace add variable a write {apply {{args} {puts "write $args"}}}
traced
proc chain {} { upvar 1 a x; chain2 }
proc chain2 {} { upvar 1 x y; incr y }
puts [chain]
proc create {} { upvar 1 fresh f; set f new }
create; puts $fresh
proc unset_first {} { set x 1; unset x; upvar 1 a x; set x }
puts [unset_first]
upvar 0 a top_alias; puts $top_alias
