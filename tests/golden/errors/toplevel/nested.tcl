while 1 {
  if 1 {
   error x
  }
}
