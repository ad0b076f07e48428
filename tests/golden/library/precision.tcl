# tcl_precision (math::fuzzy's tests set it): Tcl_PrintDouble's digits, one
# setting shared by every interpreter, checked on write, read back as the
# shared value
puts [list [info exists tcl_precision] $tcl_precision [trace info variable tcl_precision]]
puts [list [catch {set tcl_precision 18} m] $m $tcl_precision]
puts [list [catch {set tcl_precision -1} m] $m $tcl_precision]
puts [list [catch {set tcl_precision abc} m] $m $tcl_precision]
puts [list [catch {set ::tcl_precision 2.5} m] $m]
set tcl_precision 12
set x [expr {1.01/double(7)}]
puts "x $x"
puts "unbraced [expr (2.1*$x)*(double(7)/2.1)]"
set tcl_precision 17
puts "17: [expr {0.1}] [expr {1e20/3}] [expr {1e-7/3}] [expr {-2.5}] [expr {100.0}] [expr {1e-5}] [expr {-1e300}]"
set tcl_precision 1
puts "1: [expr {0.25}] [expr {0.35}] [expr {15.0}] [expr {95.0}] [expr {1e300*10}] [expr {1.5e16}] [expr {1.5e17}] [expr {-0.0}]"
set tcl_precision 3
puts "3: [expr {1/3.}] [expr {2/3.}] [expr {1234.5}] [expr {0.0001234}] [expr {123456789.0}] [format %s [expr {acos(-1)}]] [list [expr {1/7.}]]"
unset tcl_precision
puts "after unset: [info exists tcl_precision] [expr {1/3.}] $tcl_precision"
interp create kid
kid eval {set tcl_precision 6}
puts "set in a child: [expr {1/3.}] $tcl_precision"
interp create -safe sandbox
puts [list [catch {sandbox eval {set tcl_precision 4}} m] $m [sandbox eval {set tcl_precision}]]
interp delete sandbox
interp delete kid
set tcl_precision 0
puts "0: [expr {1/3.}] [expr {1e-5}] [expr {0.1+0.2}]"
