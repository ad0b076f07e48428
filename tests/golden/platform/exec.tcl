# exec and command pipelines: results, redirections and error conventions.
proc show {script} {
    if {[catch {uplevel 1 $script} m o]} {
        regsub -all {[0-9]{3,}} [dict get $o -errorcode] N code
        puts "error: $m | $code"
    } else {
        regsub -all {[0-9]{3,}} $m N m
        puts "ok: $m"
    }
}
set tmp [file join [pwd] exec-golden.tmp]
show {exec echo hello world}
show {exec echo a b c | wc -w}
show {exec printf "a\r\nb\n\n"}
show {exec -keepnewline echo a}
show {exec cat << "from a here-string"}
show {exec sh -c "echo to stderr >&2" 2>@1}
show {exec sh -c "echo to stderr >&2" |& cat}
show {exec -ignorestderr sh -c "echo out; echo err >&2 2>/dev/null"}
show {exec echo into a file > $tmp; exec cat $tmp}
show {exec echo appended >> $tmp; exec cat < $tmp}
show {exec sh -c "echo both; echo err >&2" >& $tmp; exec cat $tmp}
show {exec -- echo --}
show {llength [exec true &]}
show {exec echo a | nosuch_program_xyz | cat}
show {exec cat <@ stdout}
show {exec echo >@ stdin}
show {exec}
show {exec < /dev/null}
show {exec echo a 2>}
show {set f [open "|echo abc"]; list [gets $f] [llength [pid $f]] [close $f]}
show {set f [open "|cat" r+]; puts $f hi; flush $f; set x [gets $f]; close $f; set x}
show {set f [open "|cat" r+]; puts $f "one\ntwo"; close $f write; set x [read $f]; close $f; set x}
show {set f [open "|cat > $tmp" w]; puts $f written; close $f; exec cat $tmp}
show {open "|cat > $tmp" r}
show {open "|cat < $tmp" w}
show {string is integer [pid]}
show {pid stdout}
show {pid no_such_channel}
show {expr {[auto_execok sh] ne ""}}
show {auto_execok no_such_program_xyz}
file delete $tmp
