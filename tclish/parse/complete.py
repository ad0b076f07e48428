"""Is a script complete?  For `info complete` and the REPL's Enter key.

The Tcl grammar answers: a script is incomplete exactly when parsing stops
at end of input waiting for a close brace, bracket, quote or paren.
A script the Lark-free simple parser accepts is complete, so Lark is
imported only for the others (the REPL's first prompt needn't wait for it)."""

from .simple import parse_simple


def _lark_error(text):
    """The Lark exception parsing `text` raises, or None."""
    if parse_simple(text, lambda *parts: None) is not None:
        return None
    from lark.exceptions import UnexpectedInput

    from .grammars import get_parser
    try:
        get_parser("tcl").parse(text)
    except UnexpectedInput as exc:
        return exc
    return None


def _ends_in_continuation(text):
    """A script ending in backslash-newline waits for the line it continues
    (Tcl's parser marks it incomplete; tclsh's stdin loop relies on it)."""
    if not text.endswith("\n"):
        return False
    body = text[:-1]
    return (len(body) - len(body.rstrip("\\"))) % 2 == 1


def is_complete(text):
    if _ends_in_continuation(text):
        return False
    exc = _lark_error(text)
    if exc is None:
        return True
    from .errors import describe
    _, incomplete = describe(text, exc)
    return not incomplete


def missing_closer(text):
    """The character the script still waits for ('}', ']', '"'), or None."""
    exc = _lark_error(text)
    if exc is not None:
        from .errors import describe
        message, incomplete = describe(text, exc)
        if incomplete:
            return {"missing close-brace": "}", "missing close-bracket": "]",
                    'missing "': '"', "missing )": ")"}.get(message)
    return None
