# tclish::remote -- call tclish's torch:: commands from any tclsh (8.5 or 8.6).
#
# Pure Tcl, no compiled code.  A tclish server process (python -m tclish.remote)
# holds the tensors and modules; this package sends it each torch:: command over
# a pipe or a local socket and returns its result.  Handles are names of objects
# in the server: they stay alive there until released.
#
#   package require tclish::remote
#   tclish::remote::start ?-python python3?     ;# a server on a pipe, just for us
#   tclish::remote::connect host port          ;# or a running server's socket
#   set t [torch::ones {2 3}]                  ;# every torch:: command is forwarded
#   tclish::remote::release $t                 ;# let the server free it
#   tclish::remote::scope {script}             ;# release what the script made
#   tclish::remote::send {any Tcl}             ;# run Tcl in the server
#   tclish::remote::stop                       ;# end the connection (frees all)
#
# Wire format (tclish/remote/protocol.py): frames of "<byte length>\n<UTF-8>";
# a request is a Tcl list (command and arguments), a reply the list
# {code result errorInfo errorCode printedOutput}.

package require Tcl 8.5

namespace eval ::tclish::remote {
    variable chan ""
    variable made {}
    variable tracking 0
}

proc ::tclish::remote::start {args} {
    set python python3
    foreach {option value} $args {
        switch -- $option {
            -python {set python $value}
            default {return -code error "bad option \"$option\": must be -python"}
        }
    }
    Open [open |[list $python -m tclish.remote serve --stdio 2>@stderr] r+]
}

proc ::tclish::remote::connect {host port} {
    Open [socket $host $port]
}

proc ::tclish::remote::Open {channel} {
    variable chan
    if {$chan ne ""} {
        catch {close $channel}
        return -code error "already connected to a tclish server"
    }
    fconfigure $channel -translation binary -buffering full
    set chan $channel
    namespace eval ::torch {}
    foreach name [call ::tclish::remote::commands] {
        proc $name args "::tclish::remote::Forward [list $name] \$args"
    }
    return $channel
}

proc ::tclish::remote::stop {} {
    variable chan
    if {$chan ne ""} {
        catch {close $chan}
        set chan ""
    }
    return
}

# Forward one torch:: command; remember the handles it made while a scope runs.
proc ::tclish::remote::Forward {name arguments} {
    variable tracking
    set result [call $name {*}$arguments]
    if {$tracking} {
        variable made
        foreach word $result {
            if {[regexp {^[a-z_]+[0-9]+$} $word]} {lappend made $word}
        }
    }
    return $result
}

proc ::tclish::remote::call {args} {
    variable chan
    if {$chan eq ""} {
        return -code error -errorcode {TCLISH REMOTE CLOSED} \
            "not connected to a tclish server: use tclish::remote::start"
    }
    set data [encoding convertto utf-8 $args]
    if {[catch {
        puts -nonewline $chan "[string length $data]\n$data"
        flush $chan
    } message]} {
        Lost $message
    }
    if {[catch {gets $chan header} n] || $n < 0} {
        Lost "it closed the connection"
    }
    if {![string is digit -strict [set header [string trim $header]]]} {
        Lost "bad reply header \"[string range $header 0 20]\""
    }
    set payload [read $chan $header]
    if {[string length $payload] != $header} {
        Lost "it closed the connection inside a reply"
    }
    foreach {code result info errorcode output} [encoding convertfrom utf-8 $payload] break
    if {$output ne ""} {
        puts -nonewline $output
        flush stdout
    }
    if {$code} {
        return -code error -errorcode $errorcode -errorinfo $info $result
    }
    return $result
}

proc ::tclish::remote::Lost {why} {
    variable chan
    catch {close $chan}
    set chan ""
    return -code error -level 2 -errorcode {TCLISH REMOTE LOST} "lost the tclish server: $why"
}

proc ::tclish::remote::release {args} {
    call ::tclish::remote::release {*}$args
}

proc ::tclish::remote::send {script} {
    call ::tclish::remote::eval $script
}

# Run a script; afterwards release every handle torch:: commands made in it,
# except those in the script's result.
proc ::tclish::remote::scope {script} {
    variable made
    variable tracking
    set saved [list $made $tracking]
    set made {}
    set tracking 1
    set code [catch {uplevel 1 $script} result options]
    set keep $result
    set drop {}
    foreach name $made {
        if {[lsearch -exact $keep $name] < 0} {lappend drop $name}
    }
    foreach {made tracking} $saved break
    if {[llength $drop]} {catch {release {*}$drop}}
    if {$tracking} {
        # an enclosing scope still owns what we kept
        foreach name $keep {lappend made $name}
    }
    dict incr options -level
    return -options $options $result
}

package provide tclish::remote 0.1
