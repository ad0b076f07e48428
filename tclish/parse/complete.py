"""Is a script complete?  For `info complete` and the REPL's Enter key.

The Tcl grammar answers: a script is incomplete exactly when parsing stops
at end of input waiting for a close brace, bracket, quote or paren."""

from lark.exceptions import UnexpectedInput

from .errors import describe
from .grammars import get_parser


def is_complete(text):
    try:
        get_parser("tcl").parse(text)
    except UnexpectedInput as exc:
        _, incomplete = describe(text, exc)
        return not incomplete
    return True


def missing_closer(text):
    """The character the script still waits for ('}', ']', '"'), or None."""
    try:
        get_parser("tcl").parse(text)
    except UnexpectedInput as exc:
        message, incomplete = describe(text, exc)
        if incomplete:
            return {"missing close-brace": "}", "missing close-bracket": "]",
                    'missing "': '"', "missing )": ")"}.get(message)
    return None
