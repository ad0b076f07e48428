"""Variables, call frames and namespaces.

A variable is a `Var` cell; a frame's (or namespace's) variable table maps
names to cells.  `upvar`, `global` and `variable` simply put the same cell
into another table, so a linked variable costs nothing to read.
"""


class Var:
    """One variable.  `value` is the scalar value, None when unset or when
    the variable is an array; `arr` is the element dict of an array."""

    __slots__ = ("value", "arr", "traces")

    def __init__(self, value=None):
        self.value = value
        self.arr = None
        self.traces = None

    def is_unset(self):
        return self.value is None and self.arr is None


class DeclaredVar(Var):
    """A namespace variable created by `variable`: it exists for `info vars`
    and `namespace which -variable` even before it has a value.  Unsetting
    it turns it back into a plain Var (same slots, so __class__ may change)."""

    __slots__ = ()


class ElementLink(Var):
    """A variable made by `upvar a(k) x`: reading and writing `value` reads
    and writes element k of the array in `target`, so the compiled fast
    paths (which only touch `.value`) work on it unchanged."""

    __slots__ = ("target", "key")

    def __init__(self, target, key):
        self.target = target
        self.key = key
        self.arr = None
        self.traces = None

    @property
    def value(self):
        arr = self.target.arr
        if arr is None:
            return None
        return arr.get(self.key)

    @value.setter
    def value(self, v):
        target = self.target
        if v is None:
            if target.arr is not None:
                target.arr.pop(self.key, None)
            return
        if target.arr is None:
            if target.value is not None:
                from .errors import TclError
                raise TclError("can't set \"%s\": variable isn't array" % self.key,
                               ("TCL", "LOOKUP", "VARNAME"))
            target.arr = {}
        target.arr[self.key] = v


class Namespace:
    __slots__ = ("name", "parent", "children", "vars", "commands", "exports", "path",
                 "imports", "unknown", "deleted", "ensemble", "links", "tokens", "on_a_path")

    def __init__(self, name, parent):
        self.name = name  # fully qualified, "::" for the global namespace
        self.parent = parent
        self.children = {}
        self.vars = {}
        self.commands = {}
        self.exports = []
        self.path = []
        # True once some namespace's path has named this one: only then must
        # deleting it look through every namespace's path
        self.on_a_path = False
        self.imports = {}
        self.unknown = None
        self.deleted = False
        self.ensemble = None
        self.links = set()  # variable names made by upvar (may be re-linked)
        # command name -> CmdToken, only for commands that are imported
        # elsewhere or carry rename/delete traces (see interp.CmdToken)
        self.tokens = {}

    def qualify(self, tail):
        return "::" + tail if self.name == "::" else self.name + "::" + tail

    def __repr__(self):
        return "<Namespace %s>" % self.name


class Frame:
    """A call frame: level 0 is global; each proc call pushes one.

    `vars` is the variable table the compiled code reads; for the global
    frame and `namespace eval` frames it is the namespace's own table."""

    __slots__ = ("vars", "ns", "level", "parent", "proc", "argv", "is_proc", "links", "tailcall")

    def __init__(self, vars, ns, level, parent, proc=None, argv=None):
        self.vars = vars
        self.ns = ns
        self.level = level
        self.parent = parent
        self.proc = proc
        self.argv = argv
        self.is_proc = proc is not None
        self.links = None  # names made by upvar/global in this frame, when any
        self.tailcall = None  # (namespace, argv) a `tailcall` left to run on return
