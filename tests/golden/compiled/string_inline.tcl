# llength and string length/index/range compiled in place (compile/inline_data.py)
proc s {} {
    set s "hello world"
    set l [list a b {c d}]
    set n 42
    list [llength $l] [llength "x y z"] [llength {}] [string length $s] [string length $n] \
        [string length $l] [string index $s 0] [string index $s 4] [string index $s 99] \
        [string index $s -1] [string index $s end] [string index $n 1] [string range $s 0 4] \
        [string range $s 6 end] [string range $s -5 2] [string range $s 8 99] \
        [string range $s 5 2] [string range $s end-4 end] [string index "\u00e9t\u00e9" 2] \
        [string range 12345 1 2]
}
puts [s]
foreach script {
    {llength "a \{"}
    {string index abc x}
    {string range abc 0 y}
    {string length}
    {string index abc}
} {
    catch $script m; puts $m
    catch [list apply [list {} $script]] m; puts $m
}
proc later {} { list [llength {a b}] [string length abc] }
puts [later]
rename llength _llength
proc llength {x} { return "mine" }
puts [later]
rename llength {}; rename _llength llength
puts [later]
