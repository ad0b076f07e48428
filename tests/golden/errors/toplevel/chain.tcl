proc a {} { b }
proc b {} { c }
proc c {} { error deep }
puts start
a
