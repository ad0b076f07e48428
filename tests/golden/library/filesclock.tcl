proc say {args} { puts [join $args " "] }
say [file join a b c] [file join /a /b c] [file split /a/b/c.txt] [file dirname /a/b/c.txt]
say [file tail /a/b/c.txt] [file extension /a/b/c.tar.gz] [file rootname /a/b/c.tar.gz] [file pathtype ../x]
say [clock format 0 -gmt 1] [clock format 86400 -format "%Y-%m-%d %H:%M:%S %A %B %j" -gmt 1]
say [clock scan "2000-01-02 03:04:05" -format "%Y-%m-%d %H:%M:%S" -gmt 1] [clock add 0 1 day -gmt 1]
set f [file join [pwd] golden_tmp_test.txt]
set ch [open $f w]; puts $ch "line1"; puts -nonewline $ch "line2"; close $ch
set ch [open $f r]; set l1 [gets $ch]; set n [gets $ch l2]; set n3 [gets $ch l3]; set e [eof $ch]; close $ch
say $l1 $n $l2 $n3 $e [file size $f] [file exists $f] [file isfile $f] [file isdirectory [pwd]]
set ch [open $f a]; puts $ch "more"; close $ch
set ch [open $f]; say [llength [split [read -nonewline $ch] \n]]; close $ch
file delete $f; say [file exists $f]
say [catch {open /nonexistent/dir/x r} m] $m
