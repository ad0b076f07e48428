puts a
puts "unterminated
puts b
