# http 2.9's synchronous client against a loopback server: GET, POST with
# -query, -headers, chunked and unsized bodies, charsets, status codes.
source [file join [file dirname [info script]] server.tcl.inc]
package require http
puts [package present http]

# the server's port changes from run to run
proc say {text} {
    puts [string map [list $::port PORT] $text]
}

proc show {token} {
    upvar #0 $token state
    say "status [http::status $token] ncode [http::ncode $token] code {[http::code $token]}"
    say "size [http::size $token] totalsize $state(totalsize) type {$state(type)} charset $state(charset)"
    set meta {}
    foreach {name value} [http::meta $token] {
	if {$name ni {Date Server}} {lappend meta $name $value}
    }
    say "meta $meta"
    say "data [list [http::data $token]]"
    say "url $state(url) method $state(method) error {[http::error $token]}"
    http::cleanup $token
    say "cleaned [info exists $token]"
}

show [http::geturl $base/echo?a=1]
show [http::geturl $base/echo/headers -headers {X-Token secret Accept text/plain}]
show [http::geturl $base/echo/post -query [http::formatQuery name "J Doe" x &=]]
show [http::geturl $base/echo/json -query {{"a": 1}} -type application/json]
show [http::geturl $base/echo/put -method PUT -query data]
show [http::geturl $base/echo/keep -keepalive 1]
show [http::geturl $base/chunked]
show [http::geturl $base/utf8]
show [http::geturl $base/latin1]
show [http::geturl $base/binary]
show [http::geturl $base/utf8 -binary 1]
show [http::geturl $base/missing]
show [http::geturl $base/moved]
show [http::geturl $base/echo -validate 1]
show [http::geturl $base/echo#fragment]
set t [http::geturl $base/big -blocksize 1000]
say "big [http::size $t] [string length [http::data $t]]"
http::cleanup $t
set t [http::geturl $base/hangup]
say "hangup [http::status $t] [list [http::code $t]]"
close $server
