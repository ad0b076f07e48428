# http 2.9 through the event loop: -command with vwait, -progress,
# -channel, -timeout, http::reset and refused connections.
source [file join [file dirname [info script]] server.tcl.inc]
package require http

proc done {token} {
    lappend ::events "done [http::status $token] [http::ncode $token] [string length [http::data $token]]"
    set ::finished $token
}

set t [http::geturl $base/echo/async -command done]
lappend events "geturl returned [string match ::http::* $t] [http::status $t]"
vwait finished
puts [join $events \n]
puts "same token [expr {$finished eq $t}]"
http::cleanup $t

# -progress is called with the token, the expected size, the size so far
set events {}
proc progress {token total current} {
    lappend ::events "progress $total $current"
}
set t [http::geturl $base/big -blocksize 10000 -progress progress]
puts "last progress [lindex $events end] [http::size $t]"
http::cleanup $t

# -channel: the body goes to a channel and not to the state array
set file [file join [pwd] http-async-body.tmp]
set out [open $file w]
set t [http::geturl $base/big -channel $out]
close $out
set in [open $file]
set text [read $in]
close $in
file delete $file
puts "channel [http::status $t] [string length [http::data $t]] [string length $text] [string range $text 0 9]"
http::cleanup $t

# -timeout: the status is "timeout", synchronously or through -command
set t [http::geturl $base/never -timeout 200]
puts "timeout [http::status $t] [list [http::code $t]] [list [http::error $t]]"
http::cleanup $t
set t [http::geturl $base/never -timeout 200 -command done]
set events {}
vwait finished
puts "timeout async $events"
http::cleanup $t

# http::reset ends a request: -command sees its status
set t [http::geturl $base/never -command done]
after 100 [list http::reset $t]
set events {}
vwait finished
puts "reset $events"
http::cleanup $t
set t [http::geturl $base/never -command done]
after 100 [list http::reset $t custom]
set events {}
vwait finished
puts "reset custom $events"
http::cleanup $t

# http::wait on an asynchronous request
set t [http::geturl $base/echo/wait -command {set ::ignored}]
puts "wait [http::wait $t] [http::ncode $t]"
http::cleanup $t

# a refused connection: geturl raises the error, or -command is told
set spare [socket -server list -myaddr 127.0.0.1 0]
set closed [lindex [fconfigure $spare -sockname] 2]
close $spare
set code [catch {http::geturl http://127.0.0.1:$closed/} message options]
puts "refused $code [list $message] [dict get $options -errorcode]"
set t [http::geturl http://127.0.0.1:$closed/ -command done]
set events {}
vwait finished
puts "refused async $events [list [lindex [http::error $t] 0]]"
http::cleanup $t

# a -command that fails leaves its error in the state
proc failing {token} {
    set ::finished $token
    error "callback failed"
}
set t [http::geturl $base/echo -command failing]
vwait finished
puts "failing command [http::status $t] [list [lindex [http::error $t] 0]]"
http::cleanup $t

# status of a token that is gone
puts "gone [http::status $t]"
close $server
foreach chan $silent {
    close $chan
}
