# An unqualified command unknown in a namespace autoloads the namespace's
# command of that name (tcllib's math: ln_Gamma calls expectDouble, found as
# ::math::expectDouble in tclIndex)
set dir [file join [pwd] autoload_namespace.tmp]
file delete -force $dir
file mkdir $dir
set f [open [file join $dir lib.tcl] w]
puts $f {namespace eval ::lib { proc helper {x} { return "helped $x" } }}
puts $f {proc ::globalhelper {x} { return "global $x" }}
puts $f {proc ::failing {x} { inner $x }}
puts $f {proc ::inner {x} { error "inner failed: $x" }}
close $f
set f [open [file join $dir tclIndex] w]
puts $f {# Tcl autoload index file, version 2.0}
puts $f {set auto_index(::lib::helper) [list source [file join $dir lib.tcl]]}
puts $f {set auto_index(globalhelper) [list source [file join $dir lib.tcl]]}
puts $f {set auto_index(failing) [list source [file join $dir lib.tcl]]}
close $f
lappend auto_path $dir
namespace eval ::lib { proc user {} { helper 1 } }
puts [lib::user]
namespace eval ::other { proc user {} { globalhelper 2 } }
puts [other::user]
namespace eval ::other { proc user2 {} { helper 3 } }
puts [catch other::user2 m]
puts $m
# errors of an autoloaded command: its errorInfo is what it would be had the
# command been there all along (the caller logs the command's own line once)
proc wrongargs {} { set x 1; failing }
catch wrongargs; puts $errorInfo
proc deeper {} { set x 1; failing 7 }
catch deeper; puts $errorInfo
catch deeper; puts $errorInfo
file delete -force $dir
