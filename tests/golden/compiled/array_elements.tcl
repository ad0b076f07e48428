# array elements with computed keys read and written in place
# (compile/script.py compile_varref, compile/inline.py _set_element)
proc show {script} {
    set code [catch {uplevel 1 $script} r]
    puts "$code [string map {\n |} $r]"
    if {$code == 1} { puts "  [string map {\n |} $::errorInfo] / $::errorCode" }
}
proc arrays {} {
    set sum 0
    for {set i 0} {$i < 10} {incr i} {
        set a(k[expr {$i % 3}]) $i
        set k x$i
        set b($k) [expr {$i * 2}]
        set c($i) $i
        incr sum $a(k[expr {$i % 3}])
    }
    set n(1,2) q
    set j 1
    set n($j,2) r
    list $sum [lsort [array names a]] $b(x4) $c(9) $a(k0) $n(1,2) [array size b] $b($k)
}
puts [arrays]
proc weird {} { set k "x)y(z"; set a($k) 1; set a(p$k) 2; lsort [array names a] }
puts [weird]
show {apply {{} { set k q; set a(x) 1; set a($k) }}}
show {apply {{} { set k q; set a(x) 1; return $a($k) }}}
proc traced {} {
    array set a {}
    trace add variable a {write read} {apply {{n1 n2 op} { puts "$op $n1 $n2" }}}
    set k z
    set a($k) 1
    return $a($k)
}
puts [traced]
proc linked {} { upvar 1 g($::key) v; set v 5; set k $::key; return [uplevel 1 {set g(kk)}] }
set key kk
puts [linked]
namespace eval ::nsa { variable arr; array set arr {}; set k 1; set arr($k) one; puts $arr($k) }
set ::garr(1) 0
proc glob {} { global garr; set k 1; set garr($k) 7; return $garr($k) }
puts [glob]$::garr(1)
