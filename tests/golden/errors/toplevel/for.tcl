for {set i 0} {$i<1} {incr i} {
  error x
}
