proc say {args} { puts [join $args { }] }
namespace eval ::math {
    variable pi 3.14
    proc area {r} { variable pi; expr {$pi * $r * $r} }
    namespace export area
}
say [math::area 2] [namespace exists math] [namespace current]
namespace eval math { puts [namespace current] }
namespace import math::area
say [area 1]
say [namespace qualifiers ::a::b::c] [namespace tail ::a::b::c]
say $::math::pi
namespace eval counter { variable n 0; proc next {} { variable n; incr n } }
counter::next; say [counter::next]
say [lsort [namespace children :: c*]]
