# chan push/pop: a reflected transform (upper-casing reads, lower-casing writes).
proc upper {cmd handle args} {
    switch -- $cmd {
        initialize { return {initialize finalize read write} }
        finalize { return }
        read { return [string toupper [lindex $args 0]] }
        write { return [string tolower [lindex $args 0]] }
    }
}
set f [open tr.tmp w]
chan push $f upper
puts $f "Hello World"
close $f
set f [open tr.tmp]
puts [read $f]
close $f
set f [open tr.tmp]
chan push $f upper
puts [gets $f]
chan pop $f
puts [list [gets $f] [eof $f]]
close $f
file delete tr.tmp
