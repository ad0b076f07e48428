# Word boundaries in strings, as Tk's text and entry bindings use them:
# tcl_endOfWord, tcl_startOfNextWord, tcl_startOfPreviousWord,
# tcl_wordBreakAfter and tcl_wordBreakBefore.  A word character is one that
# matches the regular expression in tcl_wordchars, a non-word character one
# that matches tcl_nonwordchars (Unicode word characters on every platform
# tclish runs on).  Each returns an index into the string, or -1.

if {![info exists ::tcl_wordchars]} {
    set ::tcl_wordchars {\w}
}
if {![info exists ::tcl_nonwordchars]} {
    set ::tcl_nonwordchars {\W}
}

# The index of the character after the first match of "A then B" at or
# after `start`, where A and B are the word / non-word patterns; -1 if none.
proc ::tcl::WordPairAfter {str start first second} {
    if {$start < 0} {
	set start 0
    }
    if {[regexp -indices -start $start -- "(?:$first)(?:$second)" $str match]} {
	return [lindex $match 1]
    }
    return -1
}

# The same, for the last pair that starts before `start`.
proc ::tcl::WordPairBefore {str start first second} {
    set found -1
    foreach match [regexp -all -indices -inline -- "(?:$first)(?:$second)" \
		       [string range $str 0 [expr {$start - 1}]]] {
	set found [lindex $match 1]
    }
    return $found
}

# The first non-word character after the first word character after start.
proc tcl_endOfWord {str start} {
    ::tcl::WordPairAfter $str $start $::tcl_wordchars $::tcl_nonwordchars
}

# The first word character after a non-word character, after start.
proc tcl_startOfNextWord {str start} {
    ::tcl::WordPairAfter $str $start $::tcl_nonwordchars $::tcl_wordchars
}

# The last start of a word before start: a word character that follows a
# non-word character, or the first character when it is a word character.
proc tcl_startOfPreviousWord {str start} {
    set found [::tcl::WordPairBefore $str $start $::tcl_nonwordchars $::tcl_wordchars]
    if {$found < 0 && $start > 0 && [regexp -- "^(?:$::tcl_wordchars)" $str]} {
	return 0
    }
    return $found
}

# A boundary is an index whose character and the one before it are of
# different kinds.  The first boundary after start:
proc tcl_wordBreakAfter {str start} {
    if {$start < 0} {
	set start 0
    }
    if {[regexp -indices -start $start -- [::tcl::WordBoundary] $str match]} {
	return [expr {[lindex $match 0] + 1}]
    }
    return -1
}

# The last boundary at or before start.
proc tcl_wordBreakBefore {str start} {
    set found -1
    foreach match [regexp -all -indices -inline -- [::tcl::WordBoundary] \
		       [string range $str 0 $start]] {
	set found [expr {[lindex $match 0] + 1}]
    }
    return $found
}

# One character followed by one of the other kind (the follower not consumed,
# so that every boundary is found).
proc ::tcl::WordBoundary {} {
    set w $::tcl_wordchars
    set n $::tcl_nonwordchars
    return "(?:$w)(?=$n)|(?:$n)(?=$w)"
}
