proc say {args} { puts [join $args { }] }
proc p {} {
  set x 1
  if {$x} {
    foreach a {1 2} {
      error boom
    }
  }
}
proc q {} {
  eval {set y 1
    p}
}
catch q
say $::errorInfo
say ----
catch {error msg info CODE} r o
say $r|$::errorCode|[dict get $o -errorinfo]
catch {nosuch a b} r; say $r; say $::errorInfo
say ----
catch {set nosuch} r; say $r
catch {set arr(1) x; set arr} r; say $r
proc r2 {} { uplevel 1 {error hi} }
catch r2; say $::errorInfo
say ----
say [catch {throw {A B} oops} m o] $m [dict get $o -errorcode]
try { error x } on error {m o} { puts "caught $m" } finally { puts finally }
try { throw {MY ERR} boom } trap {MY} {m} { puts "trapped $m" }
say [try { expr 1 } on ok {v} { expr {$v + 1} }]
catch {return -code error -errorcode {X Y} bad} m o; say "$m [dict get $o -errorcode]"
