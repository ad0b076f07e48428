# Array elements read and written in a generated proc body: keys built of
# parts, missing elements and arrays, traces, a scalar used as an array,
# upvar'd arrays, and what `set` returns.

proc fill {n} {
    set sum 0
    for {set i 0} {$i < $n} {incr i} {
        set a(k[expr {$i % 3}]) $i
        incr sum $a(k[expr {$i % 2}])
        set b($i,x) [expr {$i * 2}]
    }
    list $sum [lsort [array names a]] $a(k0) $b(2,x) [array size b]
}
puts [fill 7]

proc errors {} {
    set out {}
    set a(x) 1
    catch {set v $a(nokey)} msg
    lappend out $msg
    catch {set v $nosuch(1)} msg
    lappend out $msg
    set s scalar
    catch {set s(1) 2} msg
    lappend out $msg
    catch {set v $s(1)} msg
    lappend out $msg
    set k ""
    set a($k) empty
    lappend out $a() $a($k)
    return $out
}
puts [errors]

proc traced {} {
    set ::log {}
    array set a {x 1}
    trace add variable a write {apply {{n1 n2 op} {upvar 1 $n1 arr; set arr($n2) [expr {$arr($n2) * 10}]; lappend ::log $n2}}}
    trace add variable a read {apply {{n1 n2 op} {lappend ::log r:$n2}}}
    set r {}
    for {set i 0} {$i < 2} {incr i} {
        set a(k$i) $i
        lappend r $a(k$i)
    }
    list $r $::log
}
puts [traced]

proc via_upvar {name} {
    upvar 1 $name arr
    for {set i 0} {$i < 3} {incr i} { set arr(e$i) [expr {$i + 100}] }
    set last $arr(e2)
}
array set outer {}
puts [via_upvar outer]
puts [lsort [array get outer]]

proc where {} {
    set a(1) x
    set line [dict get [info frame 0] line]
    lappend r $a(1) $line
    set a([string toupper k]) [lindex [info level 0] 0]
    lappend r $a(K)
}
puts [where]
