"""pwd and cd (after lives with the event loop, in events.py)."""

import os

from ..runtime.errors import TclError
from ..runtime.registry import command
from ..runtime.values import to_str

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
