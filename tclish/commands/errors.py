"""catch, error, throw, try: turning exceptions into completion codes."""

from ..runtime.errors import ERROR, OK, RETURN, TclError, TclSignal
from ..runtime.registry import command, wrong_args
from ..runtime.values import TclDict, TclList, to_list, to_str
from .procs import parse_code, raise_code


def ok_options():
    return TclDict((("-code", 0), ("-level", 0)))


def capture(interp, script, want_options=True):
    """Evaluate `script`; returns (code, result value, options TclDict), the
    options None for ok (ok_options() makes them where they are wanted)."""
    try:
        value = interp.eval(script)
        return OK, value, None
    except (TclError, TclSignal) as e:
        return capture_exception(interp, e, want_options)


def capture_exception(interp, e, want_options=True):
    """(code, value, options) for a caught TclError or signal; an error's
    options are None unless `want_options` (a catch without an options
    variable need not build the dict)."""
    if isinstance(e, TclError):
        interp.set_error_vars(e)
        return ERROR, e.message, error_options(e) if want_options else None
    return signal_result(e)


def error_options(e):
    """The return options of an error, keys in tclsh's order: what the
    error was raised with (`error msg info code`, or a command's error
    code) first, then -code and -level, then the rest."""
    code = e.errorcode
    values = {"-errorinfo": e.errorinfo,
              "-errorcode": code if type(code) is str else TclList(code)}
    if e.syntax_form:
        # the options of the syntax error Tcl's compiler left in the
        # command's place (runtime/errors.compiled_away), then the stack
        leading = ()
    elif e.leading is not None:
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
    line = e.errorline if e.errorline is not None else 1
    if e.syntax_form:
        opts["-errorline"] = line
        opts["-errorstack"] = e.errorstack
    else:
        if e.errorstack is not None:
            opts["-errorstack"] = e.errorstack
        opts["-errorline"] = line
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
    code, value, options = capture(interp, argv[1], len(argv) > 3)
    interp.depth = depth
    if len(argv) > 2:
        interp.set_var(to_str(argv[2]), value)
    if len(argv) > 3:
        interp.set_var(to_str(argv[3]), options if options is not None else ok_options())
    return code


# (error and try check their counts themselves: the registry's wrapper
# would cost a Python call each time)
@command("error")
def cmd_error(interp, argv):
    n = len(argv)
    if n == 2:  # `error message`, the common form
        err = TclError(to_str(argv[1]))
        err.leading = ()
        raise err
    if not 2 <= n <= 4:
        raise wrong_args(to_str(argv[0]), "message ?errorInfo? ?errorCode?")
    message = to_str(argv[1])
    info = to_str(argv[2])
    if info == "":
        info = None
    code = argv[3] if n > 3 else "NONE"
    if type(code) is not str:
        code = to_str(code)
    err = TclError(message, code, info)
    if info is not None:
        err.context_added = True
    # the options given come first in the options dict (errors.error_options)
    err.leading = ("-errorinfo", "-errorcode") if n > 3 else ("-errorinfo",)
    raise err


@command("throw", 2, 2, "type message")
def cmd_throw(interp, argv):
    kind = argv[1]
    if not to_list(kind):
        raise TclError("type must be non-empty list", ("TCL", "OPERATION", "THROW", "BADEXCEPTION"))
    raise TclError(to_str(argv[2]), to_str(kind))


# ---- try ------------------------------------------------------------------------------

@command("try")
def cmd_try(interp, argv):
    if len(argv) < 2:
        raise wrong_args(to_str(argv[0]), "body ?handler ...? ?finally script?")
    words = tuple(argv[2:])
    try:
        form = _TRY_FORMS.get(words)
    except TypeError:  # a list or dict value as a word: not hashable
        form = None
    if form is None:
        form = _try_form(words)
    handlers, finally_script = form
    # (ok's options dict is made only if a handler or the finally clause needs it)
    code, value, options = capture(interp, argv[1])
    pending = (code, value, options)
    try:
        for kind, match, varlist, script in handlers:
            if not _handler_matches(kind, match, code, options):
                continue
            if varlist:
                interp.set_var(varlist[0], value)
            if len(varlist) > 1:
                interp.set_var(varlist[1], options if options is not None else ok_options())
            pending = capture(interp, script)
            if pending[0] == ERROR:
                # the handler's error chains to what the body gave
                pending[2]["-during"] = options if options is not None else ok_options()
            break
    finally:
        if finally_script is not None:
            fcode, fvalue, foptions = capture(interp, finally_script)
            if fcode != OK:
                if fcode == ERROR:
                    foptions["-during"] = pending[2] if pending[2] is not None else ok_options()
                pending = (fcode, fvalue, foptions)
    if pending[0] == OK:
        return pending[1]
    return deliver(interp, *pending)


# the handlers of a try, parsed once per list of handler words (as Tcl's
# compiled try keeps them): words -> (handlers, finally script)
_TRY_FORMS = {}


def _try_form(words):
    """Parse the handler words of a try; a handler whose body is `-` gets
    the body of the next one that has its own."""
    handlers = []
    finally_script = None
    i = 0
    n = len(words)
    while i < n:
        word = to_str(words[i])
        if word == "finally":
            if i + 2 != n:
                if i + 1 >= n:
                    raise TclError('wrong # args to finally clause: must be "... finally script"',
                                   ("TCL", "OPERATION", "TRY", "FINALLY", "ARGUMENT"))
                raise TclError("finally clause must be last",
                               ("TCL", "OPERATION", "TRY", "FINALLY", "NONTERMINAL"))
            finally_script = words[i + 1]
            i += 2
        elif word in ("on", "trap"):
            if i + 3 >= n:
                raise TclError('wrong # args to %s clause: must be "... %s %s variableList script"'
                               % (word, word, "code" if word == "on" else "pattern"),
                               ("TCL", "OPERATION", "TRY", word.upper(), "ARGUMENT"))
            match = words[i + 1]
            if word == "on":
                match = parse_code(match)
            else:
                try:
                    match = [to_str(x) for x in to_list(match)]
                except TclError:
                    raise TclError("bad prefix '%s': must be a list" % to_str(match),
                                   ("TCL", "OPERATION", "TRY", "TRAP", "EXNFORMAT")) from None
            # (names past the second are ignored, as by Tcl 8.6's try)
            varlist = [to_str(x) for x in to_list(words[i + 2])][:2]
            handlers.append((word, match, varlist, words[i + 3]))
            i += 4
        else:
            raise TclError('bad handler type "%s": must be finally, on, or trap' % word,
                           ("TCL", "LOOKUP", "INDEX", "handler type", word))
    if handlers and to_str(handlers[-1][3]) == "-":
        raise TclError('last non-finally clause must not have a body of "-"',
                       ("TCL", "OPERATION", "TRY", "BADFALLTHROUGH"))
    for k, (kind, match, varlist, script) in enumerate(handlers):
        j = k
        while to_str(handlers[j][3]) == "-":
            j += 1
        handlers[k] = (kind, match, varlist, handlers[j][3])
    form = (tuple(handlers), finally_script)
    if all(type(w) is str for w in words):  # (an int 1 equals a float 1.0 as a key)
        if len(_TRY_FORMS) > 1000:
            _TRY_FORMS.clear()
        _TRY_FORMS[words] = form
    return form


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
