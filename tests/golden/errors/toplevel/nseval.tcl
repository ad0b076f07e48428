namespace eval foo {
  error x
}
