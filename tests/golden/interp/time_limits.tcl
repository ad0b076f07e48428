# A time limit also ends a blocking after and a vwait (which says 'limit
# exceeded', as Tcl's vwait); a limit callback may extend it.
set i [interp create]
interp limit $i time -seconds [expr {[clock seconds] + 1}] -granularity 1
puts [catch {$i eval {set x {}; vwait x}} m]$m
interp delete $i
set i [interp create]
set t0 [clock seconds]
interp limit $i time -seconds [expr {$t0 + 1}] -granularity 1
set code [catch {$i eval {after 10000}} msg]
puts "$code $msg [expr {[clock seconds]-$t0 < 3}]"
interp delete $i
set i [interp create]
$i limit time -seconds 1 -granularity 4
interp alias $i log {} lappend result
set result {}
catch {$i eval {log 1; after 100; log 2}} msg
interp delete $i
puts [lappend result $msg]
set i [interp create]
proc ext {} {global i; $i limit time -seconds [expr {[clock seconds] + 5}] -command {}}
$i limit time -seconds [expr {[clock seconds]}] -command ext
set t0 [clock milliseconds]
puts [catch {$i eval {after 300; set y ok}} m]$m
interp delete $i
set i [interp create]
$i limit time -seconds [expr {[clock seconds] + 3}]
puts [$i eval {after 50 {set x done}; vwait x; set x}]
interp delete $i
