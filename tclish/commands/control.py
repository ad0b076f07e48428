"""if, while, for, foreach, lmap, switch, break, continue.

The compiler inlines the common shapes of these (compile/inline.py); these
functions serve the rest: computed bodies, redefinitions, and `eval`."""

from ..runtime.arith import truth
from ..runtime.errors import BreakSignal, ContinueSignal, TclError
# at the top, not in _switch_match: an import statement run per switch arm
# cost more than the match itself (both modules are loaded at start-up anyway)
from ..runtime.glob import glob_match
from ..runtime.registry import command, wrong_args
from ..runtime.tclre import PREFIX, RegexError, get_regex
from ..runtime.values import TclList, to_list, to_str


def _condition(interp, expr_value):
    return truth(interp.expr(expr_value))


@command("if")
def cmd_if(interp, argv):
    # Tcl checks the whole command before running any of it
    try:
        clauses, else_body = _if_clauses(argv)
    except TclError:
        # ... but evaluates the first condition before it notices a missing
        # script, so a condition that doesn't parse reports that first
        if len(argv) > 1:
            _condition(interp, argv[1])
        raise
    for cond, body in clauses:
        if _condition(interp, cond):
            return interp.eval(body)
    return interp.eval(else_body) if else_body is not None else ""


def _if_clauses(argv):
    """([(condition, body), ...], else body or None), or Tcl's error."""
    args = argv[1:]
    n = len(args)
    clauses = []
    i = 0
    while True:
        if i >= n:
            after = to_str(args[i - 1]) if i > 0 else to_str(argv[0])
            raise TclError('wrong # args: no expression after "%s" argument' % after,
                           ("TCL", "WRONGARGS"))
        cond = args[i]
        i += 1
        if i < n and to_str(args[i]) == "then":
            i += 1
        if i >= n:
            raise TclError('wrong # args: no script following "%s" argument' % to_str(args[i - 1]),
                           ("TCL", "WRONGARGS"))
        clauses.append((cond, args[i]))
        i += 1
        if i >= n:
            return clauses, None
        word = to_str(args[i])
        if word == "elseif":
            i += 1
            continue
        if word == "else":
            i += 1
            if i >= n:
                raise TclError('wrong # args: no script following "else" argument',
                               ("TCL", "WRONGARGS"))
        if i != n - 1:
            raise TclError('wrong # args: extra words after "else" clause in "if" command',
                           ("TCL", "WRONGARGS"))
        return clauses, args[i]


def run_loop_body(interp, body, what):
    """Run a loop body; returns False when the loop must stop (break)."""
    if interp.limits is not None:
        interp.limits.check_time()  # an empty body runs no command to count
    try:
        interp.eval_body(body, what)
    except BreakSignal:
        return False
    except ContinueSignal:
        pass
    return True


@command("while", 2, 2, "test command")
def cmd_while(interp, argv):
    while _condition(interp, argv[1]):
        if not run_loop_body(interp, argv[2], "while"):
            break
    return ""


@command("for", 4, 4, "start test next command")
def cmd_for(interp, argv):
    interp.eval_body(argv[1], '("for" initial command)')
    while _condition(interp, argv[2]):
        if not run_loop_body(interp, argv[4], "for"):
            break
        try:
            interp.eval_body(argv[3], '("for" loop-end command)')
        except BreakSignal:
            break
    return ""


def _iterate(interp, argv, collect):
    if len(argv) < 4 or len(argv) % 2 != 0:
        raise wrong_args(to_str(argv[0]), "varList list ?varList list ...? command")
    body = argv[-1]
    groups = []
    rounds = 0
    for i in range(1, len(argv) - 1, 2):
        names = [to_str(x) for x in to_list(argv[i])]
        if not names:
            raise TclError("%s varlist is empty" % to_str(argv[0]), ("TCL", "OPERATION",
                                                                     to_str(argv[0]).upper(), "NEEDVARS"))
        values = to_list(argv[i + 1])
        groups.append((names, values))
        rounds = max(rounds, (len(values) + len(names) - 1) // len(names))
    results = TclList()
    for r in range(rounds):
        for names, values in groups:
            base = r * len(names)
            for k, name in enumerate(names):
                j = base + k
                try:
                    interp.set_var(name, values[j] if j < len(values) else "")
                except TclError as e:
                    e.errorinfo += '\n    (setting %s loop variable "%s")' % (to_str(argv[0]), name)
                    e.context_added = True
                    raise
        try:
            value = interp.eval_body(body, to_str(argv[0]))
        except BreakSignal:
            break
        except ContinueSignal:
            continue
        if collect:
            results.append(value)
    return results if collect else ""


@command("foreach")
def cmd_foreach(interp, argv):
    return _iterate(interp, argv, False)


@command("lmap")
def cmd_lmap(interp, argv):
    return _iterate(interp, argv, True)


@command("break", 0, 0, "")
def cmd_break(interp, argv):
    raise BreakSignal()


@command("continue", 0, 0, "")
def cmd_continue(interp, argv):
    raise ContinueSignal()


# ---- switch -----------------------------------------------------------------------

@command("switch", 2, None, "?-option ...? string ?pattern body ...? ?default body?")
def cmd_switch(interp, argv):
    args = argv[1:]
    mode = None
    nocase = False
    match_var = index_var = None
    i = 0
    while i < len(args):
        opt = to_str(args[i])
        # as Tcl_SwitchObjCmd: the last two words are never options
        if not opt.startswith("-") or len(args) - i <= 2:
            break
        i += 1
        if opt == "--":
            break
        full = _SWITCH_OPTIONS.get(opt) or _unique_prefix(opt)
        if full in ("-exact", "-glob", "-regexp"):
            if mode is not None:
                raise TclError('bad option "%s": %s option already found' % (opt, "-" + mode),
                               ("TCL", "OPERATION", "SWITCH", "DOUBLEOPT"))
            mode = full[1:]
        elif full == "-nocase":
            nocase = True
        elif full in ("-matchvar", "-indexvar"):
            if i >= len(args):
                raise TclError('missing variable name argument to %s option' % full,
                               ("TCL", "OPERATION", "SWITCH", "NOVAR"))
            if full == "-matchvar":
                match_var = to_str(args[i])
            else:
                index_var = to_str(args[i])
            i += 1
        else:
            raise TclError('bad option "%s": must be -exact, -glob, -indexvar, -matchvar, '
                           '-nocase, -regexp, or --' % opt, ("TCL", "LOOKUP", "INDEX", "option", opt))
    mode = mode or "exact"
    if (match_var or index_var) and mode != "regexp":
        raise TclError("%s option requires -regexp option" % ("-matchvar" if match_var else "-indexvar"),
                       ("TCL", "OPERATION", "SWITCH", "MODERESTRICTION"))
    rest = args[i:]
    if not rest:
        raise wrong_args("switch", "?-option ...? string ?pattern body ...? ?default body?")
    subject = to_str(rest[0])
    clauses = rest[1:]
    if len(clauses) == 1:
        clauses = to_list(clauses[0])
    elif not clauses:
        raise TclError("extra switch pattern with no body", ("TCL", "OPERATION", "SWITCH", "BADARM"))
    if not clauses:
        raise wrong_args("switch", "?-option ...? string {?pattern body ...? ?default body?}")
    if len(clauses) % 2:
        message = "extra switch pattern with no body"
        if len(rest) == 2 and any(to_str(clauses[k]).startswith("#") for k in range(0, len(clauses), 2)):
            message += (', this may be due to a comment incorrectly placed outside of a switch '
                        'body - see the "switch" documentation')
        raise TclError(message, ("TCL", "OPERATION", "SWITCH", "BADARM"))
    if to_str(clauses[-1]) == "-":
        raise TclError('no body specified for pattern "%s"' % to_str(clauses[-2]),
                       ("TCL", "OPERATION", "SWITCH", "BADARM"))
    last = len(clauses) - 2
    for k in range(0, len(clauses), 2):
        pattern = to_str(clauses[k])
        matched, groups = _switch_match(mode, pattern, subject, nocase, k == last)
        if matched:
            # Tcl sets the index variable first
            if index_var is not None:
                interp.set_var(index_var, TclList(TclList(g[1]) for g in groups))
            if match_var is not None:
                interp.set_var(match_var, TclList(g[0] for g in groups))
            j = k + 1
            while j < len(clauses) and to_str(clauses[j]) == "-":
                j += 2
            return interp.eval_body(clauses[j], '("%s" arm line %%d)' % to_str(clauses[j - 1]).replace("%", "%%"))
    return ""


_SWITCH_OPTIONS = {o: o for o in ("-exact", "-glob", "-indexvar", "-matchvar", "-nocase",
                                    "-regexp", "--")}


def _unique_prefix(opt):
    matches = [o for o in _SWITCH_OPTIONS if o.startswith(opt) and len(opt) > 1]
    return matches[0] if len(matches) == 1 else None


def _switch_match(mode, pattern, subject, nocase, is_last):
    if is_last and pattern == "default":
        return True, []
    if mode == "exact":
        if nocase:
            return pattern.lower() == subject.lower(), []
        return pattern == subject, []
    if mode == "glob":
        return glob_match(pattern, subject, nocase), []
    try:
        rx = get_regex(pattern, nocase=nocase)
    except RegexError as e:
        raise TclError(PREFIX + str(e), ("REGEXP", "COMPILE", str(e))) from None
    m = rx.match(subject)
    if m is None:
        return False, []
    groups = [(m.group(0), (m.start(), m.end() - 1))]
    for g in range(1, rx.ngroups + 1):
        if m.group(g) is None:
            groups.append(("", (-1, -1)))
        else:
            groups.append((m.group(g), (m.start(g), m.end(g) - 1)))
    return True, groups
