"""A parser for the simplest Tcl scripts, which needs no Lark.

Start-up (`tclish -c {puts hi}`) and many small scripts contain nothing but
literal words: bare words of plain characters and braced words.  Parsing
those by hand gives the same Commands as the grammar, and lets a run that
meets nothing else skip importing Lark (about half of the start-up time).

Anything else -- a substitution, a quote, a backslash outside braces, a
backslash-newline, a comment, a semicolon, a {*}, a character outside
printable ASCII in a bare word, any error -- makes parse_simple return None,
and the caller uses the grammar, so the rules here never have to be complete.
"""

# printable ASCII, less what substitutes, quotes, groups, comments or ends a command
_BARE = frozenset(chr(c) for c in range(0x21, 0x7F)) - frozenset('\\$[]";#{}')
_SPACE = " \t"
_SEPARATOR = " \t\n"


def parse_simple(text, make_command):
    """The commands of `text` (built with make_command(words, word_lines,
    line, start, end, text)), or None when the script isn't simple."""
    n = len(text)
    i = 0
    line = 1
    commands = []
    bare = _BARE
    while True:
        while i < n and text[i] in _SEPARATOR:
            if text[i] == "\n":
                line += 1
            i += 1
        if i >= n:
            return commands
        start, cmd_line = i, line
        words, lines = [], []
        while True:
            if text[i] == "{":
                depth, j = 1, i + 1
                while j < n:
                    c = text[j]
                    if c == "\\":
                        if j + 1 >= n or text[j + 1] == "\n":
                            return None
                        j += 2
                        continue
                    if c == "{":
                        depth += 1
                    elif c == "}":
                        depth -= 1
                        if depth == 0:
                            break
                    j += 1
                if depth:
                    return None
                value = text[i + 1:j]
                if value == "*":
                    return None
                words.append(value)
                lines.append(line)
                line += value.count("\n")
                i = j + 1
            else:
                j = i
                while j < n and text[j] in bare:
                    j += 1
                if j == i:
                    return None
                words.append(text[i:j])
                lines.append(line)
                i = j
            if i < n and text[i] not in _SEPARATOR:
                return None
            while i < n and text[i] in _SPACE:
                i += 1
            if i >= n or text[i] == "\n":
                commands.append(make_command(words, lines, cmd_line, start, i, text[start:i]))
                break
