"""Loading the package: the ::tcltest namespace, its commands and exports,
and the small commands that need no module of their own."""

import os
import re
import shlex
import shutil
import subprocess
import sys

from ..runtime.errors import TclError
from ..runtime.values import TclList, to_int, to_str
from . import constraints, files, options, report, runner
from .state import NAMESPACE, TestState, get_state

VERSION = "2.5.5"


def _usage(argv, usage):
    text = to_str(argv[0]) + (" " + usage if usage else "")
    return TclError('wrong # args: should be "%s"' % text, ("TCL", "WRONGARGS"))


def _getter_setter(attribute, usage="?value?"):
    """A command that returns a state attribute, or sets it when given a value."""
    def access(interp, argv):
        if len(argv) > 2:
            raise _usage(argv, usage)
        st = get_state(interp)
        if len(argv) == 2:
            setattr(st, attribute, argv[1])
        return getattr(st, attribute)
    return access


# Tcl's tcltest keeps the shell in this variable, and test files read it to
# run a script in a child process (tcllib's: open "|[list $::tcltest::tcltest $f]")
INTERPRETER_VAR = NAMESPACE + "::tcltest"


def cmd_interpreter(interp, argv):
    """`interpreter ?interp?`: the shell that runs test files in child processes."""
    if len(argv) > 2:
        raise _usage(argv, "?interp?")
    if len(argv) == 2:
        interp.set_var(INTERPRETER_VAR, argv[1])
    return interp.get_var(INTERPRETER_VAR)


def _channel_option(option):
    """outputChannel / errorChannel: the channel name, or set it (and the option)."""
    def access(interp, argv):
        if len(argv) > 2:
            raise _usage(argv, "?filename?")
        st = get_state(interp)
        attribute = "output_channel" if option == "-outfile" else "error_channel"
        if len(argv) == 2:
            name = to_str(argv[1])
            if name not in ("stdout", "stderr"):
                name = to_str(interp.invoke(["::open", name, "a"]))
            setattr(st, attribute, name)
        return getattr(st, attribute)
    return access


def cmd_loadTestedCommands(interp, argv):
    script = get_state(interp).options["-load"]
    if not to_str(script):
        return ""
    previous = interp.frame
    interp.push_frame(interp.global_frame)
    try:
        return interp.eval(script)
    finally:
        interp.pop_frame(previous)


def cmd_loadIntoChildInterpreter(interp, argv):
    """loadIntoChildInterpreter child ?option value ...?: tcltest in a child
    interpreter, configured alike, whose cleanupTests adds its counts to
    ours instead of printing them."""
    if len(argv) < 2:
        raise TclError('wrong # args: should be "%s child ?arg ...?"' % to_str(argv[0]),
                       ("TCL", "WRONGARGS"))
    from ..commands.interps import find_interp
    child = find_interp(interp, argv[1])
    child.eval(TclList(["package", "require", "tcltest"]))
    if len(argv) > 2:
        child.eval(TclList(["::tcltest::configure"] + list(argv[2:])))
    get_state(child).report_to = get_state(interp)
    return ""


def cmd_Warn(interp, argv):
    if len(argv) != 2:
        raise _usage(argv, "msg")
    st = get_state(interp)
    report.write_out(interp, st, "WARNING: %s\n" % to_str(argv[1]))
    return ""


def cmd_Skip(interp, argv):
    if len(argv) != 2:
        raise _usage(argv, "reason")
    raise TclError(to_str(argv[1]), "BYPASS-SKIPPED-TEST")


def cmd_PrintError(interp, argv):
    if len(argv) != 2:
        raise _usage(argv, "errorMsg")
    st = get_state(interp)
    report.write_err(interp, st, "Error:  %s\n" % to_str(argv[1]), flush=True)
    return ""


def cmd_DebugPuts(interp, argv):
    if len(argv) != 3:
        raise _usage(argv, "level string")
    if to_int(get_state(interp).options["-debug"]) >= to_int(argv[1]):
        interp.stdout.write(to_str(argv[2]) + "\n")
    return ""


def cmd_DebugDo(interp, argv):
    if len(argv) != 3:
        raise _usage(argv, "level script")
    if to_int(get_state(interp).options["-debug"]) >= to_int(argv[1]):
        return interp.eval(argv[2])
    return ""


def cmd_saveState(interp, argv):
    g = interp.global_ns
    get_state(interp).saved_state = (
        {n for n, f in g.commands.items() if getattr(f, "proc_spec", None) is not None},
        set(g.vars))
    return ""


def cmd_restoreState(interp, argv):
    saved = get_state(interp).saved_state
    if saved is None:
        return ""
    procs, variables = saved
    g = interp.global_ns
    for name, func in list(g.commands.items()):
        if getattr(func, "proc_spec", None) is not None and name not in procs:
            interp.delete_command("::" + name)
    for name in list(g.vars):
        if name not in variables:
            interp.unset_var("::" + name, nocomplain=True)
    return ""


def cmd_getMatchingFiles(interp, argv):
    """Test files in the given folders (default: testsDirectory) that match
    -file and no -notfile pattern, sorted."""
    from ..runtime.glob import glob_match
    st = get_state(interp)
    folders = [to_str(a) for a in argv[1:]] or [st.options["-testdir"]]
    wanted = [to_str(p) for p in st.options["-file"]]
    unwanted = [to_str(p) for p in st.options["-notfile"]]
    found = []
    for folder in folders:
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            if any(glob_match(p, name) for p in wanted) and \
                    not any(glob_match(p, name) for p in unwanted):
                found.append(os.path.join(folder, name))
    return TclList(sorted(found))


_SUMMARY = re.compile(r"^[^\t]*:\tTotal\t(\d+)\tPassed\t(\d+)\tSkipped\t(\d+)\tFailed\t(\d+)",
                      re.MULTILINE)


def cmd_runAllTests(interp, argv):
    """Run each matching test file in its own process and print the totals."""
    st = get_state(interp)
    shell = to_str(argv[1]) if len(argv) > 1 else to_str(interp.get_var(INTERPRETER_VAR))
    files = [to_str(f) for f in cmd_getMatchingFiles(interp, ["getMatchingFiles"])]
    out = lambda text: report.write_out(interp, st, text + "\n", flush=True)
    out("Tests running in interp:  %s" % shell)
    out("Tests located in:  %s" % st.options["-testdir"])
    out("Tests running in:  %s" % os.getcwd())
    out("Temporary files stored in %s" % st.options["-tmpdir"])
    totals = [0, 0, 0, 0]
    failed_files = []
    flags = []
    for option in ("-match", "-skip", "-constraints", "-verbose", "-limitconstraints"):
        flags += [option, to_str(st.options[option])]
    for path in files:
        out(os.path.basename(path))
        proc = subprocess.run(shlex.split(shell) + [path] + flags, capture_output=True,
                              text=True, errors="replace", cwd=os.getcwd())
        found = _SUMMARY.findall(proc.stdout)
        for line in proc.stdout.splitlines():
            if not _SUMMARY.match(line) and line.strip():
                out(line)
        if not found:
            out("Test file error: %s produced no summary" % os.path.basename(path))
            continue
        counts = [int(n) for n in found[-1]]
        totals = [a + b for a, b in zip(totals, counts)]
        if counts[3]:
            failed_files.append(os.path.basename(path))
    out("all.tcl:\tTotal\t%d\tPassed\t%d\tSkipped\t%d\tFailed\t%d" % tuple(totals))
    out("Sourced %d Test Files." % len(files))
    if failed_files:
        out("Files with failing tests: %s" % " ".join(failed_files))
    return ""


def _nothing(interp, argv):
    return ""


# name -> function; the exported ones are listed in EXPORTS
COMMANDS = {
    "test": runner.cmd_test,
    "customMatch": runner.cmd_customMatch,
    "cleanupTests": report.cmd_cleanupTests,
    "configure": options.cmd_configure,
    "testConstraint": constraints.cmd_testConstraint,
    "ConstraintInitializer": constraints.cmd_ConstraintInitializer,
    "makeFile": files.cmd_makeFile,
    "removeFile": files.cmd_removeFile,
    "makeDirectory": files.cmd_makeDirectory,
    "removeDirectory": files.cmd_removeDirectory,
    "viewFile": files.cmd_viewFile,
    "workingDirectory": files.cmd_workingDirectory,
    "normalizeMsg": files.cmd_normalizeMsg,
    "normalizePath": files.cmd_normalizePath,
    "bytestring": files.cmd_bytestring,
    "loadTestedCommands": cmd_loadTestedCommands,
    "loadIntoChildInterpreter": cmd_loadIntoChildInterpreter,
    "interpreter": cmd_interpreter,
    "mainThread": _getter_setter("main_thread", "?new?"),
    "outputChannel": _channel_option("-outfile"),
    "errorChannel": _channel_option("-errfile"),
    "Warn": cmd_Warn,
    "Skip": cmd_Skip,
    "PrintError": cmd_PrintError,
    "DebugPuts": cmd_DebugPuts,
    "DebugDo": cmd_DebugDo,
    "saveState": cmd_saveState,
    "restoreState": cmd_restoreState,
    "threadReap": lambda interp, argv: 1,
    "SetIso8859_1_Locale": _nothing,
    "RestoreLocale": _nothing,
    "set_iso8859_1_locale": _nothing,
    "restore_locale": _nothing,
    "getMatchingFiles": cmd_getMatchingFiles,
    "runAllTests": cmd_runAllTests,
}

EXPORTS = (
    "cleanupTests", "loadTestedCommands", "makeDirectory", "makeFile", "removeDirectory",
    "removeFile", "runAllTests", "test", "configure", "customMatch", "errorChannel",
    "interpreter", "outputChannel", "testConstraint", "bytestring", "debug", "errorFile",
    "limitConstraints", "loadFile", "loadScript", "match", "matchFiles", "matchDirectories",
    "normalizeMsg", "normalizePath", "outputFile", "preserveCore", "singleProcess", "skip",
    "skipFiles", "skipDirectories", "temporaryDirectory", "testsDirectory", "verbose",
    "viewFile", "workingDirectory", "getMatchingFiles", "mainThread", "restoreState",
    "saveState", "threadReap",
)


def default_interpreter(interp):
    """A program that runs Tcl scripts with tclish: the `tclish` console
    script when installed, else `python -m tclish`."""
    beside = os.path.join(os.path.dirname(sys.executable), "tclish")
    if os.access(beside, os.X_OK):
        return beside
    found = shutil.which("tclish")
    if found:
        return found
    return "%s -m tclish" % sys.executable


def load(interp):
    """`package require tcltest`: build ::tcltest in `interp`."""
    st = TestState(os.getcwd())
    interp.extensions["tcltest"] = st
    options.default_options(interp, st)
    for name, func in COMMANDS.items():
        interp.register(NAMESPACE + "::" + name, func)
    for name, func in options.accessor_commands():
        interp.register(NAMESPACE + "::" + name, func)
    ns = interp.namespaces[NAMESPACE]
    ns.exports = [name for name in EXPORTS if name in ns.commands]
    interp.set_var(INTERPRETER_VAR, default_interpreter(interp))
    constraints.install_constraints(interp)
    interp.set_var(NAMESPACE + "::version", VERSION)
    options.configure_from_argv(interp)
    return VERSION


def install(interp):
    """Make `package require tcltest` load this package in `interp`."""
    interp.extensions.setdefault("package-loaders", {})["tcltest"] = load


__all__ = ["load", "install", "VERSION"]
