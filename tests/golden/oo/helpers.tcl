# patterns that tcllib-style TclOO code uses: helpers in ::oo::Helpers, class variables, callbacks
proc ::oo::Helpers::mymethod {method args} {
    list [uplevel 1 {namespace which my}] $method {*}$args
}
proc ::oo::Helpers::classvariable {name args} {
    set ns [info object namespace [uplevel 1 {self class}]]
    foreach v [list $name {*}$args] { uplevel 1 [list namespace upvar $ns $v $v] }
}
oo::class create Widget {
    constructor {} { classvariable count; incr count; my variable id; set id $count }
    method id {} { my variable id; return $id }
    method callback {} { return [mymethod Fire 1 2] }
    method Fire {a b} { return "fired $a $b [my id]" }
}
set w1 [Widget new]; set w2 [Widget new]
puts [$w2 id]
set cb [$w1 callback]
puts [{*}$cb]
oo::class create Base { method describe {} { return "[info object class [self]] via [self class]" } }
oo::class create Sub { superclass Base; method describe {} { return "sub+[next]" } }
puts [[Sub new] describe]
puts [llength [info class instances Widget]]
oo::objdefine $w1 { method extra {} { return extra }; export extra }
puts [$w1 extra]
puts [lsort [info object methods $w1 -all]]
oo::class create Stack {
    variable items
    constructor {} { set items {} }
    method push {x} { lappend items $x; return [llength $items] }
    method pop {} { set x [lindex $items end]; set items [lrange $items 0 end-1]; return $x }
    method size {} { llength $items }
}
Stack create s
s push 1; s push 2; s push 3
puts "[s pop] [s size]"
oo::class create Mixer { method push {x} { next [string toupper $x] } }
oo::objdefine s mixin Mixer
s push abc
puts [s pop]
puts [catch {s nosuch} m]:$m
