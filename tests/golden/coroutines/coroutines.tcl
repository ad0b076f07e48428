# Coroutines: yield from nested procs, uplevel and foreach bodies; yieldto;
# info coroutine; deletion; errors and return codes crossing a resume.
proc gen {n} {
    yield [info coroutine]
    for {set i 0} {$i < $n} {incr i} { yield $i }
    return done
}
puts [coroutine g gen 3]
puts [list [g] [g] [g] [g] [info commands g]]

proc inner {x} { yield "inner $x"; return [yield "again $x"] }
proc outer {} { foreach x {a b} { uplevel 1 [list set last $x]; set r [inner $x]; lappend ::log $r } }
set ::log {}
coroutine o outer
puts [list [o] [o 1] [o] [o 2] [info commands o] $::log]

# a generator written with a namespace proc, resumed from a proc
namespace eval ns {
    proc counter {} { set n 0; while 1 { incr n [yield $n] } }
}
proc drive {} { coroutine ::c ns::counter; list [c 5] [c 10] [c 0] }
puts [drive]
rename c {}
puts [info commands c]

# yield outside a coroutine, wrong resume args, running coroutine
puts [list [catch {yield} m] $m]
coroutine k apply {{} { yield; yield }}
puts [list [catch {k a b} m] $m]
coroutine self apply {{} { catch {self} m; yield $m }}
puts [list [catch {self} m] $m]

# errors and other codes come out of the resume, and the coroutine is gone
coroutine e apply {{} { yield 1; error ouch }}
puts [list [catch e m] $m [catch e m] $m]
foreach code {0 1 2 3 4 5} { lappend codes [catch {coroutine demo return -level 0 -code $code}] }
puts $codes

# yieldto: the resumer runs the command; the coroutine gets all args back
proc body {} { set a [yield start]; while 1 { set a [yieldto string toupper $a] } }
coroutine y body
puts [list [y hello] [y x y z]]
rename y {}

# deletion of a suspended coroutine unwinds it
coroutine d apply {{} { yield 1; yield 2 }}
puts [list [rename d {}] [info commands d] [catch d m] $m]

# info coroutine after renaming
coroutine r apply {{} { while 1 { yield [info coroutine] } }}
rename r r2
puts [r2]
namespace eval q { coroutine gen2 ::apply {{} { yield [info coroutine] }} }
puts [q::gen2]
puts [info coroutine]
# an error inside a coroutine, as errorInfo reports it
proc failing {} { yield; expr {1 / 0} }
coroutine f failing
f
