# Errors Tcl's compiler meets when it runs code at compile time (an operation
# on constants, a format of literal words, an expression that doesn't parse):
# logged "invoked from within", -errorstack INNER {syntax ...}, the options in
# that code's order.  Computed operands fail when run instead, and
# Tcl_GetIntFromObj's errors say TCL VALUE INTEGER.
catch {expr {1/0}} m o; puts $o
catch {format %d abc} m o; puts $o
catch {format %s} m o; puts $o
catch {expr {1+}} m o; puts $o
set x abc
catch {format %d $x} m o; puts [dict get $o -errorinfo]
catch {format} m o; puts [dict get $o -errorinfo]
proc p {} {format %d abc}
catch {p} m o; puts $o
proc q {} {set y [expr {1 % 0}]}
catch {q} m o; puts $o
proc r {} {expr {1+}}
catch {r} m o; puts $o
rename format format_orig
proc format {args} {error "mine: $args"}
catch {format %d abc} m o; puts [dict get $o -errorinfo]
rename format {}
rename format_orig format
catch {format %d abc} m o; puts $o
foreach script {
    {format %*d abc 1} {format %.*f 1.5 1} {string repeat a x} {string repeat a 08}
    {lrepeat x a} {lrepeat {} a} {info level abc}
} {
    catch $script m o
    puts "$m / [dict get $o -errorcode]"
}
