puts a
set x {a}b
puts c
