# Tcl takes the longest match even when the choice is inside a group: an
# alternation below the top level must not stop at its first branch
# (tcllib's uri::split of an IPv6 host, `[2001:db8::7]`)
set re {//((?:[^:?/]+)|(?:\[[^\]]*\]))(?::([0-9]+))?(?:/([^?]+)(?:\?([^?]*)(?:\?(base|one|sub)?(?:\?([^?]*)(?:\?(.*))?)?)?)?)?}
puts [regexp -inline $re {//[2001:db8::7]:987/o=mycomp?uid,mail?sub?(uid=pda)}]
puts [regexp -inline $re {//host.example:99/dn?a}]
puts [regexp -inline {((?:[^:?/]+)|(?:\[[^\]]*\]))} {[2001:db8::7]:987}]
puts [regexp -inline {(?:a+|ab+c)} {abbc}]
puts [regexp -inline {(a+|ab+c)x?} {abbc}]
puts [regexp -inline {x(a|ab)(c|bcd)} {xabcd}]
puts [regexp -inline {^(http|https)://([^/:]+)} https://example.com/]
puts [regexp -inline -all {(?:[^:]+|\[[^\]]*\]):} {[20:1]:ab:}]
puts [regsub -all {(a|ab)(c|bcd)} {abcd abc} {<\1,\2>}]
puts [regexp -inline {(a|ab)(c|bcd)(d*)} {abcd}]
puts [regexp -inline {(a*?|b)c} {bc}]
