set scripts [list "set a {b} c" {set a "b"c} "set a \[b" "set a \"b" "set a \{b" {set a $x(} "set a {b}c" "puts \[a\]\]"]
foreach s $scripts {
    set code [catch $s msg]
    puts "[list $s] -> $code $msg"
}
puts [info complete "set a \{"]
puts [info complete "set a {}"]
puts [info complete "puts \[a"]
puts [info complete "puts \"a"]
