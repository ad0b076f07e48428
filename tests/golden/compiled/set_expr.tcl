# set x [expr {...}] evaluated by set's compiled form (compile/inline.py):
# results, bool normalisation, errors and their errorInfo, traces, arrays.
proc show {script} {
    set code [catch {uplevel 1 $script} r]
    puts "$code [string map {\n |} $r]"
    if {$code == 1} { puts "  [string map {\n |} $::errorInfo] / $::errorCode" }
}
proc calc {a b} {
    set x [expr {$a + $b}]
    set y [expr {$a < $b}]
    set z [expr {$a / 2.0}]
    set w [expr {$x}]
    set v [expr {"0x10"}]
    set u [expr {(($a << 7) | ($b >> 25)) & 0xffffffff}]
    list $x $y $z $w $v $u
}
puts [calc 3 4]
show {calc 3.5 1e3}
show {calc a 1}
show {apply {{} { set q [expr {1/0}] }}}
show {apply {{} { set q [expr {$nosuch + 1}] }}}
show {apply {{} { set a(1) 1; set a [expr {2 + 2}] }}}
proc traced {} {
    trace add variable t write {apply {{args} {puts "wrote [uplevel 1 {set t}]"}}}
    set t [expr {6 * 7}]
}
puts [traced]
proc arr {} { set x(1) 0; set y [expr {$x(1) + 1}]; return $y }
puts [arr]
