# The errorCode of a bad operand says what kind of string it was
set x ""
foreach s {{$x + 1} {-$x} {$x * 2.0} {$x < 1} {$x ** 2} {"abc" + 1} {"08" + 1} {"0x" - 1}} {
    puts [list $s [catch [list expr $s] m] $m $::errorCode]
}
proc p {x} { list [catch {expr {$x + 1}} m] $m $::errorCode }
puts [p ""]
puts [p 09]
