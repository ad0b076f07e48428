"""`switch` written out in a generated proc body (compile/body.py).

The shapes compile/inline_switch.py compiles in place, -exact and -glob
without -nocase: the subject's string compared with each pattern in turn
(`==` for a literal pattern, `startswith` for `prefix*`, the glob matcher
otherwise), each arm's body written out under its test, its lines counted
from the enclosing script as in the inlined closure.  A `break` or
`continue` in an arm reaches the enclosing loop, as in Tcl's compiled
switch.  Anything else stays the closure.
"""

from ..parse.script import parse_script
from ..runtime.glob import glob_matcher, is_literal
from .inline import Inline
from .inline_switch import _arms, _parse_options
from .script import PROC_BODY


def emit_switch(g, cmd, base, indent, tail, loop, fallback):
    options = _parse_options(cmd.words)
    if options is None:
        return False
    mode, nocase, at = options
    if nocase or mode == "regexp":
        return False
    arms = _arms(Inline(g.interp, cmd, base, None, PROC_BODY), at + 1)
    if arms is None:
        return False
    # each arm's body: its own, or that of the next arm with one ("-" falls through)
    bodies = [None] * len(arms)
    following = None
    for k in range(len(arms) - 1, -1, -1):
        if arms[k][1] != "-":
            following = arms[k][1:]
        bodies[k] = following
    default = None
    if arms[-1][0] == "default":
        default = bodies[-1]
        arms, bodies = arms[:-1], bodies[:-1]
    handler = g.handlers(cmd, base)[1]
    indent = g.epoch_guard(indent, fallback, tail)
    value = g.word_value(indent, cmd, at, base, handler)
    subject = g.temp("s")
    g.emit(indent, "%s = %s if %s.__class__ is str else to_str(%s)"
           % (subject, value, value, value))
    keyword = "if"
    for (pattern, _, _), body in zip(arms, bodies):
        g.emit(indent, "%s %s:" % (keyword, _test(g, mode, pattern, subject)))
        _arm(g, body, indent + 1, tail, loop)
        keyword = "elif"
    if keyword == "elif":
        g.emit(indent, "else:")
        indent += 1
    if default is not None:
        _arm(g, default, indent, tail, loop)
    elif keyword == "elif":
        g.emit(indent, "return ''" if tail else "pass")
    elif tail:
        g.emit(indent, "return ''")


def _test(g, mode, pattern, subject):
    if mode == "exact" or is_literal(pattern):
        return "%s == %s" % (subject, g.literal(pattern))
    if pattern.endswith("*") and is_literal(pattern[:-1]):
        return "%s.startswith(%s)" % (subject, g.literal(pattern[:-1]))
    return "%s(%s)" % (g.const(glob_matcher(pattern, False)), subject)


def _arm(g, body, indent, tail, loop):
    text, line = body
    commands = g.parsed.get(text)
    if commands is None:
        commands = g.parsed[text] = parse_script(text)
    g.script(commands, line, indent, tail, loop)
