# return -code error -errorinfo leaving a proc, source or apply: the caller's command
# still logs its "invoked from within" line (tcllib's struct::tree and snit rely on it)
proc p {} {return -code error -errorinfo XX boom}
catch {set a [p]}; puts "B: $errorInfo"
catch {set a [return -level 0 -code error -errorinfo XX boom]}; puts "C: $errorInfo"
set f [open return_errorinfo.tmp w]; puts $f {return -code error -errorinfo XX boom}; close $f
catch {set a [source return_errorinfo.tmp]}; puts "A: $errorInfo"
file delete return_errorinfo.tmp
proc q {} {
   set a 1
   set b [list [uplevel 1 {p}]]
}
catch {q}; puts "D: $errorInfo"
catch {set a [error boom XX]}; puts "E: $errorInfo"
proc p2 {} {return -level 2 -code error -errorinfo XX boom}
proc q2 {} {
   set a 1
   set b [list [p2]]
}
catch {set x [q2]}; puts "F: $errorInfo"
catch {eval {set x [q2]}}; puts "G: $errorInfo"
catch {apply {{} {return -code error -errorinfo XX boom}}}; puts "H: $errorInfo"
puts ----
proc inner {} { error boom }
proc disp {args} {
    set code [catch {uplevel 1 inner} result]
    return -errorinfo "custom info" -errorcode X -code error $result
}
proc foo {} {
    set x 1
    disp a b
}
catch foo m; puts $::errorInfo
puts ----
proc foo2 {} {
    set x 1
    if {$x} {
        while 1 {
            foreach y {1 2} {
                set z [list a [disp a b]]
            }
        }
    }
}
catch foo2 m; puts $::errorInfo
puts ----
proc w {} {
    set x 1
    if {$x} {
        while 1 {
            foreach y {1 2} {
                set z [list a [inner]]
            }
        }
    }
}
catch w m; puts $::errorInfo
puts ----
# an -errorinfo that is a number (a catch result) is still text
proc num {} { return -code error -errorinfo [catch {error foo bar baz}] }
catch {set r [num]}; puts [list $errorInfo $errorCode]
