# A safe interpreter cannot reach files, the process or the host; its
# parent can still run the hidden commands for it.
interp create -safe s
puts [interp issafe s]
foreach cmd {open exit cd pwd source glob load file fconfigure} {
    puts "$cmd: [catch {s eval [list $cmd /etc/hostname]} m] $m"
    puts "  hidden: [expr {$cmd in [interp hidden s]}]"
}
puts [catch {s eval {set f [open /etc/hostname]}} m]$m
puts [s invokehidden file join a b]
puts [catch {interp invokehidden s -global file tail /a/b/c} m]$m
puts [catch {s eval {interp invokehidden {} list a}} m]$m
puts [catch {s eval {interp hide {} list}} m]$m
puts [catch {s eval {interp expose {} open}} m]$m
puts [catch {s eval {interp recursionlimit {} 10}} m]$m
puts [catch {s eval {interp marktrusted {}}} m]$m
# children of a safe interpreter are safe too
puts [s eval {interp create x; interp issafe x}]
puts [catch {s eval {x eval {open /etc/hostname}}} m]$m
# aliases are how a safe interpreter gets a capability
interp alias s report {} set ::reported
s eval {report hello}
puts $::reported
# hide and expose in a trusted interpreter
interp create t
t hide lreverse
puts [catch {t eval {lreverse {a b}}} m]$m
puts [t invokehidden lreverse {a b}]
t expose lreverse
puts [t eval {lreverse {a b}}]
puts [catch {t hide set foo::set} m]$m
puts [catch {t expose nosuch} m]$m
puts [catch {t invokehidden nosuch} m]$m
interp delete s t
