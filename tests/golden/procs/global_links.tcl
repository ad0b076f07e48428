# global: the plain form links ::name without parsing it (commands/procs.py)
set g 1
namespace eval ::ns { variable v 10 }
proc a {} { global g; incr g; global g; incr g }
a; puts $g
proc b {} { global ::ns::v; incr v }
b; puts $::ns::v
proc c {} { global ns::v; incr v }
c; puts $::ns::v
proc d {} { set g 5; global g }
puts [catch d m]; puts $m
proc e {} { global nosuch::x }
puts [catch e m o]; puts "$m [dict get $o -errorcode]"
proc f {} { global arr; set arr(k) 1; global {} ; set {} empty }
f; puts [array get arr]; puts [set {}]
proc h {} { global g; set g 9; upvar #0 g gg; list $g $gg [info locals] }
puts [h]
proc i {} { set g 1; unset g; global g; return $g }
puts [i]
global g; puts $g
namespace eval ::ns { proc j {} { global g; return $g } }
puts [::ns::j]
oo::class create K { variable kv; method m {} { global g; set kv 1; list $g $kv } }
puts [[K new] m]
proc k {name} { global $name; return [set $name] }
puts [k g]
