# interp limit stops a runaway child with Tcl's errors; callbacks can
# raise the limit; the recursion limit ends deep recursion
interp create c
c eval {proc spin {} {while 1 {set y [string length x]}}}
c limit commands -value 1000
puts [catch {c eval spin} m]$m
puts [catch {c eval {set x 1}} m]$m
c limit commands -value {}
puts [c eval {set x 2}]
puts [lsort [dict keys [c limit commands]]]
puts [c limit commands -granularity]
proc raise_it {} {
    global raised base
    incr raised
    if {$raised < 3} {c limit commands -value [expr {$base + 500 * ($raised + 1)}]}
}
set raised 0
set base [c eval info cmdcount]
c limit commands -value [expr {$base + 500}] -command raise_it
puts [catch {c eval spin} m]$m
puts "raised $raised"
c limit commands -value {} -command {}
puts [catch {interp limit {} commands -value 10} m]$m
puts [catch {c limit foo} m]$m
puts [catch {c limit commands -value -1} m]$m
puts [catch {c limit time -seconds -1} m]$m
puts [catch {c limit commands -granularity 0} m]$m
interp recursionlimit c 50
puts [catch {c eval {proc r {} {r}; r}} m]$m
puts [interp recursionlimit c]
puts [catch {interp recursionlimit c 0} m]$m
puts [catch {interp recursionlimit c 0x} m]$m
interp delete c
