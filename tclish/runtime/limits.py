"""Resource limits of an interpreter (`interp limit`): command count and time.

An interpreter with a limit runs without the compiler's inlined forms (see
`compile/inline.py`) and without cached command lookups, so every command it
runs passes through `tick()`; interpreters without limits pay nothing.  As in
Tcl, a limit is checked every `granularity` commands; when it is exceeded the
callbacks (run in the interpreter that set them) may raise it, and if they
don't the command fails with `command count limit exceeded` or `time limit
exceeded`, and keeps failing until the limit is raised or removed.
"""

import time

from .errors import TclError


class Limits:
    __slots__ = ("interp", "commands", "cmd_granularity", "cmd_handlers",
                 "time", "time_granularity", "time_handlers", "count", "in_callback")

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

    def active(self):
        return self.commands is not None or self.time is not None

    def tick(self):
        self.count += 1
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
        if self.time is not None and not self.in_callback and time.time() >= self.time:
            self._exceeded("time")

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


__all__ = ["Limits", "limits_of", "update_active"]
