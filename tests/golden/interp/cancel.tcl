# interp cancel: message, errorCode, catch and -unwind, pending cancels,
# argument errors (recorded from tclsh 8.6)
proc show {script} {
    set r [catch {uplevel 1 $script} m o]
    set ec [expr {[dict exists $o -errorcode] ? [dict get $o -errorcode] : "-"}]
    puts [list $r $m $ec]
}
set i [interp create]

# a running script, canceled from an event handler of its parent
$i eval {proc loop {} { while 1 { incr ::n; update } }}
after 50 [list interp cancel $i]
show {$i eval loop}
puts "ran: [expr {[$i eval {set ::n}] > 0}]"
after 50 [list interp cancel $i]
show {$i eval {list [catch loop msg] $msg}}
after 50 [list interp cancel -unwind $i]
show {$i eval {catch loop msg; set msg}}
after 50 [list interp cancel $i "custom result"]
show {$i eval loop}
after 50 [list interp cancel -unwind -- $i custom2]
show {$i eval loop}
show {$i eval {set x usable}}

# an idle interpreter: its next evaluation fails, once
puts "idle: [list [interp cancel $i]]"
set r [catch {$i eval {set x 1}} m o]
puts [list $r $m [dict get $o -errorcode]]
puts [string map [list \n |] [dict get $o -errorinfo]]
show {$i eval {set x 2}}
interp cancel $i hello
show {$i eval {set b 2}}

# canceling the current interpreter
show {$i eval {catch {interp cancel} m; set y 5; list caught $m $y}}
show {$i eval {proc p {} {interp cancel; return notreached}; list [catch p m] $m}}
show {$i eval {proc p {} {interp cancel -unwind; return notreached}; list [catch p m] $m}}
show {$i eval {proc q {} {catch {interp cancel -unwind}; return notreached}; q}}
show {$i eval {interp cancel -unwind; set z 1}}
show {$i eval {info exists z}}
show {$i eval {catch {interp cancel -unwind} m opts; list $m}}
show {$i eval {if 1 {interp cancel}}}
show {$i eval {interp cancel {} {}}}
show {$i eval {interp cancel {} mine}}
show {$i eval {set z 3}}

# nested interpreters: the parent of a canceled one catches as usual
set j [interp create]
show {$j eval {interp create k; k eval {interp cancel}}}
show {$j eval {interp create k2; list [catch {k2 eval {interp cancel -unwind}} m] $m}}
show {$j eval {list [catch {interp cancel k2} m] $m; k2 eval {set a 1}}}
show {$j eval {k2 eval {set a 2}}}

# argument errors
foreach args {{-bad} {nosuch} {a b c} {-- a b c} {-unwind -- a b c} {-- -unwind} {-} {-u -- nosuch}} {
    show [list interp cancel {*}$args]
}
interp delete $i
interp delete $j
