proc q {} {
  set y [list a [error x]]
}
q
