"""`interp limit path commands|time ?-option value ...?` (and `child limit`).

Reading a limit gives a dict of its options; setting one changes the limit
and its callback, as Tcl's `interp limit`.  The counting itself is in
`runtime/limits.py`.
"""


from ..runtime.errors import TclError
from ..runtime.limits import limits_of, update_active
from ..runtime.numbers import parse_int
from ..runtime.registry import wrong_args
from ..runtime.values import TclList, to_str

_COMMAND_OPTIONS = ("-command", "-granularity", "-value")
_TIME_OPTIONS = ("-command", "-granularity", "-milliseconds", "-seconds")


def _pick(word, choices, what):
    if word in choices:
        return word
    matches = [c for c in choices if c.startswith(word)] if word else []
    if len(matches) == 1:
        return matches[0]
    raise TclError('%s %s "%s": must be %s' % (
        "ambiguous" if len(matches) > 1 else "bad", what, word,
        ", ".join(choices[:-1]) + (", or " if len(choices) > 2 else " or ") + choices[-1]),
        ("TCL", "LOOKUP", "INDEX", what, word))


def _int(value):
    text = to_str(value)
    n = parse_int(text)
    if n is None:
        raise TclError('expected integer but got "%s"' % text, ("TCL", "VALUE", "NUMBER"))
    return n


def _handler_prefix(lim_handlers, owner):
    for who, prefix in lim_handlers:
        if who is owner:
            return prefix
    return ""


def limit_command(interp, target, args, what):
    if not args:
        raise wrong_args(what, "path limitType ?-option value ...?" if what == "interp limit"
                         else "limitType ?-option value ...?")
    kind = _pick(to_str(args[0]), ("commands", "time"), "limit type")
    if target is interp:
        raise TclError("limits on current interpreter inaccessible",
                       ("TCL", "OPERATION", "INTERP", "SELF"))
    lim = limits_of(target)
    options = _COMMAND_OPTIONS if kind == "commands" else _TIME_OPTIONS
    rest = list(args[1:])
    handlers = lim.cmd_handlers if kind == "commands" else lim.time_handlers
    if not rest:
        return TclList(_describe(lim, kind, interp, handlers))
    if len(rest) == 1:
        opt = _pick(to_str(rest[0]), options, "option")
        return dict(zip(*[iter(_describe(lim, kind, interp, handlers))] * 2))[opt]
    if len(rest) % 2:
        raise TclError('value for "%s" missing' % to_str(rest[-1]),
                       ("TCL", "OPERATION", "INTERP", "LIMIT", "NOVALUE"))
    changes = {}
    for i in range(0, len(rest), 2):
        opt = _pick(to_str(rest[i]), options, "option")
        value = rest[i + 1]
        text = to_str(value)
        if opt == "-granularity":
            n = _int(value)
            if n < 1:
                raise TclError("granularity must be at least 1",
                               ("TCL", "OPERATION", "INTERP", "BADVALUE"))
            changes[opt] = n
        elif opt == "-value":
            if text == "":
                changes[opt] = None
            else:
                n = _int(value)
                if n < 0:
                    raise TclError("command limit value must be at least 0",
                                   ("TCL", "OPERATION", "INTERP", "BADVALUE"))
                changes[opt] = n
        elif opt in ("-seconds", "-milliseconds"):
            if text == "":
                changes[opt] = None
            else:
                n = _int(value)
                if n < 0:
                    raise TclError("%s must be at least 0" % opt[1:],
                                   ("TCL", "OPERATION", "INTERP", "BADVALUE"))
                changes[opt] = n
        else:
            changes[opt] = value
    if "-command" in changes:
        handlers[:] = [h for h in handlers if h[0] is not interp]
        if to_str(changes["-command"]) != "":
            handlers.append((interp, changes["-command"]))
    if kind == "commands":
        if "-granularity" in changes:
            lim.cmd_granularity = changes["-granularity"]
        if "-value" in changes:
            lim.commands = changes["-value"]
    else:
        if "-granularity" in changes:
            lim.time_granularity = changes["-granularity"]
        if "-seconds" in changes or "-milliseconds" in changes:
            secs = changes.get("-seconds", _seconds(lim))
            millis = changes.get("-milliseconds", _millis(lim) if "-seconds" not in changes
                                 else None)
            if secs is None and millis is None:
                lim.time = None
            else:
                lim.time = (secs or 0) + (millis or 0) / 1000.0
    update_active(target)
    return ""


def _seconds(lim):
    return None if lim.time is None else int(lim.time)


def _millis(lim):
    return None if lim.time is None else int(round((lim.time - int(lim.time)) * 1000))


def _describe(lim, kind, owner, handlers):
    if kind == "commands":
        return ["-command", _handler_prefix(handlers, owner),
                "-granularity", lim.cmd_granularity,
                "-value", "" if lim.commands is None else lim.commands]
    return ["-command", _handler_prefix(handlers, owner),
            "-granularity", lim.time_granularity,
            "-milliseconds", "" if lim.time is None else _millis(lim),
            "-seconds", "" if lim.time is None else _seconds(lim)]


__all__ = ["limit_command"]
