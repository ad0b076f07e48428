"""The event loop's commands: after, vwait, update and fileevent.

The loop itself is runtime/events.py; here are the Tcl-level views of it.
`after` events belong to the interpreter that made them (`after info` lists
only those), though all interpreters of a thread share one loop.
"""

import time

from ..runtime.errors import TclError
from ..runtime.events import eval_global, get_loop, run_handler
from ..runtime.registry import command, resolve_prefix
from ..runtime.values import TclList, to_int, to_str


class AfterEvent:
    __slots__ = ("id", "interp", "script", "kind", "handle")

    def __init__(self, id_, interp, script, kind):
        self.id = id_
        self.interp = interp
        self.script = script
        self.kind = kind
        self.handle = None


def _afters(interp):
    """This interpreter's pending after events, oldest first (id -> event)."""
    table = interp.extensions.get("after-events")
    if table is None:
        table = interp.extensions["after-events"] = {}
    return table


def _script_of(words):
    if len(words) == 1:
        return words[0]
    from .lists_core import concat_values
    return concat_values(words)


def _schedule(interp, kind, ms, words):
    loop = get_loop(interp)
    event = AfterEvent("after#%d" % next(loop.after_ids), interp, _script_of(words), kind)
    table = _afters(interp)
    table[event.id] = event

    def fire():
        if table.pop(event.id, None) is None:
            return
        run_handler(interp, event.script, '("after" script)')

    if kind == "idle":
        event.handle = loop.call_idle(fire)
    else:
        event.handle = loop.call_later(ms / 1000.0, fire)
    return event.id


def _cancel(interp, event):
    _afters(interp).pop(event.id, None)
    loop = get_loop(interp)
    if event.kind == "idle":
        loop.cancel_idle(event.handle)
    else:
        loop.cancel_timer(event.handle)


def _find(interp, ident):
    event = _afters(interp).get(ident)
    if event is None:
        raise TclError('event "%s" doesn\'t exist' % ident, ("TCL", "LOOKUP", "EVENT", ident))
    return event


_AFTER_SUBS = {"cancel": "cancel", "idle": "idle", "info": "info"}


def _time_limit(interp):
    """The time limit (seconds since the epoch) `interp` runs under, or None."""
    lim = interp.limits
    return None if lim is None else lim.time


def _sleep(interp, seconds):
    """A blocking `after`: under a time limit it wakes at the limit, whose
    callbacks may extend it; otherwise `time limit exceeded`, as in Tcl.  An
    `interp cancel` wakes it at once (limits.sleep)."""
    from ..runtime.limits import sleep
    end = time.time() + seconds
    while True:
        now = time.time()
        limit = _time_limit(interp)
        if limit is not None and now >= limit:
            interp.limits.check_time()      # raises unless a callback extended it
            continue
        if now >= end:
            return
        sleep(interp, (end if limit is None else min(end, limit)) - now)


@command("after", 1, None, "option ?arg ...?")
def cmd_after(interp, argv):
    first = argv[1]
    text = to_str(first)
    try:
        ms = to_int(first)
    except TclError:
        ms = None
    if ms is not None and not -(1 << 64) < ms < (1 << 64):
        ms = None       # Tcl_GetWideIntFromObj refuses it: a bad argument, as in tclsh
    if ms is not None:
        if len(argv) == 2:
            if ms > 0:
                from ..runtime.events import flush_std
                flush_std()
                _sleep(interp, ms / 1000.0)
            return ""
        return _schedule(interp, "timer", max(ms, 0), argv[2:])
    try:
        sub = resolve_prefix(_AFTER_SUBS, text, "argument")
    except TclError:
        raise TclError('bad argument "%s": must be cancel, idle, info, or an integer' % text,
                       ("TCL", "LOOKUP", "INDEX", "argument", text)) from None
    if sub == "idle":
        if len(argv) < 3:
            raise TclError('wrong # args: should be "after idle script ?script ...?"',
                           ("TCL", "WRONGARGS"))
        return _schedule(interp, "idle", 0, argv[2:])
    if sub == "cancel":
        if len(argv) < 3:
            raise TclError('wrong # args: should be "after cancel id|command"',
                           ("TCL", "WRONGARGS"))
        table = _afters(interp)
        if len(argv) == 3:
            event = table.get(to_str(argv[2]))
            if event is not None:
                _cancel(interp, event)
                return ""
        script = to_str(_script_of(argv[2:]))
        for event in reversed(list(table.values())):
            if to_str(event.script) == script:
                _cancel(interp, event)
                break
        return ""
    # info
    if len(argv) == 2:
        return TclList(reversed(list(_afters(interp))))
    if len(argv) > 3:
        raise TclError('wrong # args: should be "after info ?id?"', ("TCL", "WRONGARGS"))
    event = _find(interp, to_str(argv[2]))
    return TclList([event.script, event.kind])


# ---- vwait and update --------------------------------------------------------------------

@command("vwait", 1, 1, "name")
def cmd_vwait(interp, argv):
    name = to_str(argv[1])
    from ..runtime.interp import split_array_name
    base, index = split_array_name(name)
    qualified = base if base.startswith("::") else "::" + base
    var = interp.lookup_var(qualified, create=True)
    if index is not None and var.value is not None:
        raise TclError('can\'t trace "%s": variable isn\'t array' % name,
                       ("TCL", "LOOKUP", "VARNAME", base))
    done = []

    def trace(_interp, _base, idx, op):
        if index is None or idx is None or idx == index:
            done.append(op)

    entry = ({"write", "unset"}, trace)
    if var.traces is None:
        var.traces = [entry]
    else:
        var.traces.append(entry)
    loop = get_loop(interp)
    wake = None     # a timer at the time limit, as Tcl's limit keeps one
    try:
        while not done:
            limit = _time_limit(interp)
            if limit is not None and wake is None:
                wake = loop.call_later(max(0.0, limit - time.time()), lambda: None)
            found = loop.do_one_event(block=True)
            _check_cancel(interp)
            if limit is not None and time.time() >= limit:
                wake = None
                try:
                    interp.limits.check_time()
                except TclError:
                    raise TclError("limit exceeded", ("TCL", "EVENT", "LIMIT")) from None
                continue
            if not found:
                raise TclError('can\'t wait for variable "%s": would wait forever' % name,
                               ("TCL", "EVENT", "NO_SOURCES"))
    finally:
        if wake is not None:
            loop.cancel_timer(wake)
        traces = var.traces
        if traces is not None and entry in traces:
            traces.remove(entry)
            if not traces:
                var.traces = None
    return ""


@command("update", 0, 1, "?idletasks?")
def cmd_update(interp, argv):
    loop = get_loop(interp)
    if len(argv) == 2:
        resolve_prefix({"idletasks": 1}, to_str(argv[1]), "option")
        while loop.do_one_event(block=False, idle_only=True):
            _check_cancel(interp)
        return ""
    while loop.do_one_event(block=False):
        _check_cancel(interp)
    return ""


def _check_cancel(interp):
    """After each event, as Tcl_Canceled in vwait and update: a cancel
    requested meanwhile (by a handler, or from another thread, which woke
    the wait) ends the command."""
    lim = interp.limits
    if lim is not None and lim.cancel is not None:
        lim.deliver_cancel()


# ---- fileevent ---------------------------------------------------------------------------

_EVENT_NAMES = {"readable": "r", "writable": "w"}


def channel_event(interp, argv, cmd_name):
    if len(argv) not in (3, 4):
        raise TclError('wrong # args: should be "%s channelId event ?script?"' % cmd_name,
                       ("TCL", "WRONGARGS"))
    from .channels import get_channel
    word = to_str(argv[2])
    kind = _EVENT_NAMES.get(word)
    if kind is None and word:
        hits = [k for k in _EVENT_NAMES if k.startswith(word)]
        kind = _EVENT_NAMES[hits[0]] if len(hits) == 1 else None
    if kind is None:
        raise TclError('bad event name "%s": must be readable or writable' % word,
                       ("TCL", "LOOKUP", "INDEX", "event name", word))
    ch = get_channel(interp, to_str(argv[1]))
    handlers = channel_handlers(ch)
    if len(argv) == 3:
        entry = handlers.get(kind)
        return entry[1] if entry is not None and entry[0] is interp else ""
    if kind == "r" and not ch.readable or kind == "w" and not ch.writable:
        raise TclError('channel is not %s' % word, ("TCL", "OPERATION", "FILEEVENT"))
    script = argv[3]
    loop = get_loop(interp)
    key = (id(ch), kind, "fileevent")
    if not to_str(script):
        handlers.pop(kind, None)
        loop.unwatch(key)
        _note_interest(ch)
        return ""
    handlers[kind] = (interp, script)
    _note_interest(ch)

    def fire():
        entry = handlers.get(kind)
        if entry is None:
            return
        if not run_handler(entry[0], entry[1]):
            # a failing handler is removed, as Tcl does
            if handlers.get(kind) is entry:
                handlers.pop(kind, None)
                loop.unwatch(key)

    fd = event_fd(ch, kind)
    ready = getattr(ch, "input_ready", None) if kind == "r" else None
    loop.watch(key, fd, kind, fire, ready)
    return ""


def _note_interest(ch):
    """A reflected channel's handler hears which events are wanted (`watch`)."""
    note = getattr(ch, "watch_interest", None)
    if note is not None:
        note()


def channel_handlers(ch):
    handlers = getattr(ch, "event_handlers", None)
    if handlers is None:
        handlers = {}
        try:
            ch.event_handlers = handlers
        except AttributeError:
            pass
    return handlers


def event_fd(ch, kind):
    fd = getattr(ch, "wfd", None) if kind == "w" else None
    if fd is None:
        fd = getattr(ch, "fd", None)
    if fd is None and hasattr(ch, "stream"):
        try:
            fd = ch.stream().fileno()
        except (AttributeError, OSError, ValueError):
            fd = None
    return fd


def forget_channel(interp, ch):
    """Drop a closing channel's handlers from the loop."""
    handlers = getattr(ch, "event_handlers", None)
    loop = get_loop(interp)
    if handlers:
        for kind in list(handlers):
            loop.unwatch((id(ch), kind, "fileevent"))
        handlers.clear()
    for key in [k for k in loop.watchers if k[0] == id(ch)]:
        loop.unwatch(key)


@command("::tcl::Bgerror", 0, None, "")
def cmd_tcl_bgerror(interp, argv):
    from ..runtime.events import cmd_default_bgerror
    return cmd_default_bgerror(interp, argv)


@command("fileevent", 2, 3, "channelId event ?script?")
def cmd_fileevent(interp, argv):
    return channel_event(interp, argv, "fileevent")


__all__ = ["cmd_after", "cmd_vwait", "cmd_update", "cmd_fileevent", "eval_global"]


# ---- fcopy -command -------------------------------------------------------------------

def background_copy(interp, src, dst, size, callback):
    """`fcopy src dst ?-size n? -command cb`: copy as input arrives, from the
    event loop, then call `cb bytes ?error?` at the global level."""
    loop = get_loop(interp)
    key = (id(src), "r", "fcopy")
    fd = getattr(src, "fd", None)
    was_blocking = None
    if fd is not None and fd >= 0:
        # the copy must never block the loop, whatever the channel's mode
        try:
            import os
            was_blocking = os.get_blocking(fd)
            os.set_blocking(fd, False)
        except OSError:
            was_blocking = None
    state = {"total": 0, "left": size}
    sides = ((src, "copy_reading"), (dst, "copy_writing"))
    for ch, side in sides:
        try:
            setattr(ch, side, True)      # another fcopy that way is refused meanwhile
        except AttributeError:
            pass

    def finish(error=None):
        loop.unwatch(key)
        for ch, side in sides:
            try:
                setattr(ch, side, False)
            except AttributeError:
                pass
        if was_blocking is not None and getattr(src, "fd", -1) >= 0:
            try:
                import os
                os.set_blocking(src.fd, was_blocking)
            except OSError:
                pass
        try:
            dst.flush()
        except TclError as e:
            error = error or e.message
        words = TclList([state["total"]] if error is None else [state["total"], error])
        script = to_str(callback) + " " + to_str(words)
        run_handler(interp, script)

    def step():
        left = state["left"]
        chunk = 1 << 16 if left is None else min(left, 1 << 16)
        try:
            text = src.read(chunk) if chunk else ""
            if text:
                dst.write(text)
        except TclError as e:
            finish(e.message)
            return
        n = len(text) if dst.encoding == "binary" else len(text.encode("utf-8", "surrogateescape"))
        state["total"] += n
        if left is not None:
            state["left"] = left - len(text)
        if src.eof() or state["left"] == 0:
            finish()

    loop.watch(key, fd, "r", step, getattr(src, "input_ready", None))
    return ""
