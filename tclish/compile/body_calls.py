"""Commands invoked straight from a generated proc body (compile/body.py).

A command the body does not write out used to be a call of the closure
compile_invocation makes for it, which calls a closure per substituted
word and then the command.  Here the same steps are written into the body:
the words are read inline (body.py's `word_value`: a plain `$var` is one
dict lookup), then

    argv = [k3, k4, v5]
    if k6[0] == interp.epoch and k6[1] is interp.cur_ns:   # the command cell
        f7 = k6[3]
    else:
        f7 = k8(argv)           # lookup: resolve, tick a limit, refill the cell
    try:
        f7(interp, argv)  #@2   # (the site: `info frame` finds the command here)
    except TclError as e:
        k9(e)                   # the command's own error context
        raise
    ...
    argv = None

with the same cell, lookup and error annotator as the closure, so a
redefinition, a rename, an execution trace, `interp limit` and the
unknown handler behave the same.  The cell also keeps the function the
call ends in (`leaf`): for a built-in called with a count of arguments it
accepts, the function past its count check, and for a subcommand of an
ensemble named by a literal, the subcommand's function.

A torch command called as its fast path wants it (`torch::tensor_add $a $b`)
is not called at all: the body does what the fast path would (take the
tensors from the values, call torch, make the result value; nothing for a
result the body drops), under the same cell guard, with the command's call
as the `else:` (inline_calls.py, torchbridge/fast.py's InlineForm).

`info frame` (runtime/cmdframes.py) finds such a call by the line the body's
Python frame is on: the generated module's `tcl_calls` maps the line of
each call to its error annotator, which carries the command.
"""

import re

from ..parse.script import Expand
from .inline_calls import inline_form_of
from .script import PROC_BODY, arg_error_handler, command_cell, error_annotator, internal_error

# words of a command written out here at most (as compile_invocation's templates)
_MAX_WORDS = 12

# the temporaries body.py reads words into
_TEMP = re.compile(r"[vx]\d+\Z").match

# the mark at the end of a call's line: "#@<site>"
_SITE = re.compile(r"  #@(\d+)$")


def leaf(func, words):
    """The function a call of the command `func` with `words` (as written:
    literal strings or not) ends in, when the call itself says so."""
    n = len(words) - 1
    wrapped = getattr(func, "__wrapped__", None)
    info = getattr(func, "tcl_info", None)
    if wrapped is not None and info is not None and info.func is wrapped:
        # registry.checked: the count check done here, once
        if n < info.min_args or (info.max_args is not None and n > info.max_args):
            return func
        func = wrapped
    if getattr(func, "plain_ensemble", False) and n >= 1 and type(words[1]) is str:
        entry = func.subcommands.get(words[1])
        if entry is not None and entry[1] <= n - 1 <= entry[2]:
            return entry[0]
    return func


def _leaf_cell(interp, name, words):
    """command_cell's (cell, lookup), the cell with the leaf as its 4th item."""
    cell, lookup = command_cell(interp, name)
    cell.append(None)

    def lookup_leaf(argv):
        func = lookup(argv)
        target = leaf(func, words)
        if cell[2] is func:
            cell[3] = target
        return target
    return cell, lookup_leaf


def direct_shape(cmd):
    """Whether `cmd` is invoked from the body itself: not when its name is
    substituted, it has {*} or many words."""
    words = cmd.words
    return type(words[0]) is str and len(words) <= _MAX_WORDS and \
        not any(type(w) is Expand for w in words)


def direct_call(g, cmd, base, indent, result):
    """Emits the invocation of `cmd` (body.py's generator `g`); `result`:
    what the call's line starts with ("return", "v7 =") or None."""
    words = cmd.words
    interp = g.interp
    on_error = error_annotator(interp, cmd, base, PROC_BODY)
    handler = g.const(arg_error_handler(on_error, PROC_BODY))
    items = [g.word_value(indent, cmd, k, base, handler, literal_numbers=k > 0,
                          same_object=True) for k in range(len(words))]
    blind = _blind_leaf(g, words)
    cell, lookup = _leaf_cell(interp, words[0], words)
    cell, lookup, err = g.const(cell), g.const(lookup), g.const(on_error)
    valid = "%s[0] == interp.epoch and %s[1] is interp.cur_ns" % (cell, cell)
    xs = _inline_call(g, words, items, cell, valid, indent, result, on_error, err)
    if xs is not None:
        g.emit(indent, "else:")
        indent += 1
    g.emit(indent, "argv = [%s]" % ", ".join(items))
    if blind is not None:
        # a command that cannot see the frame: the loop's variables stay
        # in their locals (written back only if it fails)
        g.emit(indent, "if %s and %s[3] is %s:" % (valid, cell, g.const(blind)))
        _call_lines(g, indent + 1, "%s[3]" % cell, result, on_error, err, spill=True)
        g.emit(indent, "else:")
        indent += 1
    else:
        g.hard_calls += 1
    func = g.temp("f")
    g.spill(indent)
    g.emit(indent, "if %s:" % valid)
    g.emit(indent + 1, "%s = %s[3]" % (func, cell))
    g.emit(indent, "else:")
    g.emit(indent + 1, "%s = %s(argv)" % (func, lookup))
    _call_lines(g, indent, func, result, on_error, err)
    if result != "return":
        g.reload(indent)
        if blind is not None:
            indent -= 1
        # (a list or dict argv or a word's temporary holds would count as
        # shared: lappend, lset and dict set change a value in place only
        # when it is not)
        if xs is not None:
            indent -= 1
        temps = [item for item in items if _TEMP(item)] + (xs or [])
        g.emit(indent, "%s = None" % " = ".join(["argv"] + temps))


def _inline_call(g, words, items, cell, valid, indent, result, on_error, err):
    """Where the command says how a caller does its work without calling it
    (a torch command's fast path: torchbridge/fast.py's InlineForm), that
    work, written out: guarded by the cell as the frame-blind call is, and by
    the words' being the values it takes (then `else:` the call, which the
    caller emits); returns the temporaries that hold them, or None when
    nothing was written out."""
    found = inline_form_of(g.interp, words)
    if found is None:
        return None
    target, form, where = found
    if not all(_TEMP(items[k]) for k in where):
        return None     # (a literal word is no tensor value)
    if "__name__" not in g.names:
        # a warning torch raises is attributed to the body's frame: named as the
        # torch bridge's, it meets the bridge's filter (no Python warning text
        # may reach a Tcl user)
        g.names.append("__name__")
        g.values.append(form.namespace["__name__"])
    value, namespace = g.const(form.value_class), g.const(form.namespace)
    xs = [g.temp("x") for _ in where]
    for x, item in zip(xs, [items[k] for k in where]):
        g.emit(indent, "%s = %s.obj if %s.__class__ is %s else None" % (x, item, item, value))
    g.emit(indent, "if %s and %s and %s[3] is %s:" % (
        " and ".join("%s is not None" % x for x in xs), valid, cell, g.const(target)))
    r = g.temp("x")
    _guarded(g, indent + 1, "%s = %s" % (r, form.call(namespace, xs)), on_error, err,
             "%s.error(e, %s)" % (g.const(form), err), True)
    for depth, line in form.result(r, result, g.const(form.registry), value, namespace):
        g.emit(indent + 1 + depth, line)
    return xs + [r]


def _blind_leaf(g, words):
    """The frame-blind function the call ends in now, when the body is in
    a loop holding its variables in locals; else None."""
    interp = g.interp
    if g.held is None or interp.limits is not None:
        return None
    func = interp.resolve_command(words[0])
    target = leaf(func, words) if func is not None else None
    return target if getattr(target, "frame_blind", False) else None


def _call_lines(g, indent, func, result, on_error, err, spill=False):
    """try: the call (its site marked)  except: the closure's error handling."""
    _guarded(g, indent, "%s%s(interp, argv)" % (result + " " if result else "", func),
             on_error, err, "internal_error(interp, e, %s)" % err, spill)


def _guarded(g, indent, line, on_error, err, convert, spill):
    """try: `line` (the call; its site marked)  except: what the closures do
    with its errors: a Tcl error gets the command's context (`err`), any
    other exception `e` becomes the Tcl error `convert` says; `spill`: the
    held variables written back first."""
    g.emit(indent, "try:")
    site = len(g.sites)
    g.sites.append(on_error)
    g.emit(indent + 1, "%s  #@%d" % (line, site))
    for clause, lines in (("except TclError as e:", ["%s(e)" % err, "raise"]),
                          ("except TclSignal:", ["raise"]),
                          ("except Exception as e:", ["raise %s from None" % convert])):
        g.emit(indent, clause)
        if spill:
            g.spill(indent + 1)
        for line in lines:
            g.emit(indent + 1, line)


def call_sites(source, sites):
    """line -> on_error of each direct call in the body's source."""
    found = {}
    for number, line in enumerate(source.split("\n"), 1):
        if line.endswith(tuple("0123456789")) and "  #@" in line:
            m = _SITE.search(line)
            if m is not None:
                found[number] = sites[int(m.group(1))]
    return found
