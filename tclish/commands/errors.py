"""catch, error, throw, try: turning exceptions into completion codes."""

from ..runtime.errors import ERROR, OK, RETURN, TclError, TclSignal
from ..runtime.registry import command
from ..runtime.values import TclDict, TclList, to_list, to_str
from .procs import parse_code, raise_code


def ok_options():
    return TclDict((("-code", 0), ("-level", 0)))


def capture(interp, script):
    """Evaluate `script`; returns (code, result value, options TclDict)."""
    try:
        value = interp.eval(script)
        return OK, value, ok_options()
    except (TclError, TclSignal) as e:
        return capture_exception(interp, e)


def capture_exception(interp, e):
    """(code, value, options) for a caught TclError or signal."""
    if isinstance(e, TclError):
        interp.set_error_vars(e)
        return ERROR, e.message, error_options(e)
    return signal_result(e)


def error_options(e):
    """The return options of an error, keys in tclsh's order: what the
    error was raised with (`error msg info code`, or a command's error
    code) first, then -code and -level, then the rest."""
    code = e.errorcode
    values = {"-errorinfo": e.errorinfo,
              "-errorcode": code if type(code) is str else TclList(code)}
    if e.leading is not None:
        leading = e.leading
    else:
        leading = () if code == "NONE" else ("-errorcode",)
    opts = TclDict()
    for key in leading:
        opts[key] = values[key]
    opts["-code"] = 1
    opts["-level"] = 0
    for key in ("-errorcode", "-errorinfo"):
        if key not in opts:
            opts[key] = values[key]
    if e.errorstack is not None:
        opts["-errorstack"] = e.errorstack
    opts["-errorline"] = e.errorline if e.errorline is not None else 1
    if e.options:
        for k, v in e.options.items():
            if k not in opts:
                opts[k] = v
    return opts


def signal_result(s):
    opts = TclDict()
    if s.options:
        opts.update(s.options)
    code = s.code
    if code == RETURN or (s.level and s.level > 0 and s.__class__.__name__ == "ReturnSignal"):
        opts["-code"] = s.code
        opts["-level"] = s.level
        return RETURN, s.value, opts
    opts["-code"] = code
    opts["-level"] = 0
    return code, s.value, opts


@command("catch", 1, 3, "script ?resultVarName? ?optionVarName?")
def cmd_catch(interp, argv):
    depth = interp.depth
    code, value, options = capture(interp, argv[1])
    interp.depth = depth
    if len(argv) > 2:
        interp.set_var(to_str(argv[2]), value)
    if len(argv) > 3:
        interp.set_var(to_str(argv[3]), options)
    return code


@command("error", 1, 3, "message ?errorInfo? ?errorCode?")
def cmd_error(interp, argv):
    message = to_str(argv[1])
    info = to_str(argv[2]) if len(argv) > 2 and to_str(argv[2]) != "" else None
    code = argv[3] if len(argv) > 3 else "NONE"
    if type(code) is not str:
        code = to_str(code)
    err = TclError(message, code, info)
    if info is not None:
        err.context_added = True
    err.leading = tuple(k for k, given in (("-errorinfo", len(argv) > 2),
                                            ("-errorcode", len(argv) > 3)) if given)
    raise err


@command("throw", 2, 2, "type message")
def cmd_throw(interp, argv):
    kind = argv[1]
    if not to_list(kind):
        raise TclError("type must be non-empty list", ("TCL", "OPERATION", "THROW", "BADEXCEPTION"))
    raise TclError(to_str(argv[2]), to_str(kind))


# ---- try ------------------------------------------------------------------------------

@command("try", 1, None, "body ?handler ...? ?finally script?")
def cmd_try(interp, argv):
    body = argv[1]
    handlers = []
    finally_script = None
    i = 2
    n = len(argv)
    while i < n:
        word = to_str(argv[i])
        if word == "finally":
            if i + 2 != n:
                if i + 1 >= n:
                    raise TclError('wrong # args to finally clause: must be "... finally script"',
                                   ("TCL", "OPERATION", "TRY", "FINALLY", "ARGUMENT"))
                raise TclError("finally clause must be last", ("TCL", "OPERATION", "TRY", "FINALLY"))
            finally_script = argv[i + 1]
            i += 2
        elif word in ("on", "trap"):
            if i + 3 >= n:
                raise TclError('wrong # args to %s clause: must be "... %s %s variableList script"'
                               % (word, word, "code" if word == "on" else "pattern"),
                               ("TCL", "OPERATION", "TRY", word.upper(), "ARGUMENT"))
            match = argv[i + 1]
            if word == "on":
                match = parse_code(match)
            else:
                match = [to_str(x) for x in to_list(match)]
            varlist = [to_str(x) for x in to_list(argv[i + 2])]
            if len(varlist) > 2:
                raise TclError("handler variable list must have at most two names",
                               ("TCL", "OPERATION", "TRY", "HANDLERVARS"))
            handlers.append((word, match, varlist, argv[i + 3]))
            i += 4
        else:
            raise TclError('bad handler "%s": must be finally, on, or trap' % word,
                           ("TCL", "LOOKUP", "INDEX", "handler", word))
    if handlers and to_str(handlers[-1][3]) == "-":
        raise TclError('last non-finally clause must not have a body of "-"',
                       ("TCL", "OPERATION", "TRY", "BADFALLTHROUGH"))
    code, value, options = capture(interp, body)
    pending = (code, value, options)
    try:
        for k, (kind, match, varlist, script) in enumerate(handlers):
            if not _handler_matches(kind, match, code, options):
                continue
            j = k
            while to_str(handlers[j][3]) == "-":
                j += 1
            if varlist:
                interp.set_var(varlist[0], value)
            if len(varlist) > 1:
                interp.set_var(varlist[1], options)
            pending = capture(interp, handlers[j][3])
            if pending[0] == ERROR:
                # the handler's error chains to what the body gave
                pending[2]["-during"] = options
            break
    finally:
        if finally_script is not None:
            fcode, fvalue, foptions = capture(interp, finally_script)
            if fcode != OK:
                if fcode == ERROR:
                    foptions["-during"] = pending[2]
                pending = (fcode, fvalue, foptions)
    return deliver(interp, *pending)


def _handler_matches(kind, match, code, options):
    if kind == "on":
        return match == code
    if code != ERROR:
        return False
    errorcode = [to_str(x) for x in to_list(options.get("-errorcode", "NONE"))]
    return errorcode[:len(match)] == match


_STANDARD_OPTIONS = frozenset(("-code", "-level", "-errorcode", "-errorinfo", "-errorline",
                               "-errorstack"))


def deliver(interp, code, value, options):
    """Re-raise a captured completion (code, value, options) to our caller."""
    if code == OK:
        return value
    if code == ERROR:
        err = TclError(to_str(value), options.get("-errorcode", "NONE"),
                       to_str(options.get("-errorinfo", to_str(value))))
        err.context_added = True
        err.errorline = options.get("-errorline")
        err.errorstack = options.get("-errorstack")
        extra = {k: v for k, v in options.items() if k not in _STANDARD_OPTIONS}
        if extra:
            err.options = extra
        raise err
    level = options.get("-level", 0)
    if code == RETURN:
        from ..runtime.errors import ReturnSignal
        raise ReturnSignal(value, options.get("-code", OK), level, options)
    return raise_code(code, value, options)
