"""`pid ?channelId?`: this process's id, or the ids of a pipeline channel's
processes (a channel made by exec's `open |...` keeps them in `pids`;
plain files have none)."""

import os

from ..runtime.registry import command
from ..runtime.values import TclList, to_str


@command("pid", 0, 1, "?channelId?")
def cmd_pid(interp, argv):
    if len(argv) == 1:
        return os.getpid()
    from .channels import get_channel
    chan = get_channel(interp, to_str(argv[1]))
    return TclList([str(p) for p in getattr(chan, "pids", ())])
