"""The `safe` package (Tcl's Safe Base): `::safe::interpCreate` and friends.

A Safe Base interpreter is a safe interpreter (see safebase.py) given back,
as aliases to checking procedures in its parent, the parts of the hidden
commands that untrusted code may use: `source` of files inside its access
path, the harmless `file` subcommands, `exit` (which deletes it), `glob`
inside the access path.  The child never sees the real directories: its
`auto_path` and `tcl_library` hold tokens `$p(:N:)` that the parent maps
back to the N-th directory of the access path.
"""

import os

from ..runtime.errors import TclError
from ..runtime.registry import command, wrong_args
from ..runtime.values import TclList, to_bool, to_list, to_str
from .interps import (define_alias, find_interp, hidden_table, interp_create, invoke_hidden,
                      is_deleted)

_STATE = "safe-base"
_LOG = "safe-log"
_SAFE_FILE_SUBCOMMANDS = ("channels", "dirname", "extension", "join", "nativename",
                          "pathtype", "rootname", "separator", "split", "tail")


def _states(interp):
    return interp.extensions.setdefault(_STATE, {})


def _token(k):
    return "$p(:%d:)" % k


def _log(interp, kind, child_name, text):
    prefix = interp.extensions.get(_LOG)
    if prefix:
        try:
            interp.invoke(list(to_list(prefix)) + ["%s for slave %s : %s" % (kind, child_name,
                                                                             text)])
        except TclError:
            pass


_OPTIONS = ("-accessPath", "-statics", "-noStatics", "-nested", "-nestedLoadOk", "-deleteHook")


def _option(word):
    low = word.lower()
    matches = [o for o in _OPTIONS if o.lower().startswith(low)] if len(low) > 1 else []
    exact = [o for o in matches if o.lower() == low]
    if exact:
        return exact[0]
    if len(matches) != 1:
        raise TclError('bad option "%s": must be %s' % (word, ", ".join(_OPTIONS)),
                       ("TCL", "LOOKUP", "INDEX", "option", word))
    return matches[0]


def _parse(args, need_child):
    """(child name or None, {option: value}) from safe::interpCreate-style args."""
    args = [to_str(a) for a in args]
    child = None
    if args and not args[0].startswith("-"):
        child = args.pop(0)
    if need_child and child is None:
        raise TclError('no value given for parameter "slave" (use -help for full usage) :\n'
                       '    slave name () name of the slave', ("TCL", "SAFE", "ARGS"))
    opts = {}
    i = 0
    while i < len(args):
        opt = _option(args[i])
        if opt in ("-noStatics", "-nestedLoadOk"):
            opts[opt] = True
            i += 1
            continue
        if i + 1 >= len(args):
            raise TclError('value for "%s" missing' % args[i], ("TCL", "SAFE", "ARGS"))
        opts[opt] = args[i + 1]
        i += 2
    if "-statics" in opts and "-noStatics" in opts and to_bool(opts["-statics"]):
        raise TclError("conflicting values given for -statics and -noStatics",
                       ("TCL", "SAFE", "ARGS"))
    if "-nested" in opts and "-nestedLoadOk" in opts and not to_bool(opts["-nested"]):
        raise TclError("conflicting values given for -nested and -nestedLoadOk",
                       ("TCL", "SAFE", "ARGS"))
    return child, opts


def _default_access_path(interp):
    path = []
    for var in ("::tcl_library",):
        if interp.var_exists(var):
            path.append(to_str(interp.get_var(var)))
    if interp.var_exists("::auto_path"):
        for d in to_list(interp.get_var("::auto_path")):
            if to_str(d) not in path:
                path.append(to_str(d))
    return path


def _apply(interp, name, state, opts):
    if "-accessPath" in opts:
        state["path"] = [to_str(d) for d in to_list(opts["-accessPath"])] or \
            _default_access_path(interp)
    if "-statics" in opts:
        state["statics"] = to_bool(opts["-statics"])
    if opts.get("-noStatics"):
        state["statics"] = False
    if "-nested" in opts:
        state["nested"] = to_bool(opts["-nested"])
    if opts.get("-nestedLoadOk"):
        state["nested"] = True
    if "-deleteHook" in opts:
        state["hook"] = opts["-deleteHook"]
    child = find_interp(interp, name)
    child.set_var("::auto_path", TclList(_token(k) for k in range(len(state["path"]))))
    if state["path"]:
        child.set_var("::tcl_library", _token(0))


def _init(interp, name, opts):
    state = {"path": _default_access_path(interp), "statics": True, "nested": False, "hook": ""}
    _states(interp)[name] = state
    _apply(interp, name, state, opts)
    child = find_interp(interp, name)
    me = TclList()
    for alias, handler in (("source", "::safe::AliasSource"), ("exit", "::safe::AliasExit"),
                           ("load", "::safe::AliasLoad"), ("file", "::safe::AliasFile"),
                           ("glob", "::safe::AliasGlob")):
        if alias in hidden_table(child) or alias in ("load",):
            child.global_ns.commands.pop(alias, None)
            define_alias(child, alias, interp, me, [handler, name])
    return name


@command("::safe::interpCreate", 0, None, "?slave? ?options?")
def cmd_interp_create(interp, argv):
    child, opts = _parse(argv[1:], False)
    name = to_str(interp_create(interp, ["interp", "create", "-safe"] +
                                ([] if child is None else ["--", child])))
    return _init(interp, name, opts)


@command("::safe::interpInit", 0, None, "slave ?options?")
def cmd_interp_init(interp, argv):
    child, opts = _parse(argv[1:], True)
    find_interp(interp, child)
    return _init(interp, child, opts)


@command("::safe::interpConfigure", 0, None, "slave ?options?")
def cmd_interp_configure(interp, argv):
    child, opts = _parse(argv[1:2], True)
    if len(argv) != 3:
        child, opts = _parse(argv[1:], True)
    state = _states(interp).get(child)
    if state is None:
        find_interp(interp, child)
        raise TclError('"%s" is not an interpreter managed by the safe package' % child,
                       ("TCL", "SAFE", "NOTSAFE"))
    described = TclList(["-accessPath", TclList(state["path"]), "-statics",
                         1 if state["statics"] else 0, "-nested", 1 if state["nested"] else 0,
                         "-deleteHook", state["hook"]])
    if not opts and len(argv) == 2:
        return described
    if len(argv) == 3:
        opt = _option(to_str(argv[2]))
        if opt in ("-noStatics", "-nestedLoadOk"):
            opt = {"-noStatics": "-statics", "-nestedLoadOk": "-nested"}[opt]
        k = list(described).index(opt)
        return TclList([opt, described[k + 1]])
    _apply(interp, child, state, opts)
    return ""


@command("::safe::interpDelete", 1, 1, "slave")
def cmd_interp_delete(interp, argv):
    name = to_str(argv[1])
    state = _states(interp).pop(name, None)
    try:
        child = find_interp(interp, name)
    except TclError:
        return ""
    if state is not None and to_str(state["hook"]):
        _log(interp, "NOTICE", name, "About to delete")
        try:
            interp.invoke(list(to_list(state["hook"])) + [name])
        except TclError as e:
            _log(interp, "ERROR", name, "Delete hook error (%s)" % e.message)
    if not is_deleted(child):
        from .interps import interp_delete
        interp_delete(interp, ["interp", "delete", name])
    if state is not None and to_str(state["hook"]):
        _log(interp, "NOTICE", name, "Deleted")
    return ""


@command("::safe::interpAddToAccessPath", 2, 2, "slave path")
def cmd_add_to_path(interp, argv):
    name, path = to_str(argv[1]), to_str(argv[2])
    state = _state(interp, name)
    if path not in state["path"]:
        state["path"].append(path)
        _apply(interp, name, state, {})
    return _token(state["path"].index(path))


@command("::safe::interpFindInAccessPath", 2, 2, "slave path")
def cmd_find_in_path(interp, argv):
    name, path = to_str(argv[1]), to_str(argv[2])
    state = _state(interp, name)
    if path not in state["path"]:
        raise TclError("%s not found in access path" % path, ("TCL", "SAFE", "NOTFOUND"))
    return _token(state["path"].index(path))


@command("::safe::setLogCmd", 0, None, "?cmd arg ...?")
def cmd_set_log(interp, argv):
    if len(argv) == 1:
        return interp.extensions.get(_LOG, "")
    interp.extensions[_LOG] = argv[1] if len(argv) == 2 else TclList(argv[1:])
    return ""


def _state(interp, name):
    state = _states(interp).get(name)
    if state is None:
        raise TclError('"%s" is not an interpreter managed by the safe package' % name,
                       ("TCL", "SAFE", "NOTSAFE"))
    return state


# ---- the aliases the child calls ---------------------------------------------------

def _real_path(state, path):
    """A child's path with its leading token replaced by the directory."""
    for k, d in enumerate(state["path"]):
        tok = _token(k)
        if path == tok or path.startswith(tok + "/"):
            return d + path[len(tok):]
    return path


def _allowed(state, real):
    directory = os.path.dirname(os.path.normpath(real))
    return any(os.path.normpath(d) == directory for d in state["path"])


@command("::safe::AliasSource", 1, None, "slave ?-encoding E? fileName")
def cmd_alias_source(interp, argv):
    name = to_str(argv[1])
    args = [to_str(a) for a in argv[2:]]
    if len(args) == 3 and args[0] == "-encoding":
        encoding, path = args[1], args[2]
    elif len(args) == 1:
        encoding, path = None, args[0]
    else:
        err = wrong_args("source", "?-encoding E? fileName")
        err.context_added = True  # the alias must not rewrite it as its own usage
        raise err
    state = _state(interp, name)
    real = _real_path(state, path)
    child = find_interp(interp, name)
    if os.path.isdir(real):
        _log(interp, "ERROR", name, '"%s": is a directory' % path)
        raise TclError("permission denied", ("TCL", "SAFE", "PERMISSION"))
    if not _allowed(state, real):
        _log(interp, "ERROR", name, '"%s": not in access_path' % path)
        raise TclError("permission denied", ("TCL", "SAFE", "PERMISSION"))
    words = ["source"] + (["-encoding", encoding] if encoding else []) + [real]
    return invoke_hidden(interp, child, words, "interp invokehidden")


@command("::safe::AliasExit", 1, None, "slave")
def cmd_alias_exit(interp, argv):
    cmd_interp_delete(interp, ["::safe::interpDelete", argv[1]])
    return ""


@command("::safe::AliasLoad", 1, None, "slave ?args?")
def cmd_alias_load(interp, argv):
    raise TclError("load of binary extensions is not allowed in a safe interpreter",
                   ("TCL", "SAFE", "LOAD"))


@command("::safe::AliasFile", 1, None, "slave subcommand ?arg ...?")
def cmd_alias_file(interp, argv):
    if len(argv) < 3:
        raise wrong_args("file", "subcommand ?arg ...?")
    sub = to_str(argv[2])
    if sub not in _SAFE_FILE_SUBCOMMANDS:
        raise TclError("not allowed to invoke subcommand %s of file" % sub,
                       ("TCL", "SAFE", "SUBCOMMAND"))
    return interp.invoke(["::file", sub] + list(argv[3:]))


@command("::safe::AliasGlob", 1, None, "slave ?args?")
def cmd_alias_glob(interp, argv):
    name = to_str(argv[1])
    state = _state(interp, name)
    args = [to_str(a) for a in argv[2:]]
    out = []
    directory = None
    i = 0
    while i < len(args) and args[i].startswith("-"):
        if args[i] == "-directory" and i + 1 < len(args):
            directory = _real_path(state, args[i + 1])
            i += 2
        elif args[i] == "--":
            i += 1
            break
        else:
            out.append(args[i])
            i += 1
    if directory is None or not any(os.path.normpath(directory) == os.path.normpath(d)
                                    for d in state["path"]):
        _log(interp, "ERROR", name, "permission denied")
        raise TclError("permission denied", ("TCL", "SAFE", "PERMISSION"))
    patterns = [p for p in args[i:] if ".." not in p and not p.startswith(("/", "~"))]
    return interp.invoke(["::glob", "-directory", directory] + out + ["--"] + patterns)


__all__ = []
