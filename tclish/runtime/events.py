"""The event loop: timers, idle callbacks, file readiness and posted events.

One loop serves a whole thread, as Tcl's notifier does: a child interpreter's
`after` fires while its parent waits in `vwait`.  It follows Tcl_DoOneEvent:
`do_one_event` serves one posted event if any; otherwise it fires the timers
that are due (all of them, but none created meanwhile), or waits on the file
descriptors being watched (the standard library's `selectors`) and posts an
event for each ready one; idle callbacks run only when nothing else was
ready.  Everything a command schedules is a plain Python callable, so
`after`, `fileevent`, server sockets, `fcopy -command` and background
flushing all share this one mechanism.

A Ctrl-C during the wait raises KeyboardInterrupt out of `select`, so it
interrupts `vwait` and `update` like any other long-running command.  Every
blocking wait is a `select` that also watches the loop's wake-up pipe:
`wake_loops` (called by a cancel request, from any thread) writes a byte to
it, and `do_one_event` then returns as after an event, so `vwait` looks at
the request at once, as Tcl's notifier is alerted by Tcl_CancelEval.
"""

import collections
import heapq
import itertools
import os
import selectors
import sys
import threading
import time
import weakref

from .errors import TclError, TclSignal


class Timer:
    __slots__ = ("due", "seq", "callback", "cancelled")

    def __init__(self, due, seq, callback):
        self.due = due
        self.seq = seq
        self.callback = callback
        self.cancelled = False

    def __lt__(self, other):
        return (self.due, self.seq) < (other.due, other.seq)


class Watcher:
    """A callback for when `fd` is readable ("r") or writable ("w").
    `ready_now`, when given, says the event is due without asking the OS
    (input already buffered in the channel, say)."""

    __slots__ = ("fd", "kind", "callback", "ready_now", "posted")

    def __init__(self, fd, kind, callback, ready_now=None):
        self.fd = fd
        self.kind = kind
        self.callback = callback
        self.ready_now = ready_now
        self.posted = False


class EventLoop:
    def __init__(self):
        self.timers = []                       # heap of Timer
        self.idle = collections.deque()        # (seq, callback)
        self.queue = collections.deque()       # callables ready to run
        self.watchers = {}                     # key -> Watcher
        self.seq = itertools.count(1)
        self.after_ids = itertools.count(0)
        self._selector = None
        self._registered = {}                  # fd -> events mask
        self._dirty = True
        # the self-pipe a wait also watches: made with the loop, so that a
        # wake-up written before the wait starts is not lost
        self._wake_r, self._wake_w = os.pipe()
        os.set_blocking(self._wake_r, False)
        os.set_blocking(self._wake_w, False)
        _loops.add(self)

    def __del__(self):
        for fd in (self._wake_r, self._wake_w):
            try:
                os.close(fd)
            except (OSError, TypeError):
                pass

    def wake(self):
        """Make this loop's wait (or its next one) return at once; safe from
        any thread.  A full pipe already holds a wake-up."""
        try:
            os.write(self._wake_w, b"!")
        except OSError:
            pass

    def _drain_wake(self):
        try:
            while os.read(self._wake_r, 512):
                pass
        except OSError:
            pass

    # ---- scheduling -------------------------------------------------------------

    def call_later(self, seconds, callback):
        timer = Timer(time.monotonic() + max(seconds, 0.0), next(self.seq), callback)
        heapq.heappush(self.timers, timer)
        return timer

    def cancel_timer(self, timer):
        timer.cancelled = True

    def call_idle(self, callback):
        entry = [next(self.seq), callback]
        self.idle.append(entry)
        return entry

    def cancel_idle(self, entry):
        entry[1] = None

    def post(self, callback):
        self.queue.append(callback)

    def watch(self, key, fd, kind, callback, ready_now=None):
        self.watchers[key] = Watcher(fd, kind, callback, ready_now)
        self._dirty = True

    def unwatch(self, key):
        if self.watchers.pop(key, None) is not None:
            self._dirty = True

    def forget(self, owner):
        """Forget every watcher whose key starts with `owner` (a closing channel)."""
        keys = [k for k in self.watchers if type(k) is tuple and k and k[0] == owner]
        for key in keys:
            del self.watchers[key]
        if keys:
            self._dirty = True

    def unwatch_fd(self, fd):
        """Forget every watcher of a descriptor about to be closed."""
        for key in [k for k, w in self.watchers.items() if w.fd == fd]:
            del self.watchers[key]
        self._dirty = True

    # ---- running ------------------------------------------------------------------

    def has_sources(self):
        return bool(self.queue or self.idle or self.watchers
                    or any(not t.cancelled for t in self.timers))

    def do_one_event(self, block=True, idle_only=False):
        """Serve one event; False when there was nothing to do (and, with
        `block`, nothing that could ever happen)."""
        if idle_only:
            return self._run_idle()
        while True:
            if self.queue:
                self.queue.popleft()()
                return True
            self._drop_cancelled_timers()
            now = time.monotonic()
            if self.timers and self.timers[0].due <= now:
                self._run_timers(now)
                return True
            if block and not self.idle:
                timeout = max(0.0, self.timers[0].due - now) if self.timers else None
            else:
                timeout = 0.0
            if timeout != 0.0:
                flush_std()
            if (self.watchers or timeout) and self._poll(timeout):
                return True             # woken (a cancel request): let the caller look
            if self.queue:
                continue
            if self._run_idle():
                return True
            if self.timers and self.timers[0].due <= time.monotonic():
                continue
            if not block:
                return False
            if not self.watchers and not self.timers:
                return False

    def _drop_cancelled_timers(self):
        timers = self.timers
        while timers and timers[0].cancelled:
            heapq.heappop(timers)

    def _run_timers(self, now):
        # all timers due now, but none made by these handlers (Tcl's rule)
        limit = next(self.seq)
        timers = self.timers
        while timers and timers[0].due <= now:
            timer = timers[0]
            if timer.seq > limit:
                break
            heapq.heappop(timers)
            if not timer.cancelled:
                timer.cancelled = True
                timer.callback()
            self._drop_cancelled_timers()

    def _run_idle(self):
        if not self.idle:
            return False
        limit = next(self.seq)
        ran = False
        while self.idle and self.idle[0][0] < limit:
            entry = self.idle.popleft()
            callback = entry[1]
            if callback is not None:
                entry[1] = None
                ran = True
                callback()
        return ran

    def _poll(self, timeout):
        """Wait up to `timeout` seconds (None: until something happens) for
        the watched descriptors, and post an event for each ready one.
        True when the wake-up pipe ended the wait."""
        ready = []
        for w in list(self.watchers.values()):
            if w.ready_now is not None and w.ready_now():
                ready.append(w)
        if ready:
            timeout = 0.0
        sel = self._sync_selector()
        woken = False
        try:
            events = sel.select(timeout)
        except OSError:
            events = []
            self._dirty = True
        if events:
            masks = {key.fd: mask for key, mask in events}
            if masks.pop(self._wake_r, None):
                woken = True
                self._drain_wake()
            for w in list(self.watchers.values()):
                mask = masks.get(w.fd)
                if mask and w not in ready:
                    want = selectors.EVENT_READ if w.kind == "r" else selectors.EVENT_WRITE
                    if mask & want:
                        ready.append(w)
        for w in ready:
            if not w.posted:
                w.posted = True
                self.queue.append(self._fire(w))
        return woken and not ready

    def _fire(self, watcher):
        def run():
            watcher.posted = False
            # the watcher may have gone while the event waited in the queue
            if any(w is watcher for w in self.watchers.values()):
                watcher.callback()
        return run

    def _sync_selector(self):
        if not self._dirty:
            return self._selector
        self._dirty = False
        if self._selector is None:
            # poll, unlike epoll, accepts plain files (always ready, as in Tcl)
            cls = getattr(selectors, "PollSelector", selectors.SelectSelector)
            self._selector = cls()
        sel = self._selector
        want = {self._wake_r: selectors.EVENT_READ}
        for w in self.watchers.values():
            if w.fd is None or w.fd < 0:
                continue
            want[w.fd] = want.get(w.fd, 0) | (
                selectors.EVENT_READ if w.kind == "r" else selectors.EVENT_WRITE)
        for fd in list(self._registered):
            if fd not in want:
                try:
                    sel.unregister(fd)
                except (KeyError, ValueError, OSError):
                    pass
                del self._registered[fd]
        for fd, mask in want.items():
            old = self._registered.get(fd)
            if old == mask:
                continue
            try:
                if old is None:
                    sel.register(fd, mask)
                else:
                    sel.modify(fd, mask)
                self._registered[fd] = mask
            except (KeyError, ValueError, OSError):
                # closed behind our back: keep the mask so it is not retried
                self._registered.pop(fd, None)
        return sel


def flush_std():
    """Flush the process's stdout and stderr before waiting.  Tcl's stdout
    is line-buffered even on a pipe; Python's is not, so a child tclish that
    prints a line and then waits for events (or reads its stdin) would hold
    that line back from the parent waiting for it."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError, AttributeError):
            pass


_local = threading.local()
_loops = weakref.WeakSet()      # every thread's loop, for wake_loops


def wake_loops():
    """Wake every thread's loop from its wait (a cancel request does not
    know which thread evaluates the interpreter it cancels; a loop woken
    for nothing just waits again)."""
    for loop in list(_loops):
        loop.wake()


def get_loop(interp=None):
    """This thread's event loop."""
    loop = getattr(_local, "loop", None)
    if loop is None:
        loop = _local.loop = EventLoop()
    return loop


# ---- running scripts on behalf of the loop ----------------------------------------------

def eval_global(interp, script):
    """Evaluate `script` at the global level of `interp`, as event handlers run."""
    saved = interp.frame
    interp.frame = interp.global_frame
    interp.cur_ns = interp.global_ns
    try:
        return interp.eval(script)
    finally:
        interp.frame = saved
        interp.cur_ns = saved.ns


def run_handler(interp, script, context=None):
    """Run an event handler script; an error in it becomes a background
    error.  Returns False when the script failed."""
    if getattr(interp, "deleted", False):
        return True
    try:
        eval_global(interp, script)
        return True
    except TclError as e:
        if context:
            e.errorinfo += "\n    " + context
        background_error(interp, e)
    except TclSignal as s:
        err = signal_error(s)
        if err is None:
            return True
        if context:
            err.errorinfo += "\n    " + context
        background_error(interp, err)
    return False


def signal_error(signal):
    """The background error for a handler that ended with break, continue
    or an odd return code (None for a plain `return`)."""
    code = signal.code
    if code in (0, 2):
        return None
    if code in (3, 4):
        text = 'invoked "%s" outside of a loop' % ("break" if code == 3 else "continue")
    else:
        text = "command returned bad code: %s" % code
    return TclError(text, ("TCL", "RESULT", "UNEXPECTED") if code in (3, 4) else "NONE")


# ---- background errors ------------------------------------------------------------------

DEFAULT_BGERROR = "::tcl::Bgerror"


def bgerror_handler(interp):
    return interp.extensions.get("bgerror-handler", DEFAULT_BGERROR)


def set_bgerror_handler(interp, prefix):
    interp.extensions["bgerror-handler"] = prefix


def background_error(interp, err):
    """Queue a background error; the handler runs from an idle callback, as
    Tcl_BackgroundException arranges."""
    pending = interp.extensions.setdefault("bgerrors", [])
    pending.append(err)
    if len(pending) == 1:
        get_loop(interp).call_idle(lambda: _report_bgerrors(interp))


def _report_bgerrors(interp):
    from .values import TclList, to_list
    pending = interp.extensions.pop("bgerrors", [])
    for err in pending:
        prefix = bgerror_handler(interp)
        options = TclList(["-code", 1, "-level", 0, "-errorcode",
                           err.errorcode if isinstance(err.errorcode, str)
                           else TclList(err.errorcode),
                           "-errorinfo", err.errorinfo])
        saved = interp.frame
        interp.frame = interp.global_frame
        interp.cur_ns = interp.global_ns
        try:
            interp.invoke(list(to_list(prefix)) + [err.message, options])
        except TclSignal as s:
            if s.code == 3:      # break: drop the rest, as Tcl does
                return
        except TclError as e2:
            _write_stderr(interp, "%s\n" % e2.errorinfo)
        finally:
            interp.frame = saved
            interp.cur_ns = saved.ns


def cmd_default_bgerror(interp, argv):
    """::tcl::Bgerror msg options: call the `bgerror` command if there is one,
    else print errorInfo on stderr (TclDefaultBgErrorHandlerObjCmd)."""
    from .values import to_int, to_list, to_str
    if len(argv) != 3:
        raise TclError('wrong # args: should be "%s msg options"' % to_str(argv[0]),
                       ("TCL", "WRONGARGS"))
    items = list(to_list(argv[2]))
    opts = {to_str(items[i]): items[i + 1] for i in range(0, len(items) - 1, 2)}
    for key in ("-level", "-code"):
        if key not in opts:
            raise TclError('missing return option "%s"' % key, ("TCL", "ARGUMENT", "MISSING"))
        to_int(opts[key])
    code = to_int(opts["-code"])
    if code == 0:
        return ""
    message = to_str(argv[1])
    if code != 1:
        if code in (3, 4):
            message = 'invoked "%s" outside of a loop' % ("break" if code == 3 else "continue")
        else:
            message = "command returned bad code: %d" % code
    info = to_str(opts.get("-errorinfo", message))
    ecode = opts.get("-errorcode", "NONE")
    if interp.resolve_command("bgerror") is None:
        _write_stderr(interp, info + "\n")
        return ""
    gv = interp.global_ns.vars
    interp.set_var("::errorInfo", info)
    interp.set_var("::errorCode", ecode)
    try:
        interp.invoke(["bgerror", message])
    except TclError as e2:
        _write_stderr(interp, "bgerror failed to handle background error.\n"
                      "    Original error: %s\n    Error in bgerror: %s\n"
                      % (message, e2.message))
    del gv
    return ""


def _write_stderr(interp, text):
    try:
        interp.stderr.write(text)
        interp.stderr.flush()
    except (OSError, ValueError):
        pass
