"""Tcl's non-local exits: errors, and the break/continue/return signals.

Each is a Python exception so that the compiled closures pay nothing on the
normal path; the evaluator turns them into Tcl's return codes at the few
places (proc bodies, catch, loops) where Tcl looks at codes.
"""

OK, ERROR, RETURN, BREAK, CONTINUE = 0, 1, 2, 3, 4


class TclError(Exception):
    """A Tcl error: the message, ::errorCode, and the ::errorInfo built so far.

    `errorinfo` starts as the message and grows "while executing" lines as the
    error unwinds through commands and procs.  `info_frozen` is set once the
    trace was supplied explicitly (error/return -errorinfo)."""

    def __init__(self, message, errorcode=None, errorinfo=None):
        Exception.__init__(self, message)
        self.message = message
        self.errorcode = errorcode if errorcode is not None else "NONE"
        self.errorinfo = errorinfo if errorinfo is not None else message
        self.errorline = None
        self.level = 0
        # set after the first command context was added ("while executing")
        self.context_added = errorinfo is not None
        # an explicit errorinfo (error/return -errorinfo) is already logged:
        # the command that raised it adds no line (Tcl's ERR_ALREADY_LOGGED)
        self.logged = errorinfo is not None
        self.options = None
        # option keys listed first in the options dict (see commands/errors.py)
        self.leading = None
        # raised by an expression operation on constants (compile/expr.py)
        self.folded = False
        # -errorstack: INNER cmd, then CALL {proc args} per proc unwound
        self.errorstack = None
        # raised by code Tcl's compiler put in place of a command that failed
        # when it ran it at compile time (compiled_away)
        self.syntax_form = False

    def __str__(self):
        return self.message


def compiled_away(e):
    """Mark `e` as Tcl reports an error its compiler met at compile time (an
    expression that doesn't parse, an operation on constants that fails, a
    `format` of literal words): it compiles code that raises the error as a
    syntax error, so the error is already logged when the command adds its
    line ("invoked from within"), -errorstack shows it as INNER {syntax
    message options}, and its return options come in that code's order."""
    from .values import TclDict, TclList
    code = e.errorcode
    options = TclDict((("-code", 1), ("-level", 0),
                       ("-errorcode", code if type(code) is str else TclList(code)),
                       ("-errorinfo", e.errorinfo), ("-errorline", 1)))
    e.context_added = True
    e.syntax_form = True
    e.errorstack = TclList(["INNER", TclList(["syntax", e.message, options])])
    return e


class TclSignal(Exception):
    """A non-error exceptional return code (return, break, continue, or custom)."""

    code = None

    def __init__(self, value="", code=None, level=1, options=None):
        Exception.__init__(self)
        self.value = value
        if code is not None:
            self.code = code
        self.level = level
        self.options = options


class ReturnSignal(TclSignal):
    """`return`: `code` is its -code option (ok unless given), `level` its -level."""
    code = OK


class BreakSignal(TclSignal):
    code = BREAK


class ContinueSignal(TclSignal):
    code = CONTINUE


class CodeSignal(TclSignal):
    """`return -code N` for N beyond the four named codes."""
