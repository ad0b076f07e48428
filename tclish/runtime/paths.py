"""Tcl's file-name rules on Unix: split, join, tilde expansion, normalization.

Tcl 8.6 treats a leading `~` or `~user` component as an absolute path (the
home directory), and writes a later component that begins with `~` as
`./~name` so that it is never mistaken for one.
"""

import os

from .errors import TclError


def split_path(path):
    """`file split`: the path's components, the root (`/`, `~user`) first."""
    if not path:
        return []
    parts = []
    if path.startswith("/"):
        parts.append("/")
        rest = path
    elif path.startswith("~"):
        head, _, rest = path.partition("/")
        parts.append(head)
    else:
        rest = path
    for comp in rest.split("/"):
        if not comp:
            continue
        if comp.startswith("~") and parts:
            comp = "./" + comp
        parts.append(comp)
    return parts


def join_path(parts):
    """`file join`: later absolute components replace what came before."""
    result = ""
    for part in parts:
        if not part:
            continue
        if part.startswith("/") or part.startswith("~"):
            result = ""
        elif result and part.startswith("./~"):
            part = part[2:]
        for comp in split_path(part):
            if result and comp.startswith("./~"):
                comp = comp[2:]
            if not result:
                result = comp
            elif result.endswith("/"):
                result += comp
            else:
                result += "/" + comp
    return result


def is_absolute(path):
    return path.startswith("/") or path.startswith("~")


def home_dir(user=""):
    """The home directory for `~` or `~user`, or Tcl's error."""
    if not user:
        home = os.environ.get("HOME")
        if home is None:
            raise TclError("couldn't find HOME environment variable to expand path",
                           ("TCL", "VALUE", "PATH", "HOMELESS"))
        return home
    try:
        import pwd
        return pwd.getpwnam(user).pw_dir
    except (KeyError, ImportError):
        raise TclError('user "%s" doesn\'t exist' % user,
                       ("TCL", "VALUE", "PATH", "NOUSER")) from None


def expand_tilde(path):
    """The path with a leading ~ or ~user replaced by the home directory."""
    if not path.startswith("~"):
        return path
    head, sep, rest = path.partition("/")
    home = home_dir(head[1:])
    if not rest:
        return home
    return home.rstrip("/") + "/" + rest


def native_path(path):
    """The name to hand to the OS: tilde expanded, `./~x` kept literal."""
    return expand_tilde(path) if path.startswith("~") else path


def dirname(path):
    parts = split_path(path)
    if len(parts) <= 1:
        if path.startswith("/"):
            return "/"
        if path.startswith("~"):
            return dirname(expand_tilde(path))
        return "."
    return join_path(parts[:-1])


def tail(path):
    parts = split_path(path)
    if not parts:
        return ""
    if len(parts) == 1:
        if path.startswith("/"):
            return ""
        if path.startswith("~"):
            return tail(expand_tilde(path))
    return parts[-1]


def extension(path):
    dot = path.rfind(".")
    if dot < 0 or dot < path.rfind("/"):
        return ""
    return path[dot:]


def rootname(path):
    dot = path.rfind(".")
    if dot < 0 or dot < path.rfind("/"):
        return path
    return path[:dot]


def nativename(path):
    path = expand_tilde(path)
    parts = split_path(path)
    return "/".join(p for p in parts).replace("//", "/") if parts else ""


def normalize(path, cwd=None):
    """`file normalize`: absolute, `.` and `..` resolved, links followed
    in every component but the last."""
    if not path:
        return ""
    path = expand_tilde(path)
    if not path.startswith("/"):
        path = (cwd or os.getcwd()).rstrip("/") + "/" + path
    comps = [c for c in path.split("/") if c and c != "."]
    cur = "/"
    for i, comp in enumerate(comps):
        if comp == "..":
            cur = os.path.dirname(cur) or "/"
            continue
        cur = cur.rstrip("/") + "/" + comp
        if i < len(comps) - 1 and os.path.islink(cur):
            cur = os.path.realpath(cur)
    return cur


__all__ = ["split_path", "join_path", "is_absolute", "expand_tilde", "native_path", "dirname",
           "tail", "extension", "rootname", "nativename", "normalize", "home_dir"]
