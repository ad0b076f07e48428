"""The `help` command: families, signatures and parameter help.

Everything shown is read from what the interpreter has registered: a
built-in's usage from its registry entry (`tcl_info`), a torch command's
signature and parameter table from its declaration (through
torchbridge/messages.py, which renders them for error messages too), a
proc's from its argument spec.  The only text kept here is the table of
one-line synopses of Tcl's own commands, which no registry entry carries.

    help                    the command families and their commands
    help FAMILY             a family's commands, one synopsis each
    help COMMAND            signature and synopsis (torch: every parameter)
    help COMMAND SUBCOMMAND an ensemble subcommand's signature
"""

import textwrap

from .runtime.errors import TclError
from .runtime.registry import command
from .runtime.values import to_str

# One line per Tcl 8.6 command, after the NAME section of its manual page.
SYNOPSES = {
    # the script library (tclish/library) and its helpers
    "::tcl::clock::ClearCaches": "Forget the time zones and locales clock has read",
    "::tcl::LoadBuiltin": "Load a package tclish implements in Python",
    "pkg::create": "Construct an appropriate 'package ifneeded' command",
    "pkg_mkIndex": "Build an index for automatic loading of packages",
    "tcl::tm::UnknownHandler": "Find Tcl modules for package require",
    "tcl::tm::add": "Add folders to the Tcl module path",
    "tcl::tm::list": "List the Tcl module path",
    "tcl::tm::path": "Manage the Tcl module path",
    "tcl::tm::remove": "Remove folders from the Tcl module path",
    "tcl::tm::roots": "Add the module folders below some roots",
    "::zlib::pkgconfig": "Ask how zlib was built",
    "::tcl::AutoloadUnknown": "Try to autoload a command for unknown",
    "::tcl::UnknownTrace": "Tidy the errorInfo of a command unknown ran",
    "tcl::Pkg::CompareExtension": "Whether a file has a shared library extension",
    "auto_qualify": "Compute the names a command may be autoloaded under",
    "auto_load": "Load a command from the autoload index",
    "auto_load_index": "Read the autoload index files on auto_path",
    "auto_import": "Autoload the commands an import pattern names",
    "auto_reset": "Forget the autoload index and what it loaded",
    "auto_mkindex": "Write a tclIndex for autoloading",
    "auto_mkindex_old": "Write a tclIndex for autoloading",
    "tclLog": "Write a message of the library to stderr",
    "tclPkgSetup": "Set up lazy loading of a package's commands",
    "tcl_endOfWord": "Index of the first end of a word after an index",
    "tcl_startOfNextWord": "Index of the first start of a word after an index",
    "tcl_startOfPreviousWord": "Index of the last start of a word before an index",
    "tcl_wordBreakAfter": "Index of the first word boundary after an index",
    "tcl_wordBreakBefore": "Index of the last word boundary at or before an index",
    "tclPkgUnknown": "Find packages through pkgIndex.tcl files on auto_path",
    "after": "Execute a command after a time delay",
    "::tcl::Bgerror": "The default background error handler",
    "::tcl::unsupported::timerate": "Calibrated performance measurement of a script",
    "::oo::class": "Class of all classes",
    "::oo::object": "Root class of the class hierarchy",
    "::oo::define": "Define and configure classes",
    "::oo::objdefine": "Define and configure objects",
    "::oo::copy": "Create copies of objects and classes",
    "::oo::Helpers::self": "Method call internal introspection",
    "::oo::Helpers::next": "Invoke superclass method implementations",
    "::oo::Helpers::nextto": "Invoke a superclass method implementation of a given class",
    "::tcl::unsupported::corotype": "Report how a coroutine is suspended (yield or yieldto)",
    "::tcl::unsupported::inject": "Run a command in a suspended coroutine when it next resumes",
    "append": "Append to variable",
    "auto_execok": "Find the program a command name runs (its full path)",
    "apply": "Apply an anonymous function",
    "array": "Manipulate array variables",
    "binary": "Insert and extract fields from binary strings",
    "break": "Abort looping command",
    "catch": "Evaluate script and trap exceptional returns",
    "cd": "Change working directory",
    "chan": "Read, write and manipulate channels",
    "clock": "Obtain and manipulate dates and times",
    "close": "Close an open channel",
    "concat": "Join lists together",
    "continue": "Skip to the next iteration of a loop",
    "coroutine": "Create and produce values from coroutines",
    "dict": "Manipulate dictionaries",
    "encoding": "Manipulate encodings",
    "eof": "Check for end of file condition on channel",
    "error": "Generate an error",
    "eval": "Evaluate a Tcl script",
    "exec": "Invoke subprocesses",
    "exit": "End the application",
    "expr": "Evaluate an expression",
    "fblocked": "Test whether the last input operation exhausted all available input",
    "fconfigure": "Set and get options on a channel",
    "fcopy": "Copy data from one channel to another",
    "file": "Manipulate file names and attributes",
    "fileevent": "Execute a script when a channel becomes readable or writable",
    "flush": "Flush buffered output for a channel",
    "for": "'For' loop",
    "foreach": "Iterate over all elements in one or more lists",
    "format": "Format a string in the style of sprintf",
    "gets": "Read a line from a channel",
    "glob": "Return names of files that match patterns",
    "global": "Access global variables",
    "help": "Describe commands and command families",
    "history": "Manipulate the history list",
    "if": "Execute scripts conditionally",
    "incr": "Increment the value of a variable",
    "info": "Return information about the state of the Tcl interpreter",
    "interp": "Create and manipulate Tcl interpreters",
    "safe::interpCreate": "Create a Safe Base interpreter with an access path",
    "safe::interpInit": "Make an existing safe interpreter a Safe Base one",
    "safe::interpConfigure": "Read or change a Safe Base interpreter's options",
    "safe::interpDelete": "Delete a Safe Base interpreter, running its delete hook",
    "safe::interpAddToAccessPath": "Add a directory to a safe interpreter's access path",
    "safe::interpFindInAccessPath": "The token of a directory in the access path",
    "safe::setLogCmd": "Read or set the Safe Base's logging command",
    "join": "Create a string by joining together list elements",
    "lappend": "Append list elements onto a variable",
    "lassign": "Assign list elements to variables",
    "lindex": "Retrieve an element from a list",
    "linsert": "Insert elements into a list",
    "list": "Create a list",
    "llength": "Count the number of elements in a list",
    "lmap": "Iterate over all elements in one or more lists and collect results",
    "load": "Load machine code and initialize new commands",
    "lrange": "Return one or more adjacent elements from a list",
    "lrepeat": "Build a list by repeating elements",
    "lreplace": "Replace elements in a list with new elements",
    "lreverse": "Reverse the order of a list",
    "lsearch": "See if a list contains a particular element",
    "lset": "Change an element in a list",
    "lsort": "Sort the elements of a list",
    "namespace": "Create and manipulate contexts for commands and variables",
    "open": "Open a file-based or command pipeline channel",
    "package": "Facilities for package loading and version control",
    "parray": "Print all of an array's elements",
    "pid": "Retrieve process identifiers",
    "proc": "Create a Tcl procedure",
    "puts": "Write to a channel",
    "pwd": "Return the absolute path of the current working directory",
    "read": "Read from a channel",
    "regexp": "Match a regular expression against a string",
    "regsub": "Perform substitutions based on regular expression pattern matching",
    "rename": "Rename or delete a command",
    "return": "Return from a procedure, or set return code of a script",
    "scan": "Parse string using conversion specifiers in the style of sscanf",
    "seek": "Change the access position for an open channel",
    "set": "Read and write variables",
    "socket": "Open a TCP network connection",
    "source": "Evaluate a file or resource as a Tcl script",
    "split": "Split a string into a proper Tcl list",
    "string": "Manipulate strings",
    "subst": "Perform backslash, command, and variable substitutions",
    "switch": "Evaluate one of several scripts, depending on a given value",
    "tailcall": "Replace the current procedure with another command",
    "tcl::prefix": "Facilities for prefix matching",
    "tell": "Return current access position for an open channel",
    "throw": "Generate a machine-readable error",
    "time": "Time the execution of a script",
    "trace": "Monitor variable accesses, command usages and command executions",
    "try": "Trap and process errors and exceptions",
    "unknown": "Handle attempts to use non-existent commands",
    "plot": "Draw a line chart of numbers or a tensor (inline in Jupyter, else a PNG file)",
    "show": "Draw a tensor as an image (inline in Jupyter, else a PNG file)",
    "unload": "Unload machine code",
    "unset": "Delete variables",
    "update": "Process pending events and idle callbacks",
    "uplevel": "Execute a script in a different stack frame",
    "upvar": "Create link to variable in a different stack frame",
    "variable": "Create and initialize a namespace variable",
    "vwait": "Process events until a variable is written",
    "while": "Execute script repeatedly as long as a condition is met",
    "yield": "Produce a value from a coroutine",
    "yieldto": "Produce a value from a coroutine by calling another command",
    "zlib": "Compression and transformation commands",
}

_WIDTH = 78
_TORCH_PREFIX = "torch::"


# --- what a registered command is -------------------------------------------

def _unwrapped(func):
    return getattr(func, "__wrapped__", func)


def torch_spec(func):
    """The declaration behind a torch command, or None."""
    return getattr(func, "spec", None)


def proc_usage(func, name):
    """`name arg ?opt? ?arg ...?` for a proc, or None if `func` is no proc."""
    spec = getattr(func, "proc_spec", None)
    if spec is None:
        return None
    text = spec.usage_text(name)        # 'wrong # args: should be "..."'
    return text[text.index('"') + 1:-1]


def resolve(interp, name):
    """(name as found, command function) for `name`, or (name, None).
    A bare torch command name (`roi_align`) is looked up in torch:: too."""
    func = interp.resolve_command(name)
    if func is None and "::" not in name:
        func = interp.resolve_command(_TORCH_PREFIX + name)
        if func is not None:
            return _TORCH_PREFIX + name, func
    return name, func


def signature(func, name, subcommand=None):
    """A one-line usage for the command `name` (or one of its subcommands):
    the text its `wrong # args` error shows; None when nothing is known."""
    spec = torch_spec(func)
    if spec is not None:
        from .torchbridge.messages import usage
        return usage(spec)[len("Usage: "):]
    text = proc_usage(func, name)
    if text is not None:
        return text
    table = getattr(func, "subcommands", None)
    if subcommand is not None and table is not None:
        entry = _subcommand_entry(table, subcommand)
        if entry is not None:
            _, _, _, usage, full = entry
            return " ".join(part for part in (name, full, usage) if part)
    info = getattr(func, "tcl_info", None)
    if info is not None:
        return (name + " " + info.usage).rstrip()
    # a command registered without the decorator may start its docstring
    # with its usage line, as torchbridge's `load` does
    doc = (getattr(func, "__doc__", None) or "").strip().split("\n", 1)[0]
    tail = name.rsplit("::", 1)[-1]
    return doc if doc == tail or doc.startswith(tail + " ") else None


def _subcommand_entry(table, word):
    entry = table.get(word)
    if entry is None:
        matches = [k for k in table if k.startswith(word)]
        if len(matches) == 1:
            entry = table[matches[0]]
    return entry


def synopsis(func, name):
    """The one-line description of a command, or ""."""
    spec = torch_spec(func)
    if spec is not None:
        return spec.help
    if getattr(func, "proc_spec", None) is not None:
        return "procedure"
    own = getattr(func, "synopsis", None)
    if own:
        return own  # commands made at run time (TclOO objects) describe themselves
    info = getattr(func, "tcl_info", None)
    key = info.name if info is not None else name.lstrip(":")
    found = SYNOPSES.get(key)
    if found is not None:
        return found
    # the commands behind expr's operators and functions
    for prefix, kind in (("tcl::mathop::", "operator"), ("tcl::mathfunc::", "function")):
        if key.startswith(prefix):
            return "The expr %s %s as a command" % (kind, key[len(prefix):])
    return ""


# --- families ----------------------------------------------------------------

def family_of(func):
    """The family a command belongs to: the module that defines it
    ("control", "lists"), "torch.<decl module>" for torch commands, "user" for procs."""
    spec = torch_spec(func)
    if spec is not None:
        return "torch." + _torch_family(spec)
    if getattr(func, "proc_spec", None) is not None:
        # procs tclish itself defines (unknown) name their family
        return getattr(func, "library_family", "user")
    func = _unwrapped(func)
    table = getattr(func, "subcommands", None)
    if table:
        # an ensemble's dispatcher is made in the registry; its family is
        # where its subcommand functions live
        func = next(iter(table.values()))[0]
    module = getattr(func, "__module__", "") or ""
    if module.startswith("tclish.torchbridge"):
        return "torch"
    if module.startswith("tclish."):
        return module.rsplit(".", 1)[1].removesuffix("_core")
    return "other"


def _ensemble_over(interp, ns):
    """The subcommand table of the global ensemble named like `ns` (dict for
    ::tcl::dict), or an empty one."""
    if ns is interp.global_ns:
        return {}
    func = interp.global_ns.commands.get(ns.name.rsplit("::", 1)[-1])
    return getattr(func, "subcommands", None) or {}


def _torch_family(spec):
    from .torchbridge.decls import FAMILIES
    for module in FAMILIES:
        if spec in module.SPECS:
            return module.__name__.rsplit(".", 1)[1]
    return "other"


def families(interp):
    """family -> sorted command names, over every namespace.  A torch
    command appears once, under its snake_case name; the commands behind
    an ensemble's subcommands (::tcl::dict::get) are left to the ensemble."""
    from .commands import LAZY_FAMILIES
    from .runtime.registry import load_lazy_family
    for module_name in LAZY_FAMILIES:  # the real commands, for their tables
        load_lazy_family(interp, module_name)
    out = {}
    for ns in list(interp.namespaces.values()):
        ensemble = _ensemble_over(interp, ns)
        for tail, func in ns.commands.items():
            name = tail if ns is interp.global_ns else ns.qualify(tail)[2:]
            spec = torch_spec(func)
            if spec is not None and name != spec.qualified or tail in ensemble:
                continue
            out.setdefault(family_of(func), []).append(name)
    for names in out.values():
        names.sort()
    return out


def _family_order(name):
    return (name == "user", name.startswith("torch"), name)


# --- the texts -----------------------------------------------------------------

def overview(interp):
    fams = families(interp)
    width = max(len(f) for f in fams) + 2
    lines = ["Commands by family.  help FAMILY lists one family, help COMMAND shows a command.", ""]
    for fam in sorted(fams, key=_family_order):
        lines.append(textwrap.fill(" ".join(fams[fam]), _WIDTH,
                                   initial_indent=fam.ljust(width),
                                   subsequent_indent=" " * width,
                                   break_long_words=False, break_on_hyphens=False))
    if any(f.startswith("torch.") for f in fams):
        lines += ["", "torch:: commands also answer to camelCase names (torch::roiAlign)."]
    return "\n".join(lines)


def family_text(interp, names, indent=""):
    width = max(len(n) for n in names) + 2
    lines = []
    for name in names:
        func = interp.resolve_command(name)
        lines.append((indent + name.ljust(width) + synopsis(func, name)).rstrip())
    return "\n".join(lines)


def command_text(interp, name, func, subcommand=None):
    spec = torch_spec(func)
    if spec is not None and subcommand is None:
        from .torchbridge.messages import help_text
        return help_text(spec)
    usage = signature(func, name, subcommand)
    lines = [usage or name]
    if subcommand is None:
        about = synopsis(func, name)
        if about:
            lines.append("  " + about)
        table = getattr(func, "subcommands", None)
        if table:
            lines.append("  subcommands:")
            for sub in sorted(table):
                lines.append("    " + signature(func, name, sub))
    return "\n".join(lines)


@command("help", 0, 2, "?command|family|word? ?subcommand?")
def cmd_help(interp, argv):
    """Print the help text: to stdout in a script, through a pager in the REPL
    when it is longer than the terminal."""
    text = answer(interp, argv)
    if not _page(interp, text):
        interp.invoke(["puts", text])
    return ""


def _page(interp, text):
    """Show long text through the pager when a person reads it at a terminal."""
    import shutil
    import sys
    try:
        interactive = to_str(interp.get_var("::tcl_interactive")) == "1"
    except TclError:
        interactive = False
    if not (interactive and sys.stdout.isatty()):
        return False
    if text.count("\n") + 2 < shutil.get_terminal_size().lines:
        return False
    import pydoc
    pydoc.pager(text)
    return True


def search(interp, word):
    """Commands whose name or description mentions `word` (case-insensitive):
    (name, synopsis) pairs, sorted."""
    needle = word.lower()
    found = []
    for names in families(interp).values():
        for name in names:
            func = interp.resolve_command(name)
            about = synopsis(func, name)
            spec = torch_spec(func)
            if spec is not None:
                about = spec.help or about
            if needle in name.lower() or needle in about.lower():
                found.append((name, about))
    return sorted(found)


def answer(interp, argv):
    """The text `help ...` prints."""
    if len(argv) == 1:
        return overview(interp)
    word = to_str(argv[1])
    sub = to_str(argv[2]) if len(argv) > 2 else None
    name, func = resolve(interp, word)
    if func is not None:
        if sub is not None and _subcommand_entry(getattr(func, "subcommands", None) or {}, sub) is None:
            raise TclError('no subcommand "%s" of "%s"' % (sub, name), ("TCL", "LOOKUP", "SUBCOMMAND", sub))
        return command_text(interp, name, func, sub)
    fams = families(interp)
    if sub is None:
        group = sorted(f for f in fams if f == word or f.startswith(word + "."))
        if group == [word]:
            return family_text(interp, fams[word])
        if group:
            return "\n\n".join(f + ":\n" + family_text(interp, fams[f], indent="  ")
                               for f in group)
        found = search(interp, word)
        if found:
            width = max(len(n) for n, _ in found) + 2
            return "\n".join(["Commands that mention \"%s\":" % word]
                             + [("  " + n.ljust(width) + about).rstrip() for n, about in found])
    raise TclError('no command, family or description mentions "%s": help lists them' % word,
                   ("TCL", "LOOKUP", "COMMAND", word))
