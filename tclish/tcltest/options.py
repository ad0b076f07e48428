"""`tcltest::configure` and the one-option accessors (verbose, match, ...).

Each option is declared once in OPTIONS: its default, the function that
checks and normalises a new value, the accessor command that reads or sets
it, and what else changes when it is set.  `configure`, the accessors and
the error texts are all driven from that table.
"""

import os

from ..parse.complete import is_complete
from ..runtime.errors import TclError
from ..runtime.values import TclList, parse_bool, to_int, to_list, to_str
from .state import get_state

VERBOSE_LETTERS = {"l": "list", "p": "pass", "b": "body", "s": "skip", "t": "start",
                   "e": "error", "m": "msec", "u": "usec"}
VERBOSE_WORDS = frozenset(VERBOSE_LETTERS.values()) | {"line"}


# ---- value checks: (interp, state, value) -> normalised value or TclError --------

def _accept_all(interp, st, value):
    return value


def _accept_list(interp, st, value):
    return TclList(to_list(value))


def _accept_integer(interp, st, value):
    return to_int(value)


def _accept_boolean(interp, st, value):
    flag = parse_bool(to_str(value))
    if flag is None:
        raise TclError('expected boolean value but got "%s"' % to_str(value))
    return 1 if flag else 0


def _accept_script(interp, st, value):
    text = to_str(value)
    if not is_complete(text):
        raise TclError("invalid Tcl script: %s" % text)
    return value


def _accept_verbose(interp, st, value):
    words = [to_str(w) for w in to_list(value)]
    if len(words) == 1 and words[0] not in VERBOSE_WORDS:
        # "bps" is short for {body pass skip}
        words = [VERBOSE_LETTERS.get(c, c) for c in words[0]]
    return TclList(w for w in words if w in VERBOSE_WORDS)


def _absolute(st, path):
    return os.path.normpath(os.path.join(os.getcwd(), to_str(path)))


def _accept_directory(interp, st, value):
    path = _absolute(st, value)
    if not os.path.exists(path):
        raise TclError('"%s" does not exist' % path)
    if not os.path.isdir(path):
        raise TclError('"%s" is not a directory' % path)
    if not os.access(path, os.R_OK):
        raise TclError('"%s" is not readable' % path)
    return path


def _accept_tmpdir(interp, st, value):
    path = _absolute(st, value)
    if not os.path.exists(path):
        os.makedirs(path, exist_ok=True)
    path = _accept_directory(interp, st, path)
    if not os.access(path, os.W_OK) and path != st.working_dir:
        raise TclError('"%s" is not writeable' % path)
    return path


def _accept_loadfile(interp, st, value):
    name = to_str(value)
    if not name:
        return ""
    path = os.path.join(st.options["-tmpdir"], name)
    if not os.access(path, os.R_OK):
        raise TclError('"%s" is not readable' % path)
    return path


def _accept_outfile(interp, st, value):
    name = to_str(value)
    if name in ("stdout", "stderr"):
        return name
    return os.path.join(st.options["-tmpdir"], name)


# ---- what else happens when an option is set ----------------------------------------

def _after_constraints(interp, st):
    from .constraints import set_constraint
    for name in st.options["-constraints"]:
        set_constraint(interp, to_str(name), 1)


def _after_limitconstraints(interp, st):
    from .constraints import constraint_names, set_constraint
    if not st.options["-limitconstraints"]:
        return
    keep = {to_str(c) for c in st.options["-constraints"]}
    for name in constraint_names(interp):
        if name not in keep:
            set_constraint(interp, name, 0)


def _after_loadfile(interp, st):
    path = st.options["-loadfile"]
    if path:
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            st.options["-load"] = f.read()


def _after_outfile(interp, st):
    st.output_channel = st.options["-outfile"]


def _after_errfile(interp, st):
    st.error_channel = st.options["-errfile"]


# option -> (default(state), check, accessor command, hook after setting)
OPTIONS = {
    "-verbose": (lambda st: TclList(["body", "error"]), _accept_verbose, "verbose", None),
    "-match": (lambda st: "*", _accept_list, "match", None),
    "-skip": (lambda st: "", _accept_list, "skip", None),
    "-file": (lambda st: "*.test", _accept_list, "matchFiles", None),
    "-notfile": (lambda st: "l.*.test", _accept_list, "skipFiles", None),
    "-relateddir": (lambda st: "*", _accept_list, "matchDirectories", None),
    "-asidefromdir": (lambda st: "", _accept_list, "skipDirectories", None),
    "-preservecore": (lambda st: 0, _accept_integer, "preserveCore", None),
    "-debug": (lambda st: 0, _accept_integer, "debug", None),
    "-constraints": (lambda st: TclList(), _accept_list, None, _after_constraints),
    "-limitconstraints": (lambda st: 0, _accept_boolean, "limitConstraints",
                          _after_limitconstraints),
    "-load": (lambda st: "", _accept_script, "loadScript", None),
    "-singleproc": (lambda st: 0, _accept_boolean, "singleProcess", None),
    "-tmpdir": (lambda st: st.working_dir, _accept_tmpdir, "temporaryDirectory",
                lambda interp, st: _mirror_tmpdir(interp, st)),
    "-testdir": (lambda st: st.working_dir, _accept_directory, "testsDirectory", None),
    "-loadfile": (lambda st: "", _accept_loadfile, "loadFile", _after_loadfile),
    "-outfile": (lambda st: "stdout", _accept_outfile, "outputFile", _after_outfile),
    "-errfile": (lambda st: "stderr", _accept_outfile, "errorFile", _after_errfile),
}


def default_options(interp, st):
    for name, (default, check, _, _) in OPTIONS.items():
        st.options[name] = check(interp, st, default(st))
    _mirror_tmpdir(interp, st)


def _mirror_tmpdir(interp, st):
    """Tcl's tcltest keeps the directory in a variable some test files read."""
    interp.create_namespace("::tcltest")
    interp.set_var("::tcltest::temporaryDirectory", st.options["-tmpdir"])


def _choices(names):
    names = list(names)
    return ", ".join(names[:-1]) + ", or " + names[-1]


def matching_option(word):
    """The full option name for `word` (exact or unique prefix)."""
    if word in OPTIONS:
        return word
    found = sorted(n for n in OPTIONS if n.startswith(word))
    if len(found) == 1:
        return found[0]
    if not found:
        raise TclError("unknown option %s: should be one of %s" % (word, _choices(sorted(OPTIONS))))
    raise TclError("ambiguous option %s: could match %s" % (word, _choices(found)))


def set_option(interp, name, value):
    st = get_state(interp)
    _, check, _, hook = OPTIONS[name]
    try:
        st.options[name] = check(interp, st, value)
    except TclError as e:
        raise TclError('invalid %s value "%s": %s' % (name, to_str(value), e.message)) from None
    if hook is not None:
        hook(interp, st)


def get_option(interp, name):
    return get_state(interp).options[name]


def cmd_configure(interp, argv):
    args = argv[1:]
    st = get_state(interp)
    if not args:
        return TclList(sorted(OPTIONS))
    if len(args) == 1:
        return st.options[matching_option(to_str(args[0]))]
    while len(args) > 1:
        set_option(interp, matching_option(to_str(args[0])), args[1])
        args = args[2:]
    if args:
        raise TclError("missing value for option %s" % matching_option(to_str(args[0])))
    return ""


def _accessor(option):
    def access(interp, argv):
        if len(argv) > 2:
            raise TclError('wrong # args: should be "%s ?value?"' % to_str(argv[0]),
                           ("TCL", "WRONGARGS"))
        if len(argv) == 2:
            set_option(interp, option, argv[1])
        return get_option(interp, option)
    return access


def accessor_commands():
    """(command name, function) for every option that has an accessor."""
    return [(acc, _accessor(name)) for name, (_, _, acc, _) in OPTIONS.items() if acc]


def configure_from_argv(interp):
    """Apply tcltest options given on the command line (`tclish x.test -verbose bps`),
    as tcltest does on its first use; anything that is not an option is left alone."""
    if not interp.var_exists("::argv"):
        return
    words = [to_str(w) for w in to_list(interp.get_var("::argv"))]
    i = 0
    while i + 1 < len(words):
        if words[i].startswith("-"):
            try:
                set_option(interp, matching_option(words[i]), words[i + 1])
            except TclError as e:
                interp.stderr.write("Error:  %s\n" % e.message)
        i += 2
