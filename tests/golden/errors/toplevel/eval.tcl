eval {
  error x
}
