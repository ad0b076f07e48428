# history: the event list of the interactive shell, kept in ::tcl::History.
#
# Events are numbered from 1; `nextid` is the number of the last event
# added.  Only the last `keep` events are kept: those at or below `oldest`
# are gone.  An event is named by a number (a number <= 0 counts back from
# the last one, so -1 is the one before it) or by a pattern matched against
# the start of the events, newest first.

namespace eval ::tcl {
    variable History
    array set History {nextid 0 keep 20 oldest -20}
}

proc ::history {args} {
    set subs {add change clear event info keep nextid redo}
    if {[llength $args] == 0} {
	return [::tcl::HistInfo]
    }
    set args [lassign $args word]
    set matches [lsearch -all -inline -glob $subs [string map {* \\* ? \\? [ \\[ \\ \\\\} $word]*]
    if {[llength $matches] != 1} {
	if {$word in $subs} {set matches [list $word]} else {
	    return -code error "unknown or ambiguous subcommand \"$word\": must be\
		    add, change, clear, event, info, keep, nextid, or redo"
	}
    }
    set sub [lindex $matches 0]
    set usage [dict get {
	add {event ?exec?} change {newValue ?event?} clear {} event {?event?}
	info {?count?} keep {?count?} nextid {} redo {?event?}
    } $sub]
    set most [llength $usage]
    if {$sub eq "add" || $sub eq "change"} {set least 1} else {set least 0}
    if {[llength $args] < $least || [llength $args] > $most} {
	set text "history $sub"
	if {$usage ne ""} {append text " $usage"}
	return -code error "wrong # args: should be \"$text\""
    }
    switch -- $sub {
	add {
	    if {[llength $args] == 2} {
		set flag [lindex $args 1]
		if {![string match $flag* exec] || $flag eq ""} {
		    return -code error "bad argument \"$flag\": should be \"exec\""
		}
		return [::tcl::HistAdd [lindex $args 0] exec]
	    }
	    return [::tcl::HistAdd [lindex $args 0]]
	}
	change {return [::tcl::HistChange {*}$args]}
	clear {return [::tcl::HistClear]}
	event {return [::tcl::HistEvent {*}$args]}
	info {return [::tcl::HistInfo {*}$args]}
	keep {return [::tcl::HistKeep {*}$args]}
	nextid {
	    variable ::tcl::History
	    return [expr {$::tcl::History(nextid) + 1}]
	}
	redo {return [::tcl::HistRedo {*}$args]}
    }
}

proc ::tcl::HistAdd {event {exec {}}} {
    variable History
    set i [incr History(nextid)]
    set History($i) $event
    set old [expr {$i - $History(keep)}]
    unset -nocomplain History($old)
    set History(oldest) $old
    if {$exec ne ""} {
	return [uplevel #0 $event]
    }
    return {}
}

proc ::tcl::HistKeep {{count {}}} {
    variable History
    if {[llength [info level 0]] == 1} {
	return $History(keep)
    }
    if {![string is integer -strict $count] || $count < 0} {
	return -code error "illegal keep count \"$count\""
    }
    set History(keep) $count
    set oldest [expr {$History(nextid) - $count}]
    for {set i $History(oldest)} {$i <= $oldest} {incr i} {
	unset -nocomplain History($i)
    }
    set History(oldest) $oldest
    return
}

proc ::tcl::HistClear {} {
    variable History
    set keep $History(keep)
    unset History
    array set History [list nextid 0 keep $keep oldest -$keep]
    return
}

proc ::tcl::HistInfo {{count {}}} {
    variable History
    if {$count eq ""} {
	set count $History(keep)
    }
    set first [expr {$History(nextid) - $count + 1}]
    if {$first <= $History(oldest)} {
	set first [expr {$History(oldest) + 1}]
    }
    set lines {}
    for {set i $first} {$i <= $History(nextid)} {incr i} {
	if {![info exists History($i)]} continue
	lappend lines [format "%6d  %s" $i [string map [list \n \n\t] $History($i)]]
    }
    return [join $lines \n]
}

# The event number for an event name.
proc ::tcl::HistIndex {event} {
    variable History
    if {[string is integer -strict $event]} {
	set i $event
	if {$i <= 0} {
	    set i [expr {$History(nextid) + $event}]
	}
	if {$i <= $History(oldest)} {
	    return -code error "event \"$event\" is too far in the past"
	}
	if {$i > $History(nextid)} {
	    # (Tcl's own spelling)
	    return -code error "event \"$event\" hasn't occured yet"
	}
	return $i
    }
    for {set i $History(nextid)} {$i > $History(oldest)} {incr i -1} {
	if {[info exists History($i)] && [string match $event* $History($i)]} {
	    return $i
	}
    }
    return -code error "no event matches \"$event\""
}

proc ::tcl::HistEvent {{event -1}} {
    variable History
    set i [HistIndex $event]
    if {[info exists History($i)]} {
	return $History($i)
    }
    return {}
}

proc ::tcl::HistChange {command {event 0}} {
    variable History
    set i [HistIndex $event]
    set History($i) $command
    return
}

proc ::tcl::HistRedo {{event -1}} {
    set command [HistEvent $event]
    HistChange $command 0
    return [uplevel #0 $command]
}
