# The event loop: after, vwait, update, bgerror, fileevent, fcopy -command.
proc bgerror {msg} { lappend ::log "bgerror: $msg" }
set ::log {}
after 300 {lappend ::log t300}
after 100 {lappend ::log t100}
after idle {lappend ::log idle1}
after 0 {lappend ::log t0; after 0 {lappend ::log nested}}
after 200 {error "failed in after"}
after 400 {set ::stop 1}
set cancelled [after 350 {lappend ::log never}]
after cancel $cancelled
after idle {lappend ::log idle2}
after cancel {lappend ::log idle2}
vwait ::stop
puts $::log
# update idletasks runs idle callbacks only
set ::log {}
after 0 {lappend ::log timer}
after idle {lappend ::log idle}
update idletasks
lappend ::log mark
update
puts $::log
# after info
set a [after 1000 {puts never}]
set b [after idle {puts never}]
puts [list [llength [after info]] [after info $a] [after info $b]]
after cancel $a
after cancel $b
puts [after info]
# vwait on an array element; break in a handler is a background error
after 0 {set ::arr(x) 1}
vwait ::arr(x)
after 0 {break}
update
puts [lindex $::log end]
# fileevent on a pipe, reading until end of file
set f [open "|printf {one\ntwo\nthree\n}"]
fconfigure $f -blocking 0
set ::lines {}
fileevent $f readable {
    while {[gets $f line] >= 0} { lappend ::lines $line }
    if {[eof $f]} { close $f; set ::done 1 }
}
vwait ::done
puts $::lines
# fcopy in the background
set src [open "|printf {copied text}"]
set tmp [file join [pwd] events-golden.tmp]
set dst [open $tmp w]
fcopy $src $dst -command {apply {{n} {set ::copied $n}}}
vwait ::copied
close $src
close $dst
set f [open $tmp]
puts [list $::copied [read $f]]
close $f
file delete $tmp
# interp bgerror
proc handler {msg opts} { puts "handler: $msg [dict get $opts -code]" }
interp bgerror {} handler
puts [interp bgerror {}]
after 0 {error oops}
update
