puts a
puts b; set y 1
set x {b
puts c
