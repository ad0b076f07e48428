"""Python exceptions that escape a command, as Tcl errors with Tcl's words.

Commands are meant to raise TclError only; this is the safety net at the
evaluation boundaries (command dispatch, eval, catch, source, the embedding
API), so that no Python wording (`int too large to convert to float`,
`cannot fit 'int' into an index-sized integer`, ...) reaches a script.
"""

from .errors import TclError

_TOO_LARGE = "integer value too large to represent"
_FLOAT_TOO_LARGE = "floating-point value too large to represent"

# (exception type, words in its text) -> (Tcl message, errorCode)
_KNOWN = (
    (OverflowError, "to float", _FLOAT_TOO_LARGE, ("ARITH", "OVERFLOW", _FLOAT_TOO_LARGE)),
    (OverflowError, "", _TOO_LARGE, ("ARITH", "IOVERFLOW", _TOO_LARGE)),
    (IndexError, "index-sized", _TOO_LARGE, ("ARITH", "IOVERFLOW", _TOO_LARGE)),
    (ValueError, "Exceeds the limit", _TOO_LARGE, ("ARITH", "IOVERFLOW", _TOO_LARGE)),
    (ValueError, "too many digits", _TOO_LARGE, ("ARITH", "IOVERFLOW", _TOO_LARGE)),
    (ValueError, "embedded null", "invalid argument: embedded NUL character",
     ("TCL", "VALUE", "NUL")),
    (ZeroDivisionError, "", "divide by zero", ("ARITH", "DIVZERO", "divide by zero")),
    (UnicodeError, "", "invalid character in string", ("TCL", "VALUE", "ENCODING")),
)


def tcl_error_for(exc, nesting_error):
    """The TclError standing for a Python exception."""
    if isinstance(exc, RecursionError):
        return nesting_error()
    if isinstance(exc, MemoryError):
        return TclError("not enough memory", ("TCL", "MEMORY"))
    text = str(exc)
    for kind, words, message, code in _KNOWN:
        if isinstance(exc, kind) and words in text:
            return TclError(message, code)
    return TclError("%s: %s" % (type(exc).__name__, text) if not text else text,
                    ("TCL", "INTERNAL", type(exc).__name__))


__all__ = ["tcl_error_for"]
