# Faults: each is the Tcl error tclsh gives, and nothing hangs.
proc show {script} {
    if {[catch {uplevel 1 $script} m o]} {
        regsub -all {[0-9]{3,}} [dict get $o -errorcode] N code
        regsub -all {\m(sock|file)[0-9a-f]+\M} $m CHAN m
        puts "error: $m | $code"
    } else {
        puts "ok: $m"
    }
}
# a missing program, in exec and in a pipeline
show {exec no_such_program_xyz}
show {exec echo a | no_such_program_xyz}
show {open "|no_such_program_xyz"}
# a program that fails, or is killed
show {exec sh -c "echo out; echo err >&2; exit 3"}
show {exec sh -c "kill -TERM \$\$"}
show {set f [open "|sh -c {exit 4}"]; close $f}
show {set f [open "|sh -c {echo oops >&2}"]; close $f}
# a broken pipe: the reader has gone
set f [open "|true" w]
after 200
show {puts $f [string repeat x 100000]; flush $f}
show {close $f}
# a refused connection
set s [socket -server {apply {{c a p} {close $c}}} -myaddr 127.0.0.1 0]
set port [lindex [fconfigure $s -sockname] 2]
close $s
show {socket 127.0.0.1 $port}
# a peer that disappears mid-read: gets sees end of file, no hang
proc accept {c a p} { puts -nonewline $c "partial line"; close $c; set ::accepted 1 }
set s [socket -server accept -myaddr 127.0.0.1 0]
set c [socket 127.0.0.1 [lindex [fconfigure $s -sockname] 2]]
vwait ::accepted
show {list [gets $c line] $line [eof $c]}
show {list [gets $c line] $line [eof $c]}
close $c
close $s
# bad redirections
show {exec echo a >}
show {exec cat < /no/such/file}
show {exec echo a |}
show {exec -badoption x}
show {vwait}
show {after 10 set ::x 1; vwait ::x; set ::x}
show {after info no_such_event}
show {socket -server foo -async 0}
