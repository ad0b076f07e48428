"""TclOO: Tcl 8.6's object system (oo::class, oo::object, oo::define, ...).

model.py holds objects, classes and call chains; calls.py runs methods
(`my`, `next`, `self`, the core methods); define.py is oo::define and
oo::objdefine; introspect.py is `info object` and `info class`.  The
commands are installed on first use by tclish/commands/oo.py.
"""
