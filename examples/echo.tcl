# An echo server and a client talking over loopback, driven by the event loop.
#
#   tclish examples/echo.tcl              server and client in one process
#   tclish examples/echo.tcl server 9900  a server only (Ctrl-C stops it)
#   tclish examples/echo.tcl client 9900  a client for a server elsewhere
#
# The server answers each line with "echo: <line>"; the client sends a few
# lines, prints the answers, then half-closes its side so the server sees
# end of file and closes the connection.

proc serve {port} {
    set server [socket -server accept -myaddr 127.0.0.1 $port]
    return $server
}

proc accept {chan addr port} {
    fconfigure $chan -buffering line -blocking 0
    fileevent $chan readable [list echo $chan]
}

proc echo {chan} {
    if {[gets $chan line] >= 0} {
        puts $chan "echo: $line"
    } elseif {[eof $chan]} {
        close $chan
    }
}

proc talk {port lines} {
    set chan [socket 127.0.0.1 $port]
    fconfigure $chan -buffering line -blocking 0
    foreach line $lines {
        puts $chan $line
    }
    # half-close: no more requests, but the answers still come back
    close $chan write
    set ::answers {}
    fileevent $chan readable [list collect $chan]
    vwait ::done
    return $::answers
}

proc collect {chan} {
    while {[gets $chan answer] >= 0} {
        lappend ::answers $answer
    }
    if {[eof $chan]} {
        close $chan
        set ::done 1
    }
}

set mode [lindex $argv 0]
set lines {hello {tclish speaks TCP} {the last line}}
switch -- $mode {
    server {
        serve [lindex $argv 1]
        puts "listening on [lindex $argv 1]"
        vwait forever
    }
    client {
        foreach answer [talk [lindex $argv 1] $lines] { puts $answer }
    }
    default {
        set server [serve 0]
        set port [lindex [fconfigure $server -sockname] 2]
        # one event loop serves both ends: vwait inside talk also runs the server
        foreach answer [talk $port $lines] { puts $answer }
        close $server
    }
}
