# platform: names for the platform this interpreter runs on, as package
# managers use them to choose binary packages (os-cpu, e.g. linux-x86_64).

package provide platform 1.0.19

namespace eval ::platform {
    namespace export generic identify patterns
}

# os-cpu from tcl_platform, with the usual spellings folded together.
proc ::platform::generic {} {
    global tcl_platform
    set os [string tolower [lindex $tcl_platform(os) 0]]
    set cpu [string tolower $tcl_platform(machine)]
    switch -glob -- $cpu {
	i*86 - x86 {set cpu ix86}
	amd64 {set cpu x86_64}
	arm64 {set cpu aarch64}
	"power macintosh" - ppc* {set cpu powerpc}
    }
    switch -glob -- $os {
	darwin {set os macosx}
	windows* {set os win32}
	sunos {set os solaris}
    }
    return $os-$cpu
}

# The generic name with the C library's version where it matters (Linux).
proc ::platform::identify {} {
    set id [generic]
    lassign [split $id -] os cpu
    if {$os eq "linux"} {
	foreach file [lsort -decreasing [glob -nocomplain /lib/libc-*.so /lib/*/libc-*.so \
		/lib64/libc-*.so]] {
	    if {[regexp {libc-(\d+)\.(\d+)} [file tail $file] -> major minor]} {
		return linux-glibc$major.$minor-$cpu
	    }
	}
    }
    return $id
}

# The names a package for platform `id` may be filed under, most specific
# first, ending with `tcl` (pure Tcl).
proc ::platform::patterns {id} {
    set result [list $id]
    set generic [join [list [lindex [split $id -] 0] [lindex [split $id -] end]] -]
    if {$generic ni $result} {
	lappend result $generic
    }
    lappend result tcl
    return $result
}
