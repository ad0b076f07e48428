# A name "(elem)" is an element of the array named "" -- a "::" in the
# element is no namespace (tcllib's struct::set keeps its sets in `($x)`).
proc f {} { set (a::foo) 1; set x(b::c) 2; lappend (a::foo) 2; list [array get {}] [info exists (a::foo)] [array names x] }
puts [f]
set (q::r) 3
puts [array get {}]
incr (n) 5
puts [lsort [array names {}]]
unset (q::r)
puts [array get {}]
set y(m::n) 5
proc g {} { upvar 1 y(m::n) z; set z }
puts [g]
proc h {k} { foreach e {a b a} { set (${k}::$e) . }; lsort [array names {}] }
puts [h u]
set () empty
puts [set ()]
puts [array get {} {}]
