for {set i 0} {$i < 10} {incr i} {
    if {$i == 2} continue
    if {$i == 6} break
    puts -nonewline "$i "
}
puts ""
set i 0
while {$i < 5} { incr i 2 }
puts $i
foreach {a b} {1 2 3 4 5} { puts "$a-$b" }
foreach x {a b} y {1 2 3} { puts "$x/$y" }
puts [lmap x {1 2 3 4} { if {$x % 2} continue; expr {$x * 10} }]
set r [if {0} {set x no} elseif {1} {set x yes} else {set x never}]
puts $r
puts [if 1 then {list then-form}]
foreach w {apple banana cherry kiwi} {
    switch -glob -- $w {
        a* { puts "$w starts with a" }
        b* - c* { puts "$w starts with b or c" }
        default { puts "$w other" }
    }
}
switch -exact x { x {puts exact-x} }
puts [switch -regexp -- abc123 {{[0-9]+$} {format digits} default {format none}}]
set n 0
foreach x {1 2 3} { foreach y {a b} { incr n } }
puts $n
puts [catch {break} r]:[catch {continue} r]
