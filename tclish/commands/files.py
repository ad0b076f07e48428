"""The `file` ensemble: names, tests, metadata, and copy/rename/delete/mkdir.

Name manipulation follows Tcl's Unix rules (tclish/runtime/paths.py); every
subcommand that touches the file system expands `~` first.  OS errors
become Tcl's texts with errorCode `POSIX ENAME {text}`.
"""

import errno
import os
import shutil
import stat as stat_mod
import tempfile

from ..runtime import paths
from ..runtime.channel import os_tcl_error
from ..runtime.errors import TclError
from ..runtime.registry import ensemble, resolve_prefix, wrong_args
from ..runtime.values import TclList, to_int, to_str


def _name(argv, i=2):
    return to_str(argv[i])


def _native(name):
    return paths.native_path(name)


def _could_not_read(name, err):
    return os_tcl_error('could not read "%s"' % name, err)


def _stat(name, follow=True):
    try:
        return os.stat(_native(name)) if follow else os.lstat(_native(name))
    except OSError as e:
        raise _could_not_read(name, e) from None
    except ValueError:      # a NUL in the name: no file can have it
        raise _could_not_read(name, errno.EINVAL) from None


# ---- names ---------------------------------------------------------------------

def file_join(interp, argv):
    return paths.join_path([to_str(a) for a in argv[2:]])


def file_split(interp, argv):
    return TclList(paths.split_path(_name(argv)))


def file_dirname(interp, argv):
    return paths.dirname(_name(argv))


def file_tail(interp, argv):
    return paths.tail(_name(argv))


def file_extension(interp, argv):
    return paths.extension(_name(argv))


def file_rootname(interp, argv):
    return paths.rootname(_name(argv))


def file_normalize(interp, argv):
    return paths.normalize(_name(argv))


def file_nativename(interp, argv):
    return paths.nativename(_name(argv))


def file_pathtype(interp, argv):
    return "absolute" if paths.is_absolute(_name(argv)) else "relative"


def file_separator(interp, argv):
    if len(argv) > 2 and not to_str(argv[2]):
        raise TclError("unrecognised path", ("TCL", "LOOKUP", "FILESYSTEM", ""))
    return "/"


def file_volumes(interp, argv):
    return "/"


def file_system(interp, argv):
    if not to_str(argv[2]):
        raise TclError("unrecognised path", ("TCL", "LOOKUP", "FILESYSTEM", ""))
    return "native"


# ---- tests -----------------------------------------------------------------------

def _test(predicate):
    """A `file <test> name` subcommand: 0 for names that can't be expanded."""
    def run(interp, argv):
        try:
            path = _native(_name(argv))
        except TclError:
            return 0
        try:
            return 1 if path and predicate(path) else 0
        except ValueError:  # a NUL in the name: no such file
            return 0
    return run


def _owned(path):
    try:
        return os.stat(path).st_uid == os.geteuid()
    except OSError:
        return False


file_exists = _test(os.path.exists)
file_isfile = _test(os.path.isfile)
file_isdirectory = _test(os.path.isdir)
file_readable = _test(lambda p: os.access(p, os.R_OK))
file_writable = _test(lambda p: os.access(p, os.W_OK))
file_executable = _test(lambda p: os.access(p, os.X_OK))
file_owned = _test(_owned)


# ---- metadata --------------------------------------------------------------------

def file_type_name(mode):
    if stat_mod.S_ISREG(mode):
        return "file"
    if stat_mod.S_ISDIR(mode):
        return "directory"
    if stat_mod.S_ISLNK(mode):
        return "link"
    if stat_mod.S_ISCHR(mode):
        return "characterSpecial"
    if stat_mod.S_ISBLK(mode):
        return "blockSpecial"
    if stat_mod.S_ISFIFO(mode):
        return "fifo"
    if stat_mod.S_ISSOCK(mode):
        return "socket"
    return "unknown"


def file_type(interp, argv):
    return file_type_name(_stat(_name(argv), follow=False).st_mode)


def file_size(interp, argv):
    return _stat(_name(argv)).st_size


def _time_sub(which):
    def run(interp, argv):
        name = _name(argv)
        st = _stat(name)
        if len(argv) > 3:
            when = to_int(argv[3])
            times = (when, st.st_mtime) if which == "atime" else (st.st_atime, when)
            try:
                os.utime(_native(name), times)
            except OSError as e:
                what = "access" if which == "atime" else "modification"
                raise os_tcl_error('could not set %s time for file "%s"' % (what, name),
                                   e) from None
            return when
        return int(getattr(st, "st_" + which))
    return run


file_atime = _time_sub("atime")
file_mtime = _time_sub("mtime")


def _stat_into(interp, argv, follow):
    name = _name(argv)
    st = _stat(name, follow)
    var = to_str(argv[3])
    fields = (("dev", st.st_dev), ("ino", st.st_ino), ("mode", st.st_mode),
              ("nlink", st.st_nlink), ("uid", st.st_uid), ("gid", st.st_gid),
              ("size", st.st_size), ("atime", int(st.st_atime)), ("mtime", int(st.st_mtime)),
              ("ctime", int(st.st_ctime)), ("blksize", getattr(st, "st_blksize", 0)),
              ("blocks", getattr(st, "st_blocks", 0)),
              ("type", file_type_name(st.st_mode)))
    for key, value in fields:
        interp.set_var("%s(%s)" % (var, key), value)
    return ""


def file_stat(interp, argv):
    return _stat_into(interp, argv, True)


def file_lstat(interp, argv):
    return _stat_into(interp, argv, False)


def file_readlink(interp, argv):
    name = _name(argv)
    try:
        return os.readlink(_native(name))
    except OSError as e:
        raise os_tcl_error('could not read link "%s"' % name, e) from None


def file_link(interp, argv):
    args = [to_str(a) for a in argv[2:]]
    kind = None
    if len(args) == 3 or (args and args[0].startswith("-") and len(args) > 1):
        word = args[0]
        matches = [o for o in ("-symbolic", "-hard") if o.startswith(word)] if word else []
        if len(matches) != 1 or not word.startswith("-"):
            raise TclError('bad option "%s": must be -symbolic or -hard' % word,
                           ("TCL", "LOOKUP", "INDEX", "option", word))
        kind = matches[0][1]
        args = args[1:]
    if len(args) == 1:
        if kind is not None:
            raise wrong_args("file link", "?-linktype? linkname ?target?")
        return file_readlink(interp, ["file", "readlink", args[0]])
    link, target = args
    if os.path.lexists(_native(link)):
        raise TclError('could not create new link "%s": that path already exists' % link,
                       ("POSIX", "EEXIST", "file already exists"))
    native_link = _native(link)
    parent = os.path.dirname(native_link)
    if parent and not os.path.isdir(parent):
        raise os_tcl_error('could not create new link "%s"' % link, OSError(errno.ENOENT, ""))
    # a relative target is relative to the link's folder, and must exist
    if not os.path.lexists(os.path.join(parent, _native(target))):
        raise TclError('could not create new link "%s": target "%s" doesn\'t exist' % (
            link, target), ("POSIX", "ENOENT", "no such file or directory"))
    try:
        if kind == "h":
            os.link(_native(target), _native(link))
        else:
            os.symlink(target, _native(link))
    except OSError as e:
        raise os_tcl_error('could not create new link "%s" pointing to "%s"' % (link, target),
                           e) from None
    return target


# ---- attributes ------------------------------------------------------------------

_PERM_BITS = {"r": 4, "w": 2, "x": 1}


def _parse_permissions(spec, current):
    """Numeric (0644), rwx form (rw-r--r--) or symbolic (u+x,go-w)."""
    try:
        return to_int(spec) & 0o7777
    except TclError:
        pass
    if len(spec) == 9 and all(c in "rwx-" for c in spec):
        mode = 0
        for i, c in enumerate(spec):
            if c != "-":
                mode |= 1 << (8 - i)
        return mode
    mode = current & 0o7777
    for clause in spec.split(","):
        who = ""
        i = 0
        while i < len(clause) and clause[i] in "ugoa":
            who += clause[i]
            i += 1
        if i >= len(clause) or clause[i] not in "+-=":
            raise TclError('unknown permission string format "%s"' % spec,
                           ("TCL", "VALUE", "PERMISSIONS"))
        op = clause[i]
        bits = 0
        for c in clause[i + 1:]:
            if c not in _PERM_BITS:
                raise TclError('unknown permission string format "%s"' % spec,
                               ("TCL", "VALUE", "PERMISSIONS"))
            bits |= _PERM_BITS[c]
        mask = 0
        for w in (who or "a"):
            for shift_who, shift in (("u", 6), ("g", 3), ("o", 0)):
                if w == shift_who or w == "a":
                    mask |= bits << shift
        span = 0
        for w in (who or "a"):
            for shift_who, shift in (("u", 6), ("g", 3), ("o", 0)):
                if w == shift_who or w == "a":
                    span |= 7 << shift
        if op == "+":
            mode |= mask
        elif op == "-":
            mode &= ~mask
        else:
            mode = (mode & ~span) | mask
    return mode


def _owner_names(st):
    try:
        import grp
        import pwd
        group = grp.getgrgid(st.st_gid).gr_name
        owner = pwd.getpwuid(st.st_uid).pw_name
    except (ImportError, KeyError):
        group, owner = str(st.st_gid), str(st.st_uid)
    return group, owner


_ATTRIBUTES = {"-group": "group", "-owner": "owner", "-permissions": "permissions"}


def file_attributes(interp, argv):
    name = _name(argv)
    st = _stat(name)
    group, owner = _owner_names(st)
    values = {"group": group, "owner": owner,
              "permissions": "%05o" % (st.st_mode & 0o7777)}
    args = argv[3:]
    if not args:
        out = TclList()
        for opt in ("-group", "-owner", "-permissions"):
            out.extend((opt, values[_ATTRIBUTES[opt]]))
        return out
    if len(args) == 1:
        return values[resolve_prefix(_ATTRIBUTES, to_str(args[0]), "option")]
    if len(args) % 2:
        raise TclError('value for "%s" missing' % to_str(args[-1]), ("TCL", "ARGUMENT", "MISSING"))
    for i in range(0, len(args), 2):
        which = resolve_prefix(_ATTRIBUTES, to_str(args[i]), "option")
        value = to_str(args[i + 1])
        try:
            if which == "permissions":
                os.chmod(_native(name), _parse_permissions(value, st.st_mode))
            else:
                uid = gid = -1
                try:
                    import grp
                    import pwd
                    if which == "owner":
                        uid = pwd.getpwnam(value).pw_uid
                    else:
                        gid = grp.getgrnam(value).gr_gid
                except KeyError:
                    raise TclError('could not set %s for file "%s": %s "%s" does not exist' % (
                        which, name, "user" if which == "owner" else "group", value),
                        ("TCL", "VALUE", which.upper())) from None
                os.chown(_native(name), uid, gid)
        except OSError as e:
            raise os_tcl_error('could not set %s for file "%s"' % (which, name), e) from None
    return ""


# ---- changes: mkdir, delete, copy, rename ------------------------------------------

def _options(argv, start, usage_name):
    """(force, rest) after the -force / -- options of delete, copy and rename."""
    force = False
    i = start
    while i < len(argv):
        word = to_str(argv[i])
        if not word.startswith("-"):
            break
        if word == "--":
            i += 1
            break
        if word == "-force":
            force = True
        else:
            raise TclError('bad option "%s": must be -force or --' % word,
                           ("TCL", "LOOKUP", "INDEX", "option", word))
        i += 1
    return force, [to_str(a) for a in argv[i:]]


def file_mkdir(interp, argv):
    for arg in argv[2:]:
        name = to_str(arg)
        native = _native(name)
        parts = paths.split_path(native)
        if not parts:
            raise os_tcl_error('can\'t create directory "%s"' % name, OSError(errno.ENOENT, ""))
        for i in range(1, len(parts) + 1):
            prefix = paths.join_path(parts[:i])
            if os.path.isdir(prefix):
                continue
            if os.path.lexists(prefix):
                raise os_tcl_error('can\'t create directory "%s"' % prefix,
                                   OSError(errno.EEXIST, ""))
            try:
                os.mkdir(prefix)
            except FileExistsError:
                if not os.path.isdir(prefix):
                    raise os_tcl_error('can\'t create directory "%s"' % prefix,
                                       OSError(errno.EEXIST, "")) from None
            except OSError as e:
                raise os_tcl_error('can\'t create directory "%s"' % prefix, e) from None
    return ""


def file_delete(interp, argv):
    force, names = _options(argv, 2, "delete")
    for name in names:
        native = _native(name)
        if not os.path.lexists(native):
            continue
        try:
            if os.path.isdir(native) and not os.path.islink(native):
                if force:
                    shutil.rmtree(native)
                else:
                    os.rmdir(native)
            else:
                os.unlink(native)
        except OSError as e:
            if e.errno == errno.ENOTEMPTY or (e.errno == errno.EEXIST):
                raise TclError('error deleting "%s": directory not empty' % name,
                               ("POSIX", "EEXIST", "file already exists")) from None
            raise os_tcl_error('error deleting "%s"' % name, e) from None
    return ""


def _transfer(argv, verb, action):
    """The shared shape of `file copy` and `file rename`."""
    force, names = _options(argv, 2, verb)
    if len(names) < 2:
        raise wrong_args("file " + verb, "?-option value ...? source ?source ...? target")
    *sources, target = names
    gerund = "copying" if verb == "copy" else "renaming"
    native_target = _native(target)
    into_dir = os.path.isdir(native_target)
    if len(sources) > 1 and not into_dir:
        raise TclError('error %s: target "%s" is not a directory' % (gerund, target),
                       ("POSIX", "ENOTDIR", "not a directory"))
    for source in sources:
        native_source = _native(source)
        if not os.path.lexists(native_source):
            raise os_tcl_error('error %s "%s"' % (gerund, source), OSError(errno.ENOENT, ""))
        dest = paths.join_path([target, paths.tail(source)]) if into_dir else target
        native_dest = _native(dest)
        if os.path.lexists(native_dest):
            dest_is_dir = os.path.isdir(native_dest) and not os.path.islink(native_dest)
            if not force or (dest_is_dir and (verb == "copy" or not os.path.isdir(native_source))):
                raise os_tcl_error('error %s "%s" to "%s"' % (gerund, source, dest),
                                   OSError(errno.EEXIST, ""))
        parent = os.path.dirname(native_dest)
        if parent and not os.path.isdir(parent):
            # fail before copying anything (a whole tree could go for nothing)
            raise os_tcl_error('error %s "%s" to "%s"' % (gerund, source, dest),
                               OSError(errno.ENOENT, ""))
        try:
            action(native_source, native_dest)
        except OSError as e:
            raise os_tcl_error('error %s "%s" to "%s"' % (gerund, source, dest), e) from None
    return ""


def _copy(source, dest):
    if os.path.isdir(source) and not os.path.islink(source):
        shutil.copytree(source, dest, symlinks=True)
    elif os.path.islink(source):
        if os.path.lexists(dest):
            os.unlink(dest)
        os.symlink(os.readlink(source), dest)
    else:
        shutil.copy2(source, dest)


def file_copy(interp, argv):
    return _transfer(argv, "copy", _copy)


def _rename(source, dest):
    try:
        os.rename(source, dest)
    except OSError as e:
        if e.errno != errno.EXDEV:
            raise
        shutil.move(source, dest)


def file_rename(interp, argv):
    return _transfer(argv, "rename", _rename)


def file_tempfile(interp, argv):
    prefix, directory, suffix = "tcl_", tempfile.gettempdir(), ""
    if len(argv) > 3:
        template = to_str(argv[3])
        base = paths.tail(template)
        if "/" in template:
            directory = _native(paths.dirname(template))
        root = paths.rootname(base)
        suffix = base[len(root):]
        prefix = root + "_" if root else prefix
    try:
        fd, path = tempfile.mkstemp(suffix=suffix, prefix=prefix, dir=directory)
    except OSError as e:
        raise os_tcl_error("couldn't open temporary file", e) from None
    from .channels import add_channel
    ch = add_channel(interp, fd, True, True)
    if len(argv) > 2:
        interp.set_var(to_str(argv[2]), path)
    return ch.name


def file_channels(interp, argv):
    from .channels import channel_names
    return channel_names(interp, to_str(argv[2]) if len(argv) > 2 else None)


FILE_SUBCOMMANDS = {
    "atime": (file_atime, 1, 2, "name ?time?"),
    "attributes": (file_attributes, 1, None, "name ?-option value ...?"),
    "channels": (file_channels, 0, 1, "?pattern?"),
    "copy": (file_copy, 2, None, "?-option value ...? source ?source ...? target"),
    "delete": (file_delete, 0, None, "?-option value ...? ?target ...?"),
    "dirname": (file_dirname, 1, 1, "name"),
    "executable": (file_executable, 1, 1, "name"),
    "exists": (file_exists, 1, 1, "name"),
    "extension": (file_extension, 1, 1, "name"),
    "isdirectory": (file_isdirectory, 1, 1, "name"),
    "isfile": (file_isfile, 1, 1, "name"),
    "join": (file_join, 1, None, "name ?name ...?"),
    "link": (file_link, 1, 3, "?-linktype? linkname ?target?"),
    "lstat": (file_lstat, 2, 2, "name varName"),
    "mkdir": (file_mkdir, 0, None, "?dir ...?"),
    "mtime": (file_mtime, 1, 2, "name ?time?"),
    "nativename": (file_nativename, 1, 1, "name"),
    "normalize": (file_normalize, 1, 1, "name"),
    "owned": (file_owned, 1, 1, "name"),
    "pathtype": (file_pathtype, 1, 1, "name"),
    "readable": (file_readable, 1, 1, "name"),
    "readlink": (file_readlink, 1, 1, "name"),
    "rename": (file_rename, 2, None, "?-option value ...? source ?source ...? target"),
    "rootname": (file_rootname, 1, 1, "name"),
    "separator": (file_separator, 0, 1, "?name?"),
    "size": (file_size, 1, 1, "name"),
    "split": (file_split, 1, 1, "name"),
    "stat": (file_stat, 2, 2, "name varName"),
    "system": (file_system, 1, 1, "name"),
    "tail": (file_tail, 1, 1, "name"),
    "tempfile": (file_tempfile, 0, 2, "?nameVar? ?template?"),
    "type": (file_type, 1, 1, "name"),
    "volumes": (file_volumes, 0, 0, ""),
    "writable": (file_writable, 1, 1, "name"),
}

cmd_file = ensemble("file", FILE_SUBCOMMANDS)
