set a 0
puts [list [catch {subst {0[set a 1; set a 2}} msg] $a $msg]
puts [list [catch {subst {x[return {y} ; set a {}""]}} m] $m]
