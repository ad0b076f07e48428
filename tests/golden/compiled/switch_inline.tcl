# switch compiled in place (compile/inline_switch.py): results, fall-through,
# default, -nocase, the string word never taken for an option, errorInfo
# with and without the arm note (Tcl compiles only some forms), info frame
# lines inside arms, and redefinition after compiling.
proc show {script} {
    set code [catch {uplevel 1 $script} r]
    puts "$code [string map {\n |} $r]"
    if {$code == 1} { puts "  [string map {\n |} $::errorInfo]" }
}
proc classify {x} {
    switch -exact -- $x {
        a - b { return ab }
        c { return c }
        default { return other }
    }
}
foreach v {a b c d default -exact {}} { puts "$v -> [classify $v]" }
proc g {x} {
    switch -glob -nocase -- $x {
        A* { return A }
        *z - ?q { return zq }
        [0-9]* { return digit }
        default { return none }
    }
}
foreach v {abc Abc xz aq 7up hello ""} { puts "$v -> [g $v]" }
proc nodefault {x} { set r [switch -- $x {a {list A}}]; return "<$r>" }
puts [nodefault a][nodefault b]
proc defaultnotlast {x} { switch -- $x {default {return D} a {return A}} }
puts [defaultnotlast default][defaultnotlast zz][defaultnotlast a]
proc words {x} { switch -glob -- $x a* {return A} b - c {return BC} }
puts [words abc][words c][words q]
proc opt {x} { switch $x {-foo {return foo} default {return other}} }
puts [opt -foo][opt x]
proc num {i} { switch -- [expr {$i % 3}] {0 {return zero} 1 {return one} default {return two}} }
puts [num 3][num 4][num 5][num 0x10]
proc arms {x} {
    switch -- $x {
        a {
            set y 1
            error "in a"
        }
        b {
            info frame 0
        }
    }
}
show {arms a}
puts [dict get [arms b] line]
proc arms2 {x} {
    switch -exact $x {
        a {
            error "in a"
        }
    }
}
show {arms2 a}
show {switch a a {error "sep words"} default {}}
show {switch -nocase -exact -- A {a {error nocase}}}
show {switch -glob -- a {a {error glob}}}
show {switch -regexp -- abc {b {error regexp}}}
show {switch -- a {a {error x} default}}
show {switch -exact -exact -- a {a {error x}}}
show {switch -foo -- a {a {error x}}}
proc loop {} {
    set out {}
    foreach x {1 2 3 4 5} {
        switch -- $x { 2 { continue } 4 { break } default { lappend out $x } }
    }
    return $out
}
puts [loop]
proc later {x} { switch -- $x {a {return A} default {return D}} }
puts [later a]
rename switch _switch
proc switch {args} { return "redefined: $args" }
puts [later a]
rename switch {}
rename _switch switch
puts [later a]
show {switch -regexp -nocase -- aBc {b {error x}}}
show {switch -r -- aBc {B {error x}}}
show {switch -regexp -- aBc {( {error x}}}
show {switch -regexp -matchvar m -- aBc {B {error x}}}
show {switch -glob -- a a {error x}}
