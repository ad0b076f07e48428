"""TclOO: Tcl 8.6's object system (oo::class, oo::object, oo::define, ...).

model.py holds objects, classes and call chains; calls.py runs methods
(`my`, `next`, `nextto`, `self`); lifecycle.py makes, copies and destroys
objects; core.py is the methods of oo::object and oo::class; define.py is
oo::define and oo::objdefine, slots.py their list-valued slots; introspect.py
is `info object` and `info class`.  The commands are installed on first use
by tclish/commands/oo.py.
"""
