puts before
error "shown"
close stderr
error "not shown"
puts [catch {puts stderr x} msg]
puts $msg
puts after
