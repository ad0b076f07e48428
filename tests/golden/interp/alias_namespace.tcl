# An alias within one interpreter runs its target where the alias was called:
# in the calling proc's namespace (snit's typevariable is an alias of ::variable).
namespace eval dog {}
interp alias {} ::dog::typevariable {} ::variable
proc ::dog::m {} { typevariable theValue; set theValue 5; namespace current }
puts [dog::m]
puts [info exists ::dog::theValue]
puts [info vars ::dog::*]
proc ::dog::c {} { typevariable thatvar 2 }
dog::c
puts [lsort [info vars ::dog::*]]
interp alias {} ::dog::nscur {} ::namespace current
proc ::dog::n {} { nscur }
puts [dog::n]
proc ::dog::u {} { typevariable arr; set arr(x) 1; array names arr }
puts [dog::u]
# the target name itself is still looked up from the global namespace
proc ::dog::variable {args} { return dog-variable }
proc ::dog::v {} { typevariable other 3; list [info exists ::dog::other] [variable x] }
puts [dog::v]
interp alias {} ::dog::lvl {} ::info level
proc ::dog::l {a b} { lvl 0 }
puts [dog::l 1 2]
interp alias {} ::dog::up {} ::uplevel 1
proc ::dog::w {} { set local inw; dog::inner }
proc ::dog::inner {} { set local ininner; up {set local} }
puts [dog::w]
