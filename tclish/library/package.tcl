# Finding packages for tclish: the pkgIndex.tcl scanner `package unknown`
# runs (tclPkgUnknown), pkg_mkIndex, tclPkgSetup and ::pkg::create.

# Source pkgIndex.tcl in each directory of auto_path and in their immediate
# subdirectories, later entries first so that earlier ones win ties; an index
# that adds to auto_path has the new directories scanned too.
proc tclPkgUnknown {name args} {
    global auto_path
    if {![info exists auto_path]} {
	return
    }
    set seen {}
    set todo $auto_path
    while {[llength $todo]} {
	set dir [lindex $todo end]
	set todo [lrange $todo 0 end-1]
	if {[dict exists $seen $dir]} continue
	dict set seen $dir 1
	set before $auto_path
	set candidates [glob -nocomplain -directory $dir -join * pkgIndex.tcl]
	lappend candidates [file join $dir pkgIndex.tcl]
	foreach file $candidates {
	    # a safe interpreter cannot ask; its source refuses a missing
	    # file with POSIX EACCES, which is no error here
	    if {![interp issafe] && ![file readable $file]} continue
	    set dir [file dirname $file]
	    if {[dict exists $seen "index $dir"]} continue
	    dict set seen "index $dir" 1
	    try {
		source $file
	    } trap {POSIX EACCES} {} {
		continue
	    } on error msg {
		tclLog "error reading package index file $file: $msg"
	    }
	}
	foreach added $auto_path {
	    if {$added ni $before && ![dict exists $seen $added]} {
		lappend todo $added
	    }
	}
    }
}

proc tclLog {string} {
    catch {puts stderr $string}
}

# tclPkgSetup: the ifneeded scripts of pkg_mkIndex -lazy indexes.
proc tclPkgSetup {dir pkg version files} {
    global auto_index
    package provide $pkg $version
    foreach fileInfo $files {
	set f [lindex $fileInfo 0]
	set type [lindex $fileInfo 1]
	foreach cmd [lindex $fileInfo 2] {
	    if {$type eq "load"} {
		set auto_index($cmd) [list load [file join $dir $f] $pkg]
	    } else {
		set auto_index($cmd) [list source [file join $dir $f]]
	    }
	}
    }
}

# ::pkg::create -name n -version v ?-source f ...? ?-load f ...?: the
# `package ifneeded` line of a pkgIndex.tcl.
namespace eval ::pkg {
    namespace export create
}

proc ::pkg::create {args} {
    append usage "::pkg::create -name packageName -version packageVersion"
    append usage " ?-load {filename ?{procs}?}? ... ?-source {filename ?{procs}?}? ..."
    set len [llength $args]
    if {$len < 3} {
	return -code error "wrong # args: should be \"$usage\""
    }
    set opts {-name {} -version {} -source {} -load {}}
    set sources {}
    set loads {}
    for {set i 0} {$i < $len} {incr i} {
	set flag [lindex $args $i]
	incr i
	switch -glob -- $flag {
	    -name - -version {
		if {$i >= $len} {
		    return -code error "value for \"$flag\" missing: should be \"$usage\""
		}
		dict set opts $flag [lindex $args $i]
	    }
	    -source - -load {
		if {$i >= $len} {
		    return -code error "value for \"$flag\" missing: should be \"$usage\""
		}
		dict lappend opts $flag [lindex $args $i]
	    }
	    default {
		# Tcl's wording names the word after the flag
		return -code error "unknown option \"[lindex $args $i]\": should be \"$usage\""
	    }
	}
    }
    set name [dict get $opts -name]
    set version [dict get $opts -version]
    if {$name eq ""} {
	return -code error "value for \"-name\" missing: should be \"$usage\""
    }
    if {$version eq ""} {
	return -code error "value for \"-version\" missing: should be \"$usage\""
    }
    if {[llength [dict get $opts -source]] == 0 && [llength [dict get $opts -load]] == 0} {
	return -code error "at least one of -load and -source must be given"
    }
    set direct {}
    set lazy {}
    foreach kind {load source} {
	foreach item [dict get $opts -$kind] {
	    if {[llength $item] > 1} {
		lappend lazy [list [lindex $item 0] $kind [lindex $item 1]]
	    } else {
		lappend direct "\[list $kind \[file join \$dir [list [lindex $item 0]]\]\]"
	    }
	}
    }
    set cmdline "package ifneeded $name $version "
    append cmdline [join $direct "\\n"]
    if {[llength $lazy]} {
	if {[llength $direct]} {
	    append cmdline "\\n"
	}
	append cmdline "\[list tclPkgSetup \$dir $name $version [list $lazy]\]"
    }
    return $cmdline
}

# pkg_mkIndex ?-direct? ?-lazy? ?-load pattern? ?-verbose? ?--? dir ?pattern ...?:
# write dir/pkgIndex.tcl for the packages the files provide, found by
# sourcing each file into a child interpreter.
proc pkg_mkIndex {args} {
    set usage {"pkg_mkIndex ?-direct? ?-lazy? ?-load pattern? ?-verbose? ?--? dir ?pattern ...?"}
    set argCount [llength $args]
    if {$argCount < 1} {
	return -code error "wrong # args: should be\n$usage"
    }
    set more ""
    set direct 1
    set doVerbose 0
    set loadPat ""
    for {set idx 0} {$idx < $argCount} {incr idx} {
	set flag [lindex $args $idx]
	switch -glob -- $flag {
	    -- {incr idx; break}
	    -verbose {set doVerbose 1}
	    -lazy {set direct 0; append more " -lazy"}
	    -direct {append more " -direct"}
	    -load {
		incr idx
		set loadPat [lindex $args $idx]
		append more " -load $loadPat"
	    }
	    -* {return -code error "unknown flag $flag: should be\n$usage"}
	    default {break}
	}
    }
    set dir [lindex $args $idx]
    set patternList [lrange $args [expr {$idx + 1}] end]
    if {![llength $patternList]} {
	set patternList [list "*.tcl" "*[info sharedlibextension]"]
    }
    if {[catch {glob -directory $dir -tails -types {r f} -- {*}$patternList} fileList]} {
	set s [expr {[llength $patternList] > 1 ? "s" : ""}]
	return -code error "no files matched glob pattern$s \"$patternList\""
    }
    set files {}
    foreach file [lsort $fileList] {
	if {$file eq "pkgIndex.tcl"} continue
	set c [interp create]
	set provided {}
	set cmds {}
	try {
	    $c eval {
		package present Tcl
		rename package __package_orig
		proc package {what args} {
		    switch -- $what {
			provide {
			    if {[llength $args] == 2} {
				lappend ::tcl::newPkgs [list {*}$args]
			    }
			    return [__package_orig provide {*}$args]
			}
			require {
			    catch {__package_orig require {*}$args} result
			    return $result
			}
			default {return [__package_orig $what {*}$args]}
		    }
		}
		proc unknown {args} {}
		namespace eval ::tcl {variable newPkgs {}}
		proc ::tcl::AllProcs {{ns ::}} {
		    set result [info procs ${ns}::*]
		    foreach child [namespace children $ns] {
			lappend result {*}[::tcl::AllProcs $child]
		    }
		    return $result
		}
	    }
	    # the library's own procedures are not the file's (auto.tcl's load
	    # on the file's first `namespace import`, which calls auto_import)
	    $c eval {catch tclPkgSetup; catch {auto_qualify x ::}}
	    set before [$c eval {::tcl::AllProcs}]
	    if {[catch {$c eval [list source [file join $dir $file]]} msg]} {
		if {$doVerbose} {tclLog "warning: error while sourcing $file: $msg"}
	    } elseif {$doVerbose} {
		tclLog "successful sourcing of $file"
	    }
	    set provided [$c eval {set ::tcl::newPkgs}]
	    if {$doVerbose} {
		tclLog "packages provided were $provided"
		tclLog "processed $file"
	    }
	    foreach cmd [$c eval {::tcl::AllProcs}] {
		if {$cmd in $before} continue
		if {[string match ::tcl::* $cmd]} continue
		if {[$c eval [list namespace origin $cmd]] ne $cmd} continue
		if {[regexp {^::[^:]+$} $cmd]} {set cmd [string range $cmd 2 end]}
		lappend cmds $cmd
	    }
	} finally {
	    interp delete $c
	}
	foreach pair $provided {
	    lassign $pair name version
	    dict lappend files [list $name $version] [list $file source [lsort $cmds]]
	}
    }
    set index "# Tcl package index file, version 1.1\n"
    append index "# This file is generated by the \"pkg_mkIndex$more\" command\n"
    append index "# and sourced either when an application starts up or\n"
    append index "# by a \"package unknown\" script.  It invokes the\n"
    append index "# \"package ifneeded\" command to set up package-related\n"
    append index "# information so that packages will be loaded automatically\n"
    append index "# in response to \"package require\" commands.  When this\n"
    append index "# script is sourced, the variable \$dir must contain the\n"
    append index "# full path name of this file's directory.\n"
    foreach key [lsort [dict keys $files]] {
	lassign $key name version
	set lines {}
	set lazy {}
	foreach entry [dict get $files $key] {
	    lassign $entry f kind cmds
	    if {$direct} {
		lappend lines "\[list source \[file join \$dir [list $f]\]\]"
	    } else {
		lappend lazy [list $f $kind $cmds]
	    }
	}
	if {$direct} {
	    append index "\npackage ifneeded $name $version [join $lines \\n]"
	} else {
	    append index "\npackage ifneeded $name $version\
		    \[list tclPkgSetup \$dir [list $name] [list $version] [list $lazy]\]"
	}
    }
    append index "\n"
    set f [open [file join $dir pkgIndex.tcl] w]
    puts -nonewline $f $index
    close $f
    return
}

# Whether a file name ends in a shared library extension, allowing version
# numbers after it (foo.so.1.2).
namespace eval ::tcl::Pkg {}
proc ::tcl::Pkg::CompareExtension {fileName {ext {}}} {
    if {$ext eq ""} {
	set ext [info sharedlibextension]
    }
    set root $fileName
    while {1} {
	set current [file extension $root]
	if {$current eq $ext} {
	    return 1
	}
	if {![string is integer -strict [string range $current 1 end]]} {
	    return 0
	}
	set root [file rootname $root]
    }
}
