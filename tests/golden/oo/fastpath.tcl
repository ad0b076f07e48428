# Method calls that TclOO's fast path in tclish serves, and every change that
# must send a call back the general way (recorded from tclsh 8.6)
oo::class create C {
    variable count
    constructor {} { set count 0 }
    method bump {} { incr count }
    method add {a b} { expr {$a + $b} }
    method opt {a {b 10}} { list $a $b }
    method rest {a args} { list $a $args }
    method priv {} { return private } ; unexport priv
    method callpriv {} { my priv }
    method ret {} { return -code break }
    method err {} { error oops }
    method up {} { uplevel 1 {set here 1} }
    method tc {} { tailcall list tail [self] }
}
set o [C new]
puts [list [$o bump] [$o bump] [$o bump]]
puts [list [$o add 1 2] [$o add 3 4]]
puts [list [catch {$o add 1} m] $m]
puts [list [catch {$o add 1 2 3} m] $m]
puts [list [$o opt 1] [$o opt 1 2] [$o rest 1] [$o rest 1 2 3]]
puts [list [catch {$o priv} m] $m]
puts [$o callpriv]
puts [list [catch {$o ret} m] $m]
puts [list [catch {$o err} m] $m]
puts [string map [list \n |] $::errorInfo]
proc p {o} { $o up; set here }
puts [p $o]
puts [lrange [$o tc] 0 0]
# a redefinition after the calls above
oo::define C method add {a b} { expr {$a * $b} }
puts [$o add 3 4]
# an object method, a mixin, a filter, then none again
oo::objdefine $o method add {a b} { list own [next $a $b] }
puts [$o add 3 4]
oo::class create M { method add {a b} { list mixed [next $a $b] } }
oo::objdefine $o mixin M
puts [$o add 3 4]
oo::objdefine $o { mixin; deletemethod add }
puts [$o add 3 4]
oo::define C { method trace args { lappend ::calls [self target]; next {*}$args }; filter trace }
puts [$o bump]
puts $::calls
oo::define C filter {}
puts [$o bump]
puts [llength $::calls]
# declared variables: linked on every call, also after unset
unset [info object namespace $o]::count
puts [$o bump]
oo::define C variable count extra
oo::define C method both {} { list [info exists count] [info exists extra] }
puts [$o both]
# many objects made and destroyed between calls
set keep [C new]
for {set i 0} {$i < 5} {incr i} { set t [C new]; $t bump; $t destroy }
puts [list [$keep bump] [$o bump]]
# renaming the object's command
rename $o ::renamed
puts [::renamed bump]
puts [list [catch {$o bump} m] $m]
::renamed destroy
C destroy
puts [list [catch {$keep bump} m] $m]
