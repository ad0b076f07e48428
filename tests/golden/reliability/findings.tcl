# The findings of the reliability review (../shared/reliability/FINDINGS.md)
# whose answer is Tcl-level: each line shows a reproduction's result and
# message as tclsh gives them.  docs/reliability.md maps each finding to
# the test that covers it.
proc show {id script} {
    set r [catch {uplevel #0 $script} m opts]
    set code [expr {$r == 1 ? " ([lrange [dict get $opts -errorcode] 0 1])" : ""}]
    puts "$id [list $script] -> $r [string range $m 0 120]$code"
}
# (tclsh's own text for a name with a NUL is whatever errno was left over:
# only the message's start is compared)
proc nul_path {script} {
    set r [catch {uplevel #0 $script} m]
    puts "B5 [list $script] -> $r [string match {could not read "a?b": *} $m]"
}
show B1 {string length [expr {10**5000}]}
show B1 {string range [expr {-7**9000}] 0 10}
show B2 {open /tmp/x rw+x}
show B3 {read stdin 99999999999999999999}
show B3 {read stdin 4294967296}
show B3 {read stdin -1}
show B4 {set f [open [info script]]; try {seek $f 99999999999999999999} finally {close $f}}
foreach sub {atime mtime size type} {
    nul_path [list file $sub "a\0b"]
}
nul_path {file stat "a\0b" v}
foreach sub {exists readable writable executable isfile isdirectory owned} {
    show B5 [list file $sub "a\0b"]
}
show B6 {file mtime [info script] 99999999999999999999}
show B7 {package vcompare :: x}
show B7 {package vsatisfies 1 ::}
show B8 {interp recursionlimit {} 0x}
show B9 {interp create {}}
show B10 {binary decode uuencode \u00e9}
show B11 {source -encoding nosuch [info script]}
show B11 {encoding convertto nosuch abc}
show C5 {lindex {a b} [expr {10**400}]}
foreach f {c s i I n w W m t} {
    show C6 [list binary format $f [expr {10**20}]]
    show C6 "binary format $f 18446744073709551615; list ok"
}
show C6 {clock format 99999999999999999999}
show C6 {clock add 0 99999999999999999999 seconds}
show C6 {clock add 0 4294967296 days}
show C6 {clock add 0 4294967295 days}
show C6 {after 99999999999999999999 {puts never}}
show C6 {after cancel [after 99999999999 {puts never}]}
show C6 {interp recursionlimit {} 99999999999999999999}
show C6 {set f [open [info script]]; try {fconfigure $f -buffersize 99999999999} finally {close $f}}
show C6 {set f [open [info script]]; try {fconfigure $f -buffersize 4294967295; fconfigure $f -buffersize} finally {close $f}}
show C6 {set f [open [info script]]; try {fconfigure $f -buffersize 99999999; fconfigure $f -buffersize} finally {close $f}}
show C7 {info frame 99999999999}
show C7 {info level 99999999999999999999}
show C7 {info level 4294967296}
show C7 {info level 4294967295}
show C8 {set n NaN; expr {int($n)}}
show C8 {set n NaN; expr {round($n)}}
show C8 {set n NaN; expr {wide($n)}}
show C8 {expr {pow(0,-1)}}
show C9 {set ::done 0; after 10 {set ::done 1}; vwait ::done; set ::done}
show C9 {update; update idletasks}
show C9 {encoding convertto utf-8 abc}
show C10 {after info nosuch}
show C12 {binary decode base64 {!!!!}}
show C12 {binary decode base64 {YW!Jj}}
show C12 {binary decode base64 -strict {!!!!}}
# C1: Tcl's white space is ASCII; other separators belong to the word
show C1 "llength {a\u00a0b a\u2028b a\x1cb}"
show C1 "string length a\u00a0b"
show C1 "set w a\u2028b; string length \$w"
# C3, C18: syntax errors named as tclsh names them
puts "C3 [catch "set x \${abc" m] $m"
show C18 "if \\"
show C18 "if {;} s \\} \\}"
show C18 {if {1 +} {}}
# C13: an enter trace that deletes or replaces its command
proc foo {} {return foo-ran}
trace add execution foo enter {apply {args {rename foo {}}}}
show C13 foo
proc bar {} {return bar-ran}
trace add execution bar enter {apply {args {proc bar {} {return replaced}}}}
show C13 bar
show C13 bar
proc viaproc {} {baz}
proc baz {} {return baz-ran}
trace add execution baz enter {apply {args {rename baz {}}}}
show C13 viaproc
# C2: a comment ending in a backslash is the script's last line
puts "C2 [catch "puts ok\n# comment \\" m] $m"
puts done
# comment \
