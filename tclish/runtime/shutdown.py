"""Closing an interpreter: every channel it (or a child) still has open is
flushed and closed, as tclsh does at exit, so nothing written is lost.

The command-line runner calls `close_interp` on every way out (end of
script, `exit N`, an uncaught error, Ctrl-C); the embedding `Interp` calls
it from `close()`, when garbage-collected, and at interpreter exit.
"""

STD_NAMES = ("stdin", "stdout", "stderr")


def close_interp(interp):
    """Flush and close the channels of `interp` and of its children; errors
    on the way are ignored (there is nobody left to report them to)."""
    if interp.extensions.get("closed"):
        return
    interp.extensions["closed"] = True
    for child in list(interp.extensions.get("interp-children", {}).values()):
        close_interp(child)
    for name, ch in list(interp.channels.items()):
        if name in STD_NAMES:
            continue
        shared = getattr(ch, "tcl_shared", 1)
        if shared > 1:  # still open in another interpreter (interp share)
            ch.tcl_shared = shared - 1
            interp.channels.pop(name, None)
            continue
        try:
            ch.close()
        except Exception:
            pass
        interp.channels.pop(name, None)
    for stream in (interp.stdout, interp.stderr):
        try:
            stream.flush()
        except Exception:
            pass


__all__ = ["close_interp"]
