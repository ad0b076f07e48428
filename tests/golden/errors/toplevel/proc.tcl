proc p {} {
 foreach a {1} {
  error x
 }
}
p
