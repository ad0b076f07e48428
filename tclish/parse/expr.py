"""expr source -> a Lark tree (grammar/expr.lark).

Operands of an expression can be whole Tcl words ("...", $a($i), [script]),
so this module's lexer finds their extent and hands them to the Tcl grammar;
the precedence structure is the Lark grammar's job.
"""

import re

from ..runtime.errors import TclError, compiled_away
from ..runtime.lists import matching_brace
from ..runtime.numbers import parse_number
from ..runtime.values import parse_bool
from .grammars import _grammar_text
from .script import parse_script

# Lark is imported by the first expression parsed (_parser), not at import:
# a run that parses no expression never pays for it
Token = UnexpectedInput = None

_NUMBER_RE = re.compile(
    r"0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_IDENT_RE = re.compile(r"(?:::)?[A-Za-z_][A-Za-z0-9_]*(?:::+[A-Za-z0-9_]+)*")
_SPACE_RE = re.compile(r"\s*")
_VARNAME_RE = re.compile(r"\$(?:[A-Za-z0-9_]|::+)+")

_OPERATORS = [
    ("**", "POW"), ("<<", "SHIFTOP"), (">>", "SHIFTOP"), ("<=", "RELOP"), (">=", "RELOP"),
    ("==", "EQOP"), ("!=", "EQOP"), ("&&", "ANDAND"), ("||", "OROR"),
    ("*", "MULOP"), ("/", "MULOP"), ("%", "MULOP"), ("+", "PLUS"), ("-", "MINUS"),
    ("<", "RELOP"), (">", "RELOP"), ("&", "BAND"), ("^", "BXOR"), ("|", "BOR"),
    ("?", "QMARK"), (":", "COLON"), ("!", "BANG"), ("~", "TILDE"), ("(", "LPAR"),
    (")", "RPAR"), (",", "COMMA"),
]
_WORD_OPS = {"eq": "STREQ", "ne": "STREQ", "in": "INOP", "ni": "INOP"}


class ExprSyntaxError(Exception):
    def __init__(self, message, pos):
        Exception.__init__(self, message)
        self.message = message
        self.pos = pos


def _word_extent(text, i, closers):
    """The end of the Tcl word starting at text[i] (a quote, bracket or
    $name( ...), found by asking the Tcl grammar where it parses whole."""
    j = i + 1
    n = len(text)
    while True:
        j = min((k for k in (text.find(c, j) for c in closers) if k >= 0), default=-1)
        if j < 0:
            return -1, None
        candidate = text[i:j + 1]
        try:
            cmds = parse_script(candidate)
        except TclError:
            j += 1
            if j >= n:
                return -1, None
            continue
        if len(cmds) == 1 and len(cmds[0].words) == 1:
            return j + 1, cmds[0].words[0]
        j += 1
        if j >= n:
            return -1, None


class ExprLexer:
    """Lark's lexer interface (the Lark subclass is made in _parser)."""

    def __init__(self, lexer_conf):
        pass

    def lex(self, text):
        n = len(text)
        i = 0
        while True:
            i = _SPACE_RE.match(text, i).end()
            if i >= n:
                return
            c = text[i]
            if c.isdigit() or (c == "." and i + 1 < n and text[i + 1].isdigit()):
                m = _NUMBER_RE.match(text, i)
                s = m.group()
                value = parse_number(s)
                end = m.end()
                if value is None or (end < n and (text[end].isalnum() or text[end] == "_")
                                     and text[end:end + 2] not in _WORD_OPS):
                    # an invalid number like 08 or 1x: find the whole bad word
                    k = end
                    while k < n and (text[k].isalnum() or text[k] in "_."):
                        k += 1
                    yield _token("BADNUMBER", text[i:k], i)
                    return
                yield _token("NUMBER", value, i)
                i = end
            elif c == "$":
                if i + 1 < n and text[i + 1] == "{":
                    k = text.find("}", i)
                    if k < 0:
                        raise ExprSyntaxError("missing close-brace for variable name", i)
                    yield _token("VAR", parse_script(text[i:k + 1])[0].words[0], i)
                    i = k + 1
                    continue
                m = _VARNAME_RE.match(text, i)
                if m is None:
                    raise ExprSyntaxError("invalid character \"$\"", i)
                end = m.end()
                if end < n and text[end] == "(":
                    end, word = _word_extent(text, i, ")")
                    if end < 0:
                        raise ExprSyntaxError("missing )", i)
                    yield _token("VAR", word, i)
                    i = end
                else:
                    yield _token("VAR", parse_script(m.group())[0].words[0], i)
                    i = end
            elif c == "[":
                end, word = _word_extent(text, i, "]")
                if end < 0:
                    raise ExprSyntaxError("missing close-bracket", i)
                yield _token("CMD", word, i)
                i = end
            elif c == '"':
                end, word = _word_extent(text, i, '"')
                if end < 0:
                    raise ExprSyntaxError('missing "', i)
                yield _token("STRING", word, i)
                i = end
            elif c == "{":
                k = matching_brace(text, i)
                if k < 0:
                    raise ExprSyntaxError("missing close-brace", i)
                yield _token("BRACED", parse_script(text[i:k + 1])[0].words[0], i)
                i = k + 1
            elif c.isalpha() or c == "_" or text.startswith("::", i):
                m = _IDENT_RE.match(text, i)
                if m is None:
                    raise ExprSyntaxError('invalid character "%s"' % c, i)
                word = m.group()
                end = m.end()
                op = _WORD_OPS.get(word[:2])
                if op is not None and (len(word) == 2 or not word[2].isalpha()):
                    # eq/ne/in/ni are operators unless a letter follows (3eq2)
                    yield _token(op, word[:2], i)
                    i += 2
                    continue
                k = _SPACE_RE.match(text, end).end()
                if k < n and text[k] == "(":
                    yield _token("FUNC", word, i)
                elif word.lower() in ("inf", "infinity", "nan") or parse_bool(word) is not None:
                    yield _token("BAREWORD", word, i)
                else:
                    raise bareword_error(word, text)
                i = end
            else:
                for op, kind in _OPERATORS:
                    if text.startswith(op, i):
                        yield _token(kind, op, i)
                        i += len(op)
                        break
                else:
                    raise ExprSyntaxError('invalid character "%s"' % c, i)


def _token(kind, value, pos):
    tok = Token(kind, value if type(value) is str else "", start_pos=pos)
    tok.value = value
    return tok


_PARSER = None


def _parser():
    global _PARSER, Token, UnexpectedInput
    if _PARSER is None:
        from lark import Lark, Token as token
        from lark.exceptions import UnexpectedInput as unexpected
        from lark.lexer import Lexer
        Token, UnexpectedInput = token, unexpected
        lexer = type("ExprLexer", (ExprLexer, Lexer), {})
        _PARSER = Lark(_grammar_text("expr"), parser="lalr", lexer=lexer,
                       maybe_placeholders=False)
    return _PARSER


# Tcl's errorCode word after TCL PARSE EXPR, by the start of the message
_SUBCODES = (("missing operand", "MISSING"), ("missing operator", "MISSING"),
             ("missing function argument", "MISSING"),
             ("empty", "EMPTY"), ("invalid character", "BADCHAR"), ("unexpected", "SURPRISE"))
# Tcl quotes at most this many characters of the expression on either side of
# the error (tclCompExpr.c's `limit`), eliding the rest with "..."
_QUOTE_LIMIT = 25


def _quote_before(text):
    return text if len(text) < _QUOTE_LIMIT else "..." + text[-(_QUOTE_LIMIT - 3):]


def _quote_after(text):
    return text if len(text) < _QUOTE_LIMIT else text[:_QUOTE_LIMIT - 3] + "..."


def _error(message, text, pos=None):
    subcode = next((code for start, code in _SUBCODES if message.startswith(start)),
                   "UNBALANCED")
    if pos is None:
        message = '%s\nin expression "%s"' % (message, text)
    else:
        message = '%s at _@_\nin expression "%s_@_%s"' % (
            message, _quote_before(text[:pos]), _quote_after(text[pos:]))
    return _parse_error(message, text, ("TCL", "PARSE", "EXPR", subcode))


def _parse_error(message, text, errorcode):
    """A syntax error with the `(parsing expression ...)` line Tcl logs at once,
    so the command that compiled the expression adds "invoked from within"."""
    e = TclError(message, errorcode)
    e.errorinfo = message + '\n    (parsing expression "%s")' % _quote_after(text)
    return compiled_away(e)


def bareword_error(word, text):
    octal = word[:1] == "0" and word.isdigit()
    return _parse_error('invalid bareword "%s"\nin expression "%s";\nshould be "$%s" or "{%s}" or '
                        '"%s(...)" or ...%s' % (word, _excerpt(text), word, word, word,
                                                " (invalid octal number?)" if octal else ""),
                        text, ("TCL", "PARSE", "EXPR") + (("BADNUMBER", "OCTAL") if octal
                                                          else ("BAREWORD",)))


def _excerpt(text):
    return text if len(text) <= 60 else text[:60] + "..."


def parse_expr(text):
    """Parse an expression into a Lark tree, or raise Tcl's syntax error."""
    if not text.strip():
        raise _error("empty expression", text)
    try:
        return _parser().parse(text)
    except ExprSyntaxError as e:
        raise _error(e.message, text) from None
    except UnexpectedInput as e:
        raise _describe(text, e) from None
    except TclError as e:
        if e.errorcode[:3] == ("TCL", "PARSE", "EXPR"):
            raise
        raise _error(e.message, text) from None


def _describe(text, exc):
    tok = getattr(exc, "token", None)
    if tok is None or tok.type == "$END":
        expected = getattr(exc, "expected", set()) or set()
        last = text.rstrip()[-1:]
        if last == "(":
            return _error("unbalanced open paren", text)
        if last == ",":
            return _error("missing function argument", text, len(text))
        if "RPAR" in expected and not ({"NUMBER", "VAR"} & expected):
            return _error("unbalanced open paren", text)
        if "COLON" in expected and not ({"NUMBER", "VAR"} & expected):
            return _error('missing operator ":"', text, len(text))
        return _error("missing operand", text, len(text))
    pos = tok.start_pos
    if tok.type == "BADNUMBER":
        return bareword_error(tok.value, text)
    if tok.type == "RPAR":
        return _error("unbalanced close paren", text)
    if tok.type == "COMMA":
        return _error('unexpected "," outside function argument list', text)
    operand_types = {"NUMBER", "STRING", "BRACED", "VAR", "CMD", "BAREWORD", "FUNC", "LPAR"}
    if tok.type in operand_types:
        return _error("missing operator", text, pos)
    return _error("missing operand", text, pos)


__all__ = ["parse_expr", "ExprSyntaxError"]
