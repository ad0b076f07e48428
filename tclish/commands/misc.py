"""after, pwd, cd."""

import os
import time

from ..runtime.errors import TclError
from ..runtime.registry import command
from ..runtime.values import to_int, to_str

@command("after", 1, None, "option ?arg ...?")
def cmd_after(interp, argv):
    first = to_str(argv[1])
    try:
        ms = to_int(first)
    except TclError:
        if first in ("idle", "cancel", "info"):
            return ""
        raise TclError('bad argument "%s": must be cancel, idle, info, or an integer' % first,
                       ("TCL", "LOOKUP", "INDEX", "argument", first)) from None
    if len(argv) == 2:
        time.sleep(max(ms, 0) / 1000.0)
        return ""
    return "after#0"


@command("pwd", 0, 0, "")
def cmd_pwd(interp, argv):
    return os.getcwd()


@command("cd", 0, 1, "?dirName?")
def cmd_cd(interp, argv):
    target = to_str(argv[1]) if len(argv) > 1 else os.path.expanduser("~")
    try:
        os.chdir(target)
    except OSError:
        raise TclError('couldn\'t change working directory to "%s": no such file or directory' % target,
                       ("POSIX", "ENOENT", "no such file or directory")) from None
    return ""
