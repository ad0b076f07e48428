puts "before"
proc f {x} { expr {$x / 0} }
f 1
puts "never"
