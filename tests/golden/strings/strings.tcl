proc say {args} { puts [join $args { }] }
set s "Hello, World"
say [string length $s] [string index $s 4] [string range $s 7 end] [string toupper $s]
say [string first o $s] [string last o $s] [string match H*d $s] [string equal a b]
say [string compare abc abd] [string repeat ab 3] [string reverse abc] [string trim "  x  "]
say [string map {a 1 b 2} abcab] [string is integer 42] [string is integer x] [string totitle hELLO]
say [format "%5d|%-5s|%05.2f|%x|%o|%e|%c|%%" 42 ab 3.14159 255 8 12345.678 65]
say [format "%s %s" a b] [format %3\$s-%1\$s-%2\$s a b c]
say [scan "12 abc 3.5" "%d %s %f"]
say [regexp {([a-z]+)([0-9]+)} "xyz123" all w n] $all $w $n
say [regsub -all {o} "foo boo" 0] [regsub {(\w+) (\w+)} "hello world" {\2 \1}]
say [string is double 1e5] [string is boolean yes] [string wordend "ab cd" 0]
append t a b c; say $t
say [subst {$s [string length x] \t}]
