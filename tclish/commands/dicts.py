"""The `dict` ensemble.

A dict value is a `TclDict` (insertion ordered, `str` keys).  Subcommands
that update a variable (`dict set`, `dict unset`, `dict incr`, ...) change
the variable's dict in place when nothing else holds it (`is_unshared`), and
copy it otherwise, as Tcl's copy-on-write does.  Texts follow tclDictObj.c.
"""

from ..runtime.errors import BreakSignal, ContinueSignal, TclError, TclSignal
from ..runtime.glob import glob_matcher, is_literal
from ..runtime.registry import command, ensemble, resolve_prefix, wrong_args
from ..runtime.values import TclDict, TclList, is_unshared, tcl_int, to_bool, to_dict, to_list, to_str
from .arrays import hash_statistics

# is_unshared's count when a value is held by one container slot (a variable,
# a list or dict entry) and one local name; the other two references are
# is_unshared's own parameter and getrefcount's argument.
_OWNED = 4


# --- conversions -------------------------------------------------------------------

def _dict_error(err):
    """A list-syntax error re-worded as Tcl reports it for a dict."""
    msg = err.message.replace("list element in", "dict element in").replace(
        " in list", " in dict")
    code = err.errorcode
    if isinstance(code, tuple) and code[:3] == ("TCL", "VALUE", "LIST"):
        code = ("TCL", "VALUE", "DICTIONARY") + code[3:]
    return TclError(msg, code)


def as_dict(value):
    """The TclDict for a value (do not mutate it), with dict error texts."""
    if type(value) is TclDict:
        return value
    try:
        return to_dict(value)
    except TclError as e:
        raise _dict_error(e) from None


def _fresh_copy(value):
    """A TclDict for `value` that the caller may mutate."""
    if type(value) is TclDict:
        return TclDict(value)
    return as_dict(value)       # to_dict builds a new dict for any other value


def _key_error(key):
    return TclError('key "%s" not known in dictionary' % key, ("TCL", "LOOKUP", "DICT", key))


def _two_var_names(value):
    names = to_list(value)
    if len(names) != 2:
        raise TclError("must have exactly two variable names", ("TCL", "SYNTAX", "dict", "for"))
    return to_str(names[0]), to_str(names[1])


def _wrong(argv, sub, usage):
    prefix = to_str(argv[0])
    if argv[1] != "":       # "" marks a direct call of ::tcl::dict::<sub>
        prefix += " " + sub
    return wrong_args(prefix, usage)


# --- updating a dict held in a variable ------------------------------------------------

def _writable_var_dict(interp, name):
    """The dict in variable `name`, ready to be changed: the variable's own
    dict when unshared, else a copy; a new dict when the variable is unset."""
    try:
        value = interp.get_var(name)
    except TclError:
        # unset (or an array: writing it back gives Tcl's "can't set" error)
        return TclDict()
    if type(value) is TclDict and is_unshared(value, _OWNED):
        return value
    return _fresh_copy(value)


def _writable_child(parent, key, create):
    """The dict under `key` in the writable dict `parent`, made writable
    (copied into `parent` when shared); created empty when missing and
    `create`, else a `key not known` error."""
    child = parent.get(key)
    if child is None:
        if not create:
            raise _key_error(key)
        child = parent[key] = TclDict()
        return child
    if type(child) is TclDict and is_unshared(child, _OWNED):
        return child
    child = parent[key] = _fresh_copy(child)
    return child


def _writable_path(interp, name, keys, create):
    """(outermost dict of variable `name`, innermost dict along `keys`)."""
    top = _writable_var_dict(interp, name)
    leaf = top
    for key in keys:
        leaf = _writable_child(leaf, to_str(key), create)
    return top, leaf


# --- read-only subcommands -------------------------------------------------------------

def dict_create(interp, argv):
    if len(argv) % 2:
        raise _wrong(argv, "create", "?key value ...?")
    d = TclDict()
    for i in range(2, len(argv), 2):
        key = argv[i]
        d[key if type(key) is str else to_str(key)] = argv[i + 1]
    return d


def dict_get(interp, argv):
    d = as_dict(argv[2])
    if len(argv) == 3:
        return d
    for i in range(3, len(argv)):
        key = to_str(argv[i])
        try:
            value = d[key]
        except KeyError:
            raise _key_error(key) from None
        if i == len(argv) - 1:
            return value
        d = as_dict(value)


def dict_exists(interp, argv):
    try:
        d = as_dict(argv[2])
        for i in range(3, len(argv) - 1):
            d = as_dict(d[to_str(argv[i])])
        return 1 if to_str(argv[-1]) in d else 0
    except (TclError, KeyError):
        return 0


def dict_keys(interp, argv):
    d = as_dict(argv[2])
    if len(argv) == 3:
        return TclList(d)
    pattern = to_str(argv[3])
    if is_literal(pattern):
        return TclList([pattern]) if pattern in d else ""
    test = glob_matcher(pattern)
    return TclList([k for k in d if test(k)])


def dict_values(interp, argv):
    d = as_dict(argv[2])
    if len(argv) == 3:
        return TclList(d.values())
    test = glob_matcher(to_str(argv[3]))
    return TclList([v for v in d.values() if test(to_str(v))])


def dict_size(interp, argv):
    return len(as_dict(argv[2]))


def dict_info(interp, argv):
    return hash_statistics(list(as_dict(argv[2])))


def dict_replace(interp, argv):
    if len(argv) % 2 == 0:
        raise _wrong(argv, "replace", "dictionary ?key value ...?")
    d = _fresh_copy(argv[2])
    for i in range(3, len(argv), 2):
        d[to_str(argv[i])] = argv[i + 1]
    return d


def dict_remove(interp, argv):
    d = _fresh_copy(argv[2])
    for key in argv[3:]:
        d.pop(to_str(key), None)
    return d


def dict_merge(interp, argv):
    if len(argv) == 2:
        return ""
    first = as_dict(argv[2])
    others = [as_dict(value) for value in argv[3:]]
    if not any(others):
        # nothing is put into the first dict, so its string is kept as it is
        return argv[2]
    d = TclDict(first)
    for other in others:
        d.update(other)
    return d


# --- variable-updating subcommands ------------------------------------------------------

def dict_set(interp, argv):
    name = to_str(argv[2])
    top, leaf = _writable_path(interp, name, argv[3:-2], True)
    leaf[to_str(argv[-2])] = argv[-1]
    return interp.set_var(name, top)


def dict_unset(interp, argv):
    name = to_str(argv[2])
    top, leaf = _writable_path(interp, name, argv[3:-1], False)
    leaf.pop(to_str(argv[-1]), None)
    return interp.set_var(name, top)


def dict_incr(interp, argv):
    name = to_str(argv[2])
    d = _writable_var_dict(interp, name)
    key = to_str(argv[3])
    increment = argv[4] if len(argv) == 5 else 1
    try:
        amount = _dict_int(increment)
    except TclError as e:
        e.errorinfo += "\n    (reading increment)"
        e.context_added = True
        raise
    old = d.get(key)
    d[key] = increment if old is None else _dict_int(old) + amount
    return interp.set_var(name, d)


def _dict_int(value):
    """An integer as TclIncrObj reads it (TCL VALUE INTEGER)."""
    return tcl_int(value, ("TCL", "VALUE", "INTEGER"))


def dict_lappend(interp, argv):
    name = to_str(argv[2])
    d = _writable_var_dict(interp, name)
    key = to_str(argv[3])
    old = d.get(key)
    if old is None:
        d[key] = TclList(argv[4:])
    elif len(argv) > 4:
        if type(old) is TclList and is_unshared(old, _OWNED):
            old.extend(argv[4:])
        else:
            new = TclList(to_list(old))
            new.extend(argv[4:])
            d[key] = new
    return interp.set_var(name, d)


def dict_append(interp, argv):
    name = to_str(argv[2])
    d = _writable_var_dict(interp, name)
    key = to_str(argv[3])
    old = d.get(key)
    parts = [to_str(v) for v in argv[4:]]
    d[key] = "".join(parts) if old is None else to_str(old) + "".join(parts)
    return interp.set_var(name, d)


# --- subcommands that run scripts ---------------------------------------------------------

def _add_body_line(err, what):
    if err.errorline is not None:
        err.errorinfo += "\n    (%s line %d)" % (what, err.errorline)


def dict_for(interp, argv):
    kname, vname = _two_var_names(argv[2])
    d = as_dict(argv[3])
    body = argv[4]
    for key, value in list(d.items()):
        interp.set_var(kname, key)
        interp.set_var(vname, value)
        try:
            interp.eval(body)
        except ContinueSignal:
            continue
        except BreakSignal:
            break
        except TclError as e:
            _add_body_line(e, '"dict for" body')
            raise
    return ""


def dict_map(interp, argv):
    kname, vname = _two_var_names(argv[2])
    d = as_dict(argv[3])
    body = argv[4]
    result = TclDict()
    for key, value in list(d.items()):
        interp.set_var(kname, key)
        interp.set_var(vname, value)
        try:
            mapped = interp.eval(body)
        except ContinueSignal:
            continue
        except BreakSignal:
            return ""
        except TclError as e:
            _add_body_line(e, '"dict map" body')
            raise
        # the key is read back from its variable, as Tcl does
        result[to_str(interp.get_var(kname))] = mapped
    return result


_FILTER_TYPES = {"key": "key", "script": "script", "value": "value"}


def dict_filter(interp, argv):
    kind = resolve_prefix(_FILTER_TYPES, to_str(argv[3]), "filterType")
    if kind == "script":
        if len(argv) != 6:
            raise _wrong(argv, "filter",
                         "dictionary script {keyVarName valueVarName} filterScript")
        kname, vname = _two_var_names(argv[4])
        return _filter_script(interp, as_dict(argv[2]), kname, vname, argv[5])
    d = as_dict(argv[2])
    tests = [glob_matcher(to_str(p)) for p in argv[4:]]
    result = TclDict()
    if kind == "key":
        for key, value in d.items():
            if any(test(key) for test in tests):
                result[key] = value
    else:
        for key, value in d.items():
            s = to_str(value)
            if any(test(s) for test in tests):
                result[key] = value
    return result


def _filter_script(interp, d, kname, vname, body):
    result = TclDict()
    for key, value in list(d.items()):
        interp.set_var(kname, key)
        interp.set_var(vname, value)
        try:
            keep = to_bool(interp.eval(body))
        except ContinueSignal:
            continue
        except BreakSignal:
            break
        except TclError as e:
            _add_body_line(e, '"dict filter" script')
            raise
        if keep:
            result[key] = value
    return result


def _store_back(d, key, value):
    # a dict must never end up inside itself [Tcl bug 1786481]
    d[key] = TclDict(value) if value is d else value


def dict_update(interp, argv):
    if len(argv) % 2:
        raise _wrong(argv, "update", "dictVarName key varName ?key varName ...? script")
    name = to_str(argv[2])
    d = as_dict(interp.get_var(name))
    pairs = [(to_str(argv[i]), to_str(argv[i + 1])) for i in range(3, len(argv) - 1, 2)]
    for key, var in pairs:
        if key in d:
            interp.set_var(var, d[key])
        else:
            interp.unset_var(var, nocomplain=True)
    try:
        result = interp.eval(argv[-1])
    except TclError as e:
        e.errorinfo += '\n    (body of "dict update")'
        _update_finish(interp, name, pairs)
        raise
    except TclSignal:
        _update_finish(interp, name, pairs)
        raise
    _update_finish(interp, name, pairs)
    return result


def _update_finish(interp, name, pairs):
    """Write the variables of `dict update` back into the dictionary."""
    try:
        value = interp.get_var(name)
    except TclError:
        return      # the dictionary variable is gone: drop everything
    d = value if type(value) is TclDict and is_unshared(value, _OWNED) else _fresh_copy(value)
    del value
    for key, var in pairs:
        try:
            new = interp.get_var(var)
        except TclError:
            d.pop(key, None)
            continue
        _store_back(d, key, new)
    interp.set_var(name, d)


def dict_with(interp, argv):
    name = to_str(argv[2])
    path = [to_str(k) for k in argv[3:-1]]
    d = as_dict(interp.get_var(name))
    for key in path:
        try:
            d = as_dict(d[key])
        except KeyError:
            raise _key_error(key) from None
    keys = list(d)
    for key, value in list(d.items()):
        interp.set_var(key, value)
    try:
        result = interp.eval(argv[-1])
    except TclError as e:
        e.errorinfo += '\n    (body of "dict with")'
        _with_finish(interp, name, path, keys)
        raise
    except TclSignal:
        _with_finish(interp, name, path, keys)
        raise
    _with_finish(interp, name, path, keys)
    return result


def _with_finish(interp, name, path, keys):
    """Write the variables of `dict with` back (TclDictWithFinish)."""
    try:
        value = interp.get_var(name)
    except TclError:
        return      # the dictionary variable is gone: drop everything
    top = value if type(value) is TclDict and is_unshared(value, _OWNED) else _fresh_copy(value)
    del value
    leaf = top
    for key in path:
        child = leaf.get(key)
        if child is None:
            return      # the path is gone: as if the variable were unset
        child = TclDict(child) if type(child) is TclDict else _fresh_copy(child)
        leaf[key] = child
        leaf = child
    for key in keys:
        try:
            new = interp.get_var(key)
        except TclError:
            leaf.pop(key, None)
            continue
        _store_back(leaf, key, new)
    interp.set_var(name, top)


DICT_SUBCOMMANDS = {
    "append": (dict_append, 2, None, "dictVarName key ?value ...?"),
    "create": (dict_create, 0, None, "?key value ...?"),
    "exists": (dict_exists, 2, None, "dictionary key ?key ...?"),
    "filter": (dict_filter, 2, None, "dictionary filterType ?arg ...?"),
    "for": (dict_for, 3, 3, "{keyVarName valueVarName} dictionary script"),
    "get": (dict_get, 1, None, "dictionary ?key ...?"),
    "incr": (dict_incr, 2, 3, "dictVarName key ?increment?"),
    "info": (dict_info, 1, 1, "dictionary"),
    "keys": (dict_keys, 1, 2, "dictionary ?pattern?"),
    "lappend": (dict_lappend, 2, None, "dictVarName key ?value ...?"),
    "map": (dict_map, 3, 3, "{keyVarName valueVarName} dictionary script"),
    "merge": (dict_merge, 0, None, "?dictionary ...?"),
    "remove": (dict_remove, 1, None, "dictionary ?key ...?"),
    "replace": (dict_replace, 1, None, "dictionary ?key value ...?"),
    "set": (dict_set, 3, None, "dictVarName key ?key ...? value"),
    "size": (dict_size, 1, 1, "dictionary"),
    "unset": (dict_unset, 2, None, "dictVarName key ?key ...?"),
    "update": (dict_update, 4, None, "dictVarName key varName ?key varName ...? script"),
    "values": (dict_values, 1, 2, "dictionary ?pattern?"),
    "with": (dict_with, 2, None, "dictVarName ?key ...? script"),
}

cmd_dict = ensemble("dict", DICT_SUBCOMMANDS)


# Tcl's dict is an ensemble over the commands in ::tcl::dict, which scripts
# may also call directly.

def _direct(sub):
    func, lo, hi, usage = DICT_SUBCOMMANDS[sub]

    def call(interp, argv):
        return func(interp, [argv[0], ""] + argv[1:])

    call.__name__ = "cmd_tcl_dict_" + sub
    return command("::tcl::dict::" + sub, lo, hi, usage)(call)


cmd_tcl_dict_append = _direct("append")
cmd_tcl_dict_create = _direct("create")
cmd_tcl_dict_exists = _direct("exists")
cmd_tcl_dict_filter = _direct("filter")
cmd_tcl_dict_for = _direct("for")
cmd_tcl_dict_get = _direct("get")
cmd_tcl_dict_incr = _direct("incr")
cmd_tcl_dict_info = _direct("info")
cmd_tcl_dict_keys = _direct("keys")
cmd_tcl_dict_lappend = _direct("lappend")
cmd_tcl_dict_map = _direct("map")
cmd_tcl_dict_merge = _direct("merge")
cmd_tcl_dict_remove = _direct("remove")
cmd_tcl_dict_replace = _direct("replace")
cmd_tcl_dict_set = _direct("set")
cmd_tcl_dict_size = _direct("size")
cmd_tcl_dict_unset = _direct("unset")
cmd_tcl_dict_update = _direct("update")
cmd_tcl_dict_values = _direct("values")
cmd_tcl_dict_with = _direct("with")
