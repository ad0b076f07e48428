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

    def __str__(self):
        return self.message


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
