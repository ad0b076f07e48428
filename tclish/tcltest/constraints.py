"""Test constraints: testConstraint, ConstraintInitializer, and the rule that
decides whether a test is skipped.

Values live in the Tcl array ::tcltest::testConstraints.  A constraint that
was never set is computed on first read, from its initializer script if it
has one, else it is false; a read trace on the array does this for Tcl code
that reads the array directly, `fetch_constraint` for Python callers.
"""

import os
import re

from ..runtime.errors import TclError
from ..runtime.glob import glob_match
from ..runtime.values import TclList, to_bool, to_list, to_str
from .state import CONSTRAINTS_ARRAY, NAMESPACE, get_state

# A constraints text with one of these characters is an expression over
# constraint names ("unix && !knownBug"), not a plain list of names.
_EXPRESSION_CHARS = re.compile(r"[^.:_a-zA-Z0-9 \n\r\t]")
_NAME = re.compile(r"[.\w]+")


def builtin_constraints(interp):
    """The constraints tcltest defines itself, valued for this platform."""
    def platform(key):
        try:
            return to_str(interp.get_var("::tcl_platform(%s)" % key))
        except TclError:
            return ""
    unix = platform("platform") == "unix" or (platform("platform") == "" and os.name == "posix")
    win = platform("platform") == "windows"
    root = unix and platform("user") in ("root", "")
    try:
        interactive = to_bool(interp.get_var("::tcl_interactive"))
    except TclError:
        interactive = False
    values = {
        "singleTestInterp": get_state(interp).options["-singleproc"],
        "unixOnly": unix, "macOnly": False, "pcOnly": win, "winOnly": win,
        "unix": unix, "mac": False, "pc": win, "win": win,
        "unixOrPc": unix or win, "macOrPc": win, "unixOrWin": unix or win,
        "macOrWin": win, "macOrUnix": unix,
        "nt": platform("os") == "Windows NT", "95": False, "98": False,
        "tempNotPc": not win, "tempNotWin": not win, "tempNotMac": True, "tempNotUnix": not unix,
        "pcCrash": not win, "winCrash": not win, "macCrash": True, "unixCrash": not unix,
        "emptyTest": False, "knownBug": False, "nonPortable": False, "userInteraction": False,
        "interactive": interactive,
        "root": root, "notRoot": not root,
        # tcltest probes these by opening files and pipes; tclish's answers are fixed
        "nonBlockFiles": True, "asyncPipeClose": True, "eformat": True,
        "unixExecs": unix, "stdio": True, "socket": True, "hasIsoLocale": False,
    }
    return {name: 1 if flag else 0 for name, flag in values.items()}


def _array_var(interp):
    var = interp.lookup_var(CONSTRAINTS_ARRAY, create=True)
    if var.arr is None and var.value is None:
        var.arr = {}
    return var


def install_constraints(interp):
    var = _array_var(interp)
    for name, value in builtin_constraints(interp).items():
        var.arr[name] = value
    trace = ({"read"}, _fetch_on_read)
    if var.traces is None:
        var.traces = [trace]
    else:
        var.traces.append(trace)


def _fetch_on_read(interp, base, index, op):
    if index is not None:
        var = interp.lookup_var(CONSTRAINTS_ARRAY)
        if var is not None and var.arr is not None and index not in var.arr:
            fetch_constraint(interp, index)


def constraint_names(interp):
    var = _array_var(interp)
    return list(var.arr or ())


def fetch_constraint(interp, name):
    """The value of constraint `name`, computing it on first use."""
    var = _array_var(interp)
    try:
        return var.arr[name]
    except (KeyError, TypeError):
        pass
    script = get_state(interp).initializers.get(name)
    value = 0
    if script is not None:
        try:
            value = interp.invoke(["::apply", TclList(["", script, NAMESPACE])])
            return set_constraint(interp, name, value)
        except TclError:
            value = 0
    return set_constraint(interp, name, value)


def set_constraint(interp, name, value):
    """testConstraint's setter: the value must be a boolean, and with
    -limitconstraints only the selected constraints may be true."""
    if type(value) is not int:
        to_bool(value)
    st = get_state(interp)
    if st.options["-limitconstraints"] and name not in {to_str(c) for c in st.options["-constraints"]}:
        value = 0
    var = _array_var(interp)
    interp.write_var(var, "testConstraints", name, value)
    return value


def cmd_testConstraint(interp, argv):
    if len(argv) not in (2, 3):
        raise TclError('wrong # args: should be "%s constraint ?value?"' % to_str(argv[0]),
                       ("TCL", "WRONGARGS"))
    name = to_str(argv[1])
    if len(argv) == 2:
        return fetch_constraint(interp, name)
    return set_constraint(interp, name, argv[2])


def cmd_ConstraintInitializer(interp, argv):
    if len(argv) not in (2, 3):
        raise TclError('wrong # args: should be "%s constraint ?script?"' % to_str(argv[0]),
                       ("TCL", "WRONGARGS"))
    name = to_str(argv[1])
    st = get_state(interp)
    if len(argv) == 2:
        try:
            return st.initializers[name]
        except KeyError:
            raise TclError('can\'t read "ConstraintInitializer(%s)": no such element in array'
                           % name, ("TCL", "READ", "VARNAME")) from None
    from ..parse.complete import is_complete
    if not is_complete(to_str(argv[2])):
        raise TclError("ConstraintInitializer must be complete script")
    st.initializers[name] = argv[2]
    return argv[2]


# ---- skipping ---------------------------------------------------------------------

def skip_reason(interp, name, constraints):
    """Why test `name` is skipped (the text tallied in cleanupTests), or None
    when it runs.  Counts the test in Total and, if skipped, in Skipped."""
    st = get_state(interp)
    top = st.level == 1
    if top:
        st.counts["Total"] += 1
    reason = _reason(interp, st, name, constraints)
    if reason is not None and top:
        st.counts["Skipped"] += 1
        if reason is not _NOT_TALLIED:
            st.skipped_because[reason] = st.skipped_because.get(reason, 0) + 1
    return reason


_NOT_TALLIED = "userSpecified"


def _reason(interp, st, name, constraints):
    for pattern in st.options["-skip"]:
        if glob_match(to_str(pattern), name):
            return _NOT_TALLIED
    if not any(glob_match(to_str(p), name) for p in st.options["-match"]):
        return _NOT_TALLIED
    text = to_str(constraints).strip()
    if not text:
        if st.options["-limitconstraints"]:
            return "userSpecifiedLimitConstraint"
        return None
    if "$" in text or "[" in text:
        return None if _expression_holds(interp, text, global_level=True) else text
    if _EXPRESSION_CHARS.search(text):
        for word in _NAME.findall(text):
            fetch_constraint(interp, word)
        expression = _NAME.sub(lambda m: "$%s(%s)" % (CONSTRAINTS_ARRAY, m.group(0)), text)
        return None if _expression_holds(interp, expression) else text
    try:
        names = to_list(text)
    except TclError:
        return text
    for word in names:
        word = to_str(word)
        if not to_bool(fetch_constraint(interp, word)):
            return word
    return None


def _expression_holds(interp, expression, global_level=False):
    previous = interp.frame
    if global_level:
        interp.push_frame(interp.global_frame)
    try:
        return to_bool(interp.expr(expression))
    except TclError:
        return False
    finally:
        if global_level:
            interp.pop_frame(previous)
