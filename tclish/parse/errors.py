"""Lark's parse exceptions -> Tcl's own syntax error texts, in one place."""

from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedToken

from ..runtime.errors import TclError

# what the parser was waiting for at end of input -> Tcl's message
_MISSING = (
    ("RBRACE", "missing close-brace"),
    ("RQUOTE", 'missing "'),
    ("RPAREN", "missing )"),
    ("RBRACKET", "missing close-bracket"),
)


def _incomplete_message(expected):
    for terminal, message in _MISSING:
        if terminal in expected:
            return message
    return None


def _at_end(exc):
    if isinstance(exc, UnexpectedEOF):
        return True
    return isinstance(exc, UnexpectedToken) and exc.token.type == "$END"


def describe(text, exc):
    """(message, incomplete) for a Lark exception raised on `text`."""
    if _at_end(exc):
        msg = _incomplete_message(exc.expected)
        if msg:
            return msg, True
    pos = getattr(exc, "pos_in_stream", None)
    if pos is None and isinstance(exc, UnexpectedToken):
        pos = exc.token.start_pos
    if pos is not None and pos > 0:
        before = text[pos - 1]
        if before == "}":
            return "extra characters after close-brace", False
        if before == '"':
            return "extra characters after close-quote", False
    if isinstance(exc, UnexpectedCharacters) and text[exc.pos_in_stream:exc.pos_in_stream + 1] == "]":
        return "extra characters after close-bracket", False
    return "syntax error", False


def syntax_error(text, exc):
    message, _ = describe(text, exc)
    return TclError(message, ("TCL", "PARSE"))
