"""The `array` ensemble.

An array lives in a `Var` cell: `Var.arr` is the element dict (insertion
ordered).  Tcl lists the elements of an array in the order of its hash table,
and scripts see that order (`array names`, `array get`, `foreach {k v}
[array get a]`), so `hash_order` replays the insertions into a model of Tcl's
string hash table (tclHash.c) to list them exactly as tclsh does.  The model
replays the current elements in their insertion order, so it is exact for an
array that never lost elements; after unsets tclsh's order also depends on
the table's history (it never shrinks, and chains keep their order across
removals), which the model does not know.
"""

import functools

from ..runtime.errors import TclError
from ..runtime.glob import glob_matcher, is_literal
from ..runtime.interp import split_array_name
from ..runtime.registry import ensemble, resolve_prefix
from ..runtime.values import TclList, to_list, to_str
from .lists import compile_regexp

# --- Tcl's hash table order ---------------------------------------------------------

_NUM_COUNTERS = 10


@functools.lru_cache(maxsize=1 << 16)
def _string_hash(key):
    """TclHashObjKey: h = h*9 + byte over the (modified) UTF-8 bytes."""
    h = 0
    for b in key.encode("utf-8", "surrogatepass").replace(b"\0", b"\xc0\x80"):
        h = (h * 9 + b) & 0xFFFFFFFF
    return h


def _buckets(keys):
    """Tcl's bucket chains after inserting `keys` in order.  Each chain is a
    Python list whose *last* item is the chain's head."""
    mask = 3
    rebuild_at = 12
    buckets = [[], [], [], []]
    count = 0
    for key in keys:
        h = _string_hash(key)
        buckets[h & mask].append((h, key))
        count += 1
        if count >= rebuild_at:
            old = buckets
            mask = (mask << 2) | 3
            rebuild_at *= 4
            buckets = [[] for _ in range(mask + 1)]
            for chain in old:
                for entry in reversed(chain):
                    buckets[entry[0] & mask].append(entry)
    return buckets


def hash_order(keys):
    """The keys in the order Tcl's hash table iterates them."""
    if len(keys) < 2:
        return list(keys)
    out = []
    for chain in _buckets(keys):
        if chain:
            out.extend([key for _, key in reversed(chain)])
    return out


def hash_statistics(keys):
    """Tcl_HashStats text for a table holding `keys` (inserted in order)."""
    buckets = _buckets(keys)
    n = len(keys)
    counts = [0] * _NUM_COUNTERS
    overflow = 0
    average = 0.0
    for chain in buckets:
        j = len(chain)
        if j < _NUM_COUNTERS:
            counts[j] += 1
        else:
            overflow += 1
        if n:
            average += (j + 1.0) * (j / n) / 2.0
    lines = ["%d entries in table, %d buckets" % (n, len(buckets))]
    lines.extend("number of buckets with %d entries: %d" % (i, c) for i, c in enumerate(counts))
    lines.append("number of buckets with %d or more entries: %d" % (_NUM_COUNTERS, overflow))
    lines.append("average search distance for entry: %.1f" % average)
    return "\n".join(lines)


# --- helpers -------------------------------------------------------------------------

def _locate(interp, name):
    """The Var of `name` (None for a missing variable or an element name),
    after firing its "array" traces as Tcl's LocateArray does."""
    if split_array_name(name)[1] is not None:
        return None
    var = interp.lookup_var(name)
    if var is not None and var.traces and var.value is None:
        interp.fire_traces(var, name, None, "array")
    return var


def _array_var(interp, name):
    """The Var of array `name`, or None when `name` is not an array."""
    var = _locate(interp, name)
    if var is None or var.arr is None:
        return None
    return var


def _not_array(name):
    return TclError('"%s" isn\'t an array' % name, ("TCL", "LOOKUP", "ARRAY", name))


def _matching_keys(arr, pattern, mode="-glob"):
    """Element names of `arr` matching `pattern`, in Tcl's order."""
    if pattern is None:
        return hash_order(list(arr))
    if mode == "-exact" or (mode == "-glob" and is_literal(pattern)):
        # a trivial glob pattern is a direct lookup in Tcl too
        return [pattern] if pattern in arr else []
    if mode == "-glob":
        test = glob_matcher(pattern)
        return [k for k in hash_order(list(arr)) if test(k)]
    match = compile_regexp(pattern).match
    return [k for k in hash_order(list(arr)) if match(k) is not None]


# --- subcommands -----------------------------------------------------------------------

def array_set(interp, argv):
    name = to_str(argv[2])
    if split_array_name(name)[1] is not None:
        raise TclError('can\'t set "%s": variable isn\'t array' % name,
                       ("TCL", "LOOKUP", "VARNAME", name))
    _locate(interp, name)
    items = to_list(argv[3])
    if len(items) % 2:
        raise TclError("list must have an even number of elements",
                       ("TCL", "ARGUMENT", "FORMAT"))
    var = interp.lookup_var(name, create=True)
    if not items:
        if var.arr is None:
            if var.value is not None:
                raise TclError('can\'t array set "%s": variable isn\'t array' % name,
                               ("TCL", "LOOKUP", "VARNAME", name))
            var.arr = {}
        return ""
    if var.traces is None and var.value is None:
        arr = var.arr
        if arr is None:
            arr = var.arr = {}
        for i in range(0, len(items), 2):
            key = items[i]
            arr[key if type(key) is str else to_str(key)] = items[i + 1]
        return ""
    for i in range(0, len(items), 2):
        interp.write_var(var, name, to_str(items[i]), items[i + 1])
    return ""


def array_get(interp, argv):
    name = to_str(argv[2])
    var = _array_var(interp, name)
    if var is None:
        return ""
    arr = var.arr
    pattern = to_str(argv[3]) if len(argv) > 3 else None
    result = TclList()
    for key in _matching_keys(arr, pattern):
        result.append(key)
        result.append(arr[key])
    return result


_NAMES_MODES = {"-exact": "-exact", "-glob": "-glob", "-regexp": "-regexp"}


def array_names(interp, argv):
    name = to_str(argv[2])
    mode = "-glob"
    pattern = None
    if len(argv) == 5:
        mode = resolve_prefix(_NAMES_MODES, to_str(argv[3]), "option")
        pattern = to_str(argv[4])
    elif len(argv) == 4:
        pattern = to_str(argv[3])
    var = _array_var(interp, name)
    if var is None:
        return ""
    return TclList(_matching_keys(var.arr, pattern, mode))


def array_size(interp, argv):
    var = _array_var(interp, to_str(argv[2]))
    return 0 if var is None else len(var.arr)


def array_exists(interp, argv):
    return 0 if _array_var(interp, to_str(argv[2])) is None else 1


def array_unset(interp, argv):
    name = to_str(argv[2])
    var = _array_var(interp, name)
    if var is None:
        return ""
    if len(argv) == 3:
        interp.unset_var(name, nocomplain=True)
        return ""
    for key in _matching_keys(var.arr, to_str(argv[3])):
        interp.unset_var("%s(%s)" % (name, key), nocomplain=True)
    return ""


def array_statistics(interp, argv):
    name = to_str(argv[2])
    var = _array_var(interp, name)
    if var is None:
        raise _not_array(name)
    return hash_statistics(list(var.arr))


# --- array searches ----------------------------------------------------------------------
# Searches are kept per interpreter, newest first, for each array Var.  Tcl
# drops every search of an array when an element is added or removed; a
# search remembers the element names it started with and is dropped when they
# no longer match.

class _Search:
    __slots__ = ("number", "var", "arr", "snapshot", "names", "pos")

    def __init__(self, number, var):
        self.number = number
        self.var = var
        self.arr = var.arr          # an unset and re-made array is a new dict
        self.snapshot = tuple(var.arr)
        self.names = hash_order(list(self.snapshot))
        self.pos = 0


def _searches(interp, var):
    """The live searches of `var` (a list, newest first)."""
    table = interp.extensions.setdefault("array searches", {})
    found = table.get(id(var))
    if found is None:
        return table, []
    first = found[0]
    if first.var is not var or first.arr is not var.arr or tuple(var.arr) != first.snapshot:
        del table[id(var)]
        return table, []
    return table, found


def array_startsearch(interp, argv):
    name = to_str(argv[2])
    var = _array_var(interp, name)
    if var is None:
        raise _not_array(name)
    table, live = _searches(interp, var)
    search = _Search(live[0].number + 1 if live else 1, var)
    table[id(var)] = [search] + live
    return "s-%d-%s" % (search.number, name)


def _find_search(interp, argv):
    name = to_str(argv[2])
    var = _array_var(interp, name)
    if var is None:
        raise _not_array(name)
    ident = to_str(argv[3])
    code = ("TCL", "LOOKUP", "ARRAYSEARCH", ident)
    number = None
    if ident.startswith("s-"):
        digits = ident[2:]
        end = 0
        while end < len(digits) and digits[end].isdigit():
            end += 1
        if end and digits[end:end + 1] == "-":
            number = int(digits[:end])
            if digits[end + 1:] != name:
                raise TclError('search identifier "%s" isn\'t for variable "%s"' % (ident, name),
                               code)
    if number is None:
        raise TclError('illegal search identifier "%s"' % ident, code)
    table, live = _searches(interp, var)
    for search in live:
        if search.number == number:
            return var, table, live, search
    raise TclError('couldn\'t find search "%s"' % ident, code)


def array_anymore(interp, argv):
    var, _, _, search = _find_search(interp, argv)
    names = search.names
    while search.pos < len(names) and names[search.pos] not in var.arr:
        search.pos += 1
    return 1 if search.pos < len(names) else 0


def array_nextelement(interp, argv):
    var, _, _, search = _find_search(interp, argv)
    names = search.names
    while search.pos < len(names):
        key = names[search.pos]
        search.pos += 1
        if key in var.arr:
            return key
    return ""


def array_donesearch(interp, argv):
    var, table, live, search = _find_search(interp, argv)
    live.remove(search)
    if not live:
        del table[id(var)]
    return ""


ARRAY_SUBCOMMANDS = {
    "anymore": (array_anymore, 2, 2, "arrayName searchId"),
    "donesearch": (array_donesearch, 2, 2, "arrayName searchId"),
    "exists": (array_exists, 1, 1, "arrayName"),
    "get": (array_get, 1, 2, "arrayName ?pattern?"),
    "names": (array_names, 1, 3, "arrayName ?mode? ?pattern?"),
    "nextelement": (array_nextelement, 2, 2, "arrayName searchId"),
    "set": (array_set, 2, 2, "arrayName list"),
    "size": (array_size, 1, 1, "arrayName"),
    "startsearch": (array_startsearch, 1, 1, "arrayName"),
    "statistics": (array_statistics, 1, 1, "arrayName"),
    "unset": (array_unset, 1, 2, "arrayName ?pattern?"),
}

cmd_array = ensemble("array", ARRAY_SUBCOMMANDS)
