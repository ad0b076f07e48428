"""Room on CPython's frame stack for deep Tcl recursion.

Every Tcl proc call is a handful of nested Python calls.  CPython 3.11+
keeps Python frames in 16 KiB chunks and frees a chunk as soon as the frame
at its start returns; a recursive Tcl proc whose depth keeps crossing a
chunk boundary therefore maps and unmaps memory on nearly every call (seen
here: fib(20) spending 80% of its time in mmap/munmap, 6x slower).

The way round it: run a top-level evaluation inside a frame that is large
enough to make CPython allocate a big chunk, with plenty of unused space
after the frame itself.  The frames of the evaluation then stay in that
chunk (about 7000 frames, a Tcl depth of about 1000) and no chunk is
allocated or freed on the way.  The big frame costs a fraction of a
millisecond, so only the outermost entry points (the script runner, the
REPL, Interp.eval) use it.
"""

import sys

# 2**16 local slots (512 KiB): CPython rounds the chunk up to the next power
# of two, 1 MiB, leaving about 512 KiB free after the frame
_RESERVED_SLOTS = 1 << 16


def _call(fn, arg):
    return fn(arg)


def _make_roomy_call():
    if sys.implementation.name != "cpython" or sys.version_info < (3, 11):
        return _call
    try:
        code = _call.__code__
        # one name repeated: the slots are never read by name, and building
        # 65536 distinct names cost ~15 ms of every start-up
        names = code.co_varnames + ("_slot",) * _RESERVED_SLOTS
        roomy = code.replace(co_varnames=names, co_nlocals=len(names))
        return type(_call)(roomy, _call.__globals__, "call_with_stack_room")
    except (TypeError, ValueError):  # a Python whose code objects differ
        return _call


_roomy_call = None


def call_with_stack_room(fn, arg):
    """fn(arg), run from a frame that leaves room for deep recursion."""
    global _roomy_call
    if _roomy_call is None:
        _roomy_call = _make_roomy_call()
    return _roomy_call(fn, arg)
