"""What makes an interpreter safe: the commands hidden in it.

As Tcl's `interp create -safe`, the commands that reach the file system,
the process or the host are hidden, not deleted, so the parent can still
run them for the child (`interp invokehidden`, or an alias to a checking
procedure, as the `safe` package does).  `file` is hidden whole, and its
unsafe subcommands are also kept as hidden `tcl:file:NAME` commands, as in
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
    for name in UNSAFE_COMMANDS:
        func = interp.global_ns.commands.get(name)
        if func is None:
            continue
        hide_command(interp, name, name)
        func = hidden_table(interp)[name]
        if name == "file":
            for sub in UNSAFE_FILE_SUBCOMMANDS:
                hidden_table(interp)["tcl:file:" + sub] = _subcommand(func, "file", sub)
            hidden_table(interp)["file"] = _safe_ensemble(func, "file", UNSAFE_FILE_SUBCOMMANDS)
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
    interp.epoch += 1
    interp.core_epoch += 1


def _safe_ensemble(func, ensemble, unsafe):
    """The ensemble as a safe interpreter holds it: its unsafe subcommands
    are hidden apart from it, so even the hidden ensemble cannot run them."""
    def safe_ensemble(interp, argv):
        if len(argv) > 1:
            sub = to_str(argv[1])
            if sub in unsafe:
                from ..runtime.errors import TclError
                raise TclError("not allowed to invoke subcommand %s of %s" % (sub, ensemble),
                               ("TCL", "SAFE", "SUBCOMMAND"))
        return func(interp, argv)
    return safe_ensemble


def _subcommand(func, ensemble, sub):
    def hidden_subcommand(interp, argv):
        return func(interp, [ensemble, sub] + list(argv[1:]))
    hidden_subcommand.__name__ = "hidden_%s_%s" % (ensemble, sub)
    return hidden_subcommand


__all__ = ["make_safe", "UNSAFE_COMMANDS"]
