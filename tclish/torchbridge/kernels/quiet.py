"""Keeping library chatter away from Tcl users: Python warnings and the lines torch's
C++ parts (kineto, c10d) write straight to file descriptors 1 and 2."""

import contextlib
import os
import sys
import warnings


@contextlib.contextmanager
def quiet():
    """Silence Python warnings and C++ log lines on fd 1 and 2 for the block (no Python
    switch reaches kineto's or c10d's logging)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (AttributeError, ValueError, OSError):
                pass
        saved = []
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            for fd in (1, 2):
                saved.append((fd, os.dup(fd)))
                os.dup2(devnull, fd)
            os.close(devnull)
        except OSError:
            pass
        try:
            yield
        finally:
            for fd, copy in saved:
                os.dup2(copy, fd)
                os.close(copy)
