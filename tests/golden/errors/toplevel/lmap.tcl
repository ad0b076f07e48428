lmap a {1} {
  error x
}
