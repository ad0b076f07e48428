"""How built-in commands are declared.

Every built-in has one calling convention: ``func(interp, argv) -> value``,
where ``argv[0]`` is the command name as invoked and the rest are the
argument values.  ``@command`` records the name and the argument-count
limits; `install` checks the count before the call, so no command counts its
own arguments or writes its own "wrong # args" text.

Ensembles (``string``, ``dict``, ...) are tables of subcommands built with
`ensemble`, which does Tcl's unique-prefix matching and error texts.
"""

from .errors import TclError
from .values import to_str


class CommandInfo:
    __slots__ = ("name", "func", "min_args", "max_args", "usage")

    def __init__(self, name, func, min_args, max_args, usage):
        self.name = name
        self.func = func
        self.min_args = min_args
        self.max_args = max_args
        self.usage = usage


def wrong_args(usage_prefix, usage):
    """Tcl's `wrong # args: should be "..."` error."""
    text = usage_prefix + (" " + usage if usage else "")
    return TclError(WRONG_ARGS + text + '"', ("TCL", "WRONGARGS"))


WRONG_ARGS = 'wrong # args: should be "'


def _leading_words(text, n):
    """The first `n` words of a usage text (a Tcl list) and the text after
    them, or None if it has fewer words or they don't parse."""
    from .lists import split_list
    i, end = 0, len(text)
    for _ in range(n):
        while i < end and text[i].isspace():
            i += 1
        if i >= end:
            return None
        c = text[i]
        if c == "{":
            depth = 0
            while i < end:
                ch = text[i]
                if ch == "\\":
                    i += 1
                elif ch == "{":
                    depth += 1
                elif ch == "}":
                    depth -= 1
                    if depth == 0:
                        i += 1
                        break
                i += 1
        elif c == '"':
            i += 1
            while i < end and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
            i += 1
        else:
            while i < end and not text[i].isspace():
                i += 2 if text[i] == "\\" else 1
    try:
        words = split_list(text[:i])
    except TclError:
        return None
    if len(words) != n:
        return None
    return words, text[i:].lstrip()


def rewrite_wrong_args(err, words, inserted):
    """Tcl's ensemble rewriting, for a command that calls another with some
    words of its own in front (an ensemble, an alias): a `wrong # args`
    error the target raised itself (no context added yet) loses the
    `inserted` leading words of its usage, which give way to `words`, the
    words the caller wrote.  False when the usage has too few words: then
    no outer command rewrites it either, as in Tcl."""
    from .lists import quote_element
    msg = err.message
    if getattr(err, "ensemble_norewrite", False) or not msg.endswith('"'):
        return False
    split = _leading_words(msg[len(WRONG_ARGS):-1], inserted)
    if split is None:
        err.ensemble_norewrite = True
        return False
    rest = split[1]
    # the first word is never quoted, as in Tcl_WrongNumArgs
    parts = [words[0]] + [quote_element(w) for w in words[1:]]
    if rest:
        parts.append(rest)
    err.message = WRONG_ARGS + " ".join(parts) + '"'
    err.args = (err.message,)
    err.errorinfo = err.message
    return True


def command(name, min_args=0, max_args=None, usage=""):
    """Declare a built-in: its Tcl name, allowed count of arguments, usage text.

    The decorated function is returned unchanged, with a `tcl_info` attribute."""

    def mark(func):
        func.tcl_info = CommandInfo(name, func, min_args, max_args, usage)
        return func

    return mark


def frame_blind(func):
    """Marks a command (or subcommand) function that reads and changes no
    variable, evaluates no script and looks at no frame: a generated loop
    holding variables in Python locals calls it without writing them back
    first (compile/body_calls.py).  (The torch bridge marks its commands
    without context the same way.)"""
    func.frame_blind = True
    return func


def checked(info):
    """The callable to install: the function itself when any count is fine,
    else a thin wrapper that raises the usage error."""
    func = info.func
    lo, hi, usage = info.min_args, info.max_args, info.usage
    if lo == 0 and hi is None:
        return func
    if hi is None:
        hi = 1 << 30

    def checked_call(interp, argv):
        n = len(argv) - 1
        if n < lo or n > hi:
            raise wrong_args(to_str(argv[0]), usage)
        return func(interp, argv)

    checked_call.tcl_info = info
    checked_call.__name__ = func.__name__
    checked_call.__wrapped__ = func
    return checked_call


def install(interp, functions):
    """Register every @command-marked function of an iterable in `interp`."""
    for func in functions:
        info = getattr(func, "tcl_info", None)
        if info is not None:
            # built-ins live in the global namespace, whatever namespace is
            # current when a family is installed (lazily, say)
            name = info.name if info.name.startswith("::") else "::" + info.name
            interp.register(name, checked(info))


def install_module(interp, module):
    """Register a family's commands, then run its `setup(interp)` if it has one
    (for what a table can't say, such as a namespace's export patterns)."""
    install(interp, vars(module).values())
    setup = getattr(module, "setup", None)
    if setup is not None:
        setup(interp)


def install_lazily(interp, module_name, names):
    """Register stand-ins for a family's commands: the first call of any of
    them imports the family module and installs its real commands.  Keeps
    start-up from importing families a script may never use."""

    def make_stand_in(name):
        qualified = name if name.startswith("::") else "::" + name

        def stand_in(interp, argv):
            load_lazy_family(interp, module_name)
            real = interp.resolve_command(qualified)
            if real is None or getattr(real, "tcl_info", None) is None \
                    or real.tcl_info.name.lstrip(":") != name.lstrip(":"):
                # renamed away before its first call (`rename package orig`):
                # run the module's own command, not whatever has the name now
                real = real_command(module_name, qualified)
            return real(interp, argv)
        stand_in.__module__ = module_name  # help files it under its family
        stand_in.lazy_family = module_name
        stand_in.lazy_name = name  # which command it stands in for (compile/guard.py)
        return stand_in

    for name in names:
        interp.register(name if name.startswith("::") else "::" + name, make_stand_in(name))


def real_command(module_name, qualified):
    """The installed form of the command `qualified` a family module defines."""
    import importlib
    module = importlib.import_module(module_name)
    for func in vars(module).values():
        info = getattr(func, "tcl_info", None)
        if info is not None and info.name.lstrip(":") == qualified.lstrip(":"):
            return checked(info)
    raise KeyError(qualified)


def load_lazy_family(interp, module_name):
    """Install the real commands of a lazily registered family, in place of
    those of its stand-ins that are still there (a command the script has
    since redefined is left alone)."""
    import importlib
    module = importlib.import_module(module_name)
    for func in list(vars(module).values()):
        info = getattr(func, "tcl_info", None)
        if info is None:
            continue
        name = info.name if info.name.startswith("::") else "::" + info.name
        current = interp.resolve_command(name)
        if getattr(current, "lazy_family", None) == module_name:
            interp.register(name, checked(info))
    setup = getattr(module, "setup", None)
    if setup is not None:
        setup(interp)


# --- ensembles ---------------------------------------------------------------

def choice_list(names):
    names = sorted(names)
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return "%s or %s" % (names[0], names[1])
    return ", ".join(names[:-1]) + ", or " + names[-1]


def resolve_prefix(table, word, what, error_code=None):
    """Find `word` in `table` exactly or as a unique prefix, as Tcl_GetIndexFromObj."""
    try:
        return table[word]
    except KeyError:
        pass
    matches = [k for k in table if k.startswith(word)] if word else []
    if len(matches) == 1:
        return table[matches[0]]
    raise TclError('%s "%s": must be %s' % (
        ("ambiguous " + what) if len(matches) > 1 else ("bad " + what), word, choice_list(table)),
        error_code or ("TCL", "LOOKUP", "INDEX", what, word))


def ensemble(name, subcommands):
    """Build the command for an ensemble.

    `subcommands` maps subcommand name -> (func, min_args, max_args, usage);
    the counts exclude both the ensemble and subcommand names, and `func`
    gets the full argv (argv[1] is the subcommand as typed)."""
    table = {}
    for sub, (func, lo, hi, usage) in subcommands.items():
        table[sub] = (func, lo, 1 << 30 if hi is None else hi, usage, sub)

    def dispatch(interp, argv):
        if len(argv) < 2:
            raise wrong_args(to_str(argv[0]), "subcommand ?arg ...?")
        word = argv[1] if type(argv[1]) is str else str(argv[1])
        entry = table.get(word)
        if entry is None:
            matches = [k for k in table if k.startswith(word)] if word else []
            if len(matches) != 1:
                raise TclError('unknown or ambiguous subcommand "%s": must be %s' % (
                    word, choice_list(table)), ("TCL", "LOOKUP", "SUBCOMMAND", word))
            entry = table[matches[0]]
        func, lo, hi, usage, full = entry
        n = len(argv) - 2
        if n < lo or n > hi:
            raise wrong_args("%s %s" % (to_str(argv[0]), full), usage)
        return func(interp, argv)

    dispatch.subcommands = table
    # (for code calling a subcommand's function itself: compile/body_calls.py)
    dispatch.plain_ensemble = True
    dispatch.__name__ = "cmd_" + name
    dispatch.tcl_info = CommandInfo(name, dispatch, 0, None, "subcommand ?arg ...?")
    return dispatch
