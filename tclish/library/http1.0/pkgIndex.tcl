# The legacy http 1.0 package (http_get and friends), kept for old scripts;
# new code uses http 2 (`package require http`), a Tcl module.
package ifneeded http 1.0 [list source [file join $dir http.tcl]]
