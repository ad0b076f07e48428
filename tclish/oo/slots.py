"""Slots: the list-valued definitions (superclass, mixin, filter, variable).

As in Tcl 8.6 each is an object of class oo::Slot, so scripts can call
`oo::define C superclass -append B` or subclass oo::Slot themselves.  The
slot operations (-set, -append, -clear and the default operation) are Tcl
methods of oo::Slot; each slot object has two core methods, Get and Set,
that read and write the definition of the class or object being defined
(found in the caller's frame, the definition context).
"""

from ..runtime.errors import TclError
from ..runtime.values import TclList, to_list, to_str
from . import define
from .model import Method

# oo::Slot's operations, written for tclish (the slot's Get and Set run in
# the definition context, one level up from these methods)
SLOT_CLASS = r"""
::oo::define ::oo::Slot {
    method Get {} { return -code error unimplemented }
    method Set list { return -code error unimplemented }
    method -set args {
        uplevel 1 [list [namespace which my] Set $args]
    }
    method -append args {
        set self [namespace which my]
        set now [uplevel 1 [list $self Get]]
        uplevel 1 [list $self Set [list {*}$now {*}$args]]
    }
    method -clear {} {
        uplevel 1 [list [namespace which my] Set {}]
    }
    forward --default-operation my -append
    method unknown args {
        set op --default-operation
        if {![llength $args]} {
            return [uplevel 1 [list [namespace which my] $op]]
        }
        if {![string match -* [lindex $args 0]]} {
            return [uplevel 1 [list [namespace which my] $op {*}$args]]
        }
        next {*}$args
    }
    export -set -append -clear
    unexport unknown destroy
}
"""

# slot name -> (getter, setter) over the definition target
SLOTS = {
    "::oo::define::filter": "filter",
    "::oo::define::mixin": "mixin",
    "::oo::define::superclass": "superclass",
    "::oo::define::variable": "variable",
    "::oo::objdefine::filter": "filter",
    "::oo::objdefine::mixin": "mixin",
    "::oo::objdefine::variable": "variable",
}

# these replace the whole list by default, the others add to it
SETTING_SLOTS = ("::oo::define::mixin", "::oo::define::superclass", "::oo::objdefine::mixin")


def _target(interp):
    try:
        return define.define_target(interp)
    except TclError as e:
        raise TclError(define.NOT_IN_CONTEXT, e.errorcode) from None


def _make_accessors(kind, objdefine):
    def get(interp, ctx, index, argv, nwords):
        if len(argv) != nwords:
            raise TclError('wrong # args: should be "%s"' % " ".join(
                to_str(w) for w in argv[:nwords]), ("TCL", "WRONGARGS"))
        target, _ = _target(interp)
        return TclList(define.slot_values(target, kind, objdefine))

    def put(interp, ctx, index, argv, nwords):
        if len(argv) != nwords + 1:
            raise TclError('wrong # args: should be "%s list"' % " ".join(
                to_str(w) for w in argv[:nwords]), ("TCL", "WRONGARGS"))
        target, frame_objdefine = _target(interp)
        if not objdefine and (frame_objdefine or not target.is_class()):
            raise TclError("attempt to misuse API", ("TCL", "OO", "MONKEY_BUSINESS"))
        define.slot_store(interp, target, kind, objdefine,
                          [to_str(v) for v in to_list(argv[nwords])])
        return ""
    return get, put


def install(interp, st):
    from .lifecycle import make_object
    saved = interp.cur_ns
    interp.cur_ns = interp.global_ns
    try:
        slot_class = make_object(interp, st.class_class, "::oo::Slot")
        interp.eval(SLOT_CLASS)
        for name, kind in SLOTS.items():
            obj = make_object(interp, slot_class, name)
            get, put = _make_accessors(kind, name.startswith("::oo::objdefine"))
            obj.methods["Get"] = Method("Get", "core", obj, False, func=get)
            obj.methods["Set"] = Method("Set", "core", obj, False, func=put)
            if name in SETTING_SLOTS:
                obj.methods["--default-operation"] = Method(
                    "--default-operation", "forward", obj, False, prefix=["my", "-set"])
    finally:
        interp.cur_ns = saved
    st.changed()
