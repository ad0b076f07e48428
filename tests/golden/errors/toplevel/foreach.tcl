foreach a {1} {
  error x
}
