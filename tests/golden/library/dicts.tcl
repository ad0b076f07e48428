proc say {args} { puts [join $args " "] }
set d [dict create a 1 b 2 c {x y}]
say [dict get $d c] [dict size $d] [dict keys $d] [dict values $d]
say [dict exists $d a] [dict exists $d zz] [catch {dict get $d zz} m] $m
dict set d n1 n2 deep; say [dict get $d n1 n2]
dict incr d a 10; dict append d b xyz; dict lappend d c z; say $d
dict unset d n1; say [dict keys $d]
say [dict filter $d key {[ab]}] [dict filter $d value 1*]
say [dict map {k v} {x 1 y 2} {expr {$v * 10}}]
say [dict merge {a 1 b 2} {b 3 c 4}] [dict remove {a 1 b 2} a] [dict replace {a 1} a 9 z 0]
dict for {k v} {one 1 two 2} { say "$k->$v" }
set acc {}; dict with d { lappend acc $a $b }; say $acc
dict update d a x b y { set x updated }; say [dict get $d a]
say [catch {dict create odd} m] $m
say [lsort [dict keys [dict create z 1 a 2 m 3]]]
array set arr {b 2 a 1 c 3}
say [lsort [array names arr]] [array size arr] [array exists arr] [array exists nosuch]
say [lsort -stride 2 [array get arr]]
array unset arr a*; say [lsort [array names arr]]
say [catch {array set arr {odd}} m] $m
