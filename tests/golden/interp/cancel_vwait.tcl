# interp cancel reaches a child waiting in vwait or update: the parent's timer
# fires in the same event loop, and the wait looks at the request after each event
interp create kid
after 100 {interp cancel kid}
set t [clock milliseconds]
puts [list [catch {kid eval {after 20000 {set ::x 1}; vwait ::forever}} m] $m $::errorCode]
puts "waited < 5 s: [expr {[clock milliseconds] - $t < 5000}]"
after 100 {interp cancel -unwind kid}
puts [list [catch {kid eval {catch {vwait ::forever} m; set ::caught $m}} m] $m [kid eval {info exists ::caught}]]
after 100 {interp cancel kid {custom stop}}
puts [list [catch {kid eval {while 1 {update}}} m] $m]
kid eval {after cancel [after info]}
puts [kid eval {set y ok}]
after 50 {interp cancel kid}
puts [list [catch {kid eval {vwait ::forever2}} m] $m $::errorInfo]
interp delete kid
puts done
