# Channels belong to the interpreter that has them: a safe interpreter has
# no standard channels until its parent shares them; a transferred channel
# leaves its first owner.
proc show {script} {
    set r [catch {uplevel #0 $script} m]
    puts "[list $script] -> $r $m"
}
interp create -safe s
show {s eval puts hello}
show {s eval {puts stderr hello}}
show {s eval {chan names}}
interp share {} stdout s
s eval {puts "shared stdout"}
show {s eval {chan names}}
set path /tmp/tclish-golden-channels-[pid].txt
set f [open $path w]
interp transfer {} $f s
show {puts $f x}
show {expr {$f in [chan names]}}
s eval [list puts $f "written in the child"]
s eval [list close $f]
set f [open $path]
show {read $f}
close $f
file delete $path
set f [open [info script]]
interp share {} $f s
show {s eval [list gets $f]}
close $f
show {s eval [list gets $f]}
interp create t
show {lsort [t eval {chan names}]}
t eval {puts "a trusted child writes to stdout"}
interp delete s t
