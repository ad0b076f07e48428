proc say {args} { puts [join $args " "] }
say [format "%-8s|%8s|%08.3f|%+d|% d|%#x|%#o|%5.1e|%g|%G" ab cd 3.14159 5 5 255 8 12345.678 0.0001 1e20]
say [format "%s" [list a "b c"]] [format "%3\$s %1\$s %2\$s" a b c] [format "%c%c" 72 105]
say [format "%.3s|%-5d|%05d|%x|%X" abcdef 42 -42 3054 3054]
say [scan "0x1f 077 10" "%x %o %d"] [scan "abc123" "%\[a-z\]%d"] [scan "  42  " "%d"]
say [scan "3.5e2 rest" "%f %s" a b] $a $b
say [string map {ab X b Y} abcabd] [string map -nocase {A x} aAbB]
say [string range "hello world" 3 end-2] [string replace hello 1 3 ABC] [string repeat - 5]
say [string first l hello 3] [string last l hello 2] [string index hello end-1]
say [string is alpha abc] [string is digit 12a] [string is list {a {b}}] [string is double .5e3]
say [string trimleft "xxabcxx" x] [string trimright "  abc  "]| [string tolower ABC] [string totitle "hello WORLD"]
say [string compare -nocase ABC abd] [string equal -length 2 abc abd] [string match -nocase A*C abc]
say [string wordstart "one two three" 5] [string wordend "one two three" 5] [string bytelength "héllo"]
say [regexp -all -inline {\d+} "a1b22c333"] [regexp -indices {b(\d+)} "ab12c" m g] $m $g
say [regsub -all {(\w)(\w)} "abcd" {\2\1}] [regsub -nocase {HELLO} "hello there" "bye"]
say [regexp {^(?:a|ab)c$} abc] [regexp -line {^b$} "a\nb\nc"] [regexp {[[:digit:]]+} x42y m] $m
say [split "a:b::c" :] [join {a {b c} d} -] [string reverse "abc"] [string length ""]
say [lsort -dictionary {a10 a2 A1 b}] [lsort -unique {b a b c a}] [lsort -index 1 {{x 3} {y 1} {z 2}}]
say [lsearch -sorted -integer {1 3 5 7} 5] [lsearch -all -not {a b a c} a] [lsearch -inline -glob {foo bar baz} ba*]
