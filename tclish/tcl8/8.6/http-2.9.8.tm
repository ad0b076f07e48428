# tclish's http package: the client API of Tcl's http 2.9 (geturl, config,
# the state array and its accessors) written for tclish over `socket` and
# the event loop.  Every request runs asynchronously; a call to geturl
# without -command simply waits for its own request to end.
#
# Not done: connection reuse (-keepalive sends its header but every socket
# is closed after its reply), pipelining, cookies.  https needs a `tls`
# package, registered with `http::register https 443 ::tls::socket`.

package require Tcl 8.6-
package provide http 2.9.8

namespace eval ::http {
    # the options of http::config
    variable http
    array set http {
	-accept */*
	-pipeline 1
	-postfresh 0
	-proxyhost {}
	-proxyport {}
	-proxyfilter http::ProxyRequired
	-repost 0
	-urlencoding utf-8
	-zip 1
    }
    # a safe interpreter is not told the host's system: Tcl then names
    # Windows, and so does tclish
    if {[info exists ::tcl_platform(os)]
	    && [info exists ::tcl_platform(platform)]} {
	set system "[string totitle $::tcl_platform(platform)]; U;\
		$::tcl_platform(os) $::tcl_platform(osVersion)"
    } else {
	set system "Windows; U; Windows NT 10.0"
    }
    set http(-useragent) "Mozilla/5.0 ($system) http/2.9.8 Tcl/[info patchlevel]"
    unset system

    # the charset of a text body whose Content-Type names none
    variable defaultCharset iso8859-1

    # scheme -> {default-port socket-command}
    variable urlTypes
    array set urlTypes {http {80 ::socket}}

    # the counter behind the tokens ::http::1, ::http::2 ...
    variable tokenCount
    if {![info exists tokenCount]} {
	set tokenCount 0
    }

    # byte -> its form in a URL query: unreserved characters stay
    variable formMap {}
    for {set i 0} {$i < 256} {incr i} {
	set c [format %c $i]
	if {$c ne "\n" && ![string match {[-._~a-zA-Z0-9]} $c]} {
	    lappend formMap $c [format %%%02X $i]
	}
    }
    # a bare newline goes on the wire as CR LF (HTML forms do the same)
    lappend formMap \n %0D%0A
    unset i c

    # the options of geturl, with the check each value must pass
    variable optionTypes {
	-binary boolean -blocksize integer -channel {} -command {}
	-handler {} -headers {} -keepalive {} -method {} -myaddr {}
	-progress {} -protocol {} -query {} -queryblocksize integer
	-querychannel {} -queryprogress {} -strict boolean -timeout integer
	-type {} -validate boolean
    }

    namespace export geturl config reset wait formatQuery quoteString \
	register unregister status data code ncode meta size error cleanup
}

# Logging hook: applications redefine it to trace the package.
proc ::http::Log {args} {}

proc ::http::register {proto port command} {
    variable urlTypes
    set urlTypes([string tolower $proto]) [list $port $command]
}

proc ::http::unregister {proto} {
    variable urlTypes
    set lower [string tolower $proto]
    if {![info exists urlTypes($lower)]} {
	return -code error "unsupported url type \"$proto\""
    }
    set old $urlTypes($lower)
    unset urlTypes($lower)
    return $old
}

proc ::http::config {args} {
    variable http
    set names [lsort [array names http -*]]
    if {[llength $args] == 0} {
	set result {}
	foreach name $names {
	    lappend result $name $http($name)
	}
	return $result
    }
    foreach {name value} $args {
	if {$name ni $names} {
	    return -code error \
		"Unknown option $name, must be: [join $names {, }]"
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

# The default -proxyfilter: every host goes through -proxyhost when one is
# configured (port 8080 unless told).
proc ::http::ProxyRequired {host} {
    variable http
    if {$http(-proxyhost) eq ""} {
	return
    }
    if {$http(-proxyport) eq ""} {
	set http(-proxyport) 8080
    }
    return [list $http(-proxyhost) $http(-proxyport)]
}

# ---------------------------------------------------------------- geturl

proc ::http::geturl {url args} {
    variable http
    variable urlTypes
    variable defaultCharset
    variable tokenCount
    variable optionTypes

    set token [namespace current]::[incr tokenCount]
    upvar #0 $token state
    array unset state
    array set state {
	-binary false -blocksize 8192 -headers {} -keepalive 0
	-protocol 1.1 -queryblocksize 8192 -queryprogress {} -strict 1
	-timeout 0 -type application/x-www-form-urlencoded -validate 0
	binary 0 body {} coding {} connection keep-alive currentsize 0
	http {} meta {} querylength 0 queryoffset 0 state connecting
	status {} totalsize 0 type text/html
    }
    set state(-pipeline) $http(-pipeline)
    set state(charset) $defaultCharset
    set state(accept-types) $http(-accept)
    set state(url) $url

    if {[catch {ParseOptions $token $args} msg]} {
	unset state
	return -code error $msg
    }
    if {[catch {ParseUrl $token $url} msg]} {
	unset state
	return -code error $msg
    }
    set state(binary) [expr {!!$state(-binary)}]

    # the request body, as bytes
    set isQuery [expr {[info exists state(-query)]
		       || [info exists state(-querychannel)]}]
    if {[info exists state(-querychannel)]} {
	set ch $state(-querychannel)
	fconfigure $ch -translation binary
	set state(querydata) [read $ch]
    } elseif {[info exists state(-query)]} {
	set state(querydata) [ToBytes $state(-query)]
    }
    if {$isQuery} {
	set state(querylength) [string length $state(querydata)]
    }
    if {[info exists state(-method)]} {
	set state(method) [string toupper $state(-method)]
    } elseif {$state(-validate)} {
	set state(method) HEAD
    } elseif {$isQuery} {
	set state(method) POST
    } else {
	set state(method) GET
    }

    # the proxy, when the filter names one, is what we connect to
    set target [list $state(host) $state(port)]
    set state(proxied) 0
    if {![catch {uplevel #0 $http(-proxyfilter) [list $state(host)]} proxy]
	    && [llength $proxy] == 2} {
	set target $proxy
	set state(proxied) 1
    }
    set state(socketinfo) [join $target :]

    set command [lindex $urlTypes($state(scheme)) 1]
    set opts [list -async]
    if {[info exists state(-myaddr)]} {
	lappend opts -myaddr $state(-myaddr)
    }
    if {[catch {uplevel #0 $command $opts $target} sock opts]} {
	# a host name that does not resolve fails here, before any event
	set state(sock) NONE
	Finish $token $sock 1
	cleanup $token
	dict unset opts -level
	return -options $opts $sock
    }
    set state(sock) $sock
    Log "geturl $token $state(method) $url on $sock"
    if {$state(-timeout) > 0} {
	set state(after) [after $state(-timeout) [list http::reset $token timeout]]
    }
    fileevent $sock writable [list http::Connected $token]

    if {![info exists state(-command)]} {
	# a synchronous request: run the event loop until it ends
	wait $token
	if {![info exists state]} {
	    return $token
	}
	if {$state(status) eq "error"} {
	    set message [lindex $state(error) 0]
	    cleanup $token
	    return -code error $message
	}
    }
    return $token
}

proc ::http::ParseOptions {token options} {
    variable optionTypes
    upvar #0 $token state
    set names [lsort [dict keys $optionTypes]]
    foreach {flag value} $options {
	if {![dict exists $optionTypes $flag]} {
	    return -code error \
		"Unknown option $flag, can be: [join $names {, }]"
	}
	set type [dict get $optionTypes $flag]
	if {$type ne "" && ![string is $type -strict $value]} {
	    return -code error "Bad value for $flag ($value), must be $type"
	}
	set state($flag) $value
    }
    if {[llength $state(-headers)] % 2} {
	return -code error "Bad value for -headers ($state(-headers)),\
		number of list elements must be even"
    }
    if {![string is boolean -strict $state(-keepalive)]} {
	return -code error "expected boolean value but got \"$state(-keepalive)\""
    }
}

# Split a URL into state(scheme host port path user), checking its parts.
proc ::http::ParseUrl {token url} {
    variable urlTypes
    upvar #0 $token state
    set pattern {^(?:([[:alpha:]][-+.[:alnum:]]*)://)?(?:([^@/?#]*)@)?(\[[^\]/]*\]|[^:/?#]*)(?::([^/?#]*))?([/?].*|)$}
    if {![regexp -- $pattern $url -> scheme user host port path]
	    || $host eq ""} {
	return -code error "Missing host part: $url"
    }
    set scheme [string tolower [expr {$scheme eq "" ? "http" : $scheme}]]
    if {![info exists urlTypes($scheme)]} {
	return -code error "Unsupported URL type \"$scheme\""
    }
    set default [lindex $urlTypes($scheme) 0]
    if {$port eq ""} {
	set port $default
    } elseif {![string is digit -strict $port]} {
	return -code error "Missing host part: $url"
    } elseif {$port < 1 || $port > 65535} {
	return -code error "Invalid port number: $port"
    }
    # the fragment never goes to the server
    regsub {#.*} $path {} path
    regsub {#.*} $url {} state(url)
    if {$path eq ""} {
	set path /
    } elseif {[string index $path 0] eq "?"} {
	set path /$path
    }
    set allowed {[-a-zA-Z0-9.~_!$&'()*+,;=:@/?%]}
    if {$user ne "" && $state(-strict)
	    && ![regexp "^${allowed}*\$" $user]} {
	return -code error "Illegal characters in URL user"
    }
    if {![regexp "^${allowed}*\$" $path]} {
	if {$state(-strict)} {
	    return -code error "Illegal characters in URL path"
	}
	# a lax URL: quote whatever may not stand in a path
	set quoted ""
	foreach c [split $path ""] {
	    if {[regexp $allowed $c]} {
		append quoted $c
	    } else {
		foreach byte [split [encoding convertto utf-8 $c] ""] {
		    append quoted [format %%%02X [scan $byte %c]]
		}
	    }
	}
	set path $quoted
    }
    set host [string trim $host {[]}]
    set state(scheme) $scheme
    set state(host) $host
    set state(port) $port
    set state(path) [lindex [split $path ?] 0]
    set state(fullpath) $path
    set state(hostheader) [expr {$port == $default ? $host : "$host:$port"}]
    if {[string match *:* $host]} {
	set state(hostheader) [expr {$port == $default ? "\[$host\]" : "\[$host\]:$port"}]
    }
}

# A string as the bytes to send: Tcl sends a byte string as it is; text
# with characters beyond one byte goes as UTF-8 rather than truncated.
proc ::http::ToBytes {string} {
    if {[regexp {[^\u0000-\u00ff]} $string]} {
	return [encoding convertto utf-8 $string]
    }
    return $string
}

# The socket is connected (or has failed to): send the request.
proc ::http::Connected {token} {
    variable http
    upvar #0 $token state
    set sock $state(sock)
    fileevent $sock writable {}
    if {[catch {fconfigure $sock -error} problem]} {
	set problem "connection lost"
    }
    if {$problem ne ""} {
	Finish $token "connect failed $problem"
	return
    }
    set given {}
    foreach {name value} $state(-headers) {
	lappend given [string tolower $name]
    }
    set lines {}
    set target $state(fullpath)
    if {$state(proxied)} {
	set target $state(scheme)://$state(hostheader)$state(fullpath)
    }
    lappend lines "$state(method) $target HTTP/$state(-protocol)"
    if {"host" ni $given} {
	lappend lines "Host: $state(hostheader)"
    }
    if {"user-agent" ni $given} {
	lappend lines "User-Agent: $http(-useragent)"
    }
    if {"connection" ni $given} {
	lappend lines "Connection: [expr {$state(-keepalive) ? "keep-alive" : "close"}]"
    }
    foreach {name value} $state(-headers) {
	# a header value may not break the request into more lines
	lappend lines "$name: [string map {\n "" \r ""} $value]"
    }
    if {"accept" ni $given} {
	lappend lines "Accept: $state(accept-types)"
    }
    if {$http(-zip) && "accept-encoding" ni $given
	    && [llength [info commands ::zlib]]} {
	lappend lines "Accept-Encoding: gzip,deflate"
    }
    if {[info exists state(querydata)]} {
	if {"content-type" ni $given} {
	    lappend lines "Content-Type: $state(-type)"
	}
	if {"content-length" ni $given} {
	    lappend lines "Content-Length: $state(querylength)"
	}
    }
    set head [ToBytes "[join $lines \r\n]\r\n\r\n"]
    if {[catch {
	# non-blocking: a server that does not read cannot stop the event
	# loop (or -timeout); the channel flushes in the background
	fconfigure $sock -translation binary -blocking 0 -buffering full
	puts -nonewline $sock $head
	flush $sock
    } problem]} {
	Finish $token $problem
	return
    }
    if {[info exists state(querydata)] && $state(querylength) > 0} {
	fileevent $sock writable [list http::WriteQuery $token]
    } else {
	StartReading $token
    }
}

# Send the next block of the request body.
proc ::http::WriteQuery {token} {
    upvar #0 $token state
    set sock $state(sock)
    set from $state(queryoffset)
    set block [string range $state(querydata) $from \
		   [expr {$from + $state(-queryblocksize) - 1}]]
    if {[catch {puts -nonewline $sock $block; flush $sock} problem]} {
	Finish $token $problem
	return
    }
    incr state(queryoffset) [string length $block]
    if {$state(-queryprogress) ne ""} {
	uplevel #0 $state(-queryprogress) \
	    [list $token $state(querylength) $state(queryoffset)]
    }
    if {$state(queryoffset) >= $state(querylength)} {
	fileevent $sock writable {}
	StartReading $token
    }
}

proc ::http::StartReading {token} {
    upvar #0 $token state
    fileevent $state(sock) readable [list http::Event $token]
}

# ---------------------------------------------------------------- reply

# Data (or the end) has arrived: read all that can be read now.
proc ::http::Event {token} {
    upvar #0 $token state
    if {![info exists state(sock)]} {
	return
    }
    if {$state(state) eq "connecting"} {
	set state(state) header
    }
    if {[catch {
	while {[info exists state(state)] && $state(state) ne "complete"} {
	    if {$state(state) eq "header"} {
		set more [ReadHeaderLine $token]
	    } else {
		set more [ReadBody $token]
	    }
	    if {!$more} {
		break
	    }
	}
    } problem]} {
	Finish $token $problem
    }
}

# Read one header line; 0 when no whole line is there yet.
proc ::http::ReadHeaderLine {token} {
    upvar #0 $token state
    set sock $state(sock)
    if {[gets $sock line] < 0} {
	if {[eof $sock]} {
	    # closed before a complete header: nothing usable came
	    set state(status) eof
	    Finish $token
	}
	return 0
    }
    set line [string trimright $line \r]
    if {$state(http) eq ""} {
	set state(http) $line
	return 1
    }
    if {$line ne ""} {
	if {[regexp {^([^:]+):[ \t]*(.*?)[ \t]*$} $line -> name value]} {
	    lappend state(meta) $name $value
	    HeaderSeen $token [string tolower $name] $value
	}
	return 1
    }
    # the blank line: the header is complete
    set code [ncode $token]
    if {[string match 1?? $code]} {
	# an interim reply (100 Continue): the real one follows
	set state(http) ""
	set state(meta) {}
	return 1
    }
    if {$state(method) eq "HEAD" || $code in {204 304}} {
	Done $token
	return 0
    }
    set state(state) body
    set state(chunkphase) size
    if {[info exists state(-channel)]} {
	fconfigure $state(-channel) -translation binary
    }
    if {![info exists state(transfer)] && [info exists state(contentlength)]
	    && $state(totalsize) == 0} {
	Done $token
	return 0
    }
    return 1
}

proc ::http::HeaderSeen {token name value} {
    upvar #0 $token state
    switch -- $name {
	content-type {
	    set state(type) [string trim [string tolower $value]]
	    if {[regexp -nocase {charset\s*=\s*"?([^";\s]+)} $value -> cs]} {
		set state(charset) [string tolower $cs]
	    }
	}
	content-length {
	    # a length that is no number is ignored: the body runs to the end
	    set value [string trim $value]
	    if {[string is wideinteger -strict $value] && $value >= 0} {
		set state(totalsize) $value
		set state(contentlength) 1
	    }
	}
	content-encoding {
	    set state(coding) [string trim [string tolower $value]]
	}
	transfer-encoding {
	    if {[string match -nocase *chunked* $value]} {
		set state(transfer) chunked
	    }
	}
	connection {
	    set state(connection) [string trim [string tolower $value]]
	}
    }
}

# Read a piece of the body; 0 when nothing more can be read now.
proc ::http::ReadBody {token} {
    upvar #0 $token state
    set sock $state(sock)
    if {[info exists state(-handler)]} {
	set n [uplevel #0 $state(-handler) [list $sock $token]]
	if {[string is integer -strict $n]} {
	    incr state(currentsize) $n
	}
	Progress $token
	if {[eof $sock]} {
	    Done $token
	    return 0
	}
	return [expr {$n > 0}]
    }
    if {[info exists state(transfer)]} {
	return [ReadChunked $token]
    }
    set want $state(-blocksize)
    if {[info exists state(contentlength)]} {
	set left [expr {$state(totalsize) - $state(currentsize)}]
	if {$left < $want} {
	    set want $left
	}
    }
    set block [read $sock $want]
    if {$block ne ""} {
	Deliver $token $block
    }
    if {[info exists state(contentlength)]
	    && $state(currentsize) >= $state(totalsize)} {
	Done $token
	return 0
    }
    if {[eof $sock]} {
	Done $token
	return 0
    }
    return [expr {$block ne ""}]
}

# Chunked transfer coding: size line, data, CRLF ... a zero size, trailers.
proc ::http::ReadChunked {token} {
    upvar #0 $token state
    set sock $state(sock)
    switch -- $state(chunkphase) {
	size - crlf - trailer {
	    if {[gets $sock line] < 0} {
		if {[eof $sock]} {
		    Done $token
		}
		return 0
	    }
	    set line [string trim $line]
	    if {$state(chunkphase) eq "crlf"} {
		set state(chunkphase) size
	    } elseif {$state(chunkphase) eq "trailer"} {
		if {$line eq ""} {
		    Done $token
		    return 0
		}
	    } else {
		set hex [lindex [split $line ";"] 0]
		if {![string is xdigit -strict $hex]} {
		    return -code error "malformed chunk size \"$line\""
		}
		scan $hex %x state(chunkleft)
		set state(chunkphase) \
		    [expr {$state(chunkleft) == 0 ? "trailer" : "data"}]
	    }
	    return 1
	}
	data {
	    set want $state(chunkleft)
	    if {$want > $state(-blocksize)} {
		set want $state(-blocksize)
	    }
	    set block [read $sock $want]
	    if {$block eq ""} {
		if {[eof $sock]} {
		    Done $token
		}
		return 0
	    }
	    incr state(chunkleft) -[string length $block]
	    if {$state(chunkleft) == 0} {
		set state(chunkphase) crlf
	    }
	    Deliver $token $block
	    return 1
	}
    }
}

proc ::http::Deliver {token block} {
    upvar #0 $token state
    if {[info exists state(-channel)]} {
	puts -nonewline $state(-channel) $block
    } else {
	append state(body) $block
    }
    incr state(currentsize) [string length $block]
    Progress $token
}

proc ::http::Progress {token} {
    upvar #0 $token state
    if {[info exists state(-progress)]} {
	uplevel #0 $state(-progress) \
	    [list $token $state(totalsize) $state(currentsize)]
    }
}

# The whole reply is in: undo its content coding and charset, then finish.
proc ::http::Done {token} {
    upvar #0 $token state
    set state(state) complete
    if {![info exists state(-channel)] && $state(body) ne ""} {
	switch -- $state(coding) {
	    gzip - x-gzip {
		set state(body) [zlib gunzip $state(body)]
	    }
	    deflate {
		# servers send both the zlib format and raw deflate
		if {[catch {zlib decompress $state(body)} plain]} {
		    set plain [zlib inflate $state(body)]
		}
		set state(body) $plain
	    }
	}
	if {!$state(binary) && ![IsBinaryContentType $state(type)]} {
	    set encoding [CharsetToEncoding $state(charset)]
	    if {$encoding ne "binary"} {
		set state(body) [encoding convertfrom $encoding $state(body)]
	    }
	}
    }
    set state(status) ok
    Finish $token
}

# Text types are turned into characters; everything else stays bytes.
proc ::http::IsBinaryContentType {type} {
    set type [string trim [string tolower [lindex [split $type ";"] 0]]]
    lassign [split $type /] major minor
    if {$major eq "text"} {
	return 0
    }
    if {$major eq "application" && $minor in {
	json xml xml-dtd xml-external-parsed-entity javascript ecmascript
	x-www-form-urlencoded
    }} {
	return 0
    }
    if {[string match {*+xml} $minor] || [string match {*+json} $minor]} {
	return 0
    }
    return 1
}

# A charset as named on the web -> a Tcl encoding ("binary" when unknown).
proc ::http::CharsetToEncoding {charset} {
    set charset [string tolower $charset]
    if {[regexp {^iso[-_]?8859[-_]?([0-9]+)$} $charset -> n]} {
	set encoding iso8859-$n
    } elseif {[regexp {^(?:windows|win|cp)-?([0-9]+)$} $charset -> n]} {
	set encoding cp$n
    } elseif {$charset in {us-ascii ascii}} {
	set encoding ascii
    } elseif {[regexp {^(?:iso-)?latin-?([0-9]+)$} $charset -> n]} {
	set encoding [dict get {1 iso8859-1 2 iso8859-2 3 iso8859-3 4 iso8859-4
	    5 iso8859-9 6 iso8859-10 7 iso8859-13 8 iso8859-14 9 iso8859-15
	    10 iso8859-16} $n]
    } elseif {$charset in {utf8 utf-8}} {
	set encoding utf-8
    } else {
	set encoding $charset
    }
    if {$encoding in [encoding names]} {
	return $encoding
    }
    return binary
}

# The request has ended, well or badly: close its socket and timer, note
# an error, and call -command once.
proc ::http::Finish {token {message ""} {skipCommand 0}} {
    upvar #0 $token state
    global errorInfo errorCode
    if {$message ne ""} {
	set state(error) [list $message $errorInfo $errorCode]
	set state(status) error
    }
    CloseSocket $token
    if {[info exists state(after)]} {
	after cancel $state(after)
	unset state(after)
    }
    if {[info exists state(-command)] && !$skipCommand
	    && ![info exists state(done-command-cb)]} {
	set state(done-command-cb) yes
	if {[catch {uplevel #0 $state(-command) [list $token]} problem]
		&& $message eq ""} {
	    set state(error) [list $problem $errorInfo $errorCode]
	    set state(status) error
	}
    }
}

proc ::http::CloseSocket {token} {
    upvar #0 $token state
    if {[info exists state(sock)] && $state(sock) ne "NONE"
	    && $state(sock) in [chan names]} {
	catch {fileevent $state(sock) readable {}}
	catch {fileevent $state(sock) writable {}}
	catch {close $state(sock)}
    }
}

# ---------------------------------------------------------------- accessors

proc ::http::reset {token {why reset}} {
    upvar #0 $token state
    set state(status) $why
    Finish $token
    return
}

proc ::http::wait {token} {
    upvar #0 $token state
    if {![array exists state]} {
	return error
    }
    if {![info exists state(status)] || $state(status) eq ""} {
	# wait on the variable's own name: the upvar alias is not traced
	vwait ${token}(status)
    }
    return [status $token]
}

proc ::http::status {token} {
    upvar #0 $token state
    if {![array exists state]} {
	return error
    }
    return $state(status)
}

proc ::http::data {token} {
    upvar #0 $token state
    return $state(body)
}

proc ::http::code {token} {
    upvar #0 $token state
    return $state(http)
}

proc ::http::ncode {token} {
    upvar #0 $token state
    if {[regexp {[0-9]{3}} $state(http) numeric]} {
	return $numeric
    }
    return $state(http)
}

proc ::http::meta {token} {
    upvar #0 $token state
    return $state(meta)
}

proc ::http::size {token} {
    upvar #0 $token state
    return $state(currentsize)
}

proc ::http::error {token} {
    upvar #0 $token state
    if {[info exists state(error)]} {
	return $state(error)
    }
    return
}

proc ::http::cleanup {token} {
    upvar #0 $token state
    if {[array exists state]} {
	CloseSocket $token
	if {[info exists state(after)]} {
	    after cancel $state(after)
	}
	unset state
    }
    return
}

# ---------------------------------------------------------------- queries

proc ::http::formatQuery {args} {
    if {[llength $args] % 2} {
	return -code error \
	    "Incorrect number of arguments, must be an even number."
    }
    set pairs {}
    foreach {key value} $args {
	lappend pairs "[quoteString $key]=[quoteString $value]"
    }
    return [join $pairs &]
}

proc ::http::quoteString {string} {
    variable http
    variable formMap
    string map $formMap [encoding convertto $http(-urlencoding) $string]
}

# the name older scripts use
interp alias {} ::http::mapReply {} ::http::quoteString
