# tclish's init.tcl.  tclish sets an interpreter up in Python (its library
# procedures load on first use), so this file only does what a script that
# sources init.tcl again -- the Safe Base does, into each child -- expects:
# an auto_path, and the package-unknown handler.

if {![info exists auto_path]} {
    if {[info exists env(TCLLIBPATH)] && ![interp issafe]} {
	set auto_path $env(TCLLIBPATH)
    } else {
	set auto_path ""
    }
}
if {[interp issafe]} {
    package unknown {::tcl::tm::UnknownHandler ::tclPkgUnknown}
}

# A safe interpreter starts with min and max as aliases to its parent's;
# once it has a library of its own, it gets its own (TIP 255).
if {[interp issafe]} {
    foreach f {min max} {
	catch {rename ::tcl::mathfunc::$f {}}
    }
    unset -nocomplain f
    namespace eval ::tcl::mathfunc {
	proc min {args} {
	    ::tcl::mathfunc::Extreme min < $args
	}
	proc max {args} {
	    ::tcl::mathfunc::Extreme max > $args
	}
	proc Extreme {name op values} {
	    if {![llength $values]} {
		return -code error "not enough arguments to math function \"$name\""
	    }
	    set best [lindex $values 0]
	    foreach v $values {
		# double() checks that it is a number, and keeps its type
		if {[catch {expr {double($v)}} msg]} {
		    return -code error $msg
		}
		if {[expr "\$v $op \$best"]} {
		    set best $v
		}
	    }
	    return $best
	}
	namespace export min max
    }
}
