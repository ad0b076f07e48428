# The Safe Base: a safe interpreter with checked aliases and an access path
set i [safe::interpCreate]
puts [interp issafe $i]
puts [catch {$i eval {open /etc/hostname}} m]$m
puts [catch {$i eval {source /etc/hostname}} m]$m
puts [catch {$i eval {source}} m]$m
puts [$i eval {file join a b}]
puts [$i eval {file tail /a/b/c}]
puts [catch {safe::interpFindInAccessPath $i /nope} m]$m
puts [safe::interpConfigure $i -nested]
puts [safe::interpConfigure $i -statics]
puts [safe::interpConfigure $i -deleteHook]
safe::interpConfigure $i -deleteHook {lappend ::hooked}
$i eval exit
puts [interp exists $i]
puts $::hooked
puts [catch {safe::interpCreate -stat true -nostat} m]$m
puts [catch {safe::interpCreate -nested 0 -nestedload} m]$m
