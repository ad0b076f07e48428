"""Loading the package: the ::tcltest namespace, its commands and exports,
and the small commands that need no module of their own."""

import os

from ..runtime.errors import TclError
from ..runtime.values import to_int, to_str
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
    "interpreter": _getter_setter("interpreter", "?interp?"),
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
    try:
        st.interpreter = to_str(interp.invoke(["::info", "nameofexecutable"]))
    except TclError:
        st.interpreter = ""
    constraints.install_constraints(interp)
    interp.set_var(NAMESPACE + "::version", VERSION)
    options.configure_from_argv(interp)
    return VERSION


def install(interp):
    """Make `package require tcltest` load this package in `interp`."""
    interp.extensions.setdefault("package-loaders", {})["tcltest"] = load


__all__ = ["load", "install", "VERSION"]
