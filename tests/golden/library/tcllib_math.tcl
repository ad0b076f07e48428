# Interpreter behaviour tcllib's math module relies on (math::exact,
# math::calculus, math::special); tcl_precision is in precision.tcl

# oo::define: only an empty body deletes a constructor or destructor; one of
# blanks replaces the superclass's (math::exact's counted class)
oo::class create Base {
    constructor {} { lappend ::log "Base ctor" }
    destructor { lappend ::log "Base dtor" }
}
oo::class create Blank {
    superclass Base
    constructor {} { }
    destructor {
    }
}
oo::class create Empty {
    superclass Base
    constructor {} {}
    destructor {}
}
set log {}
[Blank new] destroy
puts "blank bodies: $log"
set log {}
[Empty new] destroy
puts "empty bodies: $log"
puts [list [info class constructor Blank] [info class destructor Blank]]
puts [list [catch {info class constructor Empty} m] $m]
oo::class create Leaf { destructor {} }
oo::class create Chained { superclass Leaf; destructor { lappend ::log chained; next } }
set log {}
puts [list [catch {[Chained new] destroy} m] $m $log]
oo::class create Leaf2 { destructor { } }
oo::class create Chained2 { superclass Leaf2; destructor { lappend ::log chained2; next } }
set log {}
puts [list [catch {[Chained2 new] destroy} m] $m $log]

# namespace import asks auto_import first, which loads the commands the
# pattern names from tclIndex files on auto_path
set dir /tmp/tclish-golden-autoimport-[pid]
file mkdir $dir
set f [open $dir/helpers.tcl w]
puts $f {
    namespace eval ::mathish { namespace export expect* twice }
    proc ::mathish::expectNumber {x} { return "expected a number but found \"$x\"" }
    proc ::mathish::twice {x} { expr {2 * $x} }
    proc ::mathish::hidden {} { return hidden }
}
close $f
set f [open $dir/tclIndex w]
puts $f {# Tcl autoload index file, version 2.0
set auto_index(::mathish::expectNumber) [list source [file join $dir helpers.tcl]]
set auto_index(::mathish::twice) [list source [file join $dir helpers.tcl]]
set auto_index(::mathish::hidden) [list source [file join $dir helpers.tcl]]
}
close $f
lappend auto_path $dir
puts [info commands ::mathish::*]
namespace eval ::calc {
    namespace import ::mathish::expectNumber ::mathish::twice
    puts [lsort [namespace import]]
    puts [expectNumber bad]
    puts [twice 21]
}
puts [lsort [info commands ::mathish::*]]
namespace eval ::other {
    puts [list [catch {namespace import ::nowhere::cmd} m] $m]
    puts [list [catch {namespace import nothing} m] $m]
    puts [list [catch {namespace import {}} m] $m]
}
rename auto_import {}
namespace eval ::third { namespace import ::mathish::*; puts [lsort [namespace import]] }
file delete -force $dir

