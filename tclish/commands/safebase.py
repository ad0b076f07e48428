"""What makes an interpreter safe: the commands hidden in it.

As Tcl's `interp create -safe`, the commands that reach the file system,
the process or the host are hidden, not deleted, so the parent can still
run them for the child (`interp invokehidden`, or an alias to a checking
procedure, as the `safe` package does).  `file` is hidden whole, and its
unsafe subcommands are kept as hidden `tcl:file:NAME` commands, as in
Tcl 8.6, which lists them under those names.

torch:: commands that read or write files or pick devices are not
installed in a safe interpreter at all, so that `interp hidden` lists what
Tcl's does; a parent can alias them in on purpose.
"""

import re

from ..runtime.values import to_str

# Tcl 8.6.13's list (interp.test's `hidden_cmds`), in the order Tcl hides them
UNSAFE_COMMANDS = ("cd", "encoding", "exec", "exit", "fconfigure", "file", "glob", "load",
                   "open", "pwd", "socket", "source", "unload")
UNSAFE_FILE_SUBCOMMANDS = (
    "atime", "attributes", "copy", "delete", "dirname", "executable", "exists", "extension",
    "isdirectory", "isfile", "link", "lstat", "mkdir", "mtime", "nativename", "normalize",
    "owned", "readable", "readlink", "rename", "rootname", "size", "stat", "tail", "tempfile",
    "type", "volumes", "writable")
UNSAFE_ENCODING_SUBCOMMANDS = ("dirs",)

# torch:: commands that touch files, devices or process-wide state
_UNSAFE_TORCH = re.compile(r"save|load|checkpoint|file|path|dir|cuda|device_set|set_device"
                           r"|setDevice|num_threads|NumThreads|set_default|setDefault", re.I)

# the tcl_platform entries a safe interpreter keeps (Tcl_MakeSafe drops
# those that describe the host)
_PLATFORM_KEPT = ("byteOrder", "engine", "platform", "pathSeparator", "pointerSize",
                  "threaded", "wordSize")


def make_safe(interp):
    from .interps import hide_command, hidden_table
    # no standard channels, as Tcl_MakeSafe: the parent may share them in
    interp.extensions["std-channels"] = True
    for name in ("stdin", "stdout", "stderr"):
        interp.channels.pop(name, None)
    for name in UNSAFE_COMMANDS:
        func = interp.global_ns.commands.get(name)
        if func is None:
            continue
        hide_command(interp, name, name)
        func = hidden_table(interp)[name]
        if name == "file":
            _make_safe_file(interp, func)
        elif name == "encoding":
            for sub in UNSAFE_ENCODING_SUBCOMMANDS:
                hidden_table(interp)["tcl:encoding:" + sub] = _subcommand(func, "encoding", sub)
    torch_ns = interp.global_ns.children.get("torch")
    if torch_ns is not None:
        for tail in list(torch_ns.commands):
            if _UNSAFE_TORCH.search(tail):
                interp.discard_command(torch_ns, tail)
    platform = interp.lookup_var("::tcl_platform")
    if platform is not None and platform.arr is not None:
        platform.arr = {k: v for k, v in platform.arr.items() if k in _PLATFORM_KEPT}
        platform.arr.setdefault("pathSeparator", ":")
    # Tcl_MakeSafe leaves the child nothing that names the host: no env,
    # no library folder, no auto_path (the Safe Base gives it tokens)
    for name in _GLOBALS_DROPPED:
        var = interp.lookup_var("::" + name)
        if var is not None:
            interp.unset_var("::" + name)
    interp.set_var("::tcl_interactive", 0)
    interp.epoch += 1
    interp.core_epoch += 1


_GLOBALS_DROPPED = ("env", "auto_path", "tcl_library", "errorInfo", "errorCode")


def _make_safe_file(interp, func):
    """`file` in a safe interpreter, as in Tcl 8.6: the ensemble (hidden
    here, exposed by the Safe Base) runs each subcommand as the command
    ::tcl::file::NAME, and the unsafe ones there only refuse; the real ones
    stay reachable by the parent as the hidden commands tcl:file:NAME.  So
    the Safe Base can replace ::tcl::file::NAME with a checking alias."""
    from .files import FILE_SUBCOMMANDS
    from .interps import hidden_table
    hidden = hidden_table(interp)
    for sub in FILE_SUBCOMMANDS:
        if sub in UNSAFE_FILE_SUBCOMMANDS:
            hidden["tcl:file:" + sub] = _subcommand(func, "file", sub)
            interp.register("::tcl::file::" + sub, _refusal("file", sub))
        else:
            interp.register("::tcl::file::" + sub, _subcommand(func, "file", sub))
    hidden["file"] = _namespace_ensemble(func, "file", FILE_SUBCOMMANDS)


def _refusal(ensemble, sub):
    def refuse(interp, argv):
        from ..runtime.errors import TclError
        raise TclError("not allowed to invoke subcommand %s of %s" % (sub, ensemble),
                       ("TCL", "SAFE", "SUBCOMMAND"))
    return refuse


def _namespace_ensemble(func, ensemble, subcommands):
    """An ensemble whose subcommands are looked up as ::tcl::ENSEMBLE::NAME
    when called (func only checks the arguments and reports bad ones)."""
    def safe_ensemble(interp, argv):
        if len(argv) < 2:
            return func(interp, argv)
        word = to_str(argv[1])
        full = word if word in subcommands else None
        if full is None:
            matches = [k for k in subcommands if k.startswith(word)] if word else []
            if len(matches) != 1:
                return func(interp, argv)  # its error names the choices
            full = matches[0]
        name = "::tcl::%s::%s" % (ensemble, full)
        target = interp.resolve_command(name)
        if target is None:
            from ..runtime.errors import TclError
            raise TclError('invalid command name "%s"' % name, ("TCL", "LOOKUP", "COMMAND", name))
        return target(interp, [name] + list(argv[2:]))
    return safe_ensemble


def _subcommand(func, ensemble, sub):
    def hidden_subcommand(interp, argv):
        return func(interp, [ensemble, sub] + list(argv[1:]))
    hidden_subcommand.__name__ = "hidden_%s_%s" % (ensemble, sub)
    return hidden_subcommand


__all__ = ["make_safe", "UNSAFE_COMMANDS"]
