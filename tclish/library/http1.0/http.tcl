# http 1.0: the first Tcl http client API (http_get, http_config, ...), for
# scripts written against it.  Its requests are HTTP/1.0 and its replies are
# read to the end of the connection.  Tokens are global arrays http#N.

package provide http 1.0

array set http {
    -accept */*
    -proxyhost {}
    -proxyport {}
    -proxyfilter httpProxyRequired
    -useragent {Tcl http client package 1.0}
}
if {![info exists http(uid)]} {
    set http(uid) 0
}

proc http_config {args} {
    global http
    set names [lsort [array names http -*]]
    set usage [join $names ", "]
    if {[llength $args] == 0} {
	set result {}
	foreach name $names {
	    lappend result $name $http($name)
	}
	return $result
    }
    foreach {name value} $args {
	if {$name ni $names} {
	    return -code error "Unknown option $name, must be: $usage"
	}
    }
    if {[llength $args] == 1} {
	return $http([lindex $args 0])
    }
    foreach {name value} $args {
	set http($name) $value
    }
    return
}

proc httpProxyRequired {host} {
    global http
    if {$http(-proxyhost) eq ""} {
	return {}
    }
    if {$http(-proxyport) eq ""} {
	set http(-proxyport) 8080
    }
    return [list $http(-proxyhost) $http(-proxyport)]
}

proc http_get {url args} {
    global http
    set token http#[incr http(uid)]
    upvar #0 $token state
    array unset state
    array set state {
	-blocksize 8192 -validate 0 -headers {} -timeout 0
	state header meta {} currentsize 0 totalsize 0 type text/html
	body {} status {} http {}
    }
    set options {-blocksize -channel -command -handler -headers -progress
	-query -validate -timeout}
    foreach {flag value} $args {
	if {$flag ni $options} {
	    return -code error "Unknown option $flag, can be: [join $options {, }]"
	}
	if {$flag in {-blocksize -timeout} && ![regexp {^[0-9]+$} $value]} {
	    return -code error "Bad value for $flag ($value), must be integer"
	}
	set state($flag) $value
    }
    if {![regexp -nocase {^(?:http://)?([^/:]+)(?::([0-9]+))?(/.*)?$} $url \
	      -> host port path]} {
	return -code error "Unsupported URL: $url"
    }
    if {$port eq ""} {
	set port 80
    }
    if {$path eq ""} {
	set path /
    }
    if {![string match -nocase http://* $url]} {
	set url http://$url
    }
    set state(url) $url
    set target [list $host $port]
    set proxy [uplevel #0 $http(-proxyfilter) [list $host]]
    if {[llength $proxy] == 2} {
	set target $proxy
	set path $url
    }
    set sock [socket {*}$target]
    set state(sock) $sock
    if {$state(-timeout) > 0} {
	set state(after) [after $state(-timeout) [list http_reset $token timeout]]
    }
    set method [expr {$state(-validate) ? "HEAD"
		      : [info exists state(-query)] ? "POST" : "GET"}]
    fconfigure $sock -translation {auto crlf} -buffering full
    puts $sock "$method $path HTTP/1.0"
    puts $sock "Accept: $http(-accept)"
    puts $sock "Host: $host"
    puts $sock "User-Agent: $http(-useragent)"
    foreach {name value} $state(-headers) {
	puts $sock "$name: [string map {\n "" \r ""} $value]"
    }
    if {[info exists state(-query)]} {
	puts $sock "Content-Length: [string length $state(-query)]"
	puts $sock "Content-Type: application/x-www-form-urlencoded"
	puts $sock ""
	fconfigure $sock -translation {auto binary}
	puts -nonewline $sock $state(-query)
    } else {
	puts $sock ""
    }
    flush $sock
    fconfigure $sock -blocking 0
    fileevent $sock readable [list httpEvent $token]
    if {![info exists state(-command)]} {
	http_wait $token
    }
    return $token
}

proc httpEvent {token} {
    upvar #0 $token state
    set sock $state(sock)
    if {$state(state) eq "header"} {
	while {[gets $sock line] >= 0} {
	    if {$line eq ""} {
		set state(state) body
		if {$state(-validate)} {
		    httpEof $token
		    return
		}
		fconfigure $sock -translation binary
		break
	    }
	    if {$state(http) eq ""} {
		set state(http) $line
	    } elseif {[regexp {^([^:]+):[ \t]*(.*)$} $line -> name value]} {
		lappend state(meta) $name $value
		switch -- [string tolower $name] {
		    content-type {set state(type) $value}
		    content-length {set state(totalsize) [string trim $value]}
		}
	    }
	}
	if {$state(state) eq "header"} {
	    if {[eof $sock]} {
		httpEof $token
	    }
	    return
	}
    }
    if {[info exists state(-handler)]} {
	set n [uplevel #0 $state(-handler) [list $sock $token]]
	if {[string is integer -strict $n]} {
	    incr state(currentsize) $n
	}
    } else {
	set block [read $sock $state(-blocksize)]
	if {[info exists state(-channel)]} {
	    puts -nonewline $state(-channel) $block
	} else {
	    append state(body) $block
	}
	incr state(currentsize) [string length $block]
    }
    if {[info exists state(-progress)]} {
	uplevel #0 $state(-progress) \
	    [list $token $state(totalsize) $state(currentsize)]
    }
    if {[eof $sock]} {
	httpEof $token
    }
}

proc httpEof {token} {
    upvar #0 $token state
    set state(status) [expr {$state(state) eq "header" ? "eof" : "ok"}]
    set state(state) eof
    httpFinish $token
}

proc httpFinish {token {message ""}} {
    upvar #0 $token state
    global errorInfo errorCode
    if {$message ne ""} {
	set state(error) [list $message $errorInfo $errorCode]
	set state(status) error
    }
    if {[info exists state(sock)]} {
	catch {close $state(sock)}
    }
    if {[info exists state(after)]} {
	after cancel $state(after)
	unset state(after)
    }
    if {[info exists state(-command)] && ![info exists state(done)]} {
	set state(done) 1
	if {[catch {uplevel #0 $state(-command) [list $token]} problem]
		&& $message eq ""} {
	    set state(error) [list $problem $errorInfo $errorCode]
	    set state(status) error
	}
    }
}

proc http_reset {token {why reset}} {
    upvar #0 $token state
    set state(status) $why
    if {[info exists state(sock)]} {
	catch {fileevent $state(sock) readable {}}
    }
    httpFinish $token
    if {[info exists state(error)]} {
	set problem $state(error)
	unset state(error)
	return -code error -errorinfo [lindex $problem 1] \
	    -errorcode [lindex $problem 2] [lindex $problem 0]
    }
}

proc http_wait {token} {
    upvar #0 $token state
    if {![info exists state(status)] || $state(status) eq ""} {
	vwait ${token}(status)
    }
    if {[info exists state(error)]} {
	set problem $state(error)
	unset state(error)
	return -code error -errorinfo [lindex $problem 1] \
	    -errorcode [lindex $problem 2] [lindex $problem 0]
    }
    return $state(status)
}

proc http_data {token} {
    upvar #0 $token state
    return $state(body)
}

proc http_status {token} {
    upvar #0 $token state
    return $state(status)
}

proc http_code {token} {
    upvar #0 $token state
    return $state(http)
}

proc http_size {token} {
    upvar #0 $token state
    return $state(currentsize)
}

# Name=value pairs as a form query: letters and digits stay, spaces become
# +, newlines CR LF, everything else %XX of its low byte (as in 1.0).
proc http_formatQuery {args} {
    set pairs {}
    foreach {key value} $args {
	lappend pairs "[httpMapReply $key]=[httpMapReply $value]"
    }
    return [join $pairs &]
}

proc httpMapReply {string} {
    set quoted ""
    foreach c [split [string map {\n \r\n} $string] ""] {
	if {[string match {[a-zA-Z0-9]} $c]} {
	    append quoted $c
	} elseif {$c eq " "} {
	    append quoted +
	} else {
	    append quoted [format %%%.2x [expr {[scan $c %c] & 0xff}]]
	}
    }
    return $quoted
}
