if {1} {
  error x
}
