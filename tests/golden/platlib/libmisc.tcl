# history, msgcat, parray, autoloading through auto_index, tm paths.
history clear
history add {set a 1}
history add {set b 2} exec
puts [history]
puts [history event -1]
puts [history nextid]
catch {history event 99} msg
puts $msg
package require msgcat
namespace eval demo {
    ::msgcat::mcset fr Hello Bonjour
    ::msgcat::mcset fr "%d files" "%d fichiers"
    ::msgcat::mclocale fr_CA
    puts [::msgcat::mcpreferences]
    puts "[::msgcat::mc Hello] [::msgcat::mc {%d files} 3] [::msgcat::mc Untranslated]"
    puts [::msgcat::mcmax Hello {%d files}]
    ::msgcat::mclocale C
}
array set colors {red 1 green 22 blue 333}
parray colors
parray colors g*
catch {parray nosuch} msg
puts $msg
set auto_index(lazyproc) {proc lazyproc {x} {return "lazy $x"}}
puts [lazyproc 1]
puts [auto_qualify foo::bar ::sub]
catch {nosuchcommand 1 2} msg
puts "$msg | $::errorCode"
::tcl::tm::path add /tmp/tm_a /tmp/tm_b
puts [lrange [::tcl::tm::path list] 0 1]
catch {::tcl::tm::path add /tmp/tm_a/sub} msg
puts $msg
puts [expr {[pid] == [pid]}]
