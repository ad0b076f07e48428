# C3: ${name without its close-brace is Tcl's own error, wherever it is
foreach script [list "puts \${abc" "puts x\${abc" "puts \"\${abc\"" \
		    "puts \[list \${a" "set x 1; puts \${x" "puts a\$\{"] {
    puts [list [catch $script m] $m [info complete $script]]
}
set script "set ok 1\nputs \${abc"
catch $script m
puts "$m | $::errorInfo | ok=$ok"
set x 5
puts ${x}y[set {x}]

# C4: each level of [[[...]]] is a nested evaluation
proc nest {n} {
    return "[string repeat \[ $n]list a[string repeat \] $n]"
}
puts [list [catch [nest 500] m] $m]
puts [list [catch [list eval [nest 1000]] m] $m]
puts [list [catch [list eval [nest 20000]] m] $m]

# C5: an index beyond a C int is a bad index, however it was made
set big [expr {10**400}]
foreach idx [list $big -$big end-$big $big+1 [expr {2**40}] [expr {-(2**40)}] 4294967296 \
		 2147483648 -4294967295] {
    puts [list [catch {lindex {a b} $idx} m] [string range $m 0 40]]
    puts [list [catch {string index ab $idx} m] [string range $m 0 40]]
    puts [list [catch {lrange {a b} 0 $idx} m] [string range $m 0 40]]
}
proc p {l i} {lindex $l $i}
puts [list [catch {p [list a b] [expr {10**20}]} m] $m]
puts [list [catch {p [list a b] [expr {-(10**20)}]} m] $m]
