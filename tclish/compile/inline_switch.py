"""`switch` compiled in place, as Tcl's bytecode compiler does.

With literal options (-exact, -glob, -nocase, --) and literal patterns, the
arms are compiled once into the enclosing script: an -exact switch is one
dict lookup, a -glob or -regexp one a list of prepared matchers.  As in Tcl's compiled
switch, a word that is not literal ends the options (`switch $x {...}`
treats $x as the string even when it starts with "-"), and errors in an arm
add no `("pat" arm line N)` note: the arm's lines count from the enclosing
script.  Anything else (-matchvar, -indexvar, a computed pattern list, a
malformed one, options without `--`) is left to the `switch` command,
which reports the problem.
"""

from ..parse.script import derive_continuations, parse_script
from ..runtime.errors import TclError
from ..runtime.glob import glob_matcher, is_literal, lower
from ..runtime.tclre import get_regex
from ..runtime.values import to_list, to_str
from .inline import inline
from .script import DIRECT, compile_commands

def _parse_options(words):
    """(mode, nocase, index of the string word) when Tcl 8.6 would compile
    this switch, else None (the command then runs, and reports arms as
    `("pat" arm line N)`, as tclsh does for it).  Tcl compiles a switch with
    no options and one list of arms, or with options ended by `--`; the
    options being prefixes (2 letters or more) of -exact, -glob, -regexp and
    -nocase, each mode at most once, and not -exact with -nocase."""
    n = len(words)
    if n == 3:
        return "exact", False, 1
    mode, nocase = None, False
    for i in range(1, n):
        w = words[i]
        if type(w) is not str or len(w) < 2:
            return None
        if w == "--":
            if i + 2 >= n or (nocase and mode in (None, "exact")):
                return None
            return mode or "exact", nocase, i + 1
        for name in ("exact", "glob", "regexp", "nocase"):
            if len(w) <= len(name) + 1 and ("-" + name).startswith(w):
                break
        else:
            return None
        if name == "nocase":
            if nocase:
                return None
            nocase = True
        elif mode is not None:
            return None
        else:
            mode = name
    return None


def _arms(c, first):
    """[(pattern, body text, line of the body)] of the words from `first`,
    or None when they are not a well-formed literal list of arms."""
    from ..runtime.cmdframes import _element_start, _lines_before, _skip_element
    words, cmd = c.words, c.cmd
    rest = words[first:]
    if not rest or not all(type(w) is str for w in rest):
        return None
    line0 = c.base_line - 1
    if len(rest) == 1:
        text = rest[0]
        try:
            items = [to_str(v) for v in to_list(text)]
        except TclError:
            return None
        word_line = line0 + cmd.word_lines[first]
        lines = []
        for k in range(1, len(items), 2):
            start = _element_start(text, k)
            if start is None:
                return None
            lines.append(word_line + _lines_before(text, start))
            if text[start] == "{":
                # the body as a slice of the list, so that it keeps the lines
                # of its backslash-newlines (for `info frame`)
                body = text[start + 1:_skip_element(text, start) - 1]
                if body == items[k]:
                    derive_continuations(text, start + 1, body)
                    items[k] = body
    else:
        items = list(rest)
        lines = [line0 + cmd.word_lines[first + k] for k in range(1, len(items), 2)]
    if not items or len(items) % 2 or items[-1] == "-":
        return None
    return [(items[k], items[k + 1], lines[k // 2]) for k in range(0, len(items), 2)]


@inline("switch")
def _switch(c):
    if c.mode == DIRECT:
        return None  # evaluated command by command there: the command reports its arms
    options = _parse_options(c.words)
    if options is None:
        return None
    mode, nocase, at = options
    arms = _arms(c, at + 1)
    if arms is None:
        return None
    interp = c.interp
    # each arm's body: its own, or that of the next arm with one ("-" falls through)
    bodies = [None] * len(arms)
    following = None
    for k in range(len(arms) - 1, -1, -1):
        pattern, text, line = arms[k]
        if text != "-":
            following = compile_commands(interp, parse_script(text), line, c.mode)
        bodies[k] = following
    default = None
    if arms[-1][0] == "default":
        default = bodies[-1]
        arms, bodies = arms[:-1], bodies[:-1]

    const, subject = c.word(at)
    if const:
        value = subject
        subject = lambda fv: value  # noqa: E731
    arg_error = c.arg_error()
    slow, epoch = c.slow, c.epoch

    def string_of(fv):
        try:
            s = subject(fv)
        except TclError as e:
            arg_error(e)
            raise
        return s if s.__class__ is str else to_str(s)

    if mode == "exact":
        table = {}
        for (pattern, _, _), body in zip(arms, bodies):
            table.setdefault(lower(pattern) if nocase else pattern, body)

        def switch_exact(fv):
            if interp.core_epoch != epoch:
                return slow(fv)
            s = string_of(fv)
            body = table.get(lower(s) if nocase else s, default)
            return "" if body is None else body(fv)
        return switch_exact

    tests = []
    for (pattern, _, _), body in zip(arms, bodies):
        if mode == "regexp":
            try:
                rx = get_regex(pattern, nocase=nocase)
            except Exception:
                return None  # the command reports it, when that arm is reached
            tests.append((None, _searcher(rx), body))
        elif is_literal(pattern) and not nocase:
            tests.append((pattern, None, body))
        else:
            tests.append((None, glob_matcher(pattern, nocase), body))
    tests = tuple(tests)

    def switch_glob(fv):
        if interp.core_epoch != epoch:
            return slow(fv)
        s = string_of(fv)
        for literal, matches, body in tests:
            if (s == literal) if matches is None else matches(s):
                return body(fv)
        return "" if default is None else default(fv)
    return switch_glob


def _searcher(rx):
    def matches(s):
        return rx.match(s) is not None
    return matches
