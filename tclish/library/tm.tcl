# Tcl modules (.tm files) for tclish: ::tcl::tm::path and the package-unknown
# handler that turns Name-Version.tm files on the module path into
# `package ifneeded` entries.

namespace eval ::tcl::tm {
    variable paths {}
    variable pkgpattern {^([_[:alpha:]][:_[:alnum:]]*)-([[:digit:]].*)[.]tm$}

    namespace ensemble create -command ::tcl::tm::path \
	-subcommands {add remove list} \
	-map {add ::tcl::tm::add remove ::tcl::tm::remove list ::tcl::tm::list}
    namespace export path roots
}

# Add paths at the head of the list; none is added when one of them nests
# inside (or contains) a path already there.
proc ::tcl::tm::add {args} {
    variable paths
    set new $paths
    foreach p $args {
	if {$p in $new} continue
	set sep [file separator]
	foreach existing $new {
	    if {[string first $p$sep $existing$sep] == 0} {
		return -code error "$p is ancestor of existing module path $existing."
	    }
	    if {[string first $existing$sep $p$sep] == 0} {
		return -code error "$p is subdirectory of existing module path $existing."
	    }
	}
	set new [linsert $new 0 $p]
    }
    set paths $new
    return
}

proc ::tcl::tm::remove {args} {
    variable paths
    foreach p $args {
	set i [lsearch -exact $paths $p]
	if {$i >= 0} {
	    set paths [lreplace $paths $i $i]
	}
    }
    return
}

proc ::tcl::tm::list {} {
    variable paths
    return $paths
}

# Register every module file for `name` on the path, then fall through to
# the next handler (tclPkgUnknown) when given one.
proc ::tcl::tm::UnknownHandler {original name args} {
    variable paths
    variable pkgpattern
    set satisfied 0
    set pkgpath [string map {:: /} $name]
    set pkgroot [file dirname $pkgpath]
    if {$pkgroot eq "."} {set pkgroot ""}
    foreach path $paths {
	# a safe interpreter's paths are tokens that its glob understands
	if {![interp issafe] && ![file isdirectory [file join $path $pkgroot]]} continue
	foreach file [glob -nocomplain -directory [file join $path $pkgroot] *.tm] {
	    set tail [file tail $file]
	    if {![regexp -- $pkgpattern $tail -> pkgname version]} continue
	    if {$pkgroot ne ""} {
		set pkgname [string map {/ ::} $pkgroot]::$pkgname
	    }
	    if {[catch {package vcompare $version 0}]} continue
	    if {[package ifneeded $pkgname $version] ne ""} continue
	    package ifneeded $pkgname $version \
		"[::list package provide $pkgname $version];[::list source -encoding utf-8 $file]"
	    if {$pkgname eq $name && [package vsatisfies $version {*}$args]} {
		set satisfied 1
	    }
	}
	if {$satisfied} break
    }
    if {!$satisfied && $original ne ""} {
	uplevel 1 [::list {*}$original $name {*}$args]
    }
}

# The default module roots: tcl8/8.0 .. tcl8/8.6 and tcl8/site-tcl under
# each root (site-tcl searched first).
proc ::tcl::tm::roots {paths} {
    foreach root $paths {
	set minor 6
	while {$minor >= 0} {
	    add [file normalize [file join $root tcl8 8.$minor]]
	    incr minor -1
	}
	add [file normalize [file join $root tcl8 site-tcl]]
    }
    return
}

proc ::tcl::tm::Defaults {} {
    global env
    foreach minor {0 1 2 3 4 5 6} {
	foreach name [::list TCL8.${minor}_TM_PATH TCL8_${minor}_TM_PATH] {
	    if {[info exists env($name)]} {
		add {*}[lreverse [split $env($name) :]]
	    }
	}
    }
    roots [::list [file dirname [info library]]]
}

# a safe interpreter gets its module path from the Safe Base
if {![interp issafe]} {
    ::tcl::tm::Defaults
}
