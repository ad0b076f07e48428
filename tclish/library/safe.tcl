# The Safe Base: ::safe::interpCreate and friends.
#
# A Safe Base interpreter is a safe interpreter (interp create -safe) given
# back, as aliases to the checking procedures below, what untrusted code may
# use of the hidden commands: `source` and `load` of files inside its access
# path, `glob` inside it, the path-only `file` subcommands, `encoding`
# without `encoding system NAME`, and an `exit` that deletes it.  The child
# never sees a real directory: its auto_path, tcl_library and module path
# hold tokens $p(:N:) that stand for the N-th directory of the access path.
#
# The state of child C lives in the array ::safe::S<C> (the element names
# are the ones Tcl's tests read: access_path, access_path,map ...), so that
# [info vars ::safe::S*] shows which children are managed.

namespace eval ::safe {
    variable Log {}
    namespace export interpCreate interpInit interpConfigure interpDelete \
	interpAddToAccessPath interpFindInAccessPath setLogCmd

    # the options of interpCreate, interpInit and interpConfigure:
    # flag type default help
    variable Options {
	-accessPath   list     ()      {access path for the slave}
	-noStatics    boolflag (false) {prevent loading of statically linked pkgs}
	-statics      boolean  (true)  {loading of statically linked pkgs}
	-nestedLoadOk boolflag (false) {allow nested loading}
	-nested       boolean  (false) {nested loading}
	-deleteHook   script   ()      {delete hook}
    }
}

# ---- argument parsing, with the usage texts of Tcl's opt package ----------

proc ::safe::UsageLine {name type value help} {
    format "    %-13s %-8s %-7s %s" $name $type $value $help
}

proc ::safe::Usage {childOptional} {
    variable Options
    set lines [list "    Var/FlagName  Type     Value   Help" \
		   "    ------------  ----     -----   ----" \
		   "    [format %-31s {(-help}]gives this help)"]
    if {$childOptional} {
	lappend lines [UsageLine ?slave? name () "name of the slave (optional)"]
    } else {
	lappend lines [UsageLine slave name () "name of the slave"]
    }
    foreach {flag type value help} $Options {
	lappend lines [UsageLine $flag $type $value $help]
    }
    join $lines \n
}

proc ::safe::FlagLines {} {
    variable Options
    set lines {}
    foreach {flag type value help} $Options {
	lappend lines [UsageLine $flag $type $value $help]
    }
    join $lines \n
}

# The one flag `word` names (a unique prefix, any case); "" when none.
proc ::safe::MatchFlag {word} {
    variable Options
    set found {}
    foreach {flag type value help} $Options {
	if {[string equal -nocase $flag $word]} {
	    return $flag
	}
	if {[string length $word] > 1
		&& [string equal -nocase -length [string length $word] $flag $word]} {
	    lappend found $flag
	}
    }
    if {[llength $found] == 1} {
	return [lindex $found 0]
    }
    return ""
}

proc ::safe::FlagSpec {flag} {
    variable Options
    set i [lsearch -exact $Options $flag]
    lrange $Options $i [expr {$i + 3}]
}

# Parse "?child? ?-flag value ...?" into a dict: child, and each flag given
# (boolflags as 1).  `childOptional` as for interpCreate.
proc ::safe::ParseArgs {args childOptional} {
    set result {}
    set usage [Usage $childOptional]
    set slaveLine "    slave name () name of the slave"
    if {[lindex $args 0] eq "-help" || [lindex $args 1] eq "-help"} {
	return -code error "Usage information:\n$usage"
    }
    if {[llength $args] && ![string match -* [lindex $args 0]]} {
	dict set result child [lindex $args 0]
	set args [lrange $args 1 end]
    } elseif {!$childOptional} {
	if {[llength $args]} {
	    return -code error "bad value \"[lindex $args 0]\" for parameter\n$slaveLine"
	}
	return -code error "no value given for parameter \"slave\" (use -help for full usage) :\n$slaveLine"
    } else {
	dict set result child ""
    }
    while {[llength $args]} {
	set word [lindex $args 0]
	if {![string match -* $word]} {
	    return -code error "too many arguments (unexpected argument(s): $args), usage:\n$usage"
	}
	set flag [MatchFlag $word]
	if {$flag eq ""} {
	    return -code error "bad flag \"$word\", must be one of\n[FlagLines]"
	}
	lassign [FlagSpec $flag] - type value help
	if {$type eq "boolflag"} {
	    dict set result $flag 1
	    set args [lrange $args 1 end]
	    continue
	}
	if {[llength $args] < 2} {
	    return -code error "no value given for parameter \"$flag\" (use -help for full usage) :\n    $flag $type $value $help"
	}
	set v [lindex $args 1]
	if {($type eq "boolean" && ![string is boolean -strict $v])
		|| ($type eq "list" && ![string is list $v])} {
	    return -code error "bad value \"$v\" for parameter\n    $flag $type $value $help"
	}
	dict set result $flag $v
	set args [lrange $args 2 end]
    }
    return $result
}

# -statics and -noStatics (or -nested and -nestedLoadOk) given together
# must agree.
proc ::safe::Combine {opts plain flag default} {
    if {[dict exists $opts $flag]} {
	if {[dict exists $opts $plain] && [string is true [dict get $opts $plain]]
		== ($flag eq "-noStatics")} {
	    return -code error "conflicting values given for $plain and $flag"
	}
	return [expr {$flag eq "-noStatics" ? 0 : 1}]
    }
    if {[dict exists $opts $plain]} {
	return [expr {[string is true [dict get $opts $plain]] ? 1 : 0}]
    }
    return $default
}

proc ::safe::Statics {opts {default 1}} {
    Combine $opts -statics -noStatics $default
}

proc ::safe::Nested {opts {default 0}} {
    Combine $opts -nested -nestedLoadOk $default
}

proc ::safe::Get {opts flag default} {
    if {[dict exists $opts $flag]} {
	return [dict get $opts $flag]
    }
    return $default
}

# ---- the public commands --------------------------------------------------

proc ::safe::interpCreate {args} {
    set opts [ParseArgs $args 1]
    set child [dict get $opts child]
    set statics [Statics $opts]
    set nested [Nested $opts]
    if {$child eq ""} {
	set child [::interp create -safe]
    } else {
	::interp create -safe -- $child
    }
    Log $child "Created" NOTICE
    InterpInit $child [Get $opts -accessPath {}] $statics $nested [Get $opts -deleteHook {}]
}

proc ::safe::interpInit {args} {
    set opts [ParseArgs $args 0]
    set child [dict get $opts child]
    if {![::interp exists $child]} {
	return -code error "\"$child\" is not an interpreter"
    }
    InterpInit $child [Get $opts -accessPath {}] [Statics $opts] [Nested $opts] \
	[Get $opts -deleteHook {}]
}

proc ::safe::interpConfigure {args} {
    if {[llength $args] == 1} {
	set opts [ParseArgs $args 0]
	set child [dict get $opts child]
	CheckInterp $child
	namespace upvar ::safe [VarName $child] state
	return [list -accessPath $state(access_path) -statics $state(staticsok) \
		    -nested $state(nestedok) -deleteHook $state(cleanupHook)]
    }
    if {[llength $args] == 2 && [lindex $args 1] ne "-help"
	    && ![string match -* [lindex $args 0]]} {
	set child [lindex $args 0]
	CheckInterp $child
	namespace upvar ::safe [VarName $child] state
	set word [lindex $args 1]
	set flag [MatchFlag $word]
	switch -- $flag {
	    -accessPath {return [list -accessPath $state(access_path)]}
	    -statics {return [list -statics $state(staticsok)]}
	    -nested {return [list -nested $state(nestedok)]}
	    -deleteHook {return [list -deleteHook $state(cleanupHook)]}
	    -noStatics {
		return -code error "ambigous query (get or set -noStatics ?) use -statics instead"
	    }
	    -nestedLoadOk {
		return -code error "ambigous query (get or set -nestedLoadOk ?) use -nested instead"
	    }
	    default {
		return -code error "bad flag \"$word\", must be one of\n[FlagLines]"
	    }
	}
    }
    set opts [ParseArgs $args 0]
    set child [dict get $opts child]
    CheckInterp $child
    namespace upvar ::safe [VarName $child] state
    set reset [dict exists $opts -accessPath]
    set path [Get $opts -accessPath $state(access_path)]
    set statics [Statics $opts $state(staticsok)]
    set nested [Nested $opts $state(nestedok)]
    set hook [Get $opts -deleteHook $state(cleanupHook)]
    InterpSetConfig $child $path $statics $nested $hook
    if {$reset} {
	# forget what the old tokens loaded, so that nothing stale is found
	if {[catch {::interp eval $child {auto_reset}} msg]} {
	    Log $child "auto_reset failed: $msg"
	} else {
	    Log $child "successful auto_reset" NOTICE
	}
	::interp eval $child {::tcl::tm::path remove {*}[::tcl::tm::path list]}
	if {[llength $state(tm_path_slave)]} {
	    ::interp eval $child [list ::tcl::tm::add {*}[lreverse $state(tm_path_slave)]]
	}
	foreach pkg [::interp eval $child {package names}] {
	    if {[::interp eval $child [list package provide $pkg]] eq ""} {
		::interp eval $child [list package forget $pkg]
	    }
	}
    }
    return
}

proc ::safe::interpDelete {child} {
    Log $child "About to delete" NOTICE
    set var [VarName $child]
    namespace upvar ::safe $var state
    if {[info exists state(cleanupHook)]} {
	set hook $state(cleanupHook)
	if {[llength $hook]} {
	    # a hook that deletes the child again must not run twice
	    unset state(cleanupHook)
	    try {
		{*}$hook $child
	    } on error err {
		Log $child "Delete hook error ($err)"
	    }
	}
    }
    if {[info exists state]} {
	unset state
    }
    if {[::interp exists $child]} {
	::interp delete $child
	Log $child "Deleted" NOTICE
    }
    # children of the deleted one went with it: so does their state
    foreach v [info vars ::safe::S*] {
	if {[info exists ${v}(child)] && ![::interp exists [set ${v}(child)]]} {
	    unset $v
	}
    }
    return
}

proc ::safe::interpAddToAccessPath {child path} {
    CheckInterp $child
    namespace upvar ::safe [VarName $child] state
    if {[dict exists $state(access_path,remap) $path]} {
	return [dict get $state(access_path,remap) $path]
    }
    set token [PathToken [llength $state(access_path)]]
    lappend state(access_path) $path
    lappend state(access_path,slave) $token
    lappend state(access_path,map) $token $path
    lappend state(access_path,remap) $path $token
    lappend state(access_path,norm) [file normalize $path]
    SyncAccessPath $child
    return $token
}

proc ::safe::interpFindInAccessPath {child path} {
    CheckInterp $child
    namespace upvar ::safe [VarName $child] state
    if {![dict exists $state(access_path,remap) $path]} {
	return -code error "$path not found in access path"
    }
    dict get $state(access_path,remap) $path
}

proc ::safe::setLogCmd {args} {
    variable Log
    switch [llength $args] {
	0 {return $Log}
	1 {set Log [lindex $args 0]}
	default {set Log $args}
    }
    return
}

# ---- setting a child up ---------------------------------------------------

proc ::safe::VarName {child} {
    return S[string map {:: @N @ @A} $child]
}

proc ::safe::PathToken {n} {
    return "\$p(:$n:)"
}

proc ::safe::CheckInterp {child} {
    namespace upvar ::safe [VarName $child] state
    if {![info exists state] || ![::interp exists $child]} {
	return -code error "\"$child\" is not an interpreter managed by ::safe::"
    }
}

proc ::safe::Log {child msg {type ERROR}} {
    variable Log
    if {[llength $Log]} {
	{*}$Log "$type for slave $child : $msg"
    }
}

# The default access path: tcl_library first, then auto_path, each with
# its immediate subdirectories (where pkgIndex.tcl files usually are).
proc ::safe::DefaultAccessPath {} {
    set dirs $::auto_path
    set at [lsearch -exact $dirs [info library]]
    if {$at >= 0} {
	set dirs [lreplace $dirs $at $at]
    }
    set dirs [linsert $dirs 0 [info library]]
    set result {}
    foreach dir $dirs {
	if {$dir ni $result} {
	    lappend result $dir
	}
	foreach sub [glob -nocomplain -directory $dir -type d *] {
	    if {$sub ni $result} {
		lappend result $sub
	    }
	}
    }
    return $result
}

proc ::safe::InterpSetConfig {child access_path staticsok nestedok deletehook} {
    namespace upvar ::safe [VarName $child] state
    if {![llength $access_path]} {
	set access_path [DefaultAccessPath]
    }
    set tokens {}
    set map {}
    set remap {}
    set norm {}
    set tm {}
    set n 0
    foreach dir $access_path {
	set token [PathToken $n]
	lappend tokens $token
	lappend map $token $dir
	lappend remap $dir $token
	lappend norm [file normalize $dir]
	incr n
    }
    # the parent's module path, and every folder under it (a module
    # a::b::c lives in a/b/), joins the access path; the module path
    # itself becomes the child's
    set more [::tcl::tm::path list]
    set first 1
    while {[llength $more]} {
	set dirs $more
	set more {}
	foreach dir $dirs {
	    if {[dict exists $remap $dir]} {
		if {$first} {
		    lappend tm [dict get $remap $dir]
		}
		continue
	    }
	    set token [PathToken $n]
	    lappend access_path $dir
	    lappend tokens $token
	    lappend map $token $dir
	    lappend remap $dir $token
	    lappend norm [file normalize $dir]
	    if {$first} {
		lappend tm $token
	    }
	    incr n
	    lappend more {*}[glob -nocomplain -directory $dir -type d *]
	}
	set first 0
    }
    set state(child) $child
    set state(access_path) $access_path
    set state(access_path,map) $map
    set state(access_path,remap) $remap
    set state(access_path,norm) $norm
    set state(access_path,slave) $tokens
    set state(tm_path_slave) $tm
    set state(staticsok) $staticsok
    set state(nestedok) $nestedok
    set state(cleanupHook) $deletehook
    SyncAccessPath $child
}

proc ::safe::SyncAccessPath {child} {
    namespace upvar ::safe [VarName $child] state
    ::interp eval $child [list set auto_path $state(access_path,slave)]
    ::interp eval $child [list set tcl_library [lindex $state(access_path,slave) 0]]
}

proc ::safe::InterpInit {child access_path staticsok nestedok deletehook} {
    InterpSetConfig $child $access_path $staticsok $nestedok $deletehook
    foreach {command alias} {
	source AliasSource
	load AliasLoad
	encoding AliasEncoding
	exit interpDelete
	glob AliasGlob
    } {
	::interp alias $child $command {} ::safe::$alias $child
    }
    # `file` is safe once its subcommands that reach the file system are
    # aliases: the path-only ones refuse ~ expansion, the others refuse
    ::interp expose $child file
    foreach sub {dirname extension rootname tail} {
	::interp alias $child ::tcl::file::$sub {} ::safe::AliasFileSubcommand $child $sub
    }
    foreach sub {atime attributes copy delete executable exists isdirectory isfile link
	lstat mtime mkdir nativename normalize owned readable readlink rename size stat
	tempfile type volumes writable} {
	::interp alias $child ::tcl::file::$sub {} ::safe::BadSubcommand $child file $sub
    }
    ::interp alias $child ::tcl::info::nameofexecutable {} ::safe::AliasExeName $child
    foreach file {init.tcl tm.tcl} {
	if {[catch {::interp eval $child [list source [file join {$p(:0:)} $file]]} msg opts]} {
	    Log $child "can't source $file ($msg)"
	    return -options $opts "can't source $file into slave $child ($msg)"
	}
    }
    namespace upvar ::safe [VarName $child] state
    if {[llength $state(tm_path_slave)]} {
	::interp eval $child [list ::tcl::tm::add {*}[lreverse $state(tm_path_slave)]]
    }
    return $child
}

# ---- paths ------------------------------------------------------------------

# The real path a child's path names: its tokens replaced by directories.
proc ::safe::TranslatePath {child path} {
    namespace upvar ::safe [VarName $child] state
    if {[string match *::* $path] || [string match *..* $path]} {
	return -code error "invalid characters in path $path"
    }
    # a token ends in ":)", so $p(:1:) never matches inside $p(:12:)
    string map $state(access_path,map) $path
}

proc ::safe::FileInAccessPath {child file} {
    namespace upvar ::safe [VarName $child] state
    if {[file isdirectory $file]} {
	return -code error "\"$file\": is a directory"
    }
    set dir [file normalize [file dirname $file]]
    if {$dir ni $state(access_path,norm)} {
	return -code error "\"$file\": not in access_path"
    }
}

proc ::safe::DirInAccessPath {child dir} {
    namespace upvar ::safe [VarName $child] state
    if {[file isfile $dir]} {
	return -code error "\"$dir\": is a file"
    }
    if {[file normalize $dir] ni $state(access_path,norm)} {
	return -code error "\"$dir\": not in access_path"
    }
}

proc ::safe::CheckFileName {child file} {
    if {![file exists $file]} {
	return -code error "no such file or directory"
    }
    if {![file readable $file]} {
	return -code error "not readable"
    }
}

# ---- the aliases ------------------------------------------------------------

proc ::safe::AliasSource {child args} {
    set argc [llength $args]
    set encoding {}
    set at 0
    if {[lindex $args 0] eq "-encoding"} {
	incr argc -2
	set encoding [lindex $args 1]
	set at 2
	if {$encoding eq "identity"} {
	    Log $child "attempt to use the identity encoding"
	    return -code error "permission denied"
	}
    }
    if {$argc != 1} {
	set msg "wrong # args: should be \"source ?-encoding E? fileName\""
	Log $child "$msg ($args)"
	return -code error $msg
    }
    set file [lindex $args $at]
    if {[catch {set realfile [TranslatePath $child $file]} msg]} {
	Log $child $msg
	return -code error "permission denied"
    }
    if {[catch {FileInAccessPath $child $realfile} msg]} {
	Log $child $msg
	return -code error "permission denied"
    }
    if {[catch {CheckFileName $child $realfile} msg]} {
	Log $child "$realfile:$msg"
	return -code error -errorcode {POSIX EACCES} $msg
    }
    # read the file here and evaluate its text in the child, so that
    # [info script] there shows the child's name for it, never the real one
    set old [::interp eval $child {info script}]
    set replacement "script error"
    set code [catch {
	set f [open $realfile]
	fconfigure $f -eofchar \032
	if {$encoding ne ""} {
	    fconfigure $f -encoding $encoding
	}
	set contents [read $f]
	close $f
	::interp eval $child [list info script $file]
    } msg opts]
    if {$code == 0} {
	set code [catch {::interp eval $child $contents} msg opts]
	set replacement $msg
    }
    catch {::interp eval $child [list info script $old]}
    if {$code == 1} {
	Log $child $msg
	return -code error $replacement
    }
    return -code $code -options $opts $msg
}

proc ::safe::AliasLoad {child file args} {
    namespace upvar ::safe [VarName $child] state
    if {[llength $args] > 2} {
	set msg "load error: too many arguments"
	Log $child "$msg ([llength $args]) {$file $args}"
	return -code error $msg
    }
    lassign $args prefix target
    if {$target ne "" && !$state(nestedok)} {
	Log $child "loading to a sub interp (nestedok) disabled (trying to load $prefix to $target)"
	return -code error "permission denied (nested load)"
    }
    if {$file eq ""} {
	if {$prefix eq ""} {
	    set msg "load error: empty filename and no prefix"
	    Log $child $msg
	    return -code error $msg
	}
	if {!$state(staticsok)} {
	    Log $child "static packages loading disabled (trying to load $prefix to $target)"
	    return -code error "permission denied (static package)"
	}
    } else {
	if {[catch {set file [TranslatePath $child $file]} msg]} {
	    Log $child $msg
	    return -code error "permission denied"
	}
	if {[catch {FileInAccessPath $child $file} msg]} {
	    Log $child $msg
	    return -code error "permission denied (path)"
	}
    }
    try {
	return [::interp invokehidden $child load $file $prefix $target]
    } on error msg {
	set msg "load of binary library for package $prefix failed: $msg"
	Log $child $msg
	return -code error $msg
    }
}

proc ::safe::AliasEncoding {child option args} {
    set subcommands {convertfrom convertto names system}
    try {
	set option [::tcl::prefix match -error [list -level 1 -errorcode \
		[list TCL LOOKUP INDEX option $option]] $subcommands $option]
	if {$option eq "system" && [llength $args]} {
	    return -code error -errorcode {TCL WRONGARGS} \
		"wrong # args: should be \"encoding system\""
	}
    } on error {msg opts} {
	Log $child $msg
	return -options $opts $msg
    }
    tailcall ::interp invokehidden $child encoding $option {*}$args
}

proc ::safe::AliasFileSubcommand {child subcommand name} {
    # ~ means nothing in a safe child: it names a file called ~
    if {[string match ~* $name]} {
	set name ./$name
    }
    tailcall ::interp invokehidden $child tcl:file:$subcommand $name
}

proc ::safe::BadSubcommand {child command subcommand args} {
    set msg "not allowed to invoke subcommand $subcommand of $command"
    Log $child $msg
    return -code error -errorcode {TCL SAFE SUBCOMMAND} $msg
}

proc ::safe::AliasExeName {child} {
    return ""
}

proc ::safe::AliasGlob {child args} {
    Log $child "GLOB ! $args" NOTICE
    set cmd {}
    set at 0
    array set got {-directory 0 -nocomplain 0 -join 0 -tails 0 -- 0}
    set dir {}
    set virtualdir {}
    while {$at < [llength $args]} {
	set opt [lindex $args $at]
	switch -glob -- $opt {
	    -nocomplain - -- - -tails {
		lappend cmd $opt
		set got($opt) 1
		incr at
	    }
	    -join {
		set got($opt) 1
		incr at
	    }
	    -types - -type {
		lappend cmd -types [lindex $args [incr at]]
		incr at
	    }
	    -directory {
		if {$got($opt)} {
		    return -code error {"-directory" cannot be used with "-path"}
		}
		set got($opt) 1
		set virtualdir [lindex $args [incr at]]
		incr at
	    }
	    -* {
		Log $child "Safe base rejecting glob option '$opt'"
		return -code error "Safe base rejecting glob option '$opt'"
	    }
	    default {
		break
	    }
	}
	if {$got(--)} break
    }
    if {!$got(-directory)} {
	Log $child {option -directory must be supplied}
	if {$got(-nocomplain)} return
	return -code error "permission denied"
    }
    try {
	set dir [TranslatePath $child $virtualdir]
	DirInAccessPath $child $dir
    } on error msg {
	Log $child $msg
	if {$got(-nocomplain)} return
	return -code error "permission denied"
    }
    if {$got(--)} {
	set cmd [linsert $cmd end-1 -directory $dir]
    } else {
	lappend cmd -directory $dir
    }
    if {$got(-join)} {
	set args [lreplace $args $at end [join [lrange $args $at end] /]]
    }
    set firstPattern [llength $cmd]
    foreach pattern [lrange $args $at end] {
	if {![regexp {^(.*)/([^/]*)$} $pattern -> thedir thefile]} {
	    set thedir .
	    set thefile $pattern
	}
	# */pkgIndex.tcl (tclPkgUnknown's search) is expanded here, keeping
	# only the subdirectories inside the access path
	if {$thedir eq "*" && $thefile eq "pkgIndex.tcl"} {
	    set mapped 0
	    foreach d [glob -nocomplain -directory $dir -types d -tails *] {
		catch {
		    DirInAccessPath $child [TranslatePath $child [file join $virtualdir $d]]
		    lappend cmd [file join $d $thefile]
		    set mapped 1
		}
	    }
	    if {$mapped} continue
	}
	# any other directory part must name a folder of the access path
	try {
	    DirInAccessPath $child [TranslatePath $child [file join $virtualdir $thedir]]
	} on error msg {
	    Log $child $msg
	    if {$got(-nocomplain)} continue
	    return -code error "permission denied"
	}
	lappend cmd $pattern
    }
    Log $child "GLOB = $cmd" NOTICE
    if {$got(-nocomplain) && [llength $cmd] == $firstPattern} {
	return
    }
    try {
	set entries [::interp invokehidden $child glob {*}$cmd]
    } on error msg {
	Log $child $msg
	return -code error "script error"
    }
    Log $child "GLOB < $entries" NOTICE
    # give the child its own names back
    set res {}
    set l [string length $dir]
    foreach p $entries {
	if {[string equal -length $l $dir $p]} {
	    set p [string replace $p 0 [expr {$l - 1}] $virtualdir]
	}
	lappend res $p
    }
    Log $child "GLOB > $res" NOTICE
    return $res
}
