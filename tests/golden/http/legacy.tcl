# The legacy http 1.0 package under [info library]/http1.0: http_get and
# its accessors, synchronous and with -command.
source [file join [file dirname [info script]] server.tcl.inc]
puts [package require http 1]
puts [http_config]
catch {http_config -bogus} message
puts $message

proc say {text} {
    puts [string map [list $::port PORT] $text]
}

set t [http_get $base/echo/legacy -headers {X-Token old}]
upvar #0 $t state
say "$t [http_status $t] [list [http_code $t]] [http_size $t] $state(type)"
say [http_data $t]
set t [http_get 127.0.0.1:$port/echo/form -query [http_formatQuery a "b c\n" d \u00e9]]
say [http_data $t]
set t [http_get $base/echo -validate 1]
say "[http_status $t] [http_size $t] [list [http_data $t]]"

proc done {token} {
    set ::finished [http_status $token]
}
set t [http_get $base/missing -command done]
vwait finished
say "$finished [list [http_code $t]] [http_data $t]"
set t [http_get $base/never -timeout 200]
say "[http_status $t] [http_size $t]"

foreach args {{-foo 1} {-timeout x} {-blocksize 2.5}} {
    catch {http_get $base/echo {*}$args} message
    puts $message
}
catch {http_get ftp://example.com/} message
puts $message
close $server
foreach chan $silent {
    close $chan
}
