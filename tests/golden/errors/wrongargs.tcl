# wrong # args texts of the core commands
foreach cmd {
    set {set a b c} incr {incr a b c} append lappend unset? {if} {if 1} {if 1 then} {if 0 {} else}
    {if 0 {} elseif} while {while 1} for {for a b c} foreach {foreach a} {foreach a b c d}
    proc {proc a b} return? {uplevel} upvar {upvar a} global? rename {rename a} apply catch {catch a b c d}
    error {error a b c d} eval expr subst {subst a b} source time {time a b c} puts {puts a b c d}
    exit? {info} {info args} {info body} {info default a} {info level 1 2} {info exists}
    list? llength lindex lrange {lrange a b} join split concat? lassign switch {switch a}
    break? {break a} {continue a} throw {throw a} try {namespace} {namespace eval} variable?
    {string} {string length} {lsort} {lsearch a} {linsert} {lreplace a} {lset a} {lrepeat}
    {dict} {dict get} {array} {array set a} {format} {scan a} {regexp a} {regsub a b}
} {
    if {[string index $cmd end] eq "?"} continue
    set code [catch $cmd msg]
    puts "[list $cmd] -> $code $msg"
}
proc p {a {b 1} args} {}
proc q {} {}
proc r {x y} {}
foreach call {p q r {q 1} {r 1} {r 1 2 3}} {
    catch $call msg
    puts "[list $call] -> $msg"
}
