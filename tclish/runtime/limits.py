"""Resource limits of an interpreter (`interp limit`): command count and time.

An interpreter with a limit runs without the compiler's inlined forms (see
`compile/inline.py`) and without cached command lookups, so every command it
runs passes through `tick()`; interpreters without limits pay nothing.  As in
Tcl, a limit is checked every `granularity` commands; when it is exceeded the
callbacks (run in the interpreter that set them) may raise it, and if they
don't the command fails with `command count limit exceeded` or `time limit
exceeded`, and keeps failing until the limit is raised or removed.

`interp cancel` rides on the same check: a cancel request sets `cancel` on
the record and makes it active (from a Python thread too: request_cancel
only stores and bumps counters), so the interpreter's next command fails
with `eval canceled` (or the given result), errorCode `TCL CANCEL ICANCEL
msg`, once.  With -unwind the failure is CancelUnwind, which no `catch`
sees (it is no Exception); it turns into the TclError where the canceled
interpreter's outermost evaluation ends (Interp.eval at depth 1, a child's
`interp eval`, a sourced top-level script).
"""

import sys
import time

from .errors import TclError


class CancelUnwind(BaseException):
    """`interp cancel -unwind` under way: passes every `catch` (and every
    `except Exception`) until the canceled interpreter's outermost
    evaluation, which raises `error` (a TclError) instead."""

    def __init__(self, error):
        BaseException.__init__(self, error.message)
        self.error = error


def cancel_error(message, unwind, code=None):
    """The error (or CancelUnwind) a cancel request is delivered as."""
    text = message if message else ("eval unwound" if unwind else "eval canceled")
    if code is None:
        code = ("TCL", "CANCEL", "IUNWIND" if unwind else "ICANCEL", text)
    err = TclError(text, code)
    return CancelUnwind(err) if unwind else err


class Limits:
    __slots__ = ("interp", "commands", "cmd_granularity", "cmd_handlers",
                 "time", "time_granularity", "time_handlers", "count", "in_callback",
                 "cancel", "cancel_epochs")

    def __init__(self, interp):
        self.interp = interp
        self.commands = None          # the command count limit, or None
        self.cmd_granularity = 1
        self.cmd_handlers = []        # [(owner interp, cmdPrefix value)]
        self.time = None              # the time limit in seconds since the epoch, or None
        self.time_granularity = 10
        self.time_handlers = []
        self.count = 0
        self.in_callback = False
        self.cancel = None            # (message or None, unwind, errorCode or None) while pending
        self.cancel_epochs = None     # (core_epoch before, after) the request's bump

    def active(self):
        return self.commands is not None or self.time is not None or self.cancel is not None

    def tick(self):
        self.count += 1
        if self.cancel is not None:
            self.deliver_cancel()
        if self.in_callback:
            return
        if self.commands is not None and self.count % self.cmd_granularity == 0 \
                and self.count > self.commands:
            self._exceeded("commands")
        if self.time is not None and self.count % self.time_granularity == 0 \
                and time.time() >= self.time:
            self._exceeded("time")

    def check_time(self):
        """For loops whose body runs no command: the time limit only."""
        if self.cancel is not None:
            self.deliver_cancel()
        if self.time is not None and not self.in_callback and time.time() >= self.time:
            self._exceeded("time")

    def deliver_cancel(self, at_entry=False):
        """Raise the pending cancel (once), and put the interpreter back as
        it was: without other limits, compiled code runs at full speed
        again (the inlined forms too, unless a core command changed since).
        `at_entry`: raised as an evaluation starts, before any command (the
        error then names no command of its own, as in Tcl)."""
        request, self.cancel = self.cancel, None
        if request is None:
            return
        interp = self.interp
        if not self.active():
            interp.limits = None
            interp.epoch += 1
            epochs, self.cancel_epochs = self.cancel_epochs, None
            if epochs is not None and interp.core_epoch == epochs[1]:
                interp.core_epoch = epochs[0]
        err = cancel_error(*request)
        if at_entry:
            (err.error if type(err) is CancelUnwind else err).context_added = True
        raise err

    def _over(self, kind):
        if kind == "commands":
            return self.commands is not None and self.count > self.commands
        return self.time is not None and time.time() >= self.time

    def _exceeded(self, kind):
        handlers = self.cmd_handlers if kind == "commands" else self.time_handlers
        if handlers:
            self.in_callback = True
            try:
                for owner, prefix in list(handlers):
                    _run_callback(owner, prefix)
                    if not self._over(kind):
                        break
            finally:
                self.in_callback = False
        if self._over(kind):
            if kind == "commands":
                raise TclError("command count limit exceeded", ("TCL", "LIMIT", "COMMANDS"))
            raise TclError("time limit exceeded", ("TCL", "LIMIT", "TIME"))


def _run_callback(owner, prefix):
    """A limit callback runs at the global level of the interpreter that
    set it; its errors are background errors there, as in Tcl."""
    from ..commands.interps import eval_in, is_deleted
    if is_deleted(owner):
        return
    try:
        eval_in(owner, [prefix])
    except TclError as e:
        from ..commands.interps import background_error
        background_error(owner, e)


def limits_of(interp):
    """The Limits record of an interpreter (made on first request; kept in
    its extensions so that the count survives while no limit is set)."""
    lim = interp.extensions.get("limits")
    if lim is None:
        lim = interp.extensions["limits"] = Limits(interp)
    return lim


def update_active(interp):
    """Point `interp.limits` at the record while a limit is set, else None,
    and send compiled code back to ordinary (counted) dispatch."""
    lim = limits_of(interp)
    new = lim if lim.active() else None
    if new is not interp.limits:
        interp.limits = new
        interp.epoch += 1
        interp.core_epoch += 1
        interp.script_cache.clear()


def request_cancel(interp, message=None, unwind=False, code=None):
    """Cancel what `interp` is evaluating (or, when idle, its next
    evaluation): its next command fails.  Safe to call from another Python
    thread than the one evaluating: it only stores the request and bumps
    the counters that make compiled code take the checked way (cached
    command lookups and inlined commands both look at them)."""
    lim = limits_of(interp)
    lim.cancel = (message, bool(unwind), code)
    if interp.limits is not lim:
        before = interp.core_epoch
        interp.limits = lim
        interp.epoch += 1
        interp.core_epoch += 1
        lim.cancel_epochs = (before, interp.core_epoch)
    wake = interp.extensions.get(_WAKE)
    if wake is not None:
        wake.set()
    events = sys.modules.get(__package__ + ".events")
    if events is not None:          # (no event loop exists before it is imported)
        events.wake_loops()


_WAKE = "cancel-wake"


def sleep(interp, seconds):
    """time.sleep(seconds) for `after ms` and the event loop's wait for a
    timer, cut short by a cancel request (Interp.cancel() from another
    thread sets the event it waits on), which is then raised."""
    import threading
    wake = interp.extensions.get(_WAKE)
    if wake is None:
        wake = interp.extensions.setdefault(_WAKE, threading.Event())
    lim = interp.limits
    # (request_cancel stores the request before it looks for the event)
    if lim is None or lim.cancel is None:
        wake.wait(seconds)
        wake.clear()
        lim = interp.limits
    if lim is not None and lim.cancel is not None:
        lim.deliver_cancel()


def unwound(interp, u):
    """At the end of an evaluation of `interp` a CancelUnwind passes: the
    TclError to raise if that evaluation was its outermost (depth 1, the
    evaluation's own level still counted), else None (go on unwinding)."""
    if interp.depth <= 1:
        return u.error
    return None


__all__ = ["CancelUnwind", "Limits", "cancel_error", "limits_of", "request_cancel", "sleep",
           "unwound", "update_active"]
