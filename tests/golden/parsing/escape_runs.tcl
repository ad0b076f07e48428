# Runs of backslash sequences (one grammar token since the A8 fix) decode
# as each sequence alone would, in quoted, bare and index words.
puts "a\x41\x4g\101\u00e9\n\\\t|"
puts a\x41\nb
puts [list \a\b c]
puts "\
x"
puts {\a\b}
set arr(AB) ok
puts $arr(\x41\x42)
puts [string length "[string repeat \\a 3]\a\a\a"]
puts [string length \a\a\a\a\a]
puts \101\1012\u00411\U000041x
puts [scan "\x7f\x80\xff" %c%c%c]
puts a\
