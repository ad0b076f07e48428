"""pwd and cd (after lives with the event loop, in events.py)."""

import errno
import os

from ..runtime.channel import os_tcl_error
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
    except OSError as e:
        raise os_tcl_error('couldn\'t change working directory to "%s"' % target, e) from None
    except ValueError:      # a NUL in the name
        raise os_tcl_error('couldn\'t change working directory to "%s"' % target,
                           errno.EINVAL) from None
    return ""
