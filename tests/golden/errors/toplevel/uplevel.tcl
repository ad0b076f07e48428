uplevel #0 {
  error x
}
