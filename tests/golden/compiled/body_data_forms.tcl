# dict get/set/incr, lset, string length/index/range and llength written
# out in a generated proc body (compile/body_data.py), with words built
# from parts (`k$i`, `item[expr {...}]`): results, values shared with other
# variables (changed in place only when not), errors and redefinitions.

proc dicts {n} {
    set d [dict create]
    set shared {}
    for {set i 0} {$i < $n} {incr i} {
        set k k[expr {$i % 3}]
        dict set d $k $i
        dict incr d count
        dict incr d total $i
        set v [dict get $d $k]
        if {$i == 2} { set shared $d }
        lappend out $v
    }
    lappend out $d $shared
    # a nested get, a missing key, a value that is not a dict
    set nested {a {b {c 1}}}
    lappend out [dict get $nested a b c]
    set nd [dict create]
    dict set nd a b c 1
    dict set nd a x 2
    lappend out [dict get $nd a b c] [dict get $nd a x] [dict get $nd a b]
    catch {dict get $nd a b nokey} msg
    lappend out $msg
    catch {dict get $nd a x c} msg
    lappend out $msg
    catch {dict get $d nokey} msg
    lappend out $msg
    set notdict {a b c}
    catch {dict get $notdict a} msg
    lappend out $msg
    catch {dict incr d k0 x} msg
    lappend out $msg
    set str "a 1 b 2"
    dict set str c 3
    dict incr str a 5
    lappend out $str
    return $out
}
puts [dicts 6]

proc lsets {} {
    set l [lrepeat 5 0]
    set copy $l
    set errs {}
    for {set i 0} {$i < 7} {incr i} {
        if {[catch {lset l $i [expr {$i * $i}]} msg]} { lappend errs $msg }
    }
    lset l end x
    lset l 1 {}
    set s "a b c"
    lset s 0 z
    list $l $copy $s $errs
}
puts [lsets]

proc strings {} {
    set s "The quick brown fox"
    set out {}
    for {set i -2} {$i < 22} {incr i 3} {
        lappend out [string index $s $i] [string range $s $i [expr {$i + 2}]]
    }
    lappend out [string length $s] [string index $s end] [string range $s end-2 end]
    catch {string index $s 1.0} msg
    lappend out $msg [string range $s 0 0x3]
    set n 12345
    lappend out [string length $n] [string index $n 2] [string range $n 1 2]
    lappend out [llength $s] [llength $n] [llength {}] [llength [list a {b c} d]]
    set bad "a \{b"
    catch {llength $bad} msg
    lappend out $msg
    catch {string index $s bogus} msg
    lappend out $msg
    set u "h\u00e9llo w\u00f6rld"
    lappend out [string length $u] [string index $u 1] [string range $u 6 end]
    return $out
}
puts [strings]

proc words {} {
    set out {}
    for {set i 0} {$i < 3} {incr i} {
        set k item[expr {$i * 2}]-$i
        lappend out $k [string toupper "<$k>"] x[llength $out]y
    }
    return $out
}
puts [words]

# traces see every write, and a redefined dict or lset is called
proc traced {} {
    set d {a 1}
    set ::log {}
    trace add variable d write {apply {{n1 n2 op} {lappend ::log $op}}}
    for {set i 0} {$i < 2} {incr i} { dict set d b $i; dict incr d a }
    list $d $::log
}
puts [traced]

proc redefined {} {
    set d {}
    set l {0 0 0}
    for {set i 0} {$i < 3} {incr i} {
        dict set d k$i $i
        lset l $i [dict get $d k$i]
        if {$i == 0} {
            rename dict real_dict
            proc dict {args} { lappend ::calls $args; uplevel 1 real_dict $args }
            rename lset real_lset
            proc lset {args} { lappend ::calls lset; uplevel 1 real_lset $args }
        }
    }
    rename dict {}
    rename real_dict dict
    rename lset {}
    rename real_lset lset
    list $d $l $::calls
}
set calls {}
puts [redefined]

# errors from the written-out forms: the command's context
proc failing {} {
    set d {a 1}
    for {set i 0} {$i < 2} {incr i} {
        dict incr d a
        dict incr d a x
    }
}
catch {failing} msg opts
puts $msg
puts [dict get $opts -errorinfo]
proc failing2 {} {
    set l {1 2}
    for {set i 0} {$i < 3} {incr i} {
        lset l [expr {$i * 2}] x
    }
}
catch {failing2} msg opts
puts $msg
puts [dict get $opts -errorinfo]
