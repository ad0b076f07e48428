"""`chan create`: channels whose I/O is done by a Tcl command (reflected
channels, TIP 219).

The handler is called as `cmdprefix method channel ?arg ...?`; `initialize`
says which methods it supports.  A `RefChannel` is an ordinary `Channel`
whose raw reads and writes call the handler's `read` and `write`, so
buffering, encodings and translations are the file channel's.
"""

from ..runtime.channel import Channel
from ..runtime.errors import ReturnSignal, TclError, TclSignal
from ..runtime.lists import format_list
from ..runtime.values import TclList, to_int, to_list, to_str

METHODS = ("blocking", "cget", "cgetall", "configure", "finalize", "initialize", "read",
           "seek", "watch", "write")
_REQUIRED = ("initialize", "finalize", "watch")


def _latin1(text):
    return bytes(ord(c) & 0xFF for c in text)


def call_handler(interp, words, method):
    """Run a handler method at global level, as Tcl's reflected channels and
    transforms do: an error gains "(chan handler subcommand ...)"; any code
    but ok and error is an error itself ("chan handler returned bad code")."""
    saved = interp.frame
    interp.frame = interp.global_frame
    interp.cur_ns = interp.global_ns
    try:
        try:
            return interp.invoke(words)
        finally:
            interp.frame = saved
            interp.cur_ns = saved.ns
    except TclError as e:
        err = HandlerError(e.message)
        err.__dict__.update(e.__dict__)
    except TclSignal as s:
        code = 2 if isinstance(s, ReturnSignal) and s.level > 0 else s.code
        err = HandlerError("chan handler returned bad code: %d" % code, "NONE")
    interp.add_error_context(err, format_list([to_str(w) for w in words]), 1)
    err.errorinfo += '\n    (chan handler subcommand "%s")' % method
    err.context_added = True
    raise err from None


class HandlerError(TclError):
    """A handler's error as the channel command reports it: Tcl passes it on
    through the channel, and its -errorline stays the handler's line 1."""

    @property
    def errorline(self):
        return 1

    @errorline.setter
    def errorline(self, value):
        pass


def _even_pairs(value):
    items = list(to_list(value))
    if len(items) % 2:
        n = len(items)
        raise TclError("Expected list with even number of elements, got %d element%s instead"
                       % (n, "" if n == 1 else "s"), ("TCL", "OPERATION", "REFCHAN"))
    return items


class RefChannel(Channel):
    kind = "reflected"
    duplex = True
    reflected_options = True

    def __init__(self, interp, name, prefix, methods, readable, writable):
        Channel.__init__(self, name, -1, readable, writable)
        self.interp = interp
        self.prefix = prefix
        self.methods = methods
        self.interest = ()
        self.closed = False

    def call(self, method, *args):
        words = list(self.prefix) + [method, self.name] + list(args)
        return call_handler(self.interp, words, method)

    def _raw_read(self, n):
        n = self.buffersize
        try:
            data = self.call("read", n)
        except TclError as e:
            if e.message == "EAGAIN" or str(e.errorcode).startswith("POSIX EAGAIN"):
                raise BlockingIOError() from None
            raise
        text = to_str(data)
        if len(text) > n:
            raise TclError("read delivered more than requested",
                           ("TCL", "OPERATION", "REFCHAN"))
        return _latin1(text)

    def _raw_write(self, data):
        text = data.decode("latin-1")
        try:
            result = self.call("write", text)
        except TclError as e:
            if e.message == "EAGAIN":
                # the handler can't take data now: ask for writable events
                self.watch_interest(extra="w")
                raise BlockingIOError() from None
            raise
        written = to_int(result)
        if written < 0:
            # as Tcl: a failure with no error text; the queued output is dropped
            return len(data)
        if written == 0 and data:
            raise TclError("write wrote nothing", ("TCL", "OPERATION", "REFCHAN"))
        if written > len(data):
            raise TclError("write wrote more than requested", ("TCL", "OPERATION", "REFCHAN"))
        return written

    def set_blocking(self, flag):
        if "blocking" in self.methods:
            self.call("blocking", 1 if flag else 0)
        self.blocking = 1 if flag else 0

    def _seek_call(self, offset, base):
        pos = to_int(self.call("seek", offset, base))
        if pos < 0:
            raise TclError("Tried to seek before origin", ("TCL", "OPERATION", "REFCHAN"))
        return pos

    def tell(self):
        if "seek" not in self.methods:
            return -1
        pos = self._seek_call(0, "current")
        return pos + len(self._out) - self._unconsumed_bytes()

    def seek(self, offset, whence):
        if "seek" not in self.methods:
            raise TclError('error during seek on "%s": invalid argument' % self.name,
                           ("POSIX", "EINVAL", "invalid argument"))
        self.flush()
        if whence == 1:
            offset -= self._unconsumed_bytes()
        base = ("start", "current", "end")[whence]
        self._seek_call(offset, base)
        self._drop_input()
        self._eof = False

    # ---- chan configure: the handler's own options ----------------------------------

    def all_extras(self):
        """(option, value) pairs of the handler's cgetall."""
        if "cgetall" not in self.methods:
            return []
        items = _even_pairs(self.call("cgetall"))
        return [(to_str(items[i]), items[i + 1]) for i in range(0, len(items), 2)]

    def get_extra(self, opt):
        if "cget" not in self.methods:
            return None
        return self.call("cget", opt)

    def set_extra(self, opt, value):
        if "configure" not in self.methods:
            return False
        self.call("configure", opt, value)
        return True

    # ---- events ---------------------------------------------------------------------

    def watch_interest(self, extra=None):
        """Tell the handler (`watch`) which events are wanted now, when that
        changed; an error there is ignored, as in Tcl."""
        handlers = self.event_handlers or {}
        kinds = set(k for k in ("r", "w") if k in handlers)
        if extra:
            kinds.add(extra)
        interest = tuple(k for k in ("r", "w") if k in kinds)
        if interest == self.interest:
            return
        self.interest = interest
        words = TclList(["read" if k == "r" else "write" for k in interest])
        try:
            self.call("watch", words)
        except TclError:
            pass

    def close(self):
        from ..runtime.events import get_loop
        get_loop().forget(id(self))
        self.closed = True
        try:
            try:
                self.flush()
            except TclError:
                del self._out[:]
            # the handlers go with the channel, readable first
            handlers = self.event_handlers or {}
            for kind in ("r", "w"):
                handlers.pop(kind, None)
                self.watch_interest()
        finally:
            self.call("finalize")


def chan_postevent(interp, argv):
    """`chan postevent channel eventSpec`: the handler of a reflected channel
    says its channel is readable or writable; the fileevent handlers run
    from the event loop."""
    name = to_str(argv[2])
    from .channels import channel_table
    ch = channel_table(interp).get(name)
    if not isinstance(ch, RefChannel) or ch.interp is not interp:
        raise TclError('can not find reflected channel named "%s"' % name,
                       ("TCL", "LOOKUP", "CHANNEL", name))
    words = [to_str(w) for w in to_list(argv[3])]
    if not words:
        raise TclError("bad event list: is empty", ("TCL", "VALUE", "EVENT"))
    kinds = []
    for w in words:
        if w and "read".startswith(w):
            kinds.append("r")
        elif w and "write".startswith(w):
            kinds.append("w")
        else:
            raise TclError('bad event "%s": must be read or write' % w,
                           ("TCL", "LOOKUP", "INDEX", "event", w))
    for k in kinds:
        if k not in ch.interest:
            raise TclError('tried to post events channel "%s" is not interested in' % name,
                           ("TCL", "OPERATION", "REFCHAN"))
    from ..runtime.events import get_loop
    loop = get_loop(interp)
    for k in kinds:
        # as Tcl, the channel's handlers run now, before postevent returns
        watcher = loop.watchers.get((id(ch), k, "fileevent"))
        if watcher is not None:
            watcher.callback()
    return ""


def chan_create(interp, argv):
    if len(argv) != 4:
        raise TclError('wrong # args: should be "chan create mode cmdprefix"',
                       ("TCL", "WRONGARGS"))
    modes = [to_str(m) for m in to_list(argv[2])]
    if not modes:
        raise TclError("bad mode list: is empty", ("TCL", "VALUE", "MODE"))
    readable = writable = False
    for m in modes:
        if m and "read".startswith(m):
            readable = True
        elif m and "write".startswith(m):
            writable = True
        else:
            raise TclError('bad mode "%s": must be read or write' % m,
                           ("TCL", "LOOKUP", "INDEX", "mode", m))
    prefix = list(to_list(argv[3]))
    if not prefix or interp.resolve_command(to_str(prefix[0])) is None:
        name = to_str(prefix[0]) if prefix else ""
        raise TclError('invalid command name "%s"' % name, ("TCL", "LOOKUP", "COMMAND", name))
    counter = interp.extensions.get("refchan-count", 0)
    interp.extensions["refchan-count"] = counter + 1
    name = "rc%d" % counter
    mode_list = TclList([m for m in ("read", "write") if (m == "read" and readable)
                         or (m == "write" and writable)])
    head = to_str(TclList(prefix))
    result = interp.invoke(prefix + ["initialize", name, mode_list])
    try:
        methods = [to_str(m) for m in to_list(result)]
    except TclError as e:
        text = 'chan handler "%s initialize" returned non-list: %s' % (head, to_str(result))
        raise TclError(text, ("TCL", "OPERATION", "REFCHAN"), text) from None
    for m in reversed(methods):
        if m not in METHODS:
            raise TclError('chan handler "%s initialize" returned bad method "%s": must be %s, '
                           'or %s' % (head, m, ", ".join(METHODS[:-1]), METHODS[-1]),
                           ("TCL", "OPERATION", "REFCHAN"))
    if any(m not in methods for m in _REQUIRED):
        raise TclError('chan handler "%s" does not support all required methods' % head,
                       ("TCL", "OPERATION", "REFCHAN"))
    for flag, m in ((readable, "read"), (writable, "write")):
        if flag and m not in methods:
            raise TclError('chan handler "%s" lacks a "%s" method' % (head, m),
                           ("TCL", "OPERATION", "REFCHAN"))
    if ("cget" in methods) != ("cgetall" in methods):
        have, lack = ("cget", "cgetall") if "cget" in methods else ("cgetall", "cget")
        raise TclError('chan handler "%s" supports "%s" but not "%s"' % (head, have, lack),
                       ("TCL", "OPERATION", "REFCHAN"))
    from .channels import channel_table
    ch = RefChannel(interp, name, prefix, set(methods), readable, writable)
    channel_table(interp)[name] = ch
    return name


# ---- chan push / chan pop: reflected transforms (TIP 230) ---------------------------------

TRANSFORM_METHODS = ("clear", "drain", "finalize", "flush", "initialize", "limit?", "read",
                     "write")


class Transform:
    """One pushed transformation: the channel's raw reads and writes go
    through the handler's `read` and `write`."""

    def __init__(self, interp, handle, prefix, methods, ch):
        self.interp = interp
        self.handle = handle
        self.prefix = prefix
        self.methods = methods
        self.ch = ch
        self.below_read = ch._raw_read
        self.below_write = ch._raw_write
        self.attached = True
        self.eof_pending = False     # drained at end of input: report the end next
        self.drained = False         # drained since the last input
        self.busy = 0                # handler calls under way

    def call(self, method, *args):
        words = list(self.prefix) + [method, self.handle] + list(args)
        self.busy += 1
        try:
            return call_handler(self.interp, words, method)
        finally:
            self.busy -= 1

    def _quiet(self, method):
        """A call whose result and errors don't matter (clear)."""
        try:
            self.call(method)
        except TclError:
            pass

    def raw_read(self, n):
        if self.eof_pending:
            self.eof_pending = False
            return b""
        while True:
            size = self.ch.buffersize
            if "limit?" in self.methods:
                limit = to_int(self.call("limit?"))
                if not self.attached:
                    return self.ch._raw_read(n)
                if limit > 0:
                    size = limit
            data = self.below_read(size)
            if not data:
                if "drain" in self.methods and not self.drained:
                    self.drained = True
                    out = _latin1(to_str(self.call("drain")))
                    if not self.attached:
                        return self.ch._raw_read(n)
                    if out:
                        # the end of input comes after what the drain gave
                        self.eof_pending = True
                        return out
                return b""
            self.drained = False
            if "read" not in self.methods:
                return data
            out = _latin1(to_str(self.call("read", data.decode("latin-1"))))
            if not self.attached:
                # the handler popped itself: its result is dropped and the
                # channel reads on through whatever is on top now
                return self.ch._raw_read(n)
            if out:
                return out

    def raw_write(self, data):
        if "clear" in self.methods:
            self._quiet("clear")
        if "write" in self.methods:
            out = _latin1(to_str(self.call("write", data.decode("latin-1"))))
            while out and self.attached:
                n = self.below_write(out)
                out = out[n:]
        else:
            view = data
            while view:
                n = self.below_write(view)
                view = view[n:]
        return len(data)

    def before_seek(self):
        """Seeking flushes the transform (its output is dropped) and clears
        its read buffers, as in Tcl."""
        if "flush" in self.methods:
            try:
                self.call("flush")
            except TclError:
                pass
        if "clear" in self.methods and self.attached:
            self._quiet("clear")

    def detach(self):
        """Undo the transform: finish its input and output, finalize it."""
        ch = self.ch
        try:
            ch.flush()
            if self.busy:
                # popped by its own handler: no more calls but finalize
                pass
            elif "drain" in self.methods and "read" in self.methods and not self.drained:
                self.call("drain")
            if "flush" in self.methods and not self.busy:
                out = _latin1(to_str(self.call("flush")))
                while out:
                    out = out[self.below_write(out):]
        finally:
            self.attached = False
            ch._raw_read = self.below_read
            ch._raw_write = self.below_write
            self.call("finalize")


def chan_push(interp, argv):
    if len(argv) != 4:
        raise TclError('wrong # args: should be "chan push channel cmdprefix"',
                       ("TCL", "WRONGARGS"))
    from .channels import get_channel
    ch = get_channel(interp, to_str(argv[2]))
    prefix = list(to_list(argv[3]))
    if not prefix or interp.resolve_command(to_str(prefix[0])) is None:
        name = to_str(prefix[0]) if prefix else ""
        raise TclError('invalid command name "%s"' % name, ("TCL", "LOOKUP", "COMMAND", name))
    counter = interp.extensions.get("reftrans-count", 0)
    interp.extensions["reftrans-count"] = counter + 1
    handle = "rt%d" % counter
    mode = TclList([m for m, ok in (("read", ch.readable), ("write", ch.writable)) if ok])
    head = to_str(TclList(prefix))
    result = interp.invoke(prefix + ["initialize", handle, mode])
    try:
        methods = [to_str(m) for m in to_list(result)]
    except TclError:
        text = 'chan handler "%s initialize" returned non-list: %s' % (head, to_str(result))
        raise TclError(text, ("TCL", "OPERATION", "REFCHAN"), text) from None
    for m in reversed(methods):
        if m not in TRANSFORM_METHODS:
            raise TclError('chan handler "%s initialize" returned bad method "%s": must be %s, '
                           'or %s' % (head, m, ", ".join(TRANSFORM_METHODS[:-1]),
                                      TRANSFORM_METHODS[-1]), ("TCL", "OPERATION", "REFCHAN"))
    if "initialize" not in methods or "finalize" not in methods:
        raise TclError('chan handler "%s" does not support all required methods' % head,
                       ("TCL", "OPERATION", "REFCHAN"))
    if not ((ch.readable and "read" in methods) or (ch.writable and "write" in methods)):
        raise TclError('chan handler "%s" makes the channel inaccessible' % head,
                       ("TCL", "OPERATION", "REFCHAN"))
    for have, need in (("drain", "read"), ("flush", "write")):
        if have in methods and need not in methods:
            raise TclError('chan handler "%s" supports "%s" but not "%s"' % (head, have, need),
                           ("TCL", "OPERATION", "REFCHAN"))
    if not hasattr(ch, "_raw_read"):
        raise TclError('can not push a transformation onto channel "%s"' % ch.name,
                       ("TCL", "OPERATION", "REFCHAN"))
    ch.flush()
    if hasattr(ch, "_unread"):
        ch._unread()
    transform = Transform(interp, handle, prefix, set(methods), ch)
    ch._raw_read = transform.raw_read
    ch._raw_write = transform.raw_write
    ch.transforms.append(transform)
    return ch.name


def chan_pop(interp, argv):
    from .channels import close_channel, get_channel
    ch = get_channel(interp, to_str(argv[2]))
    stack = getattr(ch, "transforms", None)
    if not stack:
        return close_channel(interp, ch.name)
    stack.pop().detach()
    return ""


def pop_all(ch):
    """Finalize a closing channel's transforms, top first."""
    stack = getattr(ch, "transforms", None)
    error = None
    while stack:
        try:
            stack.pop().detach()
        except TclError as e:
            error = error or e
    if error is not None:
        raise error
