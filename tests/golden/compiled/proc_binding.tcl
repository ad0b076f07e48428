# procs with defaults and args bound by a binder generated per proc (commands/procs.py)
proc pd {a {b 2} args} { list $a $b $args }
puts [pd 1]; puts [pd 1 3]; puts [pd 1 3 4 5]
catch {pd} m; puts $m
proc po {{a 1} b} { list $a $b }
puts [po 5 6]; catch {po 5} m; puts $m
proc pq {a {b x} {c y}} { list $a $b $c }
puts [pq 1]; puts [pq 1 2]; puts [pq 1 2 3]; catch {pq 1 2 3 4} m; puts $m
proc pargs {args} { llength $args }
puts [pargs]; puts [pargs a b c]
proc pdefargs {{args {1 2}}} { return $args }
puts [pdefargs]; puts [pdefargs x]
proc pf {a {b 2}} { info frame 0 }
puts [dict get [pf 1] proc]
proc none {} { return ok }
puts [none]; catch {none 1} m; puts $m
