# scan's fast path (one regex per format) and its writes to a proc's locals
# must give what the item-by-item loop gives: partial matches, underflow,
# NaN, integers that wrap, and variables that are traced, linked or arrays
proc show {args} { puts [join $args " | "] }
proc run {fmt s} {
    set r [scan $s $fmt a b c d]
    foreach v {a b c d} { if {![info exists $v]} { set $v - } }
    show $fmt $s $r $a $b $c $d
}
run "%d %s %f %x" "12 abc 3.5 ff"
run "%d %s %f %x" "12 abc 3.5"
run "%d %s %f %x" "12 abc"
run "%d %s %f %x" ""
run "%d %s %f %x" "  "
run "%d %s %f %x" "x"
run "%d %s %f %x" "12 abc nan ff"
run "%d%d%d%d" "123"
run "%d,%d %c%s" "1,2  xyz"
run "%d,%d %c%s" "1, 2 xyz"
run "%x %o %b %i" "0x1f 17 101 012"
run "%X %o %b %i" "0b1 8 2 0x"
run "%ld %lld %u %d" "99999999999999999999 99999999999999999999 -1 -9223372036854775809"
run "%e %g %f %s" "-0 1e400 inf \u00a0tail"
run "%s%s%s%s" "a\u3000b c\td"
puts [scan "12 abc 3.5 ff" "%d %s %f %x"]
puts [scan "12 abc" "%d %*s %s"]
puts [scan "7 8" "%d %d"]
proc traced {} {
    set a 0
    trace add variable a write {apply {args { puts "write trace: $args" }}}
    array set arr {}
    upvar 0 arr(x) b
    set n [scan "5 6" "%d %d" a b]
    puts "$n $a $b [array get arr]"
    catch {scan "1" "%d" arr} msg
    puts $msg
}
traced
namespace eval ns { variable v 1 }
proc nsvar {} { variable ::ns::v; scan 42 %d v; return $::ns::v }
puts [nsvar]
proc linked {} { upvar 1 outer o; scan 9 %d o }
set outer 0; linked; puts $outer
