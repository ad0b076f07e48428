# Arithmetic that Python would raise on is Tcl's answer or Tcl's error,
# and catch/try see it
set a [expr {10**400}]
puts [catch {expr {$a * 1.5}} m]$m
puts [catch {expr {$a + 1.5}} m]$m
puts [catch {expr {$a / 1e-300}} m]$m
puts [catch {expr {-$a - 1.5}} m]$m
if {$a * 1.5 > 0} {puts bigger}
try {expr {$a ** 0.5}} on ok r {puts ok:$r} on error e {puts error:$e}
puts [string length [expr {10**5000}]]
puts [catch {expr {1<<99999999999}} m]$m
set n 99999999999
puts [catch {expr {1<<$n}} m]$m
set n NaN
puts [catch {expr {int($n)}} m]$m
puts [catch {expr {round($n)}} m]$m
puts [expr {pow(0,-1)}]
puts [catch {open /tmp/x rw+x} m]$m
puts [catch {open /tmp/x {CREAT}} m]$m
puts [string length [binary format a20 x]]
puts [catch {binary decode uuencode \u00e9} m]$m
puts [catch {source -encoding nosuch /etc/hostname} m]$m
