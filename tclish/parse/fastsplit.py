"""Large scripts: cut into commands by a scanner, grammar only where needed.

The Lark grammar costs tens of microseconds per token, which makes a 10 MB
script of simple commands take minutes.  For long scripts, a scanner that
knows only Tcl's rules for where a command ends (braces, quotes, brackets,
backslashes, comments) cuts the text into top-level commands; a command of
plain ASCII words on one line (`set x 1`) is built directly, and each run
of other commands is parsed by the grammar, its positions then shifted to
where the run sits in the script.  Anything unusual (an unbalanced brace, a
syntax error) sends the whole script back to the grammar, whose errors are
the reference.
"""

import re

from ..runtime.lists import matching_brace
from .script import CmdSub, Command, Expand, VarRef

# a command of plain words: printable ASCII without Tcl's special characters,
# the first word not a comment, ended by a newline (or the end)
_FIRST = r"[!%-:<-Z^-z|~]"     # printable ASCII less space " # $ ; [ \\ ] { }
_NEXT = r"[!#%-:<-Z^-z|~]"     # the same, with # (a comment only starts a command)
_SIMPLE = re.compile(r"(%s%s*(?:[ \t]+%s+)*)([ \t]*)(?:\n|\Z)" % (_FIRST, _NEXT, _NEXT))
_WORD_SPLIT = re.compile(r"[ \t]+")
_SPACE = " \t\v\f\r"


class _Incomplete(Exception):
    pass


def split_parse(text, grammar_parse):
    """The commands of `text`, or None to let the grammar do it all."""
    try:
        return _split(text, grammar_parse)
    except _Incomplete:
        return None
    except Exception as e:  # a syntax error: the grammar words it
        from ..runtime.errors import TclError
        if isinstance(e, TclError):
            return None
        raise


def _split(text, grammar_parse):
    n = len(text)
    commands = []
    i = 0
    line = 1
    run = None  # (start offset, start line) of commands waiting for the grammar
    match = _SIMPLE.match
    while True:
        # between commands: white space, newlines, semicolons
        while i < n:
            c = text[i]
            if c == "\n":
                line += 1
            elif c == "\\" and text.startswith("\\\n", i):
                if run is None:
                    run = (i, line)  # a continuation between commands: let the grammar see it
                line += 1
                i += 2
                continue
            elif c not in _SPACE and c != ";":
                break
            i += 1
        if i >= n:
            break
        if text[i] == "#":
            # a comment makes no command: skip it (the grammar's comment rule
            # costs hundreds of bytes per character of a long comment)
            if run is not None:
                commands.extend(_grammar_run(text, run, i, grammar_parse))
                run = None
            end = _command_end(text, i, n, False)
            line += text.count("\n", i, end)
            i = end
            continue
        m = match(text, i)
        if m is not None:
            if run is not None:
                commands.extend(_grammar_run(text, run, i, grammar_parse))
                run = None
            words = _WORD_SPLIT.split(m.group(1))
            end = m.end(2)
            commands.append(Command(words, [line] * len(words), line, i, end, text[i:end]))
            i = m.end()
            if i > 0 and text[i - 1] == "\n":
                line += 1
            continue
        if run is None:
            run = (i, line)
        end = _command_end(text, i, n, False)
        line += text.count("\n", i, end)
        i = end
    if run is not None:
        commands.extend(_grammar_run(text, run, n, grammar_parse))
    return commands


def _grammar_run(text, run, end, grammar_parse):
    start, line = run
    commands = grammar_parse(text[start:end])
    if start or line != 1:
        for cmd in commands:
            _shift(cmd, start, line - 1)
    return commands


def _shift(cmd, offset, lines):
    cmd.start += offset
    cmd.end += offset
    cmd.line += lines
    cmd.word_lines = [wl + lines for wl in cmd.word_lines]
    for w in cmd.words:
        _shift_word(w, offset, lines)


def _shift_word(word, offset, lines):
    if type(word) is Expand:
        word = word.word
    if type(word) is not list:
        return
    for part in word:
        t = type(part)
        if t is CmdSub:
            for sub in part.commands:
                _shift(sub, offset, lines)
        elif t is VarRef and part.index:
            _shift_word(part.index, offset, lines)


# ---- where a command ends ------------------------------------------------------

def _command_end(text, i, n, in_bracket):
    """The index of what ends the command starting at i (its newline or
    semicolon, or its close bracket inside [...]), or n; raises _Incomplete."""
    if text[i] == "#":
        # to the first newline not escaped by an odd run of backslashes
        while True:
            j = text.find("\n", i)
            if j < 0:
                return n
            k = j
            while k > i and text[k - 1] == "\\":
                k -= 1
            if (j - k) % 2 == 0:
                return j
            i = j + 1
    while i < n:
        c = text[i]
        if c in _SPACE:
            i += 1
            continue
        if c == "\n" or c == ";" or (in_bracket and c == "]"):
            return i
        if c == "\\" and text.startswith("\\\n", i):
            i += 2
            continue
        if text.startswith("{*}", i) and i + 3 < n and text[i + 3] not in " \t\n;":
            i += 3
            c = text[i]
        if c == "{":
            i = _brace_end(text, i, n)
        elif c == '"':
            i = _quote_end(text, i, n)
        else:
            i = _bare_end(text, i, n, in_bracket)
    if in_bracket:
        raise _Incomplete()
    return n


def _brace_end(text, i, n):
    """Just past the brace closing the one at text[i] (n is len(text))."""
    j = matching_brace(text, i)
    if j < 0:
        raise _Incomplete()
    return j + 1


def _quote_end(text, i, n):
    i += 1
    while i < n:
        c = text[i]
        if c == "\\":
            i += 2
        elif c == '"':
            return i + 1
        elif c == "[":
            i = _bracket_end(text, i, n)
        elif c == "$":
            i = _var_end(text, i, n)
        else:
            i += 1
    raise _Incomplete()


def _bare_end(text, i, n, in_bracket):
    while i < n:
        c = text[i]
        if c in _SPACE or c == "\n" or c == ";" or (in_bracket and c == "]"):
            return i
        if c == "\\":
            i += 2
        elif c == "[":
            i = _bracket_end(text, i, n)
        elif c == "$":
            i = _var_end(text, i, n)
        else:
            i += 1
    return n


def _bracket_end(text, i, n):
    i += 1
    while i < n:
        c = text[i]
        if c in _SPACE or c == "\n" or c == ";":
            i += 1
            continue
        if c == "]":
            return i + 1
        i = _command_end(text, i, n, True)
    raise _Incomplete()


def _var_end(text, i, n):
    i += 1
    if i < n and text[i] == "{":
        j = text.find("}", i)
        if j < 0:
            raise _Incomplete()
        return j + 1
    while i < n and (text[i].isalnum() or text[i] == "_" or text.startswith("::", i)):
        i += 2 if text[i] == ":" else 1
    if i < n and text[i] == "(":
        i += 1
        while i < n:
            c = text[i]
            if c == "\\":
                i += 2
            elif c == ")":
                return i + 1
            elif c == "[":
                i = _bracket_end(text, i, n)
            elif c == "$":
                i = _var_end(text, i, n)
            else:
                i += 1
        raise _Incomplete()
    return i


__all__ = ["split_parse"]
