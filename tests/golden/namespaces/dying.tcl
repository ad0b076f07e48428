# A namespace deleted while a namespace eval runs in it only dies (Tcl's NS_DYING):
# no longer found by name (a tailcall from it fails), its commands and variables
# kept until that evaluation ends (tailcall.test 14.1)
puts [list [catch {
namespace eval ns {
    proc p args {
        tailcall [namespace current] $args
    }
    namespace delete [namespace current]
    p
}} m] $m]
puts [list [catch {
namespace eval ns2 {
    proc p args {
        tailcall [namespace current] {*}$args
    }
    namespace delete [namespace current]
    p
}} m] $m]
namespace eval ns3 {
    proc p {} { return [namespace current] }
    namespace delete [namespace current]
    puts [list [catch p m] $m [namespace current] [namespace exists ::ns3]]
    proc q {} { return q }
    puts [list [catch q m] $m]
    puts [list [catch {variable v 1} m] $m]
    puts [info commands ::ns3::*]
}
puts [namespace exists ns3]
namespace eval a {
    namespace eval b { proc pb {} { return pb } }
    variable v 1
    trace add variable v unset {apply {args {lappend ::log unset-v}}}
    proc pa {} { return pa }
    namespace delete ::a
    lappend ::log [namespace exists ::a] [namespace exists ::a::b] [pa] [set v] [namespace current]
    lappend ::log [catch {namespace eval ::a::b {}} m]
}
lappend log [namespace exists ::a] [info commands ::a::*]
puts $log
namespace eval c { namespace eval d { namespace delete ::c; lappend ::log2 [namespace exists ::c::d] [namespace current] } }
lappend log2 [namespace exists ::c::d] [namespace exists ::c]
puts $log2
