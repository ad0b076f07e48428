# Deleting a namespace leaves compiled (inlined) if/while/foreach as they
# were: an error inside them still reports only the innermost command and
# the proc line, as Tcl's bytecode does (tcllib's struct::tree deletes a
# namespace per tree).  A deleted namespace's commands that shadowed a core
# command stop shadowing it.
proc Call {cmd} {
    set code [catch {uplevel 2 $cmd} result]
    if {$code == 1} {
        return -errorinfo $::errorInfo -errorcode $::errorCode -code error $result
    }
}
proc walk {script} {
    set enter 1
    foreach node {a b} {
        while 1 {
            if {$enter} {
                # comment
                Call $script
            }
        }
    }
}
proc caller {} {
    set x 1
    walk {error fubar}
}
catch caller; puts $errorInfo
namespace eval scratch { variable v 1; proc p {} {} }
namespace delete scratch
catch caller; puts $errorInfo

# a deleted namespace's `set` no longer shadows the core command
namespace eval user { proc f {} { set x 1 } }
puts [user::f]
namespace eval user { proc set {args} { return shadowed } }
puts [user::f]
namespace delete user
namespace eval user { proc f {} { set x 1 } }
puts [user::f]
