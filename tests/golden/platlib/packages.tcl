# package: Tcl's version rules, ifneeded/require/provide, errors, and
# pkgIndex.tcl scanning on auto_path.
foreach {a b} {8.6 8.6.0 1a1 1 1b1 1a1 1.2 1.10 2.0 10} {
    puts "vcompare $a $b: [package vcompare $a $b]"
}
foreach {v r} {8.6a1 8.6 8.6a1 8.6.0 9.0a1 8-9 8.6 8.6-8.6 8.6b1 8.6a1-8.6b1 8.6 8.5- 1.0 1-1} {
    puts "vsatisfies $v $r: [package vsatisfies $v $r]"
}
foreach bad {{vcompare 1.x 1} {vsatisfies 1 1-2-3} {provide foo 1.x} {require} {present nosuch}
	     {require -exact nosuch 1.2} {bogus}} {
    catch {package {*}$bad} msg
    puts "package $bad: $msg"
}
package ifneeded demo 1.0 {package provide demo 1.0}
package ifneeded demo 1.2 {package provide demo 1.2}
package ifneeded demo 2.0b1 {package provide demo 2.0b1}
puts "versions: [lsort [package versions demo]]"
puts "require demo: [package require demo]"
puts "present: [package present demo 1]"
catch {package require demo 2} msg
puts "conflict: $msg ($::errorCode)"
package ifneeded broken 1.0 {set x 1}
catch {package require broken} msg
puts "broken: $msg"
package ifneeded loop 1.0 {package require loop}
catch {package require loop} msg
puts "loop: [string range $msg 0 29]"
catch {package require nosuch 1.0} msg
puts "missing: $msg ($::errorCode)"

# a package found through a pkgIndex.tcl in a folder on auto_path
set dir [file join [pwd] pkgs_tmp]
file delete -force $dir
file mkdir [file join $dir greet]
set f [open [file join $dir greet pkgIndex.tcl] w]
puts $f {package ifneeded greet 0.3 [list source [file join $dir greet.tcl]]}
close $f
set f [open [file join $dir greet greet.tcl] w]
puts $f {package provide greet 0.3
namespace eval greet {proc hello {who} {return "hello, $who"}}}
close $f
lappend auto_path $dir
puts "greet: [package require greet] [greet::hello world]"
puts "ifneeded: [string match "*greet.tcl*" [package ifneeded greet 0.3]]"
puts [::pkg::create -name foo -version 1.0 -source foo.tcl -load {bar.so {a b}}]
file delete -force $dir
