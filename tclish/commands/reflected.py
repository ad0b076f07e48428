"""`chan create`: channels whose I/O is done by a Tcl command (reflected
channels, TIP 219).

The handler is called as `cmdprefix method channel ?arg ...?`; `initialize`
says which methods it supports.  A `RefChannel` is an ordinary `Channel`
whose raw reads and writes call the handler's `read` and `write`, so
buffering, encodings and translations are the file channel's.
"""

from ..runtime.channel import Channel
from ..runtime.errors import TclError
from ..runtime.values import TclList, to_int, to_list, to_str

METHODS = ("blocking", "cget", "cgetall", "configure", "finalize", "initialize", "read",
           "seek", "watch", "write")
_REQUIRED = ("initialize", "finalize", "watch")


def _latin1(text):
    return bytes(ord(c) & 0xFF for c in text)


class RefChannel(Channel):
    kind = "reflected"
    duplex = True

    def __init__(self, interp, name, prefix, methods, readable, writable):
        Channel.__init__(self, name, -1, readable, writable)
        self.interp = interp
        self.prefix = prefix
        self.methods = methods

    def call(self, method, *args):
        words = list(self.prefix) + [method, self.name] + list(args)
        saved = self.interp.frame
        interp = self.interp
        interp.frame = interp.global_frame
        interp.cur_ns = interp.global_ns
        try:
            return interp.invoke(words)
        finally:
            interp.frame = saved
            interp.cur_ns = saved.ns

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
        written = to_int(self.call("write", text))
        if written < 0 or written > len(data):
            raise TclError("write wrote more than requested" if written > len(data) else
                           "write wrote negative-sized data", ("TCL", "OPERATION", "REFCHAN"))
        if written == 0:
            raise BlockingIOError()
        return written

    def set_blocking(self, flag):
        if "blocking" in self.methods:
            self.call("blocking", 1 if flag else 0)
        self.blocking = 1 if flag else 0

    def tell(self):
        if "seek" not in self.methods:
            return -1
        pos = to_int(self.call("seek", 0, "current"))
        return pos + len(self._out) - self._unconsumed_bytes()

    def seek(self, offset, whence):
        if "seek" not in self.methods:
            return Channel.seek(self, offset, whence)
        self.flush()
        if whence == 1:
            offset -= self._unconsumed_bytes()
        base = ("start", "current", "end")[whence]
        self.call("seek", offset, base)
        self._drop_input()
        self._eof = False

    def extra_options(self):
        if "cgetall" not in self.methods:
            return ()
        items = list(to_list(self.call("cgetall")))
        return tuple(to_str(items[i]) for i in range(0, len(items), 2))

    def listed_extras(self):
        return self.extra_options()

    def get_extra(self, opt):
        return self.call("cget", opt)

    def close(self):
        from ..runtime.events import get_loop
        get_loop().forget(id(self))
        try:
            self.flush()
        finally:
            self.call("finalize")


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

    def call(self, method, *args):
        interp = self.interp
        saved = interp.frame
        interp.frame = interp.global_frame
        interp.cur_ns = interp.global_ns
        try:
            return interp.invoke(list(self.prefix) + [method, self.handle] + list(args))
        finally:
            interp.frame = saved
            interp.cur_ns = saved.ns

    def raw_read(self, n):
        while True:
            data = self.below_read(n)
            if not data:
                if "drain" in self.methods:
                    out = _latin1(to_str(self.call("drain")))
                    self.methods = self.methods - {"drain"}
                    if out:
                        return out
                return b""
            if "read" not in self.methods:
                return data
            out = _latin1(to_str(self.call("read", data.decode("latin-1"))))
            if out:
                return out

    def raw_write(self, data):
        if "write" in self.methods:
            out = _latin1(to_str(self.call("write", data.decode("latin-1"))))
            while out:
                n = self.below_write(out)
                out = out[n:]
        else:
            view = data
            while view:
                n = self.below_write(view)
                view = view[n:]
        return len(data)

    def detach(self):
        """Undo the transform: flush its output, finalize it."""
        ch = self.ch
        try:
            ch.flush()
            if "flush" in self.methods:
                out = _latin1(to_str(self.call("flush")))
                while out:
                    out = out[self.below_write(out):]
            if "drain" in self.methods and "read" in self.methods:
                self.call("drain")
        finally:
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
        if m not in TRANSFORM_METHODS or m == "limit?":
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
    stack = ch.__dict__.setdefault("transforms", [])
    stack.append(transform)
    return ch.name


def chan_pop(interp, argv):
    from .channels import close_channel, get_channel
    ch = get_channel(interp, to_str(argv[2]))
    stack = ch.__dict__.get("transforms")
    if not stack:
        return close_channel(interp, ch.name)
    stack.pop().detach()
    return ""


def pop_all(ch):
    """Finalize a closing channel's transforms, top first."""
    stack = ch.__dict__.get("transforms")
    error = None
    while stack:
        try:
            stack.pop().detach()
        except TclError as e:
            error = error or e
    if error is not None:
        raise error
