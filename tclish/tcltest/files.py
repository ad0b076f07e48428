"""Scratch files and folders (makeFile, viewFile, ...), the working
directory, and the small helpers test files call (normalizeMsg, bytestring)."""

import os
import shutil

from ..runtime.errors import TclError
from ..runtime.values import to_str
from .state import get_state


def _usage(argv, usage):
    return TclError('wrong # args: should be "%s %s"' % (to_str(argv[0]), usage),
                    ("TCL", "WRONGARGS"))


def _target(interp, argv, lo, usage):
    """(state, full path) for `cmd ... name ?directory?` with `name` at argv[lo]."""
    if len(argv) not in (lo + 1, lo + 2):
        raise _usage(argv, usage)
    st = get_state(interp)
    st.note_existing_files()
    directory = to_str(argv[lo + 1]) if len(argv) == lo + 2 else st.options["-tmpdir"]
    return st, os.path.join(directory, to_str(argv[lo]))


def _os_error(action, path, e):
    return TclError('couldn\'t %s "%s": %s' % (action, path, (e.strerror or str(e)).lower()),
                    ("POSIX", "EIO", e.strerror or str(e)))


def cmd_makeFile(interp, argv):
    st, path = _target(interp, argv, 2, "contents name ?directory?")
    contents = to_str(argv[1])
    if not contents.endswith("\n"):
        contents += "\n"
    try:
        with open(path, "w", encoding="utf-8", errors="surrogateescape", newline="\n") as f:
            f.write(contents)
    except OSError as e:
        raise _os_error("open", path, e) from None
    if path not in st.files_made:
        st.files_made.append(path)
    return path


def cmd_removeFile(interp, argv):
    st, path = _target(interp, argv, 1, "name ?directory?")
    if path in st.files_made:
        st.files_made.remove(path)
    try:
        if os.path.lexists(path) and not os.path.isdir(path):
            os.remove(path)
    except OSError:
        pass
    return ""


def cmd_makeDirectory(interp, argv):
    st, path = _target(interp, argv, 1, "name ?directory?")
    try:
        os.makedirs(path, exist_ok=True)
    except OSError as e:
        raise _os_error("create directory", path, e) from None
    if path not in st.files_made:
        st.files_made.append(path)
    return path


def cmd_removeDirectory(interp, argv):
    st, path = _target(interp, argv, 1, "name ?directory?")
    if path in st.files_made:
        st.files_made.remove(path)
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path, ignore_errors=True)
    elif os.path.lexists(path):
        os.remove(path)
    return ""


def cmd_viewFile(interp, argv):
    _, path = _target(interp, argv, 1, "name ?directory?")
    try:
        with open(path, encoding="utf-8", errors="surrogateescape", newline="") as f:
            data = f.read()
    except OSError as e:
        raise _os_error("open", path, e) from None
    return data[:-1] if data.endswith("\n") else data


def cmd_workingDirectory(interp, argv):
    if len(argv) > 2:
        raise _usage(argv, "?dir?")
    st = get_state(interp)
    if len(argv) == 2:
        path = os.path.normpath(os.path.join(os.getcwd(), to_str(argv[1])))
        try:
            os.chdir(path)
        except OSError:
            raise TclError('couldn\'t change working directory to "%s": no such file or directory'
                           % path, ("POSIX", "ENOENT", "no such file or directory")) from None
        st.working_dir = path
    return st.working_dir


def cmd_normalizeMsg(interp, argv):
    if len(argv) != 2:
        raise _usage(argv, "msg")
    msg = to_str(argv[1]).lower()
    if msg.endswith("\n"):
        msg = msg[:-1]
    return msg.replace("\n\n", "\n").replace("\n}", "}")


def cmd_normalizePath(interp, argv):
    # a built-in runs in its caller's frame, so pathVar is read and written there
    if len(argv) != 2:
        raise _usage(argv, "pathVar")
    name = to_str(argv[1])
    resolved = os.path.realpath(to_str(interp.get_var(name)))
    return interp.set_var(name, resolved)


def cmd_bytestring(interp, argv):
    # tclish strings are already sequences of characters; "identity" is a no-op
    if len(argv) != 2:
        raise _usage(argv, "string")
    return argv[1]
