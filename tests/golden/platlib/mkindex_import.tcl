# pkg_mkIndex -lazy lists only the file's own procedures, also when the file
# runs `namespace import` (which calls auto_import, loading auto.tcl's
# procedures in the child interpreter that sources the file)
set dir /tmp/tclish-golden-mkindex-[pid]
file mkdir $dir
set f [open $dir/import.tcl w]
puts $f {
package provide fubar 1.0
namespace eval ::fubar:: { namespace export foo }
proc ::fubar::foo {} { return true }
namespace import ::fubar::foo
}
close $f
pkg_mkIndex -lazy $dir import.tcl
set f [open $dir/pkgIndex.tcl]
puts [lindex [split [string trim [read $f]] \n] end]
close $f
file delete -force $dir
