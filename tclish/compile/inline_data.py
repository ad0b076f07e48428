"""Compile-time forms of `dict set/get/incr/exists` and `lset`.

Each form handles the common shape (one key, one index, a variable named
by a literal) on values of the expected kind: a dict or list held only by
the variable is changed in place (its reference count says so, as
Tcl_IsShared does), and anything else (a shared or non-dict value, a
missing key, an `end-1` index, a trace) calls the command with the words
already substituted, which has all the semantics and error texts.  These
commands are not in the core set `core_epoch` follows, so each form is
guarded by compile/guard.py.
"""

from sys import getrefcount

from ..runtime.errors import TclError
from ..runtime.values import TclDict, TclList, to_str
from .guard import available, builtin_guard
from .inline import _getter, _simple_name, inline


def _guarded(c, name, real):
    """(cell, refresh, slow, arg_error, call) for a guarded form."""
    cell, refresh = builtin_guard(c.interp, name, real)
    return cell, refresh, c.slow, c.arg_error(), c.caller()


# ---- dict ---------------------------------------------------------------------------

@inline("dict")
def _dict(c):
    words = c.words
    if len(words) < 3 or type(words[1]) is not str:
        return None
    make = _DICT_FORMS.get(words[1])
    if make is None:
        return None
    from ..commands.dicts import cmd_dict
    if not available(c.interp, "dict", cmd_dict):
        return None
    return make(c, cmd_dict)


def _dict_set(c, real):
    """dict set varName key value"""
    words = c.words
    if len(words) != 5 or not _simple_name(words[2]):
        return None
    interp, name = c.interp, words[2]
    get_key, get_value = _getter(c, 3), _getter(c, 4)
    cell, refresh, slow, arg_error, call = _guarded(c, "dict", real)

    def dict_set(fv):
        if (cell[0] != interp.epoch or cell[1] is not interp.cur_ns) and not refresh():
            return slow(fv)
        try:
            key = get_key(fv)
            value = get_value(fv)
        except TclError as e:
            arg_error(e)
            raise
        var = fv.get(name)
        if var is not None and var.traces is None:
            d = var.value
            # in place only when the variable holds the sole reference
            # (refs: var.value, d, getrefcount's argument)
            if d.__class__ is TclDict and getrefcount(d) <= 3:
                d[key if key.__class__ is str else to_str(key)] = value
                return d
        return call(["dict", "set", name, key, value])
    return dict_set


def _dict_incr(c, real):
    """dict incr varName key ?increment?"""
    words = c.words
    if len(words) not in (4, 5) or not _simple_name(words[2]):
        return None
    interp, name = c.interp, words[2]
    get_key = _getter(c, 3)
    get_amount = _getter(c, 4) if len(words) == 5 else (lambda fv: 1)
    cell, refresh, slow, arg_error, call = _guarded(c, "dict", real)

    def dict_incr(fv):
        if (cell[0] != interp.epoch or cell[1] is not interp.cur_ns) and not refresh():
            return slow(fv)
        try:
            key = get_key(fv)
            amount = get_amount(fv)
        except TclError as e:
            arg_error(e)
            raise
        var = fv.get(name)
        if var is not None and var.traces is None and amount.__class__ is int:
            d = var.value
            if d.__class__ is TclDict and getrefcount(d) <= 3:
                k = key if key.__class__ is str else to_str(key)
                old = d.get(k)
                if old is None:
                    d[k] = amount
                    return d
                if old.__class__ is int:
                    d[k] = old + amount
                    return d
        argv = ["dict", "incr", name, key]
        if len(words) == 5:
            argv.append(amount)
        return call(argv)
    return dict_incr


def _dict_get(c, real):
    """dict get dictionary key ?key ...?"""
    words = c.words
    if len(words) < 4:
        return None
    interp = c.interp
    get_dict = _getter(c, 2)
    key_getters = tuple(_getter(c, k) for k in range(3, len(words)))
    cell, refresh, slow, arg_error, call = _guarded(c, "dict", real)

    def dict_get(fv):
        if (cell[0] != interp.epoch or cell[1] is not interp.cur_ns) and not refresh():
            return slow(fv)
        try:
            value = get_dict(fv)
            keys = [g(fv) for g in key_getters]
        except TclError as e:
            arg_error(e)
            raise
        d = value
        for key in keys:
            if d.__class__ is not TclDict:
                break
            d = d.get(key if key.__class__ is str else to_str(key))
            if d is None:
                break
        else:
            return d
        return call(["dict", "get", value] + keys)
    return dict_get


def _dict_exists(c, real):
    """dict exists dictionary key"""
    words = c.words
    if len(words) != 4:
        return None
    interp = c.interp
    get_dict, get_key = _getter(c, 2), _getter(c, 3)
    cell, refresh, slow, arg_error, call = _guarded(c, "dict", real)

    def dict_exists(fv):
        if (cell[0] != interp.epoch or cell[1] is not interp.cur_ns) and not refresh():
            return slow(fv)
        try:
            d = get_dict(fv)
            key = get_key(fv)
        except TclError as e:
            arg_error(e)
            raise
        if d.__class__ is TclDict:
            return 1 if (key if key.__class__ is str else to_str(key)) in d else 0
        return call(["dict", "exists", d, key])
    return dict_exists


_DICT_FORMS = {"set": _dict_set, "incr": _dict_incr, "get": _dict_get, "exists": _dict_exists}


# ---- lset ---------------------------------------------------------------------------

@inline("lset")
def _lset(c):
    """lset varName index value, with one integer index"""
    words = c.words
    if len(words) != 4 or not _simple_name(words[1]):
        return None
    from ..commands.lists import cmd_lset
    interp = c.interp
    if not available(interp, "lset", cmd_lset):
        return None
    name = words[1]
    get_index, get_value = _getter(c, 2), _getter(c, 3)
    cell, refresh, slow, arg_error, call = _guarded(c, "lset", cmd_lset)

    def lset(fv):
        if (cell[0] != interp.epoch or cell[1] is not interp.cur_ns) and not refresh():
            return slow(fv)
        try:
            i = get_index(fv)
            value = get_value(fv)
        except TclError as e:
            arg_error(e)
            raise
        var = fv.get(name)
        if var is not None and var.traces is None and i.__class__ is int:
            lst = var.value
            # (refs: var.value, lst, getrefcount's argument)
            if lst.__class__ is TclList and getrefcount(lst) <= 3 and 0 <= i < len(lst):
                lst[i] = value
                return lst
        return call(["lset", name, i, value])
    return lset


# ---- llength, string length/index/range ---------------------------------------------
# (core commands: their forms check `core_epoch`, as those of compile/inline.py)

@inline("llength")
def _llength(c):
    if len(c.words) != 2:
        return None
    interp, slow, epoch = c.interp, c.slow, c.epoch
    get = _getter(c, 1)
    arg_error, call = c.arg_error(), c.caller()

    def llength(fv):
        if interp.core_epoch != epoch:
            return slow(fv)
        try:
            v = get(fv)
        except TclError as e:
            arg_error(e)
            raise
        if v.__class__ is TclList:
            return len(v)
        return call(["llength", v])
    return llength


@inline("string")
def _string(c):
    words = c.words
    if len(words) < 3 or type(words[1]) is not str:
        return None
    shape = _STRING_FORMS.get(words[1])
    if shape is None or len(words) != shape[0]:
        return None
    return shape[1](c)


def _string_length(c):
    interp, slow, epoch = c.interp, c.slow, c.epoch
    get = _getter(c, 2)
    arg_error = c.arg_error()

    def string_length(fv):
        if interp.core_epoch != epoch:
            return slow(fv)
        try:
            v = get(fv)
        except TclError as e:
            arg_error(e)
            raise
        return len(v) if v.__class__ is str else len(to_str(v))
    return string_length


def _string_index(c):
    interp, slow, epoch = c.interp, c.slow, c.epoch
    get, get_index = _getter(c, 2), _getter(c, 3)
    arg_error, call = c.arg_error(), c.caller()

    def string_index(fv):
        if interp.core_epoch != epoch:
            return slow(fv)
        try:
            v = get(fv)
            i = get_index(fv)
        except TclError as e:
            arg_error(e)
            raise
        if v.__class__ is str and i.__class__ is int and -0x80000000 <= i <= 0x7FFFFFFF:
            return v[i] if 0 <= i < len(v) else ""   # beyond a C int: the command's rules
        return call(["string", "index", v, i])
    return string_index


def _string_range(c):
    interp, slow, epoch = c.interp, c.slow, c.epoch
    get, get_first, get_last = _getter(c, 2), _getter(c, 3), _getter(c, 4)
    arg_error, call = c.arg_error(), c.caller()

    def string_range(fv):
        if interp.core_epoch != epoch:
            return slow(fv)
        try:
            v = get(fv)
            first = get_first(fv)
            last = get_last(fv)
        except TclError as e:
            arg_error(e)
            raise
        if v.__class__ is str and first.__class__ is int and last.__class__ is int and \
                -0x80000000 <= first <= 0x7FFFFFFF and -0x80000000 <= last <= 0x7FFFFFFF:
            if first < 0:
                first = 0
            return v[first:last + 1] if first <= last else ""
        return call(["string", "range", v, first, last])
    return string_range


_STRING_FORMS = {"length": (3, _string_length), "index": (4, _string_index),
                 "range": (5, _string_range)}
