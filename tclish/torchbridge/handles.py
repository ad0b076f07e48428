"""Per-interpreter handle registry: tensor1, tensor2, ... -> torch objects.

A tensor result is first a `TensorValue`, which holds the tensor and has no
name until its string is wanted (see that class).  A name given to Tcl is a
`Handle`, a `str` subclass that remembers the table it names an entry of.  The entry lives as long as some Tcl value holds
that Handle object: when CPython's reference count drops it, `__del__` takes
the entry out, the way a Tcl_Obj's internal rep dies with its last
reference.  So `set x [torch::tensor_add $x $y]` in a loop keeps one live
tensor, not one per iteration.

The tables are keyed by the plain name, never by the Handle, so a name
pasted as text still finds the tensor while its Handle lives.  A copy of
the name as a plain string does not keep the tensor alive.

Handle kinds other than "tensor" (modules, optimizers, schedulers, ...) get
their own table and counter through `new(kind, obj, prefix)`: the kind names
the table a converter looks in, the prefix is the word the name starts with
(TCLIBTORCH scripts test `linear*`, `sequential*`, `step_scheduler*`).

Handles named only in text.  TCLIBTORCH scripts keep names in strings
(`set cmd "torch::tensor_shape $h"`, `append names " " [torch::ones 2]`) and
take multi-tensor results apart as text (`string trim $r "{}"`, `split`), and
expect a name to stay valid until `tensor_free`.  A Tcl string holding a name
cannot be told from one that merely looks like it, so tclish does not keep
every named tensor forever; it keeps the most recent ones: when the last
Handle of an entry dies, its object moves to one of the table's two rings
(one for the parts of multi-object results, `ListedHandle`s, one for the
rest, so that a loop's temporaries never push out a model's parameters kept
as text), each holding the last `RECENT` released objects of that kind and at
most `RECENT_BYTES` of tensor data (a larger tensor is freed at once).  A lookup
that misses the live table tries the ring (only on the slow path: live
handles are found first).  So memory stays bounded -- a loop that drops a
tensor each iteration keeps at most RECENT small extra tensors -- and
`tensor_free` frees at once, bypassing the ring.
"""

import gc
from collections import deque
from weakref import WeakValueDictionary

RECENT = 16
RECENT_BYTES = 64 << 20


class Ring:
    """The last RECENT released objects (at most RECENT_BYTES of tensor data):
    (name, object, size) entries, oldest first.  Handle.__del__ adds to it: a
    release is on the path of every command whose result is dropped, so adding
    is a few C-level steps (a deque append and, once full, a popleft); finding
    a name scans the few entries, which only a name that is no live handle's
    ever needs."""

    __slots__ = ("entries", "total")

    def __init__(self):
        self.entries = deque()
        self.total = 0

    def find(self, name):
        """The object released under `name`, or None."""
        for entry in self.entries:
            if entry[0] == name:
                return entry[1]
        return None

    def forget(self, name):
        """Drop `name`'s entry; True if there was one."""
        entries = self.entries
        for k, entry in enumerate(entries):
            if entry[0] == name:
                del entries[k]
                self.total -= entry[2]
                return True
        return False

    @property
    def objects(self):
        """name -> object of every entry, oldest first."""
        return {name: obj for name, obj, _ in self.entries}


class Table(dict):
    """name -> object for one kind, plus the rings of recently released entries:
    one for handles of multi-object results, one for the others, so that a
    loop's temporaries never push out the parts of a result kept as text."""

    __slots__ = ("listed", "plain", "find_unnamed")

    def __init__(self, find_unnamed=None):
        dict.__init__(self)
        self.listed = Ring()
        self.plain = Ring()
        # the tensor table's last resort: a value made but never named (TensorValue)
        self.find_unnamed = find_unnamed

    @property
    def recent(self):
        """name -> object of every recently released entry."""
        return dict(self.plain.objects, **self.listed.objects)

    @property
    def recent_bytes(self):
        return self.listed.total + self.plain.total

    def find(self, name):
        """The live object named `name` (a name or a TensorValue), else a recently
        released one, else None."""
        if isinstance(name, TensorValue):
            obj = name.obj
            if obj is not None and name.reg.tables.get("tensor") is self:
                return obj
            name = str(name)        # freed, or another interpreter's: by its name
        obj = self.get(name)
        if obj is None:
            obj = self.listed.find(name)
            if obj is None:
                obj = self.plain.find(name)
                if obj is None and self.find_unnamed is not None:
                    obj = self.find_unnamed(name)
        return obj

    def forget(self, name):
        """Drop `name` from the rings; True if it was there."""
        in_listed = self.listed.forget(name)
        return self.plain.forget(name) or in_listed


class Handle(str):
    """A handle name that frees its registry entry when the last reference goes
    (into the recent ring: see above)."""

    __slots__ = ("_table",)
    _listed = False         # which of the table's rings the entry goes to

    def __del__(self):
        # Ring.add written out: this runs for every dropped result.  The table
        # may already lack the entry (tensor_free); pop tolerates that.
        table = self._table
        obj = table.pop(self, None)
        if obj is None:
            return
        try:
            size = obj.nbytes
        except AttributeError:  # not a tensor (a module, an optimizer ...)
            size = 0
        except Exception:       # a sparse tensor has no nbytes: not kept
            return
        if size.__class__ is not int:
            size = 0
        if size > RECENT_BYTES:
            return
        ring = table.listed if self._listed else table.plain
        entries = ring.entries
        # the entry keeps this very object as its name: CPython runs __del__ once,
        # so when the entry is pushed out the handle just goes, and no copy of
        # the name is made here
        entries.append((self, obj, size))
        total = ring.total + size
        if len(entries) > RECENT:
            total -= entries.popleft()[2]
        while total > RECENT_BYTES:
            total -= entries.popleft()[2]
        ring.total = total


class ListedHandle(Handle):
    """A handle made as part of a multi-object result (a list or dict of
    handles): released into the table's ring for such results."""

    __slots__ = ()
    _listed = True


class TensorValue:
    """A tensor result that has no name yet: the Tcl value a command gives back.

    Most tensors a script makes are only ever passed to the next torch command
    (`set y [torch::tensor_add $y $x]` in a loop), so a name, a table entry and
    a Handle to release it would be made for nothing: naming and releasing cost
    more than the torch call itself.  A TensorValue holds the tensor (`obj`)
    and knows its interpreter's registry (`reg`); torch commands take the tensor
    straight from it.  Its string form -- wanted by `puts`, string commands, a
    list turned into text, anything that reads the value as text -- is made
    on first use, as a Tcl_Obj's string rep is: a fresh Handle, registered
    like any other, which the value then keeps (`handle`).  From then on it is
    an ordinary named handle that also keeps its tensor: the name found in
    text, the entry released when the last holder of the Handle goes.

    The number of the name is taken when the value is made (`n`, the
    registry's tensor counter), so names follow the order the tensors were
    made in, as they always did: a script that writes a name it never saw
    (`tensor1` for the first tensor it made, as TCLIBTORCH's tests do) still
    finds it (`HandleRegistry.find_unnamed`).

    `tensor_free` of the name clears `obj`, so the freed tensor is gone for
    the value too (the registry finds the value through `named`); a value of
    another interpreter is looked up by its name, never used directly."""

    # `reg`, the registry, is a class attribute: each registry has its own
    # subclass (`registry.Value`), so "a value of this interpreter" is one
    # class check on the fast path, and making one stores a field less
    __slots__ = ("obj", "n", "handle", "__weakref__")

    def __str__(self):
        try:
            return self.handle
        except AttributeError:
            pass
        reg = self.reg
        handle = self.handle = reg.tensor_handle(self.n, self.obj)
        # keyed by a plain copy of the name: the key must not keep the Handle alive
        reg.named[str.__str__(handle)] = self
        return handle

    def __repr__(self):
        return "<TensorValue %s>" % self


class NewHandle:
    """A kernel's way to say "register this object as a handle": in a result of a
    spec with returns="tensors", it becomes `prefix<N>` in the `kind` table."""

    __slots__ = ("kind", "prefix", "obj")

    def __init__(self, kind, obj, prefix=None):
        self.kind = kind
        self.obj = obj
        self.prefix = prefix


def _enter(table, name, obj, cls):
    """A new handle of class `cls` named `name`, its entry `obj` in `table`."""
    table[name] = obj
    handle = cls(name)
    handle._table = table
    return handle


def _is_counted_name(name, kind, counter):
    """Whether `name` is one a kind's counter gave out (`tensor01` is none)."""
    digits = name[len(kind):]
    return (name.startswith(kind) and digits.isdigit() and 0 < int(digits) <= counter
            and str(int(digits)) == digits)


class HandleRegistry:
    """The live handles of one interpreter, one table and counter per kind."""

    __slots__ = ("tables", "counters", "tensors", "_n_tensor", "interp", "named", "Value")

    def __init__(self, interp=None):
        # name -> the TensorValue that was given that name (see TensorValue), for
        # tensor_free; weak, so the entry goes with the value
        self.named = WeakValueDictionary()
        # this interpreter's tensor values (see TensorValue)
        self.Value = type("TensorValue", (TensorValue,), {"__slots__": (), "reg": self})
        # the interpreter that owns the registry: commands that run Tcl callbacks
        # (an LBFGS closure, a lambda scheduler, a function to differentiate) reach
        # it as `registry.interp` through their spec's context=True
        self.interp = interp
        self.tensors = Table(self.find_unnamed)
        self.tables = {"tensor": self.tensors}
        self.counters = {}
        self._n_tensor = 0

    def new_tensor(self, obj):
        """A fresh handle for a tensor (no copy is made)."""
        self._n_tensor = n = self._n_tensor + 1
        return self.tensor_handle(n, obj)

    def tensor_handle(self, n, obj):
        """The handle `tensor<n>` for `obj`, entered in the tensor table."""
        return _enter(self.tensors, f"tensor{n}", obj, Handle)

    def _unnamed_values(self):
        """This registry's TensorValues that hold a tensor and have no name yet,
        found among Python's objects (a walk of the whole heap: only for a
        listing or a name that missed everything else).  A list, not a
        generator: a generator would be among the objects it walks, and the
        cycle would keep every object alive until the cyclic GC ran."""
        Value = self.Value
        return [obj for obj in gc.get_objects()
                if obj.__class__ is Value and obj.obj is not None and not hasattr(obj, "handle")]

    def find_unnamed(self, name):
        """The tensor of the value numbered as `name` says, made but never named;
        None if there is none.  Only a name of the counted form whose number was
        given out gets this far (a name written in a script before it was ever
        shown), and only after the table and the rings missed: the values are
        found among Python's objects, and the one found is named now."""
        if not isinstance(name, str) or not _is_counted_name(name, "tensor", self._n_tensor):
            return None
        n = int(name[6:])
        for value in self._unnamed_values():    # (freed, or named and released since: none)
            if value.n == n:
                str(value)
                return value.obj
        return None

    def new_listed(self, kind, obj, prefix=None):
        """A fresh handle for one object of a multi-object result (see ListedHandle)."""
        return self.new(kind, obj, prefix, ListedHandle)

    def table(self, kind):
        """The table of a kind, made on first use."""
        table = self.tables.get(kind)
        if table is None:
            table = self.tables[kind] = Table()
        return table

    def new(self, kind, obj, prefix=None, cls=Handle):
        """A fresh handle of any kind: `prefix` (default: the kind) followed by the
        kind's counter."""
        if kind == "tensor":
            self._n_tensor = n = self._n_tensor + 1
        else:
            n = self.counters[kind] = self.counters.get(kind, 0) + 1
        return _enter(self.table(kind), "%s%d" % (prefix or kind, n), obj, cls)

    def get(self, name, kind="tensor"):
        """The object a handle names (live, or recently released), or None."""
        table = self.tables.get(kind)
        return None if table is None else table.find(name)

    def free(self, name, kind="tensor"):
        """Drop the entry now (and from the recent ring); True if there was one."""
        table = self.tables.get(kind)
        if table is None:
            return False
        if isinstance(name, TensorValue):
            name = str(name)
        in_ring = table.forget(name)
        value = self.named.pop(name, None) if kind == "tensor" else None
        if value is not None:
            value.obj = None
        return table.pop(name, None) is not None or in_ring

    def live(self, kind="tensor"):
        """(name, object) pairs of the live handles of a kind, oldest first.  The
        tensors of values not named yet are found among Python's objects, and
        named: a listing shows names (a diagnostic: this walks the whole heap)."""
        if kind == "tensor":
            for value in self._unnamed_values():
                str(value)
        table = self.tables.get(kind, {})
        return sorted(((str.__str__(k), v) for k, v in table.items()),
                      key=lambda item: (len(item[0]), item[0]))

    def counter(self, kind):
        return self._n_tensor if kind == "tensor" else self.counters.get(kind, 0)

    def why_missing(self, name, kind="tensor"):
        """Why `name` names no live handle: the detail of the binder's error."""
        if kind == "tensor" and _is_counted_name(name, kind, self.counter(kind)):
            return ("%s was freed (by %s::tensor_free, or when no Tcl value held it any more)"
                    % (name, "torch"))
        if name == "":
            return "empty %s handle" % kind
        # TCLIBTORCH's phrase, which its test suite looks for
        return 'Invalid %s name "%s"' % (kind, name)


def registry_of(interp):
    """The interpreter's registry, made on first use (interp.extensions["torch"])."""
    ext = interp.extensions
    reg = ext.get("torch")
    if reg is None:
        reg = ext["torch"] = HandleRegistry(interp)
    return reg
