puts a b
puts [llength "x y z"]
puts x y
puts [string length ""]
# a comment that ends in a backslash \