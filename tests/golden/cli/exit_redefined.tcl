# tclsh runs the exit command when a script ends, even after an error
proc exit {code} {puts "exit called with $code"}
puts [info exists tcl_interactive]-$tcl_interactive
close stderr
error "not shown: stderr is closed"
