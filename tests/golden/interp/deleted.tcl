# An interpreter deleted while it runs a script (by an alias it calls)
# stops at its next command with Tcl's error; a catch in it can't hold it.
proc show {script} {
    set r [catch {uplevel #0 $script} m]
    puts "[list $script] -> $r $m"
}
interp create tst
interp alias tst suicide {} interp delete tst
show {tst eval {suicide; set a 5}}
show {interp exists tst}
interp create tst
interp alias tst suicide {} interp delete tst
show {tst eval {set set set; catch {suicide; $set a 5} m; set m}}
interp create a
a eval {
    proc dodel {} {
        delme
        dosomething else
    }
    proc dosomething args {puts "not reached"}
}
a alias delme dela
proc dela {} {interp delete a}
show {a eval dodel}
# the child of a deleted interpreter goes with it
interp create p
interp create {p c}
interp alias p killme {} interp delete p
show {p eval {killme; c eval {set x 1}}}
show {interp exists p}
