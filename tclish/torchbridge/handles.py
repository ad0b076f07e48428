"""Per-interpreter handle registry: tensor1, tensor2, ... -> torch objects.

A handle given to Tcl is a `Handle`, a `str` subclass that remembers the
table it names an entry of.  The entry lives as long as some Tcl value holds
that Handle object: when CPython's reference count drops it, `__del__` takes
the entry out, the way a Tcl_Obj's internal rep dies with its last
reference.  So `set x [torch::tensor_add $x $y]` in a loop keeps one live
tensor, not one per iteration.

The tables are keyed by the plain name, never by the Handle, so a name
pasted as text still finds the tensor while its Handle lives.  A copy of
the name as a plain string does not keep the tensor alive.

Handle kinds other than "tensor" (modules, optimizers) get their own table
and counter through `new(kind, obj)`.
"""


class Handle(str):
    """A handle name that frees its registry entry when the last reference goes."""

    __slots__ = ("_table",)

    def __del__(self):
        # the table may already lack the entry (tensor_free); pop tolerates that
        self._table.pop(self, None)


def _is_counted_name(name, kind, counter):
    digits = name[len(kind):]
    return name.startswith(kind) and digits.isdigit() and 0 < int(digits) <= counter


class HandleRegistry:
    """The live handles of one interpreter, one table and counter per kind."""

    __slots__ = ("tables", "counters", "tensors", "_n_tensor")

    def __init__(self):
        self.tensors = {}
        self.tables = {"tensor": self.tensors}
        self.counters = {}
        self._n_tensor = 0

    def new_tensor(self, tensor):
        """A fresh handle for `tensor` (no copy is made)."""
        self._n_tensor = n = self._n_tensor + 1
        name = f"tensor{n}"             # an f-string formats faster than % here
        table = self.tensors
        table[name] = tensor
        h = Handle(name)
        h._table = table
        return h

    def new(self, kind, obj):
        """A fresh handle of any kind: `kind` followed by a counter."""
        if kind == "tensor":
            return self.new_tensor(obj)
        table = self.tables.setdefault(kind, {})
        n = self.counters[kind] = self.counters.get(kind, 0) + 1
        name = "%s%d" % (kind, n)
        table[name] = obj
        h = Handle(name)
        h._table = table
        return h

    def get(self, name, kind="tensor"):
        """The object a handle names, or None."""
        table = self.tables.get(kind)
        return None if table is None else table.get(name)

    def free(self, name, kind="tensor"):
        """Drop the entry now; True if there was one."""
        table = self.tables.get(kind)
        return table is not None and table.pop(name, None) is not None

    def live(self, kind="tensor"):
        """(name, object) pairs of the live handles of a kind, oldest first."""
        table = self.tables.get(kind, {})
        return sorted(((str.__str__(k), v) for k, v in table.items()),
                      key=lambda item: (len(item[0]), item[0]))

    def counter(self, kind):
        return self._n_tensor if kind == "tensor" else self.counters.get(kind, 0)

    def why_missing(self, name, kind="tensor"):
        """Why `name` names no live handle: the detail of the binder's error."""
        if _is_counted_name(name, kind, self.counter(kind)):
            return ("%s was freed (by %s::tensor_free, or when no Tcl value held it any more)"
                    % (name, "torch"))
        if name == "":
            return "empty %s handle" % kind
        return 'no %s named "%s"' % (kind, name)


def registry_of(interp):
    """The interpreter's registry, made on first use (interp.extensions["torch"])."""
    ext = interp.extensions
    reg = ext.get("torch")
    if reg is None:
        reg = ext["torch"] = HandleRegistry()
    return reg
