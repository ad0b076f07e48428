set a [
  error x
]
