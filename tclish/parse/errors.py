"""Lark's parse exceptions -> Tcl's own syntax error texts, in one place."""

from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from ..runtime.errors import TclError

# what the parser was waiting for at end of input -> Tcl's message
_MISSING = (
    ("RBRACE", "missing close-brace"),
    ("RQUOTE", 'missing "'),
    ("RPAREN", "missing )"),
    ("RBRACKET", "missing close-bracket"),
)


VARBRACE_MESSAGE = "missing close-brace for variable name"


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
    if pos is not None and text.startswith("${", pos):
        return VARBRACE_MESSAGE, True
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


# tokens that open and close a nested construct, for locate_syntax_error
_OPENERS = frozenset(("LBRACE", "LQUOTE", "LBRACKET", "VARNAME_ARR"))
_CLOSERS = frozenset(("RBRACE", "RQUOTE", "RBRACKET", "RPAREN"))


def locate_syntax_error(text):
    """Where a script that fails to parse goes wrong, as Tcl sees it when it
    evaluates a script command by command: (end of the complete commands
    before the bad one, the TclError for the bad one).  The error's
    `command_text` is what Tcl quotes ("set x {" for an unclosed brace) and
    `errorline` the bad command's line."""
    from .grammars import get_parser
    interactive = get_parser("tcl").parse_interactive(text)
    boundary = 0
    opens = []
    try:
        for tok in interactive.iter_parse():
            kind = tok.type
            if kind in ("_NL", "_SEMI") and not opens:
                boundary = tok.end_pos
            elif kind in _OPENERS:
                opens.append(tok.end_pos)
            elif kind in _CLOSERS and opens:
                opens.pop()
        interactive.feed_eof()
    except UnexpectedInput as exc:
        message, incomplete = describe(text, exc)
        start = boundary
        while start < len(text) and text[start] in " \t\n\r\v\f;":
            start += 1
        pos = getattr(exc, "pos_in_stream", None)
        if message == VARBRACE_MESSAGE:
            end = pos + 2  # Tcl quotes the command up to the "${"
        elif incomplete and opens:
            end = opens[0]
        else:
            token = getattr(exc, "token", None)
            end = token.end_pos if token is not None and token.end_pos else (pos or len(text))
            while end < len(text) and text[end] not in " \t\n;":
                end += 1
        err = TclError(message, ("TCL", "PARSE"))
        err.command_text = text[start:end]
        err.errorline = text.count("\n", 0, start) + 1
        return boundary, err
    return len(text), None
