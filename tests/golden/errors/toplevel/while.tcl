while {1} {
  error x
}
