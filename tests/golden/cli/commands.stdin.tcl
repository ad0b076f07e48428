# piped standard input runs command by command, as tclsh does
puts a
nosuch 1
puts b; nosuch 2; puts unreached
set x [expr {1/0}]
proc f {a} {
    return [expr {$a * 2}]
}
puts [f 21]
gets stdin line
this whole line is read by gets, not run
puts "got: $line"
error "an error with\na second line"
break
puts [info exists errorInfo]
catch {exit 7}
puts never
