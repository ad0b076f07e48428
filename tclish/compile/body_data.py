"""`dict get/set/incr`, `lset`, `string length/index/range` and `llength`
written out in a generated proc body (compile/body.py).

The same shapes compile/inline_data.py inlines (a form is only written out
where that module made a closure for the command); the words are
substituted once, in the body, then

    if GUARD and <the values are plain: a str, an int index, a TclDict or
                  TclList the variable alone holds>:
        <the result computed here, a dict or list changed in place>
    else:
        <the command called with the substituted words>

GUARD is `interp.core_epoch == epoch` for string and llength (core
commands), the cell of compile/guard.py for dict and lset.  The fallback
calls whatever command has the name then, as compile/inline_data.py's do,
so errors, redefinitions and odd values are the command's own.  A
temporary that held a dict or list is cleared after use: a reference left
in the body's frame would make the next change in place a copy.
"""

from .guard import builtin_guard
from .script import PROC_BODY, _call, arg_error_handler, error_annotator

# C ints: beyond them the commands have rules of their own
_INT32 = "-0x80000000 <= %s <= 0x7FFFFFFF"


class _Form:
    """What an emitter works with for one command."""

    def __init__(self, g, cmd, base):
        self.g = g
        self.cmd = cmd
        self.on_error = error_annotator(g.interp, cmd, base, PROC_BODY)
        self.handler = g.const(arg_error_handler(self.on_error, PROC_BODY))
        self.base = base

    def words(self, indent, first, numbers=()):
        """Python expressions for the words from `first` on, substituted
        here; a literal number in those at `numbers` is the number."""
        g, cmd = self.g, self.cmd
        return [g.word_value(indent, cmd, k, self.base, self.handler,
                             literal_numbers=k in numbers)
                for k in range(first, len(cmd.words))]

    def call(self, indent, argv, target=None):
        """The command with the substituted words (a fallback)."""
        g, interp, on_error = self.g, self.g.interp, self.on_error
        caller = g.const(lambda argv: _call(interp, argv, on_error))
        line = "%s([%s])" % (caller, ", ".join(argv))
        g.closure(indent, "%s = %s" % (target, line) if target else line, hard=False)

    def guard(self, name):
        """The test that `name` is still the built-in inline_data.py inlined."""
        g = self.g
        if name in ("string", "llength"):
            return "interp.core_epoch == epoch"
        from ..commands.dicts import cmd_dict
        from ..commands.lists import cmd_lset
        cell, refresh = builtin_guard(g.interp, name, cmd_dict if name == "dict" else cmd_lset)
        cell, refresh = g.const(cell), g.const(refresh)
        return "(%s[0] == interp.epoch and %s[1] is interp.cur_ns or %s())" % (cell, cell, refresh)

    def container(self, indent, name, cls):
        """(value, test) for the variable `name` holding a `cls` value only
        it refers to (so that it may be changed in place)."""
        g = self.g
        value = g.plain_value(indent, name)
        if g.held is not None:
            cell = "C%d" % g.held[name]
            # (references: the local, the cell unless changed since, the argument)
            return value, "%s.__class__ is %s and getrefcount(%s) - (%s.value is %s) <= 2" % (
                value, cls, value, cell, value)
        # (references: the cell, the temporary, the argument)
        return value, "%s.__class__ is %s and getrefcount(%s) <= 3" % (value, cls, value)

    def fast(self, indent, tests):
        """Emits `if TESTS:` for a fast path; False (nothing emitted) when
        a literal word rules it out."""
        if "False" in tests:
            return False
        self.g.emit(indent, "if %s:" % " and ".join(t for t in tests if t != "True"))
        return True

    def release(self, indent, names):
        """Temporaries that may hold a dict or list, cleared."""
        names = [n for n in names if n[:1] in "vicx" and n[1:].isdigit()]
        if names:
            self.g.emit(indent, "%s = None" % " = ".join(names))


def _is(v, cls):
    """The test that the value of Python expression `v` is of class `cls`
    (decided here for a literal)."""
    if v[:1].isdigit() or v[:1] == "-":
        kind = "int" if v.lstrip("-").isdigit() else "float"
        return "True" if cls == kind else "False"
    if v[:1] in "'\"":
        return "True" if cls == "str" else "False"
    return "%s.__class__ is %s" % (v, cls)


def _key(v):
    """A dict key (a word substituted without literal numbers)."""
    return v if v[:1] in "'\"" else "(%s if %s.__class__ is str else to_str(%s))" % (v, v, v)


# ---- values: a word that is one of these commands -----------------------------------

def value_form(g, cmd, base, indent, target):
    """Emits `target = <the value of cmd>` when cmd is one written out here;
    False otherwise."""
    words = cmd.words
    head = words[0]
    if head == "string" and type(words[1]) is str:
        emit = _STRING_FORMS.get((words[1], len(words)))
    elif head == "dict" and len(words) >= 4 and words[1] == "get":
        emit = _dict_get
    elif head == "llength" and len(words) == 2:
        emit = _llength
    else:
        emit = None
    if emit is None:
        return False
    emit(_Form(g, cmd, base), indent, target)
    return True


def _string_length(f, indent, target):
    (s,) = f.words(indent, 2)
    f.g.emit(indent, "if %s:" % f.guard("string"))
    f.g.emit(indent + 1, "%s = len(%s if %s.__class__ is str else to_str(%s))"
             % (target, s, s, s))
    f.g.emit(indent, "else:")
    f.call(indent + 1, ["'string'", "'length'", s], target)


def _string_index(f, indent, target):
    s, i = f.words(indent, 2, (3,))
    if f.fast(indent, [f.guard("string"), _is(s, "str"), _is(i, "int"), _INT32 % i]):
        f.g.emit(indent + 1, "%s = %s[%s] if 0 <= %s < len(%s) else ''" % (target, s, i, i, s))
        f.g.emit(indent, "else:")
        indent += 1
    f.call(indent, ["'string'", "'index'", s, i], target)


def _string_range(f, indent, target):
    s, first, last = f.words(indent, 2, (3, 4))
    if f.fast(indent, [f.guard("string"), _is(s, "str"), _is(first, "int"), _is(last, "int"),
                       _INT32 % first, _INT32 % last]):
        f.g.emit(indent + 1, "%s = %s[max(%s, 0):%s + 1] if max(%s, 0) <= %s else ''"
                 % (target, s, first, last, first, last))
        f.g.emit(indent, "else:")
        indent += 1
    f.call(indent, ["'string'", "'range'", s, first, last], target)


_STRING_FORMS = {("length", 3): _string_length, ("index", 4): _string_index,
                 ("range", 5): _string_range}


def _llength(f, indent, target):
    (v,) = f.words(indent, 1)
    at = indent
    if f.fast(indent, [f.guard("llength"), _is(v, "TclList")]):
        f.g.emit(indent + 1, "%s = len(%s)" % (target, v))
        f.g.emit(indent, "else:")
        at += 1
    f.call(at, ["'llength'", v], target)
    f.release(indent, [v])


def _dict_get(f, indent, target):
    g = f.g
    d, *keys = f.words(indent, 2)
    g.emit(indent, "%s = None" % target)
    if not f.fast(indent, [f.guard("dict"), _is(d, "TclDict")]):
        g.emit(indent, "if False:")   # (a literal that is no TclDict)
    g.emit(indent + 1, "%s = %s.get(%s)" % (target, d, _key(keys[0])))
    for key in keys[1:]:
        # (a value that is not a TclDict yet: the command sorts it out)
        g.emit(indent + 1, "if %s.__class__ is TclDict:" % target)
        g.emit(indent + 2, "%s = %s.get(%s)" % (target, target, _key(key)))
        g.emit(indent + 1, "else:")
        g.emit(indent + 2, "%s = None" % target)
    g.emit(indent, "if %s is None:" % target)
    f.call(indent + 1, ["'dict'", "'get'", d] + keys, target)
    f.release(indent, [d])


# ---- commands: dict set, dict incr, lset ----------------------------------------------

def _dict(g, cmd, base, indent, tail, loop, fallback):
    words = cmd.words
    if tail or words[1] not in ("set", "incr") or len(words) not in (4, 5):
        return False
    if words[1] == "set" and len(words) != 5:
        return False
    f = _Form(g, cmd, base)
    name = words[2]
    g.emit(indent, "if %s:" % f.guard("dict"))
    # (substituted once, after the guard, as the closure does: its
    # fallback substitutes them itself)
    key, *rest = f.words(indent + 1, 3, (4,))
    d, test = f.container(indent + 1, name, "TclDict")
    if words[1] == "set":
        g.emit(indent + 1, "if %s:" % test)
        g.emit(indent + 2, "%s[%s] = %s" % (d, _key(key), rest[0]))
        g.emit(indent + 1, "else:")
        f.call(indent + 2, ["'dict'", "'set'", repr(name), key, rest[0]])
    else:
        amount = rest[0] if rest else "1"
        old = g.temp("x")
        done = g.temp("x")
        g.emit(indent + 1, "%s = False" % done)
        g.emit(indent + 1, "if %s and %s:" % (test, _is(amount, "int")))
        g.emit(indent + 2, "%s = %s.get(%s)" % (old, d, _key(key)))
        g.emit(indent + 2, "if %s is None:" % old)
        g.emit(indent + 3, "%s[%s] = %s" % (d, _key(key), amount))
        g.emit(indent + 3, "%s = True" % done)
        g.emit(indent + 2, "elif %s.__class__ is int:" % old)
        g.emit(indent + 3, "%s[%s] = %s + %s" % (d, _key(key), old, amount))
        g.emit(indent + 3, "%s = True" % done)
        g.emit(indent + 1, "if not %s:" % done)
        f.call(indent + 2, ["'dict'", "'incr'", repr(name), key] + rest)
    if g.held is None:
        f.release(indent + 1, [d])
    g.emit(indent, "else:")
    g.call(indent + 1, fallback, False, hard=False)


def _lset(g, cmd, base, indent, tail, loop, fallback):
    if tail:
        return False
    f = _Form(g, cmd, base)
    name = cmd.words[1]
    g.emit(indent, "if %s:" % f.guard("lset"))
    index, value = f.words(indent + 1, 2, (2, 3))
    lst, test = f.container(indent + 1, name, "TclList")
    g.emit(indent + 1, "if %s and %s and 0 <= %s < len(%s):"
           % (_is(index, "int"), test, index, lst))
    g.emit(indent + 2, "%s[%s] = %s" % (lst, index, value))
    g.emit(indent + 1, "else:")
    f.call(indent + 2, ["'lset'", repr(name), index, value])
    if g.held is None:
        f.release(indent + 1, [lst])
    g.emit(indent, "else:")
    g.call(indent + 1, fallback, False, hard=False)


EMITTERS = {"dict": _dict, "lset": _lset}
