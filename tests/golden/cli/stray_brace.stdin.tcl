puts a
}
puts b
proc f {} {return c}
puts [f]
}