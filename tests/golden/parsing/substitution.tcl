# Tcl.n's twelve rules: words, quoting, substitution
set a 1; set b "x y"
puts "a=$a b=$b"
puts {no $subst [here]}
puts "nested [string length [list $b $a]] chars"
set arr(k1) v1; set arr($a) one; set idx k1
puts "$arr(k1) $arr($idx) $arr(1) ${a}b"
puts "dollar alone: $ and $. and a\$b"
puts "escapes: \x41\u00e9\t|\101|\\|\{|\}|\["
puts [list a\
    b]
puts [list {*}{1 2 3} {*}$b]
set x {a {b c} d}
puts [llength $x]
puts "semi;colon"; puts ok
puts a]b
puts {a {nested {braces}} here}
puts [set y "multi
line"]
# comment with { unbalanced brace only counts inside braces
puts "#not a comment"
puts [concat {} a "" b]
set ::g 7; puts $::g
puts "[set a 5][set a]"
