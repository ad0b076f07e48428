# dict set/get/incr/exists, lset and upvar compiled in place
# (compile/inline_data.py, inline_vars.py): copy-on-write, traces, errors,
# the slow shapes, and redefinition after compiling.
proc show {script} {
    set code [catch {uplevel 1 $script} r]
    puts "$code [string map {\n |} $r]"
    if {$code == 1} { puts "  [string map {\n |} $::errorInfo] / $::errorCode" }
}
proc dicts {} {
    set d [dict create a 1]
    set keep $d
    dict set d b 2
    dict incr d a
    dict incr d c 5
    dict incr d a -10
    puts "d=$d keep=$keep"
    puts "[dict get $d a] [dict get $d c] [dict exists $d b] [dict exists $d zz]"
    set n {x {y 1}}
    puts [dict get $n x y]
    dict set n x y 2
    puts $n
    set s "p 1 q 2"
    dict set s r 3
    puts $s
    puts [dict get "k v" k]
    set e {}
    for {set i 0} {$i < 5} {incr i} { dict set e k$i $i; dict incr e count }
    puts $e
}
dicts
show {apply {{} { set d {a 1}; dict get $d b }}}
show {apply {{} { set d {a 1 b}; dict get $d a }}}
show {apply {{} { set d {a x}; dict incr d a }}}
show {apply {{} { set d {a 1}; dict incr d a x }}}
show {apply {{} { dict set nosuch k v }}}
show {apply {{} { set l {1 2}; dict exists $l 1 }}}
show {apply {{} { set a(1) 1; dict set a k v }}}
proc traced {} {
    set d {a 1}
    trace add variable d write {apply {{n1 n2 op} { puts "write $n1" }}}
    dict set d b 2
    dict incr d a
    lset d 1 9
    return $d
}
puts [traced]
proc lists {} {
    set l {0 1 2 3}
    set keep $l
    lset l 1 x
    lset l 4 y
    lset l end z
    lset l end-1 w
    puts "l=$l keep=$keep"
    set m {{a b} {c d}}
    lset m 1 0 q
    lset m {0 1} r
    puts $m
    set s "p q r"
    lset s 0 P
    puts $s
}
lists
show {apply {{} { set l {1 2}; lset l 5 x }}}
show {apply {{} { set l {1 2}; lset l x x }}}
show {apply {{} { lset nosuch 0 x }}}
proc bump {name {by 1}} { upvar 1 $name v; incr v $by }
proc bumpy {name} { upvar $name v; incr v }
set g 1
bump g; bumpy g
puts "g=$g"
proc caller {} { set x 5; bump x 10; bumpy x; set a(k) 1; bump a(k); return "$x [array get a]" }
puts [caller]
proc twice {} { upvar 1 g v; upvar 1 g v; incr v }
puts [twice]
proc clash {} { set v 1; upvar 1 g v }
show clash
proc nsvar {} { upvar 1 ::g v; incr v 100 }
puts [nsvar]
namespace eval ::ns { variable nv 7; proc up {} { upvar 1 nv w; return [info exists w] } }
namespace eval ::ns { puts [up] }
proc self {} { upvar 1 n n; set n inner }
proc outer {} { set n outer; self; return $n }
puts [outer]
proc deep {} { level1 }
proc level1 {} { upvar 2 dd v; set v deep }
puts [catch deep m]$m
proc later {} { set d {a 1}; dict set d b 2; set l {1 2}; lset l 0 x; upvar 1 g v; return "$d $l $v" }
puts [later]
rename dict _dict; rename lset _lset; rename upvar _upvar
proc dict {args} { return "dict($args)" }
proc lset {args} { return "lset($args)" }
proc upvar {args} { uplevel 1 [list _upvar 2 {*}$args] }
puts [later]
rename dict {}; rename lset {}; rename upvar {}
rename _dict dict; rename _lset lset; rename _upvar upvar
puts [later]
namespace eval ::other {
    proc dict {args} { return "other::dict" }
    proc f {} { set d {a 1}; return [dict get $d a] }
}
puts [::other::f]
set d {a 08}
catch {dict incr d a} m o; puts "$m [dict get $o -errorcode]"
set d {a 1}
catch {dict incr d a 08} m o; puts "$m [dict get $o -errorcode] [string map {\n |} $::errorInfo]"
catch {dict incr d a 1.5} m o; puts "$m [dict get $o -errorcode]"
