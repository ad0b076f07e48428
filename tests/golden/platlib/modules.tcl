# Tcl modules: Name-Version.tm files on ::tcl::tm::path, nested names in
# subfolders, and the roots layout.
set root [file join [pwd] tm_tmp]
file delete -force $root
file mkdir [file join $root ns]
set f [open [file join $root foo-1.2.tm] w]
puts $f "namespace eval foo {proc hi {} {return hi}}\npackage provide foo 1.2"
close $f
set f [open [file join $root foo-1.10.tm] w]
puts $f "namespace eval foo {proc hi {} {return hi10}}\npackage provide foo 1.10"
close $f
set f [open [file join $root ns bar-0.1.tm] w]
puts $f "package provide ns::bar 0.1\nproc ::nsbar {} {return bar}"
close $f
::tcl::tm::path add $root
puts [package require foo]
puts [foo::hi]
puts [lsort [package versions foo]]
puts [package require ns::bar]
puts [nsbar]
catch {package require foo 2} msg
puts $msg
::tcl::tm::path remove $root
foreach p [::tcl::tm::path list] {::tcl::tm::path remove $p}
::tcl::tm::roots /R
puts [::tcl::tm::path list]
file delete -force $root
