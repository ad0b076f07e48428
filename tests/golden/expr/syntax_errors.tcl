# Expression syntax errors: message, the quoted excerpt (at most 25 characters
# either side of the error), errorCode's last words, the "(parsing expression
# ...)" line of errorInfo, and the -errorstack entry Tcl's compiler leaves.
set cases [list {1 + } {1 2} {(1 + 2} {1 + 2)} {1 ? 2} {abc + 1} {$x + } {1 +* 2} \
    {[set x} {1 + 00x} {sin(1} {} {   } {1 ? 2 :} "\"abc" "\{abc" {1 @ 2} {1 + $} \
    "1 + \${x" {$a(} {1 + 0x} {1 + 1e} {1 + 08} {1,2} ( (1+ sin( {1 + (} ((1) {(1 ?} \
    {(1 ? 2} sin(1, {(1 2} {1 == } {1 eq} {1 < < 2} \
    {1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 12 + 13 + 14 + 15 + 16 + 17 + 18 + 19 + 20} \
    {1 +  2 +  3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 * / 12 + 13 + 14 + 15 + 16 + 17 + 18 + 19 + 20 + 21 + 22 + 23}]
foreach e $cases {
    catch {expr $e} m o
    puts "[list $e] -> [dict get $o -errorcode]"
    puts [dict get $o -errorinfo]
}
# compiled forms: expr, if and while conditions, inside a proc
catch {expr {1 +}} m o; puts [dict get $o -errorinfo]; puts [dict get $o -errorstack]
catch {if {1 +} {}} m o; puts [dict get $o -errorinfo]
catch {while {)} {}} m o; puts [dict get $o -errorinfo]
proc p {} {expr {1 + (}}
catch {p} m o; puts [dict get $o -errorinfo]; puts [dict get $o -errorstack]
catch {set y [expr {"abc}]} m o; puts [dict get $o -errorinfo]
# a runtime error keeps "invoked from within" without a parsing line
catch {expr {1/0}} m o; puts [dict get $o -errorinfo]
