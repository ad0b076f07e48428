# foreach over several names (compile/inline.py, generated per count of names)
proc f {} {
  set out {}
  foreach {a b c} {1 2 3 4 5 6 7} { lappend out "$a-$b-$c" }
  foreach {a a} {1 2 3} { lappend out $a }
  foreach {x y} {1 2 3 4 5 6} { if {$x == 3} continue; if {$x == 5} break; lappend out $x$y }
  array set arr {}
  foreach {arr(k) z} {p q r s} { lappend out $arr(k)$z }
  foreach {a b} {} { lappend out never }
  trace add variable b write {apply {{args} {puts tr}}}
  foreach {a b} {1 2} {}
  return $out
}
puts [f]
proc g {} { set arr(x) 1; foreach {arr q} {1 2} {} }
catch g m; puts $m; puts $errorInfo
proc g1 {} { set arr(x) 1; foreach arr {1 2} {} }
catch g1 m; puts $m; puts $errorInfo
catch {apply {{} {set arr(x) 1; foreach {arr b} {1 2} {}}}} m; puts $errorInfo
set garr(x) 1
catch {foreach {garr b} {1 2} {}} m; puts $errorInfo
catch {eval {foreach {garr b} {1 2} {}}} m; puts $errorInfo
