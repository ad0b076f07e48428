proc say {args} { puts [join $args { }] }
say [list a {b c} "d e" \{ "" {x"y} a\\b {#x} #y]
say [list #a b]
set l {1 2 3 4 5}
say [lindex $l 0] [lindex $l end] [lindex $l end-1] [lindex $l 10] "([lindex $l -1])"
say [lindex {{a b} {c d}} 1 0]
say [lrange $l 1 3] [lrange $l 3 end] "([lrange $l 4 2])"
say [llength {}] [llength {a {b c}}]
set acc {}; foreach x $l { lappend acc [expr {$x * $x}] }; say $acc
say [join $l ,] [split a,b,,c ,] [split "a b  c"]
say [concat a {b c} {} { d }]
lassign {1 2 3} x y; say $x$y
say [linsert $l 2 new] [lreplace $l 1 2 X] [lreverse $l]
say [lsort {banana apple Cherry}] [lsort -integer {10 9 100}] [lsort -decreasing -real {1.5 2 0.5}]
say [lsearch {a b c} c] [lsearch -all {a b a} a] [lsearch -glob {foo bar baz} b*]
say [lrepeat 3 x y]
set m {a b c}; lset m 1 Z; say $m
say [dict get {a 1 b 2} b] [dict keys {x 1 y 2}]
set d [dict create k1 v1]; dict set d k2 v2; dict lappend d k3 z; say $d
dict for {k v} $d { puts "$k=$v" }
array set A {x 1 y 2}; say [lsort [array names A]] [array size A]
