"""list, llength, lindex, lrange, concat, join, split, lassign."""

from ..runtime.frames import Var
from ..runtime.indices import parse_index
from ..runtime.registry import command, frame_blind
from ..runtime.values import TclList, to_list, to_str


@frame_blind
@command("list")
def cmd_list(interp, argv):
    return TclList(argv[1:])


@frame_blind
@command("llength", 1, 1, "list")
def cmd_llength(interp, argv):
    return len(to_list(argv[1]))


def index_into(value, indices):
    """lindex's walk down nested lists; out of range gives ""."""
    for idx in indices:
        items = to_list(value)
        i = parse_index(idx, len(items))
        if i < 0 or i >= len(items):
            return ""
        value = items[i]
    return value


@frame_blind
@command("lindex", 1, None, "list ?index ...?")
def cmd_lindex(interp, argv):
    value = argv[1]
    if len(argv) == 2:
        return value
    if len(argv) == 3:
        idx = argv[2]
        if type(idx) is int and -0x80000000 <= idx <= 0x7FFFFFFF:  # else parse_index refuses
            items = to_list(value)
            return items[idx] if 0 <= idx < len(items) else ""
        indices = to_list(idx)
        if len(indices) == 1:
            items = to_list(value)
            i = parse_index(indices[0], len(items))
            return items[i] if 0 <= i < len(items) else ""
        return index_into(value, indices)
    return index_into(value, argv[2:])


@frame_blind
@command("lrange", 3, 3, "list first last")
def cmd_lrange(interp, argv):
    items = to_list(argv[1])
    n = len(items)
    first = max(parse_index(argv[2], n), 0)
    last = min(parse_index(argv[3], n), n - 1)
    if first > last:
        return TclList()
    return TclList(items[first:last + 1])


def concat_values(values):
    """Tcl's concat: trim each argument and join with single spaces."""
    parts = []
    for v in values:
        s = to_str(v).strip(" \t\n\r\v\f")
        if s:
            parts.append(s)
    return " ".join(parts)


@frame_blind
@command("concat")
def cmd_concat(interp, argv):
    return concat_values(argv[1:])


@frame_blind
@command("join", 1, 2, "list ?joinString?")
def cmd_join(interp, argv):
    sep = to_str(argv[2]) if len(argv) > 2 else " "
    return sep.join(to_str(x) for x in to_list(argv[1]))


@frame_blind
@command("split", 1, 2, "string ?splitChars?")
def cmd_split(interp, argv):
    s = to_str(argv[1])
    chars = to_str(argv[2]) if len(argv) > 2 else " \t\n\r"
    if chars == "":
        return TclList(s)
    if not s:
        return TclList()
    if len(chars) == 1:
        return TclList(s.split(chars))  # str.split keeps the empty fields, as Tcl
    splitter = _SPLITTERS.get(chars)
    if splitter is None:
        import re
        if len(_SPLITTERS) > 200:
            _SPLITTERS.clear()
        splitter = _SPLITTERS[chars] = re.compile("[%s]" % re.escape(chars)).split
    return TclList(splitter(s))


# split characters -> the split function of a one-character-class regex
_SPLITTERS = {}


@command("lassign", 1, None, "list ?varName ...?")
def cmd_lassign(interp, argv):
    items = to_list(argv[1])
    names = argv[2:]
    n = len(items)
    frame = interp.frame
    # a proc's own plain variable is written in its cell directly (math::exact
    # runs lassign some 10^5 times a test); names with :: or (, links and
    # traced variables go through set_var
    table = frame.vars if frame.is_proc else None
    for k, name in enumerate(names):
        value = items[k] if k < n else ""
        if table is not None and name.__class__ is str:
            var = table.get(name)
            if var is None:
                if "::" not in name and "(" not in name:
                    table[name] = Var(value)
                    continue
            elif var.__class__ is Var and var.traces is None and var.arr is None:
                var.value = value
                continue
        interp.set_var(to_str(name), value)
    return TclList(items[len(names):])

