puts a
if {1} {
  puts in-body
  set x [foo
}
