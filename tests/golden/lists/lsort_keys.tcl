# lsort builds its keys in one pass in the common case (no -index, -stride)
puts [lsort -integer {10 9 -3 0x10 8 1}]
puts [lsort -integer -decreasing [list 3 1 2 9223372036854775807 -9223372036854775808]]
puts [lsort -integer [list 18446744073709551615 1 2]]
puts [lsort {b a C 1 {}}]
puts [lsort -nocase {b a C}]
puts [lsort -real {1.5 1e1 -2 3}]
puts [lsort -dictionary {a10 a2 A1}]
puts [lsort -integer -unique {3 1 3 2 1}]
catch {lsort -integer {1 x 2 y}} m; puts $m
catch {lsort -integer {1 99999999999999999999 2}} m; puts $m
puts [lsort [list [list b a] a 3 2.5]]
