# platform ships with tclish's script library
package ifneeded platform 1.0.19 [list source [file join $dir platform.tcl]]
