# a coroutine living in an object's namespace goes with the object; yieldto from a nested proc
oo::class create Gen {
    variable n
    constructor {} { set n 0 }
    method step {} { incr n; yield $n; incr n 10; return $n }
    method run {} { coroutine [self namespace]::co my Loop }
    method Loop {} { yield ready; while 1 { set r [my step]; yield "r=$r" } }
}
set g [Gen new]
puts [$g run]
set co [info object namespace $g]::co
puts [list [$co] [$co] [$co] [$co]]
$g destroy
puts [info commands $co]
proc p {} { yieldto list a b }
coroutine c apply {{} { set x [p]; return "got $x" }}
puts [c 1 2 3]
oo::class create T { method t {} { tailcall list tail [self] } }
puts [lindex [[T new] t] 0]
coroutine z apply {{} { uplevel #0 {set ::zz [info coroutine]}; yield; return $::zz }}
puts [z]
