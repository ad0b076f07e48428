# foreach with several variables (inlined in procs) and switch
proc t {} {
  foreach {a b c} {1 2 3 4 5} { lappend r [list $a $b $c] }
  foreach {x y} {} { lappend r never }
  foreach {p q} {1 2 3 4} { if {$p == 3} break; lappend r $p$q }
  foreach {p q} {1 2 3 4} { if {$p == 1} continue; lappend r c$p$q }
  array set arr {}
  catch {foreach {z arr} {1 2} {}} m; lappend r $m
  set l {a b c d}
  foreach {u v} $l { lappend r $u-$v }
  catch {foreach {u v} "a \{" {}} m2; lappend r $m2 $::errorInfo
  return $r
}
puts [t]
set n 0; foreach {a b} {1 2 3 4 5 6} { incr n $b }; puts $n
trace add variable tv write {apply {args {puts traced}}}
proc t2 {} { foreach {tv w} {1 2} {} ; global tv; }
foreach {tv w} {1 2 3} {}; puts [list $tv $w]
proc sw {x} { switch -glob -- $x { w1* { return one } w2* { return two } default { return other } } }
puts [list [sw w1x] [sw w2] [sw q] [switch -regexp -- abc {^a(b) {set x rx} default {set x d}}]]
