# upvar to a variable the proc already links by `variable` (or an alias of it,
# as snit's typevariable) is no "upvar to itself" (tcllib fileutil::multi::op)
namespace eval ns { variable tmap; array set tmap {a 1}; variable plain 5 }
proc ns::inner {} {
    variable tmap
    variable plain
    upvar 1 tmap tmap plain plain
    list $tmap(a) $plain
}
proc ns::outer {} {
    variable tmap
    variable plain
    inner
}
puts [ns::outer]
interp alias {} ::ns::typevariable {} ::variable
proc ns::inner2 {} {
    typevariable tmap
    upvar 1 tmap tmap
    set tmap(a)
}
proc ns::outer2 {} { typevariable tmap; inner2 }
puts [ns::outer2]
proc ns::g {} { global gv; upvar 1 gv gv; set gv }
proc ns::h {} { global gv; g }
set gv G
puts [ns::h]
proc self {} { set x 1; catch {upvar 0 x x} m; set m }
puts [self]
catch {upvar 0 gv gv} m; puts $m
catch {upvar #0 gv gv} m; puts $m
proc q {} { variable ::ns::plain; upvar 0 ::ns::plain plain; set plain }
puts [q]
namespace eval ns { variable x 1 }
proc ns::p {} { variable x; set y 1; info locals }
puts [ns::p]
interp alias {} ::ns::tv {} ::variable
proc ns::p2 {} { tv x; set y 1; list [info locals] [lsort [info vars]] }
puts [ns::p2]
proc ns::p3 {} { tv x; unset x; list [info exists x] [info exists ::ns::x] }
puts [ns::p3]
proc ns::p4 {} { set x 3; catch {tv x} m; set m }
puts [ns::p4]
proc ns::p5 {} { tv x; tv x; set x }
puts [ns::p5]
proc ns::p6 {} { global x; catch {tv x} m; set m }
puts [ns::p6]
