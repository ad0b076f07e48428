proc show {script} {
    set code [catch $script msg opts]
    dict unset opts -errorstack
    puts "[list $script] -> $code [list $msg] $opts"
}
show {nosuch}
show {error x}
show {error a b c}
show {error a {} c}
show {return -code error -errorcode E y}
proc p {} {error inproc}
show {p}
show {set x 1}
show {break}
show {continue}
show {return -level 2 -foo bar v}
show {return v}
show {expr {1/0}}
show {lindex {a b} x}
show {throw {A B} msg}
