# TclOO: classes, inheritance, next, mixins, filters, forwards, variables, introspection
oo::class create Animal {
    variable name sound
    constructor {n} { set name $n; set sound ... }
    method speak {} { return "$name says [my Sound]" }
    method Sound {} { return $sound }
    method name {} { return $name }
    destructor { lappend ::log "bye $name" }
}
oo::class create Dog {
    superclass Animal
    constructor {n} { next $n; my variable tricks; set tricks {} }
    method Sound {} { return "woof ([next])" }
    method learn {t} { my variable tricks; lappend tricks $t; return [llength $tricks] }
}
set d [Dog new Rex]
puts [$d speak]
puts [$d learn sit][$d learn roll]
puts [list [catch {$d Sound} m] $m]
puts [list [catch {$d nosuch} m] $m]
puts [info object class $d]
puts [info class superclasses Dog]
puts [lsort [info class methods Animal -private]]
puts [info class methods Dog -all]
puts [info object isa typeof $d Animal]
puts [info class call Dog Sound]

# mixins and filters
oo::class create Loud { method speak {} { string toupper [next] } }
oo::objdefine $d mixin Loud
puts [$d speak]
oo::class create Logged {
    filter log
    method log args { lappend ::calls [self target]; next {*}$args }
}
oo::define Dog mixin Logged
set ::calls {}
$d name
puts $::calls
puts [info object call $d name]

# forward, export/unexport, self, objdefine
oo::objdefine $d forward shout string toupper
puts [$d shout hey]
oo::define Animal unexport name
puts [list [catch {[Dog new Fido] name} m] $m]
oo::define Animal export Sound
puts [[Animal new Cat] Sound]
oo::class create Counter {
    self method make {} { return [my new] }
    variable n
    constructor {} { set n 0 }
    method incr {} { incr n }
}
set c [Counter make]
$c incr; $c incr
puts [$c incr]
puts [info object vars $c]
set c2 [oo::copy $c]
puts [list [$c2 incr] [$c incr]]

# destruction: destructors run; deleting a class deletes its instances
set ::log {}
$d destroy
puts $::log
set a [Animal new Bird]
Animal destroy
puts [list $::log [info commands $a] [info commands Dog]]

# errors
puts [list [catch {oo::class create} m] $m]
puts [list [catch {info object class nosuch} m] $m]
puts [list [catch {oo::define Counter superclass Counter} m] $m]
oo::class create Broken { method m {} { error boom } }
catch {[Broken new] m}
puts $::errorInfo
puts [list [catch {next} m] $m]
