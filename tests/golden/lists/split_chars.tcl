# split on one character (str.split) and on several (a cached regex class)
foreach {s c} {"a,b,,c," , "a b  c" {} ",," , "x" , "a\tb\nc d" "\t\n " "a-b]c^d\\e" "]^\\-" "aXbYc" XY "" , "héllo wörld" ö "abc" {}} {
    puts [list [split $s $c]]
}
puts [split "a b\tc"]
puts [split "a\u0000b" "\u0000"]
