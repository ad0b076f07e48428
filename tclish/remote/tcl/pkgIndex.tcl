# tclish::remote: torch:: commands from any tclsh, served by a tclish process
package ifneeded tclish::remote 0.1 [list source [file join $dir remote.tcl]]
