"""`trace`: variable traces (add/remove/info and the old variable/vdelete/vinfo
forms) and execution traces on commands.

A variable trace lives in the variable's cell: `Var.traces` holds
`(ops, callback)` pairs that the interpreter fires on read, write and unset
(see Interp.fire_traces).  Newest traces come first, as Tcl calls them.
While a trace on a variable runs, the variable's traces are off, so a
callback may read and write the variable freely.

Execution traces (`enter`, `leave`) wrap the command's function in the
command table; rename and delete traces (`CommandTrace`) live in the command's CmdToken
and are run by the interpreter when it renames or deletes the command.
"""

from ..runtime.errors import TclError, TclSignal
from ..runtime.framepop import note_unset_trace
from ..runtime.interp import split_array_name
from ..runtime.lists import format_list
from ..runtime.registry import command, wrong_args
from ..runtime.values import TclList, to_list, to_str

VAR_OPS = ("array", "read", "write", "unset")
_LETTERS = {"r": "read", "w": "write", "u": "unset", "a": "array"}
_OP_LETTER = {"read": "r", "write": "w", "unset": "u", "array": "a"}
_ACTION = {"read": "read", "write": "set", "array": "trace array"}

_ACTIVE_KEY = "trace-active"


class VariableTrace:
    """The callback stored in a variable's trace list for one trace command."""

    __slots__ = ("ops", "command", "element", "old_style", "var")

    def __init__(self, ops, command_text, element, old_style, var):
        self.ops = ops
        self.command = command_text
        self.element = element
        self.old_style = old_style
        self.var = var

    def __call__(self, interp, base, index, op):
        element = self.element
        if element is not None:
            if op == "array" or (index is not None and index != element):
                return
            index = element
        active = interp.extensions.get(_ACTIVE_KEY)
        if active is None:
            active = interp.extensions[_ACTIVE_KEY] = set()
        key = id(self.var)
        if key in active:
            return
        active.add(key)
        try:
            self._run(interp, base, index, op)
        finally:
            active.discard(key)

    def _run(self, interp, base, index, op):
        opname = _OP_LETTER[op] if self.old_style else op
        script = self.command + " " + format_list([base, "" if index is None else index, opname])
        name = base if index is None else "%s(%s)" % (base, index)
        try:
            interp.eval(script)
        except TclError as e:
            if op == "unset":
                return
            info = e.errorinfo + '\n    (%s trace on "%s")' % (op, name)
            if op == "array":
                msg = 'can\'t trace array "%s": %s' % (name, e.message)
            else:
                msg = 'can\'t %s "%s": %s' % (_ACTION[op], name, e.message)
            err = TclError(msg, e.errorcode, info)
            err.logged = False      # the traced command still adds its own line
            raise err from None
        except TclSignal as sig:
            if op == "unset":
                return
            text = to_str(sig.value) if sig.code not in (3, 4) else ""
            raise TclError('can\'t %s "%s": %s' % (_ACTION.get(op, op), name, text)) from None

    def ops_list(self):
        return TclList([op for op in VAR_OPS if op in self.ops])

    def ops_letters(self):
        return "".join(_OP_LETTER[op] for op in ("read", "write", "unset", "array")
                       if op in self.ops)


# ---- operations ---------------------------------------------------------------------

def _parse_ops(value):
    ops = set()
    words = [to_str(w) for w in to_list(value)]
    if not words:
        raise TclError('bad operation list "": must be one or more of array, read, unset, or '
                       'write', ("TCL", "OPERATION", "TRACE", "NOOPS"))
    for w in words:
        if w not in VAR_OPS:
            raise TclError('bad operation "%s": must be array, read, unset, or write' % w,
                           ("TCL", "LOOKUP", "INDEX", "operation", w))
        ops.add(w)
    return frozenset(ops)


def _parse_letters(value):
    text = to_str(value)
    ops = set()
    for c in text:
        if c not in _LETTERS:
            ops = None
            break
        ops.add(_LETTERS[c])
    if not ops:
        raise TclError('bad operations "%s": should be one or more of rwua' % text,
                       ("TCL", "OPERATION", "TRACE", "BADOPS"))
    return frozenset(ops)


def _cell_for_trace(interp, name):
    """(Var, base, element) for a trace on `name`, creating the variable."""
    base, element = split_array_name(name)
    try:
        var = interp.lookup_var(base, create=True)
    except TclError as e:
        raise TclError('can\'t trace "%s": %s' % (name, e.message.split(": ", 1)[-1]),
                       e.errorcode) from None
    if element is not None:
        if var.value is not None:
            raise TclError('can\'t trace "%s": variable isn\'t array' % name,
                           ("TCL", "LOOKUP", "VARNAME", base))
        if var.arr is None:
            var.arr = {}
    return var, base, element


def add_variable_trace(interp, name, ops, command_text, old_style=False):
    var, base, element = _cell_for_trace(interp, name)
    entry = (ops, VariableTrace(ops, command_text, element, old_style, var))
    if var.traces is None:
        var.traces = [entry]
    else:
        var.traces.insert(0, entry)
    if "unset" in ops and interp.frame.level:
        # a proc's own variable is unset (its traces fire) when the proc returns
        note_unset_trace(interp, var)


def _traces_of(interp, name):
    """(Var or None, element, [VariableTrace...]) for `name`, creating nothing."""
    base, element = split_array_name(name)
    try:
        var = interp.lookup_var(base)
    except TclError:
        var = None
    if var is None or not var.traces:
        return var, element, []
    found = [cb for _, cb in var.traces
             if isinstance(cb, VariableTrace) and cb.element == element]
    return var, element, found


def remove_variable_trace(interp, name, ops, command_text):
    var, element, found = _traces_of(interp, name)
    for cb in found:
        if cb.ops == ops and cb.command == command_text:
            var.traces = [e for e in var.traces if e[1] is not cb] or None
            break
    return ""


# ---- trace add/remove/info variable --------------------------------------------------------

def _variable_args(argv, usage):
    if len(argv) != 6:
        raise wrong_args("trace %s variable" % to_str(argv[1]), usage)
    return to_str(argv[3]), _parse_ops(argv[4]), to_str(argv[5])


def _add_variable(interp, argv):
    name, ops, cmd = _variable_args(argv, "name opList command")
    add_variable_trace(interp, name, ops, cmd)
    return ""


def _remove_variable(interp, argv):
    name, ops, cmd = _variable_args(argv, "name opList command")
    return remove_variable_trace(interp, name, ops, cmd)


def _info_variable(interp, argv):
    if len(argv) != 4:
        raise wrong_args("trace info variable", "name")
    _, _, found = _traces_of(interp, to_str(argv[3]))
    return TclList([TclList([cb.ops_list(), cb.command]) for cb in found])


# ---- execution traces ------------------------------------------------------------------------

EXEC_OPS = ("enter", "leave", "enterstep", "leavestep")
COMMAND_OPS = ("delete", "rename")


class _ExecTraced:
    """A command function wrapped so that its execution traces run."""

    def __init__(self, func):
        self.func = func
        self.traces = []      # [(ops frozenset, command text)], newest first
        self.active = False
        self.tcl_info = getattr(func, "tcl_info", None)

    def __call__(self, interp, argv):
        if self.active or not self.traces:
            return self.func(interp, argv)
        words = format_list([to_str(a) for a in argv])
        epoch = interp.epoch
        for ops, cmd in list(self.traces):
            if "enter" in ops:
                self._fire(interp, cmd + " " + format_list([words, "enter"]))
        if interp.epoch != epoch:
            # an enter trace changed commands: as Tcl, look the name up
            # again, so a deleted command is `invalid command name` and a
            # replaced one runs its replacement
            current = interp.resolve_command(to_str(argv[0]))
            if current is None:
                return interp.unknown(argv)
            if current is not self:
                return current(interp, argv)
        code, result = 0, ""
        try:
            result = self.func(interp, argv)
        except TclError as e:
            code, err = 1, e
        for ops, cmd in list(self.traces):
            if "leave" in ops:
                text = "" if code else to_str(result)
                self._fire(interp, cmd + " " + format_list([words, str(code), text, "leave"]))
        if code:
            raise err
        return result

    def _fire(self, interp, script):
        self.active = True
        try:
            interp.eval(script)
        finally:
            self.active = False


def _parse_named_ops(value, allowed, what):
    words = [to_str(w) for w in to_list(value)]
    allowed = sorted(allowed)
    choices = (", ".join(allowed[:-1]) + ", or " + allowed[-1]) if len(allowed) > 2 else \
        " or ".join(allowed)
    if not words:
        raise TclError('bad operation list "": must be one or more of %s' % choices,
                       ("TCL", "OPERATION", "TRACE"))
    for w in words:
        if w not in allowed:
            raise TclError('bad operation "%s": must be %s' % (w, choices),
                           ("TCL", "LOOKUP", "INDEX", "operation", w))
    return frozenset(words)


def _lookup_command(interp, name):
    func = interp.resolve_command(name)
    if func is None:
        raise TclError('unknown command "%s"' % name, ("TCL", "LOOKUP", "COMMAND", name))
    return func


def _exec_args(interp, argv, usage):
    if len(argv) != 6:
        raise wrong_args("trace %s execution" % to_str(argv[1]), usage)
    name = to_str(argv[3])
    ops = _parse_named_ops(argv[4], ("enter", "leave", "enterstep", "leavestep"), "execution")
    return name, ops, to_str(argv[5])


def _add_execution(interp, argv):
    name, ops, cmd = _exec_args(interp, argv, "name opList command")
    func = _lookup_command(interp, name)
    if not isinstance(func, _ExecTraced):
        func = _ExecTraced(func)
        _swap(interp, name, func)
    func.traces.insert(0, (ops, cmd))
    return ""


def _remove_execution(interp, argv):
    name, ops, cmd = _exec_args(interp, argv, "name opList command")
    func = _lookup_command(interp, name)
    if isinstance(func, _ExecTraced):
        for entry in func.traces:
            if entry == (ops, cmd):
                func.traces.remove(entry)
                break
        if not func.traces:
            _swap(interp, name, func.func)
    return ""


def _info_execution(interp, argv):
    if len(argv) != 4:
        raise wrong_args("trace info execution", "name")
    func = _lookup_command(interp, to_str(argv[3]))
    if not isinstance(func, _ExecTraced):
        return TclList()
    return TclList([TclList([TclList([op for op in EXEC_OPS if op in ops]), cmd])
                    for ops, cmd in func.traces])


def _swap(interp, name, func):
    """Put `func` in place of the command `name` (it stays the same command:
    no delete traces, its imports and traces are kept)."""
    ns, tail = interp.locate_command(name)
    ns.commands[tail] = func
    interp.epoch += 1
    interp.core_epoch += 1


def _qualified(interp, name):
    """The name under which `name` is registered (its namespace's, or global)."""
    if "::" in name:
        return name
    ns = interp.cur_ns
    if name in ns.commands:
        return ns.qualify(name)
    return "::" + name


class CommandTrace:
    """A rename/delete trace on a command, kept in the command's CmdToken
    (interp.CmdToken.traces, newest first): the interpreter calls it with
    the fully qualified old and new names ("" when deleted).  As in Tcl,
    errors from the trace script are ignored."""

    __slots__ = ("ops", "command")

    def __init__(self, ops, command_text):
        self.ops = ops
        self.command = command_text

    def __call__(self, interp, old, new, op):
        if op not in self.ops:
            return
        try:
            interp.eval(self.command + " " + format_list([old, new, op]))
        except (TclError, TclSignal):
            pass

    def ops_list(self):
        return TclList([op for op in ("rename", "delete") if op in self.ops])


def _command_args(interp, argv):
    if len(argv) != 6:
        raise wrong_args("trace %s command" % to_str(argv[1]), "name opList command")
    name = to_str(argv[3])
    ops = _parse_named_ops(argv[4], COMMAND_OPS, "command")
    ns, tail = interp.locate_command(name)
    if ns is None:
        raise TclError('unknown command "%s"' % name, ("TCL", "LOOKUP", "COMMAND", name))
    return interp.command_token(ns, tail), ops, to_str(argv[5])


def _add_command(interp, argv):
    token, ops, cmd = _command_args(interp, argv)
    if token.traces is None:
        token.traces = []
    token.traces.insert(0, CommandTrace(ops, cmd))
    return ""


def _remove_command(interp, argv):
    token, ops, cmd = _command_args(interp, argv)
    for trace in token.traces or ():
        if trace.ops == ops and trace.command == cmd:
            token.traces.remove(trace)
            break
    return ""


def _info_command(interp, argv):
    if len(argv) != 4:
        raise wrong_args("trace info command", "name")
    name = to_str(argv[3])
    ns, tail = interp.locate_command(name)
    if ns is None:
        raise TclError('unknown command "%s"' % name, ("TCL", "LOOKUP", "COMMAND", name))
    token = ns.tokens.get(tail)
    if token is None or not token.traces:
        return TclList()
    return TclList([TclList([t.ops_list(), t.command]) for t in token.traces])


# ---- the trace command ---------------------------------------------------------------------

_TYPES = ("execution", "command", "variable")
_HANDLERS = {
    "add": {"execution": _add_execution, "command": _add_command, "variable": _add_variable},
    "remove": {"execution": _remove_execution, "command": _remove_command,
               "variable": _remove_variable},
    "info": {"execution": _info_execution, "command": _info_command, "variable": _info_variable},
}
_USAGE = {"add": "type ?arg ...?", "remove": "type ?arg ...?", "info": "type name"}
_OPTIONS = ("add", "info", "remove", "variable", "vdelete", "vinfo")


def _match(word, choices, what):
    if word in choices:
        return word
    matches = [c for c in choices if c.startswith(word)] if word else []
    if len(matches) == 1:
        return matches[0]
    text = ", ".join(choices[:-1]) + ", or " + choices[-1]
    raise TclError('%s %s "%s": must be %s' % ("ambiguous" if len(matches) > 1 else "bad",
                                               what, word, text),
                   ("TCL", "LOOKUP", "INDEX", what, word))


def _old_style(interp, argv, option):
    if option == "vinfo":
        if len(argv) != 3:
            raise wrong_args("trace vinfo", "name")
        _, _, found = _traces_of(interp, to_str(argv[2]))
        return TclList([TclList([cb.ops_letters(), cb.command]) for cb in found])
    if len(argv) != 5:
        raise wrong_args("trace " + option, "name ops command")
    name, ops, cmd = to_str(argv[2]), _parse_letters(argv[3]), to_str(argv[4])
    if option == "variable":
        add_variable_trace(interp, name, ops, cmd, old_style=True)
        return ""
    return remove_variable_trace(interp, name, ops, cmd)


@command("trace", 1, None, "option ?arg ...?")
def cmd_trace(interp, argv):
    option = _match(to_str(argv[1]), _OPTIONS, "option")
    if option in ("variable", "vdelete", "vinfo"):
        return _old_style(interp, argv, option)
    if len(argv) < 3:
        raise wrong_args("trace " + option, _USAGE[option])
    kind = _match(to_str(argv[2]), _TYPES, "option")
    return _HANDLERS[option][kind](interp, argv)
