set x 1
switch $x {
 1 {
  error x
 }
}
