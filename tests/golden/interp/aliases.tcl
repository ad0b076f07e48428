# Aliases are known by their token; renaming one into a loop is refused,
# as Tcl's TclPreventAliasLoop does; `interp target` names only descendants.
proc show {script} {
    set r [catch {uplevel #0 $script} m]
    puts "[list $script] -> $r $m"
}
interp create x
interp alias x b x a
show {x eval rename b a}
show {x eval {info commands b}}
x alias z l1
interp alias {} l2 x z
show {rename l2 l1}
show {info commands l2}
interp alias x a2 x b2
x eval rename a2 c2
show {x eval rename c2 b2}
show {x eval rename c2 ::ns::d2}
interp delete x

# a renamed alias keeps its token; a new alias of the old name gets "::name"
interp create a
interp alias a foo a bar
a eval {rename foo zop}
show {interp alias a foo a zop}
show {interp aliases a}
show {interp alias a foo}
show {interp alias a ::foo}
# deleting by token removes the renamed command, not a proc of the old name
a eval {rename zop blotz; proc foo {} {return proc-foo}}
show {interp alias a foo {}}
show {a eval foo}
show {a eval {info commands blotz}}
show {interp aliases a}
# an alias replaced by a proc is gone from the table
interp alias a rep {} list
a eval {proc rep {} {}}
show {interp aliases a}
interp delete a

# interp target: the path from the asking interpreter, or an error
interp create x1
interp create {x1 x2}
interp create {x1 x2 x3}
interp create y1
interp create {y1 y2}
interp alias {x1 x2 x3} xcommand {y1 y2} ycommand
interp alias {x1 x2 x3} near {x1 x2} list
show {interp target {x1 x2 x3} xcommand}
show {x1 eval {interp target {x2 x3} xcommand}}
show {x1 eval {interp target {x2 x3} near}}
interp delete x1 y1

# an alias to a command named "" in another interpreter
interp create e
e eval {proc {} args {return $args}}
show {interp alias {} p1 e {}}
show {p1 one two three}
interp delete e

# a child inherits its parent's recursion limit
interp create r
r recursionlimit 77
show {r eval {interp recursionlimit [interp create]}}
interp delete r
