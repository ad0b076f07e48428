"""exec, pid, auto_execok and command pipelines for `open "|..."`.

`parse_pipeline` reads Tcl's pipeline syntax (`|`, `|&`, the `<`, `>`, `2>`
redirections, a trailing `&`) into a `Pipeline`; `exec` runs one to
completion and `open` makes a `PipeChannel` of one.  Errors follow
TclCreatePipeline and TclCleanupChildren word for word.
"""

import os
import selectors
import shutil
import tempfile

from ..runtime.channel import Channel, os_tcl_error
from ..runtime.errors import TclError
from ..runtime.paths import native_path
from ..runtime.process import child_error, detach, reap_detached, spawn, wait_all
from ..runtime.registry import command
from ..runtime.values import TclList, to_str

_STD_FILE_NAMES = {"stdin": "file0", "stdout": "file1", "stderr": "file2"}


class Pipeline:
    def __init__(self):
        self.commands = []
        self.merge = []          # per command: `|&` after it
        self.stdin = None        # ("file", name) | ("chan", ch) | ("value", text)
        self.stdout = None       # ("file", name, append) | ("chan", ch)
        self.stderr = None       # ("file", name, append) | ("chan", ch) | ("out",)
        self.background = False


def _syntax(text, kind="SYNTAX"):
    return TclError(text, ("TCL", "OPERATION", "EXEC", kind))


def _channel(interp, name, reading):
    from .channels import get_channel
    ch = get_channel(interp, name)
    if reading and not ch.readable or not reading and not ch.writable:
        shown = _STD_FILE_NAMES.get(ch.name, ch.name)
        raise TclError('channel "%s" wasn\'t opened for %s' % (shown, "reading" if reading
                                                                else "writing"),
                       ("TCL", "OPERATION", "EXEC", "BADCHAN"))
    return ch


# redirection operators, longest first: op -> (stream, kind, append)
_REDIRECTS = [
    ("2>@1", ("err", "out", False)),
    (">>&", ("both", "file", True)), (">&@", ("both", "chan", False)),
    ("2>>", ("err", "file", True)), ("2>@", ("err", "chan", False)),
    ("<<", ("in", "value", False)), ("<@", ("in", "chan", False)),
    (">>", ("out", "file", True)), (">&", ("both", "file", False)),
    (">@", ("out", "chan", False)), ("2>", ("err", "file", False)),
    ("<", ("in", "file", False)), (">", ("out", "file", False)),
]


def parse_pipeline(interp, words):
    pipe = Pipeline()
    words = [to_str(w) for w in words]
    if words and words[-1] == "&":
        pipe.background = True
        words = words[:-1]
    current = []
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        if w in ("|", "|&"):
            if not current or i == n - 1:
                raise _syntax("illegal use of | or |& in command", "PIPESYNTAX")
            pipe.commands.append(current)
            pipe.merge.append(w == "|&")
            current = []
            i += 1
            continue
        op = None
        if w[:1] in "<>2":
            for candidate, spec in _REDIRECTS:
                if w.startswith(candidate):
                    op = (candidate, spec)
                    break
        if op is None:
            current.append(w)
            i += 1
            continue
        candidate, (stream, kind, append) = op
        if kind == "out":
            pipe.stderr = ("out",)
            if w != candidate:
                current.append(w)
            i += 1
            continue
        target = w[len(candidate):]
        if not target:
            if i == n - 1:
                raise _syntax('can\'t specify "%s" as last word in command' % candidate)
            i += 1
            target = words[i]
        i += 1
        if kind == "chan":
            spec_value = ("chan", _channel(interp, target, stream == "in"))
        elif kind == "value":
            spec_value = ("value", target)
        else:
            spec_value = ("file", target, append)
        if stream == "in":
            pipe.stdin = spec_value
        elif stream == "out":
            pipe.stdout = spec_value
        elif stream == "err":
            pipe.stderr = spec_value
        else:
            # both to one place; a later `>` moves stdout alone
            pipe.stdout = spec_value
            pipe.stderr = ("dup", spec_value)
    if not current:
        raise _syntax("illegal use of | or |& in command", "PIPESYNTAX")
    pipe.commands.append(current)
    pipe.merge.append(False)
    for argv in pipe.commands:
        if argv[0].startswith("~"):
            argv[0] = native_path(argv[0])
    return pipe


# ---- descriptors for the redirections --------------------------------------------------

class _Fds:
    """Descriptors opened for one pipeline; the parent's copies close after
    the children start."""

    def __init__(self):
        self.to_close = []
        self.forward = []        # (read fd, channel) for channels without a descriptor

    def own(self, fd):
        self.to_close.append(fd)
        return fd

    def close(self):
        for fd in self.to_close:
            try:
                os.close(fd)
            except OSError:
                pass
        self.to_close = []


def _channel_fd(ch, fds, reading):
    fd = getattr(ch, "fd", None) if reading else getattr(ch, "wfd", getattr(ch, "fd", None))
    if fd is None and hasattr(ch, "stream"):
        try:
            stream = ch.stream()
            stream.flush()
            fd = stream.fileno()
        except (AttributeError, OSError, ValueError):
            fd = None
    elif fd is not None and not reading:
        ch.flush()
    if fd is None or fd < 0:
        if reading:
            return None       # an embedded interpreter's stdin: the process's own
        r, w = os.pipe()
        fds.forward.append((r, ch))
        return fds.own(w)
    return fd


def _open_stdin(spec, fds):
    kind = spec[0]
    if kind == "file":
        try:
            return fds.own(os.open(native_path(spec[1]), os.O_RDONLY | os.O_CLOEXEC))
        except OSError as e:
            raise os_tcl_error('couldn\'t read file "%s"' % spec[1], e) from None
    if kind == "value":
        tmp = tempfile.TemporaryFile()
        tmp.write(spec[1].encode("utf-8", "surrogateescape"))
        tmp.flush()
        tmp.seek(0)
        fd = os.dup(tmp.fileno())
        tmp.close()
        return fds.own(fd)
    return _channel_fd(spec[1], fds, True)


def _open_output(spec, fds):
    if spec[0] == "file":
        flags = os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC | (os.O_APPEND if spec[2] else os.O_TRUNC)
        try:
            return fds.own(os.open(native_path(spec[1]), flags, 0o666))
        except OSError as e:
            raise os_tcl_error('couldn\'t write file "%s"' % spec[1], e) from None
    return _channel_fd(spec[1], fds, False)


def start(interp, pipe, capture_out, capture_err, input_pipe=False, ignore_stderr=False,
          forward=True):
    """Start `pipe`; returns (procs, stdout read fd or None, stderr read fd or
    None, stdin write fd or None, fds).  `capture_err` is "pipe", "file" (a
    temporary file, read at close) or None."""
    fds = _Fds()
    out_r = err_r = in_w = None
    try:
        if pipe.stdin is not None:
            stdin = _open_stdin(pipe.stdin, fds)
        elif input_pipe:
            stdin_r, in_w = os.pipe()
            stdin = fds.own(stdin_r)
        else:
            stdin = None
        if pipe.stdout is not None:
            stdout = _open_output(pipe.stdout, fds)
        elif capture_out:
            out_r, w = os.pipe()
            stdout = fds.own(w)
        else:
            stdout = _inherit(interp, "stdout", fds, forward)
        if pipe.stderr is not None and pipe.stderr[0] == "out" or (
                pipe.stderr is not None and pipe.stderr[0] == "dup"
                and pipe.stderr[1] is pipe.stdout):
            stderr = stdout
        elif pipe.stderr is not None and pipe.stderr[0] == "dup":
            stderr = _open_output(pipe.stderr[1], fds)
        elif pipe.stderr is not None:
            stderr = _open_output(pipe.stderr, fds)
        elif ignore_stderr or not capture_err:
            stderr = _inherit(interp, "stderr", fds, forward)
        elif capture_err == "file":
            tmp = tempfile.TemporaryFile()
            err_r = os.dup(tmp.fileno())
            tmp.close()
            stderr = fds.own(os.dup(err_r))
        else:
            err_r, w = os.pipe()
            stderr = fds.own(w)
        merge = list(pipe.merge)
        procs = spawn(pipe.commands, stdin, stdout, stderr, merge)
    except BaseException:
        for fd in (out_r, err_r, in_w):
            if fd is not None:
                os.close(fd)
        fds.close()
        for r, _ in fds.forward:
            os.close(r)
        raise
    fds.close()
    return procs, out_r, err_r, in_w, fds


def _inherit(interp, name, fds, forward):
    """The descriptor a child writes to for Tcl's stdout/stderr: the real one
    when the interpreter's stream has it, else (`forward`) a pipe whose
    contents are copied to the stream afterwards, else the process's own."""
    from .channels import get_channel
    ch = get_channel(interp, name)
    try:
        stream = ch.stream()
        stream.flush()
        return stream.fileno()
    except (AttributeError, OSError, ValueError):
        pass
    if not forward:
        return None
    return _channel_fd(ch, fds, False)


def _forward(fds):
    for r, ch in fds.forward:
        try:
            data = _read_all(r)
        finally:
            os.close(r)
        ch.write(decode_output(data))
        ch.flush()


def _read_all(fd):
    chunks = []
    while True:
        data = os.read(fd, 1 << 16)
        if not data:
            return b"".join(chunks)
        chunks.append(data)


def _read_both(out_fd, err_fd):
    """Everything from the pipeline's stdout and stderr pipes, read together
    so neither can fill up and stall the children."""
    if err_fd is None:
        return _read_all(out_fd) if out_fd is not None else b"", b""
    if out_fd is None:
        return b"", _read_all(err_fd)
    got = {out_fd: [], err_fd: []}
    with selectors.DefaultSelector() as sel:
        sel.register(out_fd, selectors.EVENT_READ)
        sel.register(err_fd, selectors.EVENT_READ)
        open_fds = 2
        while open_fds:
            for key, _ in sel.select():
                data = os.read(key.fd, 1 << 16)
                if data:
                    got[key.fd].append(data)
                else:
                    sel.unregister(key.fd)
                    open_fds -= 1
    return b"".join(got[out_fd]), b"".join(got[err_fd])


def decode_output(data):
    """Bytes from a child as Tcl reads them: UTF-8 (bad bytes as the
    characters with the same code) and \\r\\n line ends made \\n."""
    text = data.decode("utf-8", "surrogateescape")
    if not text.isascii():
        text = text.translate({0xDC00 + b: b for b in range(0x80, 0x100)})
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


# ---- exec --------------------------------------------------------------------------

_EXEC_OPTIONS = ("-ignorestderr", "-keepnewline", "--")


@command("exec", 1, None, "?-option ...? arg ?arg ...?")
def cmd_exec(interp, argv):
    words = list(argv[1:])
    keep_newline = ignore_stderr = False
    while words:
        w = to_str(words[0])
        if not w.startswith("-"):
            break
        matches = [o for o in _EXEC_OPTIONS if o.startswith(w)] if len(w) > 1 else []
        if w in _EXEC_OPTIONS:
            matches = [w]
        if len(matches) != 1:
            raise TclError('bad option "%s": must be -ignorestderr, -keepnewline, or --' % w,
                           ("TCL", "LOOKUP", "INDEX", "option", w))
        words.pop(0)
        if matches[0] == "--":
            break
        if matches[0] == "-keepnewline":
            keep_newline = True
        else:
            ignore_stderr = True
    if not words:
        raise TclError('wrong # args: should be "exec ?-option ...? arg ?arg ...?"',
                       ("TCL", "WRONGARGS"))
    pipe = parse_pipeline(interp, words)
    if pipe.background:
        procs, _, _, _, fds = start(interp, pipe, False, None, forward=False)
        detach(procs)
        _forward(fds)
        return TclList([p.pid for p in procs])
    procs, out_r, err_r, _, fds = start(interp, pipe, True, "pipe", ignore_stderr=ignore_stderr)
    try:
        out, err = _read_both(out_r, err_r)
    finally:
        for fd in (out_r, err_r):
            if fd is not None:
                os.close(fd)
    _forward(fds)
    text, code = child_error(procs, decode_output(err), decode_output(out))
    if not keep_newline and text.endswith("\n"):
        text = text[:-1]
    if code is not None:
        raise TclError(text, code)
    return text


# ---- pipe channels ---------------------------------------------------------------------

class PipeChannel(Channel):
    """A channel on a command pipeline: reads the last process's output,
    writes the first one's input; `close` waits for the processes and
    reports their status as `exec` does."""

    kind = "pipe"
    duplex = True

    def __init__(self, name, procs, read_fd, write_fd, err_fd):
        Channel.__init__(self, name, read_fd if read_fd is not None else -1,
                         read_fd is not None, write_fd is not None)
        self.wfd = write_fd if write_fd is not None else -1
        if read_fd is None:
            self.fd = -1
        self.procs = procs
        self.err_fd = err_fd

    def tell(self):
        return -1

    def seek(self, offset, whence):
        raise TclError('error during seek on "%s": invalid argument' % self.name,
                       ("POSIX", "EINVAL", "invalid argument"))

    def close_half(self, direction):
        if direction == "write":
            self.flush()
            fd, self.wfd = self.wfd, -1
            self.writable = False
        else:
            fd, self.fd = self.fd, -1
            self.readable = False
        if fd >= 0:
            from ..runtime.events import get_loop
            get_loop().unwatch_fd(fd)
            os.close(fd)

    def close(self):
        from ..runtime.events import get_loop
        get_loop().forget(id(self))
        blocking = self.blocking
        if not blocking and self._out and self.wfd >= 0:
            detach(self.procs)
            if self.err_fd is not None:
                os.close(self.err_fd)
                self.err_fd = None
            self.close_in_background()
            return
        try:
            if self.wfd >= 0 and self._out:
                if not blocking:
                    self.set_blocking(True)
                self.flush()
        finally:
            self._close_fds()
        err_fd, self.err_fd = self.err_fd, None
        if not blocking:
            # a non-blocking close does not wait (Tcl detaches the children)
            detach(self.procs)
            if err_fd is not None:
                os.close(err_fd)
            return
        waited = wait_all(self.procs)     # before reading what they wrote on stderr
        err = b""
        if err_fd is not None:
            try:
                os.lseek(err_fd, 0, os.SEEK_SET)
                err = _read_all(err_fd)
            finally:
                os.close(err_fd)
        text, code = child_error(self.procs, decode_output(err), waited=waited)
        if code is not None:
            if text.endswith("\n"):
                text = text[:-1]
            raise TclError(text, code)

    def _close_fds(self):
        for attr in ("fd", "wfd"):
            fd = getattr(self, attr)
            setattr(self, attr, -1)
            if fd is not None and fd >= 0:
                try:
                    os.close(fd)
                except OSError:
                    pass


def open_pipeline(interp, spec, flags):
    """`open "|cmd ..." access`: a PipeChannel entered in the channel table."""
    from .channels import add_named_channel
    from ..runtime.values import to_list
    mode = flags & (os.O_RDONLY | os.O_WRONLY | os.O_RDWR)
    reading = mode != os.O_WRONLY
    writing = mode != os.O_RDONLY
    pipe = parse_pipeline(interp, to_list(spec))
    if reading and pipe.stdout is not None:
        raise TclError("can't read output from command: standard output was redirected",
                       ("TCL", "OPERATION", "EXEC", "BADREDIRECT"))
    if writing and pipe.stdin is not None:
        raise TclError("can't write input to command: standard input was redirected",
                       ("TCL", "OPERATION", "EXEC", "BADREDIRECT"))
    procs, out_r, err_r, in_w, _ = start(interp, pipe, reading, "file", input_pipe=writing,
                                         forward=False)
    for fd in (out_r, in_w):
        if fd is not None:
            os.set_inheritable(fd, False)
    ch = PipeChannel("", procs, out_r, in_w, err_r)
    return add_named_channel(interp, ch, "file")


# ---- pid, auto_execok ------------------------------------------------------------------

@command("pid", 0, 1, "?channelId?")
def cmd_pid(interp, argv):
    if len(argv) == 1:
        return os.getpid()
    from .channels import get_channel
    ch = get_channel(interp, to_str(argv[1]))
    return TclList([p.pid for p in getattr(ch, "procs", ())])


_SHELL_BUILTINS = ()


@command("auto_execok", 1, 1, "name")
def cmd_auto_execok(interp, argv):
    """The command words that run program `name` (its full path), or "" when
    there is none; cached in ::auto_execs as Tcl's init.tcl does."""
    name = to_str(argv[1])
    try:
        cached = interp.get_var("::auto_execs(%s)" % name)
        return cached
    except TclError:
        pass
    found = ""
    if name:
        if "/" in name or name.startswith("~"):
            path = native_path(name)
            if os.path.isfile(path) and os.access(path, os.X_OK):
                found = TclList([name])
        else:
            try:
                path_env = to_str(interp.get_var("::env(PATH)"))
            except TclError:
                path_env = os.environ.get("PATH", "")
            hit = shutil.which(name, path=path_env)
            if hit and not os.path.isdir(hit):
                found = TclList([hit])
    interp.set_var("::auto_execs(%s)" % name, found)
    return found


__all__ = ["cmd_exec", "cmd_pid", "cmd_auto_execok", "open_pipeline", "reap_detached"]
