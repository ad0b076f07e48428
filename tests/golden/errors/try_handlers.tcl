# try's handler words (parsed once per list of words and cached: the same
# words twice must behave the same), error's counts, uplevel's count
proc show {script} {
    set code [catch {uplevel 1 $script} result opts]
    puts "$code <$result> [expr {$code == 1 ? [dict get $opts -errorcode] : ""}]"
}
proc run {} {
    foreach round {1 2} {
        show {try {list a b c} on ok {x y z} {list $x $y [info exists z]}}
        show {try {error boom} on error {m o} {list caught $m [dict get $o -code]}}
        show {try {list a b c} on ok {set RES 0} - on error {} {set RES 1}}
        show {try {error boom} on ok {} - on error {m} {list fell $m}}
        show {try {error boom x {A B}} trap {A} {m} {list A $m} on error {m} {list E $m}}
        show {try {error boom x {C}} trap {A} {m} {list A $m} on error {m} {list E $m}}
        show {try {return -code break} on break {} {list broke}}
        show {try {set y 2} finally {set y 3}}
        show {try {set y 2} on ok {r o} {list $r $o}}
        show {try {set y 2} on bogus {} {}}
        show {try {set y 2} trap "\{" {} {}}
        show {try {set y 2} foo}
        show {try {set y 2} finally}
        show {try {set y 2} finally a b}
        show {try {set y 2} on ok}
        show {try {set y 2} on ok {} -}
        show {try}
        show {error}
        show {error a b c d}
        show {uplevel}
        show {error msg {} CODE}
        show {error msg info}
    }
    try {set y 2} finally {catch {error fin} m o}
    puts [dict exists $o -during]
    catch {try {set y 2} finally {error fin}} m o
    puts "$m [dict get $o -during]"
    catch {try {error a} on error {} {error h}} m o
    puts "$m [dict get [dict get $o -during] -errorcode]"
}
run
