"""Tcl channels: buffered byte I/O with Tcl's encodings and line translations.

A `Channel` owns an OS file descriptor and does its own buffering, so that
`tell`, `seek`, `eof` and the translation modes behave as Tcl's do.  Input
is decoded into a text buffer with ``surrogateescape`` so the bytes still
unread can be re-encoded exactly (for `tell` and for a write after a read);
bytes that are not valid in the encoding reach Tcl as the characters with
the same code, as in Tcl 8.6.

`StdChannel` adapts the interpreter's stdin/stdout/stderr text streams to
the same interface, so the channel commands treat all channels alike.
"""

import codecs
import errno
import os

from .errors import TclError
from .tclcodec import NAME as TCL_ERRORS  # registers the "tclish" error handler

# Tcl encoding name -> Python codec name.  `binary` is bytes as characters.
ENCODINGS = {
    "utf-8": "utf-8", "binary": "latin-1", "iso8859-1": "latin-1", "ascii": "ascii",
    "identity": "latin-1", "unicode": "utf-16-le", "utf-16": "utf-16", "utf-16le": "utf-16-le",
    "utf-16be": "utf-16-be", "utf-32": "utf-32", "cp1250": "cp1250", "cp1251": "cp1251",
    "cp1252": "cp1252", "cp437": "cp437", "cp850": "cp850", "cp866": "cp866",
    "iso8859-2": "iso8859-2", "iso8859-5": "iso8859-5", "iso8859-7": "iso8859-7",
    "iso8859-9": "iso8859-9", "iso8859-15": "iso8859-15", "koi8-r": "koi8-r",
    "koi8-u": "koi8-u", "shiftjis": "shift_jis", "euc-jp": "euc_jp", "euc-kr": "euc_kr",
    "euc-cn": "gb2312", "gb2312": "gb2312", "big5": "big5", "macRoman": "mac-roman",
    "iso2022-jp": "iso2022_jp", "cp932": "cp932", "cp936": "gbk", "cp949": "cp949",
    "cp950": "cp950",
}
ENCODINGS.update(__import__("tclish.runtime.encodings", fromlist=["x"]).python_codecs())
TRANSLATIONS = ("auto", "binary", "cr", "lf", "crlf", "platform")
BUFFERINGS = ("full", "line", "none")

# Tcl_ErrnoMsg: Tcl's own texts for errno values (tclPosixStr.c)
_ERRNO_TEXT = {
    "E2BIG": "argument list too long", "EACCES": "permission denied",
    "EAGAIN": "resource temporarily unavailable", "EBADF": "bad file number",
    "EBUSY": "file busy", "EEXIST": "file already exists",
    "EFBIG": "file too large", "EINTR": "interrupted system call",
    "EINVAL": "invalid argument", "EIO": "I/O error",
    "EISDIR": "illegal operation on a directory", "ELOOP": "too many levels of symbolic links",
    "EMFILE": "too many open files", "EMLINK": "too many links",
    "ENAMETOOLONG": "file name too long", "ENFILE": "file table overflow",
    "ENODEV": "no such device", "ENOENT": "no such file or directory",
    "ENOMEM": "not enough memory", "ENOSPC": "no space left on device",
    "ENOTDIR": "not a directory", "ENOTEMPTY": "directory not empty",
    "ENOTTY": "inappropriate device for ioctl", "ENXIO": "no such device or address",
    "EPERM": "not owner", "EPIPE": "broken pipe", "EROFS": "read-only file system",
    "ESPIPE": "invalid seek", "ETXTBSY": "text file or pseudo-device busy",
    "EXDEV": "cross-domain link",
}

_READ_SIZE = 1 << 16

_LATIN1_FOR_ESCAPES = {0xDC00 + b: b for b in range(0x80, 0x100)}


def posix_error(err):
    """(Tcl message, errorCode tuple) for an OSError or errno number."""
    num = err.errno if isinstance(err, OSError) else err
    name = errno.errorcode.get(num, "EUNKNOWN")
    text = _ERRNO_TEXT.get(name) or (os.strerror(num).lower() if num else "unknown error")
    return text, ("POSIX", name, text)


def os_tcl_error(prefix, err):
    """A TclError `prefix: <posix text>` with errorCode {POSIX ENAME text}."""
    text, code = posix_error(err)
    return TclError("%s: %s" % (prefix, text), code)


def python_codec(tcl_name):
    """The Python codec for a Tcl encoding name, or Tcl's error."""
    codec = ENCODINGS.get(tcl_name)
    if codec is None:
        try:
            codec = codecs.lookup(tcl_name).name
        except LookupError:
            raise TclError('unknown encoding "%s"' % tcl_name,
                           ("TCL", "LOOKUP", "ENCODING", tcl_name)) from None
    return codec


class Channel:
    """A file channel on an OS file descriptor."""

    kind = "file"
    # what output translation "auto" means (sockets: crlf, as Tcl's network default)
    auto_out = "lf"
    # pipes and sockets read and write separate streams: a write keeps the
    # read-ahead (a file must give it back so both share one position)
    duplex = False
    # what a non-blocking flush waits for ("w"; a TLS handshake may need "r")
    _flush_wait = "w"

    def __init__(self, name, fd, readable, writable):
        # the transforms pushed on it (chan push, zlib push), topmost last; made
        # here, as every attribute is: one added later, or a look at __dict__,
        # makes every attribute read of the channel slower for good
        self.transforms = []
        self.name = name
        self.fd = fd
        self.wfd = fd            # pipes write to another descriptor
        self.readable = readable
        self.writable = writable
        self.blocking = 1
        self.buffering = "full"
        self.buffersize = 4096
        self.encoding = "utf-8"
        self.eofchar = ("", "")
        self.trans_in = "auto"
        self.trans_out = "lf"
        self._codec = "utf-8"
        self._decoder = None
        self._text = ""     # decoded input not yet consumed, from _pos on
        self._pos = 0
        self._out = bytearray()
        self._eof = False        # the last input operation reached end of file
        self._at_end = False     # the underlying file has returned end of file
        self._eofchar_seen = False
        self._blocked = False    # the last input operation ran out of data (non-blocking)
        self._saw_cr = False     # auto mode: a \r ended the last line; skip a \n next
        self._raw = b""          # read-ahead given back on a pipe or socket (no seek)
        self._need_more = False  # buffered input holds no complete line yet
        self.event_handlers = None

    # ---- configuration ---------------------------------------------------------

    def set_encoding(self, tcl_name):
        if tcl_name == "":
            tcl_name = "binary"     # Tcl: no encoding is the identity
        codec = python_codec(tcl_name)
        self._unread()
        self.encoding = tcl_name
        self._codec = codec

    def set_blocking(self, flag):
        self.blocking = 1 if flag else 0
        for fd in {self.fd, self.wfd}:
            if fd is not None and fd >= 0:
                try:
                    os.set_blocking(fd, bool(flag))
                except OSError:
                    pass
        if flag and self._out:
            self.flush()

    def input_ready(self):
        """Buffered input a readable handler should see without waiting."""
        return ((self._pos < len(self._text) or self._raw) and not self._need_more) or (
            self._at_end and self.readable)

    def set_translation(self, value_in, value_out):
        if "binary" in (value_in, value_out):
            self.set_encoding("binary")
            self.eofchar = ("", "")
        if value_in is not None:
            self._unread()
            self.trans_in = "lf" if value_in in ("platform", "binary") else value_in
        if value_out is not None:
            if value_out == "auto":
                value_out = self.auto_out
            self.trans_out = "lf" if value_out in ("platform", "binary") else value_out

    # ---- output ----------------------------------------------------------------

    def write(self, text):
        if not self.writable:
            raise TclError('channel "%s" wasn\'t opened for writing' % self.name,
                           "NONE")
        if (self._text or self._decoder is not None) and not self.duplex:
            self._unread()
        mode = self.trans_out
        if mode == "crlf":
            text = text.replace("\n", "\r\n")
        elif mode == "cr":
            text = text.replace("\n", "\r")
        codec = self._codec
        if codec == "latin-1" and not text.isascii():
            data = bytes(ord(c) & 0xFF for c in text)
        else:
            data = text.encode(codec, TCL_ERRORS if codec == "utf-8" else "replace")
        self._out += data
        if (self.buffering == "none" or len(self._out) >= self.buffersize
                or (self.buffering == "line" and "\n" in text)):
            self.flush("writing")

    def flush(self, verb="flushing"):
        out = self._out
        while out:
            try:
                n = self._raw_write(out)
            except BlockingIOError:
                # non-blocking: the rest goes out when the descriptor is writable
                self._flush_later()
                return
            except OSError as e:
                del out[:]
                raise os_tcl_error('error %s "%s"' % (verb, self.name), e) from None
            except TclError:
                # a handler's or transform's failure: the queued output is dropped, as in Tcl
                del out[:]
                raise
            del out[:n]

    def close_in_background(self):
        """Close the read side now; flush the rest from the event loop, then
        close the write side."""
        from .events import get_loop
        loop = get_loop()
        try:
            self.flush()        # what fits goes now
        except TclError:
            del self._out[:]
        if not self._out:
            self._close_fds()
            return
        if self.fd != self.wfd and self.fd is not None and self.fd >= 0:
            try:
                os.close(self.fd)
            except OSError:
                pass
            self.fd = -1
        key = (("closing", id(self)), "w")

        def more():
            try:
                self.flush()
            except TclError:
                del self._out[:]
            if not self._out:
                loop.unwatch(key)
                self._close_fds()
        loop.watch(key, self.wfd, "w", more)

    def _raw_read(self, n):
        return os.read(self.fd, n)

    def _raw_write(self, data):
        return os.write(self.wfd, data)

    def _flush_later(self):
        from .events import get_loop
        loop = get_loop()
        key = (id(self), "w", "flush")

        def more():
            try:
                self.flush()
            except TclError:
                pass
            if not self._out:
                loop.unwatch(key)
        loop.watch(key, self.wfd, self._flush_wait, more)

    # ---- input -----------------------------------------------------------------

    def _check_readable(self):
        if not self.readable:
            raise TclError('channel "%s" wasn\'t opened for reading' % self.name,
                           "NONE")

    def _fill(self):
        """Read one more block; False at end of file."""
        if self._out:
            self.flush()
        if self._eofchar_seen:
            return False
        if self.fd == 0 and self.blocking:
            from .events import flush_std
            flush_std()
        try:
            if self._raw:
                data, self._raw = self._raw, b""
            else:
                data = self._raw_read(max(self.buffersize, _READ_SIZE))
        except BlockingIOError:
            self._blocked = True
            return False
        except OSError as e:
            raise os_tcl_error('error reading "%s"' % self.name, e) from None
        dec = self._decoder
        if dec is None:
            dec = self._decoder = codecs.getincrementaldecoder(self._codec)("surrogateescape")
        self._need_more = False
        text = dec.decode(data, final=not data)
        eofchar = self.eofchar[0]
        if eofchar:
            i = text.find(eofchar)
            if i >= 0:
                # what follows the end-of-file character stays unread (and
                # readable once the character is changed), as in Tcl
                rest = text[i:].encode(self._codec, "surrogateescape")
                if self._decoder is not None:
                    rest += self._decoder.getstate()[0]
                    self._decoder = None
                self._raw = rest + self._raw
                text = text[:i]
                self._eofchar_seen = True
        if self._pos:
            self._text = self._text[self._pos:] + text
            self._pos = 0
        else:
            self._text += text
        if self._saw_cr and self._text:
            self._skip_lf()
        if not data:
            self._at_end = True
            return bool(text)
        return True

    def _take(self, raw):
        """Translate consumed raw text to Tcl's \\n line ends and fix up bad bytes."""
        mode = self.trans_in
        if mode == "auto" or mode == "crlf":
            if "\r" in raw:
                raw = raw.replace("\r\n", "\n")
                if mode == "auto":
                    raw = raw.replace("\r", "\n")
        elif mode == "cr":
            raw = raw.replace("\r", "\n")
        if not raw.isascii() and self._codec == "utf-8":
            raw = raw.translate(_LATIN1_FOR_ESCAPES)
        return raw

    def _skip_lf(self):
        if self._pos < len(self._text):
            if self._text[self._pos] == "\n":
                self._pos += 1
            self._saw_cr = False

    def gets(self):
        """The next line without its end, or None at end of file."""
        if self._saw_cr:
            self._skip_lf()
        self._check_readable()
        self._eof = False
        self._blocked = False
        mode = self.trans_in
        start = self._pos
        # fast path: a whole \n-terminated line is already buffered
        i = self._text.find("\n", start)
        if i >= 0 and mode in ("auto", "lf"):
            line = self._text[start:i]
            if mode == "lf" or "\r" not in line:
                self._pos = i + 1
                if line.isascii() or self._codec != "utf-8":
                    return line
                return line.translate(_LATIN1_FOR_ESCAPES)
        while True:
            text = self._text
            if mode == "auto":
                i = _find_eol(text, start)
            elif mode == "cr":
                i = text.find("\r", start)
            elif mode == "crlf":
                i = text.find("\r\n", start)
            else:
                i = text.find("\n", start)
            if i >= 0:
                if mode == "auto" and text[i] == "\r" and i + 1 == len(text) and not self._at_end:
                    # a \r ends the buffer: return the line now (the peer may
                    # be waiting for our answer) and drop a \n that follows
                    line = text[self._pos:i]
                    self._pos = i + 1
                    self._saw_cr = True
                    return self._take(line)
                line = text[self._pos:i]
                pair = mode == "crlf" or (mode == "auto" and text.startswith("\r\n", i))
                step = 2 if pair else 1
                self._pos = i + step
                return self._take(line)
            # rescan the last character: it may be the \r of a \r\n
            offset = max(0, len(text) - self._pos - 1)
            if not self._fill():
                if self._blocked:
                    self._need_more = True
                    return None
                self._eof = True
                rest = self._text[self._pos:]
                self._text, self._pos = "", 0
                if not rest:
                    return None
                return self._take(rest)
            start = self._pos + offset

    def read(self, count=None):
        """Up to `count` characters (all when None) after translation."""
        if self._saw_cr:
            self._skip_lf()
        self._check_readable()
        self._eof = False
        self._blocked = False
        if count is None:
            return self._take(self._read_all())
        parts = []
        need = count
        crlf_modes = self.trans_in in ("auto", "crlf")
        while need > 0:
            if self._pos >= len(self._text) and not self._fill():
                self._eof = not self._blocked
                self._need_more = self._blocked
                break
            end = self._pos + need
            text = self._text
            if crlf_modes and end <= len(text) and text[end - 1] == "\r":
                if end == len(text) and not self._at_end:
                    self._fill()
                    continue
                if text.startswith("\n", end):
                    end += 1
            piece = self._take(text[self._pos:end])
            self._pos = min(end, len(text))
            parts.append(piece)
            need -= len(piece)
        return "".join(parts)

    def _read_all(self):
        """Everything up to end of file, untranslated (one decode, no
        repeated concatenation)."""
        parts = [self._text[self._pos:]]
        self._text, self._pos = "", 0
        while self._fill():
            parts.append(self._text)
            self._text = ""
        self._eof = not self._blocked
        self._need_more = self._blocked
        return "".join(parts)

    def eof(self):
        return self._eof

    def pending_input(self):
        return len((self._text[self._pos:]).encode(self._codec, "surrogateescape"))

    # ---- positioning -----------------------------------------------------------

    def _unconsumed_bytes(self):
        n = len(self._raw)
        if self._decoder is not None:
            n = len(self._decoder.getstate()[0])
        rest = self._text[self._pos:]
        if rest:
            n += len(rest.encode(self._codec, "surrogateescape"))
        return n

    def _drop_input(self):
        self._text, self._pos = "", 0
        self._saw_cr = False
        self._decoder = None
        self._at_end = False
        self._eofchar_seen = False

    def _unread(self):
        """Give back read-ahead so the OS position matches Tcl's position
        (on a pipe or socket, keep it as bytes to decode afresh)."""
        n = self._unconsumed_bytes()
        if n:
            try:
                os.lseek(self.fd, -n, os.SEEK_CUR)
            except OSError:
                rest = self._text[self._pos:].encode(self._codec, "surrogateescape")
                if self._decoder is not None:
                    rest += self._decoder.getstate()[0]
                self._raw = rest + self._raw
        self._drop_input()
        self._need_more = False

    def tell(self):
        try:
            pos = os.lseek(self.fd, 0, os.SEEK_CUR)
        except OSError:
            return -1
        return pos + len(self._out) - self._unconsumed_bytes()

    def seek(self, offset, whence):
        self.flush()
        if whence == os.SEEK_CUR:
            offset -= self._unconsumed_bytes()
        try:
            os.lseek(self.fd, offset, whence)
        except OSError as e:
            raise os_tcl_error('error during seek on "%s"' % self.name, e) from None
        self._drop_input()
        self._eof = False

    def truncate(self, length):
        self.flush()
        if length is None:
            length = self.tell()
        try:
            if not self.writable:
                raise OSError(errno.EINVAL, "")
            os.ftruncate(self.fd, length)
        except OSError as e:
            raise os_tcl_error('error during truncate on "%s"' % self.name, e) from None

    def blocked(self):
        return self._blocked

    def _write_eofchar(self):
        """As Tcl, an output end-of-file character is written at close."""
        if self.writable and self.eofchar[1] and self.fd is not None and self.fd >= 0:
            try:
                self.write(self.eofchar[1])
            except TclError:
                pass

    def close(self):
        from .events import get_loop
        get_loop().forget(id(self))
        self._write_eofchar()
        if self._out and not self.blocking and self.duplex:
            # as Tcl: a non-blocking channel finishes its output in the background
            self.close_in_background()
            return
        try:
            if self._out and not self.blocking:
                self.set_blocking(True)
            self.flush()
        finally:
            self._close_fds()

    def _close_fds(self):
        fds = [self.fd] if self.wfd == self.fd else [self.fd, self.wfd]
        self.fd = self.wfd = -1
        error = None
        for fd in fds:
            if fd is None or fd < 0:
                continue
            try:
                os.close(fd)
            except OSError as e:
                error = e
        if error is not None:
            raise os_tcl_error('error closing "%s"' % self.name, error) from None


def _find_eol(text, start):
    """Index of the first \\n or \\r at or after start, or -1."""
    i = text.find("\n", start)
    j = text.find("\r", start, i if i >= 0 else len(text))
    return j if j >= 0 else i


class StdChannel:
    """stdin, stdout or stderr: the interpreter's text streams as a channel.

    The stream is looked up on each use, so an embedding program that swaps
    `interp.stdout` is followed."""

    kind = "std"

    def __init__(self, interp, name):
        self.interp = interp
        self.name = name
        self.readable = name == "stdin"
        self.writable = not self.readable
        self.blocking = 1
        self.buffering = {"stdin": "line", "stdout": "line", "stderr": "none"}[name]
        self.buffersize = 4096
        self.encoding = "utf-8"
        self.eofchar = ("", "")
        self.trans_in = "auto"
        self.trans_out = "lf"
        self._eof = False
        self._pending = ""
        self.transforms = []    # (as Channel's)

    def stream(self):
        if self.name == "stdout":
            return self.interp.stdout
        if self.name == "stderr":
            return self.interp.stderr
        import sys
        return self.interp.extensions.get("stdin") or sys.stdin

    def set_encoding(self, tcl_name):
        python_codec(tcl_name)
        self.encoding = tcl_name
        self._note_plain()

    def set_translation(self, value_in, value_out):
        if "binary" in (value_in, value_out):
            self.encoding = "binary"
        if value_in is not None and self.readable:
            self.trans_in = "lf" if value_in in ("platform", "binary") else value_in
        if value_out is not None and self.writable:
            self.trans_out = "lf" if value_out in ("platform", "auto", "binary") else value_out
        self._note_plain()

    def _note_plain(self):
        """`puts` without a channel writes straight to the stream unless
        stdout has a non-default encoding or translation (see io.cmd_puts)."""
        if self.name == "stdout":
            key = "stdout-channel"
            if self.encoding != "utf-8" or self.trans_out != "lf":
                self.interp.extensions[key] = self
            else:
                self.interp.extensions.pop(key, None)

    def write(self, text):
        if not self.writable:
            raise TclError('channel "%s" wasn\'t opened for writing' % self.name,
                           "NONE")
        out = self.stream()
        if self.encoding != "utf-8" or self.trans_out != "lf":
            raw = getattr(out, "buffer", None)
            if raw is not None:
                # bytes in the channel's encoding, after what the text layer holds
                if self.trans_out == "crlf":
                    text = text.replace("\n", "\r\n")
                elif self.trans_out == "cr":
                    text = text.replace("\n", "\r")
                codec = python_codec(self.encoding)
                if codec == "latin-1":
                    data = bytes(ord(c) & 0xFF for c in text)
                else:
                    data = text.encode(codec, "replace")
                out.flush()
                raw.write(data)
                if self.buffering == "none":
                    raw.flush()
                return
        out.write(text)
        if self.buffering == "none":
            out.flush()

    def flush(self):
        if self.writable:
            self.stream().flush()

    def _check_readable(self):
        if not self.readable:
            raise TclError('channel "%s" wasn\'t opened for reading' % self.name,
                           "NONE")

    def gets(self):
        self._check_readable()
        self._eof = False
        line = self._pending + self.stream().readline()
        self._pending = ""
        if not line.endswith("\n"):
            self._eof = True
            return line or None
        line = line[:-1]
        if line.endswith("\r") and self.trans_in in ("auto", "crlf"):
            line = line[:-1]
        return line

    def read(self, count=None):
        self._check_readable()
        self._eof = False
        stream = self.stream()
        if count is None:
            text = self._pending + stream.read()
            self._pending = ""
            self._eof = True
            return text
        text = self._pending
        while len(text) < count:
            more = stream.read(count - len(text))
            if not more:
                self._eof = True
                break
            text += more
        self._pending = text[count:]
        return text[:count]

    def eof(self):
        return self._eof

    def pending_input(self):
        return len(self._pending)

    def tell(self):
        return -1

    def seek(self, offset, whence):
        raise TclError('error during seek on "%s": invalid seek' % self.name,
                       ("POSIX", "ESPIPE", "invalid seek"))

    def truncate(self, length):
        raise TclError('error during truncate on "%s": invalid argument' % self.name,
                       ("POSIX", "EINVAL", "invalid argument"))

    def close(self):
        if self.writable:
            try:
                self.stream().flush()
            except (OSError, ValueError):
                pass
