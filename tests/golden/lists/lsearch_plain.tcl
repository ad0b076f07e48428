# lsearch's shortcut for a plain search (list.index) against the element loop
set l {a b c d b e}
foreach args {{b} {-exact b} {z} {-start 2 b} {-start 9 b} {-inline b} {-exact -inline z} {b*} {-glob b} {-nocase B} {-not b} {-all b} {-start end b} {{}} {-exact {}}} {
  lappend r [lsearch {*}[lrange $args 0 end-1] $l [lindex $args end]]
}
set m [list 1 2 [expr {1+2}] 3 4]
lappend r [lsearch $m 3] [lsearch -exact $m 3] [lsearch -exact [list 1.0 2 3] 2] [lsearch -exact [list a 0x1 1] 1]
lappend r [lsearch -exact [list x [list a b] {a b}] {a b}] [lsearch {} a] [lsearch -exact {a\\b a\b} {a\b}]
lappend r [lsearch -integer {1 2 03 3} 3] [lsearch -exact -index 0 {{a 1} {b 2}} b] [lsearch -sorted {a b c} b]
puts $r
