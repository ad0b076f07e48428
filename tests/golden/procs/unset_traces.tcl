# Unset traces on a procedure's own variables fire when it returns (Tcl's
# TclDeleteVars), in the caller's frame; never for links (upvar, global,
# variable); also on an error, a break, a tailcall, in a lambda, a TclOO
# method and a coroutine that ends or is deleted (recorded from tclsh 8.6)
proc cb args { lappend ::res [list $args [info level] [uplevel 1 {info exists v}]] }
proc p1 {} { trace add variable x unset cb }
p1; puts "undefined, uncompiled: $::res"; set ::res {}
proc p2 {} { set x 1; trace add variable x unset cb; unset x; trace add variable x unset cb }
p2; puts "unset then traced again: $::res"; set ::res {}
proc p3 {} { set v 1; trace add variable v unset cb; error boom }
catch p3; puts "on error: $::res"; set ::res {}
proc p4 {} { set a(1) 1; trace add variable a unset cb; trace add variable a(1) unset cb }
p4; puts "array: $::res"; set ::res {}
proc p5 {} { global g; set g 1; trace add variable g unset cb }
p5; puts "global link: $::res [info exists ::g]"; set ::res {}
proc p6 {} { set v 1; trace add variable v unset cb; tailcall set ::after [list $::res] }
p6; puts "tailcall: $::res / after=$::after"; set ::res {}
proc cb2 args { lappend ::res [info level 0] [info level] }
proc p7 {} { set v 1; trace add variable v unset cb2; return -code break }
while 1 { p7 }; puts "break: $::res"; set ::res {}
proc p8 {x} { trace add variable x unset cb }
p8 1; puts "arg: $::res"; set ::res {}
proc p9 {} { set v 1; trace add variable v unset {apply {args {lappend ::res [info exists v] [catch {set v} m] $m}}} }
p9; puts "p9: $::res"; set ::res {}
proc p10 {} { set v 1; trace add variable v {unset write} cb; upvar 0 v w; set w 2 }
p10; puts "p10: $::res"; set ::res {}
# links are not the proc's: their variables stay, their traces stay quiet
namespace eval ns { variable nv 1 }
proc p11 {} {
    variable ::ns::nv
    global g2
    set g2 1
    upvar 1 callers c
    foreach n {::ns::nv g2 c} { trace add variable $n unset cb }
    set own 1
    trace add variable own unset cb
}
proc caller {} { set callers 1; p11; list [info exists callers] $::res }
puts "links: [caller] [info exists ::ns::nv] [info exists ::g2]"; set ::res {}
# a trace put on a caller's variable through upvar fires when the caller returns
proc inner {} { upvar 1 mine m; trace add variable m unset cb }
proc outer {} { set mine 1; inner; lappend ::res after-inner }
outer; puts "through upvar: $::res"; set ::res {}
# old-style trace, unset trace removed again, a trace that errors
proc p12 {} { set v 1; trace variable v u cb; set w 1; trace add variable w unset cb; trace remove variable w unset cb }
p12; puts "old style, removed: $::res"; set ::res {}
proc p13 {} { set v 1; trace add variable v unset {error oops}; return fine }
puts "erroring trace: [p13]"
# apply, a TclOO method, a coroutine ending and one deleted while suspended
apply {{} { set v 1; trace add variable v unset cb }}; puts "apply: $::res"; set ::res {}
oo::class create C { method m {} { set v 1; trace add variable v unset cb; return m } }
set o [C new]; $o m; $o m; puts "method: $::res"; set ::res {}
$o destroy
proc cobody {} { set v 1; trace add variable v {write unset} cb; yield; set v 2; yield; set v 3 }
coroutine co cobody; co; co; puts "coroutine ended: $::res"; set ::res {}
coroutine co cobody; co; rename co {}; puts "coroutine deleted: $::res"; set ::res {}
