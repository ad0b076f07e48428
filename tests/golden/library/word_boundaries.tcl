# word.tcl: the word-boundary procedures, autoloaded
foreach s {"" "abc" "abc def" "  abc  def  " "a.b" "héllo wörld"} {
  foreach i {-1 0 1 2 3 5 20} {
    lappend out [list $s $i [tcl_endOfWord $s $i] [tcl_startOfNextWord $s $i] [tcl_startOfPreviousWord $s $i] [tcl_wordBreakAfter $s $i] [tcl_wordBreakBefore $s $i]]
  }
}
puts [join $out \n]
puts [list $tcl_wordchars $tcl_nonwordchars]
