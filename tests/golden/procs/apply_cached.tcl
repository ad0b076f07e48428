# apply: a lambda's spec, binder and errorInfo name cached by its text,
# checked against its namespace each call (commands/procs.py)
set f {{a {b 2} args} {list $a $b $args [namespace current]}}
foreach round {1 2} {
    puts [apply $f 1]; puts [apply $f 1 3 4 5]
    puts [catch {apply $f} m]; puts $m
    puts [apply {{} {info level 0}}]
    puts [apply {x {expr {$x * 2}}} 21]
    puts [catch {apply {x {expr {$x * 2}}}} m]; puts $m
    puts [catch {apply {x {expr {$x * 2}}} 1 2} m]; puts $m
    puts [catch {apply {a b c d}} m]; puts $m
    puts [catch {apply {{a a b} {}}} m]; puts $m
    puts [catch {apply} m]; puts $m
    namespace eval ::lns { variable v inside }
    set g {{} {list [namespace current] [set ::lns::v]} ::lns}
    puts [apply $g]
    set h {{} {namespace current} lns}
    puts [apply $h]
    namespace delete ::lns
    puts [catch {apply $g} m]; puts $m
    namespace eval ::lns { variable v again }
    puts [apply $g]
    puts [catch {apply {{} {error inlambda}}} m o]; puts [dict get $o -errorinfo]
    set long "{} {error [string repeat x 80]}"
    catch {apply $long} m o; puts [dict get $o -errorinfo]
    puts [apply [list {x} {return [incr x]}] 41]
    set k [list {a {b 0}} {expr {$a + $b}}]
    puts [apply $k 1]; puts [apply $k 1 2]
}
