"""`glob`: file names matching patterns, with Tcl's options and brace alternatives.

A pattern is first expanded at its braces (`{a,b}` gives one pattern per
alternative, results kept in that order), then matched one path component
at a time against directory listings, in the order the OS lists them.
Names beginning with `.` match only a pattern component that begins with
`.` (or `-types hidden`), and then `.` and `..` are candidates too.
"""

import os
import stat as stat_mod

from ..runtime import paths
from ..runtime.channel import os_tcl_error
from ..runtime.errors import TclError
from ..runtime.glob import glob_match
from ..runtime.registry import command
from ..runtime.values import TclList, to_list, to_str

_OPTIONS = ("-directory", "-join", "-nocomplain", "-path", "-tails", "-types", "--")
_TAKES_VALUE = ("-directory", "-path", "-types")
_WILD = frozenset("*?[\\")
_TYPE_LETTERS = {
    "b": stat_mod.S_ISBLK, "c": stat_mod.S_ISCHR, "d": stat_mod.S_ISDIR, "f": stat_mod.S_ISREG,
    "p": stat_mod.S_ISFIFO, "s": stat_mod.S_ISSOCK, "l": None,
}
_PERM_LETTERS = {"r": os.R_OK, "w": os.W_OK, "x": os.X_OK}


def _option(word):
    if word in _OPTIONS:
        return word
    matches = [o for o in _OPTIONS if o.startswith(word)]
    if len(matches) == 1:
        return matches[0]
    raise TclError('%s option "%s": must be -directory, -join, -nocomplain, -path, -tails, '
                   '-types, or --' % ("ambiguous" if matches else "bad", word),
                   ("TCL", "LOOKUP", "INDEX", "option", word))


class _Types:
    """The -types filter: any of the type letters, all of the permissions."""

    def __init__(self, spec):
        self.kinds = []
        self.perms = []
        self.hidden = False
        self.readonly = False
        mac_codes = 0
        for item in to_list(spec):
            word = to_str(item)
            if word in _TYPE_LETTERS:
                self.kinds.append(word)
            elif word in _PERM_LETTERS:
                self.perms.append(_PERM_LETTERS[word])
            elif word == "hidden":
                self.hidden = True
            elif word == "readonly":
                self.readonly = True
            elif len(word) == 4 or (len(to_list(item)) >= 2
                                    and to_str(to_list(item)[0]) == "macintosh"):
                # a Mac OS type or creator code: allowed once, matches as Tcl on Unix
                mac_codes += 1
                if mac_codes > 1:
                    raise TclError('only one MacOS type or creator argument to "-types" allowed',
                                   ("TCL", "ARGUMENT", "TYPES"))
            else:
                raise TclError('bad argument to "-types": %s' % word,
                               ("TCL", "ARGUMENT", "TYPES"))

    def accepts(self, native, name):
        if self.hidden and not name.startswith("."):
            return False
        if self.kinds:
            ok = False
            for kind in self.kinds:
                try:
                    if kind == "l":
                        ok = stat_mod.S_ISLNK(os.lstat(native).st_mode)
                    else:
                        ok = _TYPE_LETTERS[kind](os.stat(native).st_mode)
                except OSError:
                    ok = False
                if ok:
                    break
            if not ok:
                return False
        for perm in self.perms:
            if not os.access(native, perm):
                return False
        if self.readonly and os.access(native, os.W_OK):
            return False
        return True


def expand_braces(pattern):
    """The pattern's brace alternatives, in order (`{a,b}c` -> [ac, bc])."""
    i = 0
    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "}":
            raise TclError("unmatched close-brace in file name", ("TCL", "OPERATION", "GLOB",
                                                                 "BALANCE"))
        if c == "{":
            break
        i += 1
    else:
        return [pattern]
    depth = 0
    alts = []
    start = i + 1
    j = i
    while j < n:
        c = pattern[j]
        if c == "\\":
            j += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                alts.append(pattern[start:j])
                break
        elif c == "," and depth == 1:
            alts.append(pattern[start:j])
            start = j + 1
        j += 1
    else:
        raise TclError("unmatched open-brace in file name", ("TCL", "OPERATION", "GLOB",
                                                            "BALANCE"))
    head, rest = pattern[:i], pattern[j + 1:]
    out = []
    for alt in alts:
        out.extend(expand_braces(head + alt + rest))
    return out


def _unescape(text):
    if "\\" not in text:
        return text
    out = []
    i = 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            i += 1
        out.append(text[i])
        i += 1
    return "".join(out)


def _escape(text):
    return "".join("\\" + c if c in "*?[]{}\\" else c for c in text)


def _join(base, name):
    if not base:
        return name
    return base + name if base.endswith("/") else base + "/" + name


class _Matcher:
    """One glob call's matching state: the types filter and the results."""

    def __init__(self, types):
        self.types = types
        self.found = []

    def match(self, rel, comps, dir_native, trailing_slash):
        """Match components `comps` below the directory `rel` (relative to
        the search root `dir_native`); `rel` is what results are built from."""
        comp, rest = comps[0], comps[1:]
        if not _WILD.intersection(comp):
            name = _unescape(comp)
            path = _join(rel, name)
            native = _join(dir_native, path) if dir_native else path
            if rest:
                if os.path.isdir(native):
                    self.match(path, rest, dir_native, trailing_slash)
            elif os.path.lexists(native) and (self.types is None
                                              or self.types.accepts(native, name)):
                self.found.append(path + ("/" if trailing_slash else ""))
            return
        listing_dir = _join(dir_native, rel) if dir_native else (rel or ".")
        try:
            names = os.listdir(listing_dir)
        except OSError as e:
            if not os.path.isdir(listing_dir):
                return
            # a directory that exists but can't be listed is an error, as in Tcl
            shown = listing_dir if listing_dir.endswith("/") else listing_dir + "/"
            raise os_tcl_error('couldn\'t read directory "%s"' % shown, e) from None
        hidden_ok = comp.startswith(".") or comp.startswith("\\.") or (
            self.types is not None and self.types.hidden)
        if hidden_ok:
            names = [".", ".."] + names
        for name in names:
            if name.startswith(".") and not hidden_ok:
                continue
            if not glob_match(comp, name):
                continue
            path = _join(rel, name)
            native = _join(listing_dir, name)
            if rest:
                if os.path.isdir(native):
                    self.match(path, rest, dir_native, trailing_slash)
            elif trailing_slash:
                if os.path.isdir(native) and (self.types is None
                                              or self.types.accepts(native, name)):
                    self.found.append(path + "/")
            elif self.types is None or self.types.accepts(native, name):
                self.found.append(path)


def _glob_one(matcher, pattern, directory):
    """Add the matches of one brace-free pattern; `directory` is the -directory
    (or -path) folder or None.  Results are relative to it."""
    if not pattern:
        pattern = "."
    pattern = pattern.replace("\\/", "/")
    if directory is None and paths.is_absolute(pattern):
        if pattern.startswith("~"):
            head, _, rest = pattern.partition("/")
            home = paths.home_dir(_unescape(head[1:]))
            pattern = _escape(home) + ("/" + rest if rest else "")
        rel_pattern = pattern.lstrip("/")
        if not rel_pattern:
            matcher.found.append("/")
            return
        comps = [c for c in rel_pattern.split("/") if c]
        matcher.match("/", comps, "", pattern.endswith("/"))
        return
    comps = [c for c in pattern.split("/") if c]
    if not comps:
        return
    trailing = pattern.endswith("/")
    if directory is None:
        matcher.match("", comps, "", trailing)
    else:
        native = paths.native_path(directory) or "."
        if not os.path.isdir(native):
            return
        matcher.match("", comps, native, trailing)


@command("glob", 0, None, "?-option value ...? ?pattern ...?")
def cmd_glob(interp, argv):
    args = [to_str(a) for a in argv[1:]]
    directory = path_prefix = None
    join = nocomplain = tails = False
    types = None
    i = 0
    while i < len(args) and args[i].startswith("-"):
        opt = _option(args[i])
        i += 1
        if opt == "--":
            break
        if opt in _TAKES_VALUE:
            if i >= len(args):
                raise TclError('missing argument to "%s"' % opt, ("TCL", "ARGUMENT", "MISSING"))
            value = args[i]
            i += 1
            if opt == "-directory":
                if directory is not None:
                    raise TclError('"-directory" may only be used once',
                                   ("TCL", "ARGUMENT", "BADOPTION"))
                if path_prefix is not None:
                    raise TclError('"-directory" cannot be used with "-path"',
                                   ("TCL", "ARGUMENT", "BADOPTION"))
                directory = value
            elif opt == "-path":
                if path_prefix is not None:
                    raise TclError('"-path" may only be used once',
                                   ("TCL", "ARGUMENT", "BADOPTION"))
                if directory is not None:
                    raise TclError('"-path" cannot be used with "-dictionary"',
                                   ("TCL", "ARGUMENT", "BADOPTION"))
                path_prefix = value
            else:
                types = _Types(value)
        elif opt == "-join":
            join = True
        elif opt == "-nocomplain":
            nocomplain = True
        else:
            tails = True
    if tails and directory is None and path_prefix is None:
        raise TclError('"-tails" must be used with either "-directory" or "-path"',
                       ("TCL", "ARGUMENT", "BADOPTION"))
    patterns = args[i:]
    if join:
        patterns = [paths.join_path(patterns)] if patterns else []
    if not patterns and nocomplain:
        return TclList()
    prefix = ""
    if path_prefix is not None:
        cut = path_prefix.rfind("/")
        directory = path_prefix[:cut + 1] if cut >= 0 else ""
        if directory not in ("", "/"):
            directory = directory.rstrip("/")
        prefix = _escape(path_prefix[cut + 1:])
    matcher = _Matcher(types)
    for pattern in patterns:
        for alternative in expand_braces(prefix + pattern):
            _glob_one(matcher, alternative, directory)
    found = matcher.found
    if directory and not tails:
        found = [_join(directory, f) for f in found]
    if not found and not nocomplain:
        if len(patterns) == 1:
            raise TclError('no files matched glob pattern "%s"' % patterns[0],
                           ("TCL", "OPERATION", "GLOB", "NOMATCH"))
        raise TclError('no files matched glob patterns "%s"' % " ".join(patterns),
                       ("TCL", "OPERATION", "GLOB", "NOMATCH"))
    return TclList(found)
