"""`zlib push`: a compressing or decompressing transform stacked on a channel.

Like a reflected transform (commands/reflected.py) the transform takes over
the channel's raw reads and writes, below its buffers, encoding and
translation, and sits on the channel's `transforms` stack, so `chan pop` and
`close` finish it.  Compressing modes (compress, deflate, gzip) deflate what
the channel writes and send it on; `close`/`chan pop` writes the end of the
stream.  Decompressing modes (decompress, inflate, gunzip) read up to
`-limit` bytes at a time from below and inflate them; the end of the
compressed stream is end of file, and `chan pop` gives the bytes after it
back to the channel (a file may hold several streams).

`chan configure` sees the transform's own options: -checksum (the adler32 or
crc32 of the uncompressed data so far), -dictionary, -header (a gunzip
stream's header), and the settable -flush (sync or full) and -limit.
"""

import select
import struct
import zlib

from ..runtime.errors import TclError
from ..runtime.values import TclDict, to_int, to_str
from .zlibcmd import MAX_MEM_LEVEL, from_bytes, gzip_header, parse_gzip_header, to_bytes

MODES = ("compress", "decompress", "deflate", "gunzip", "gzip", "inflate")
_FORMAT = {"compress": "zlib", "decompress": "zlib", "deflate": "raw", "inflate": "raw",
           "gzip": "gzip", "gunzip": "gzip"}
_WBITS = {"zlib": 15, "raw": -15, "gzip": 31}
_DEFAULT_LIMIT = 4096
_MAX_LIMIT = 65536
def _listed(names):
    names = list(names)
    return names[0] if len(names) == 1 else "%s, or %s" % (", ".join(names[:-1]), names[-1])


def _zlib_message(err):
    """zlib's own text ("invalid block type") from Python's zlib.error."""
    text = str(err)
    if text.startswith("Error 2 "):
        return "need dictionary"
    return text.split(": ", 1)[1] if ": " in text else text


def gzip_push_header(info, level):
    """The gzip header `zlib push gzip` writes: as `zlib gzip` (zlibcmd.py),
    except that with neither -header nor -level it is zlib's
    deflateSetHeader form (os 0) too."""
    return gzip_header(info, level, zlib_own=info is None and level != -1)


class ZlibTransform:
    """One `zlib push` on channel `ch`."""

    def __init__(self, ch, mode, level, limit, header, dictionary):
        self.ch = ch
        self.mode = mode
        self.format = _FORMAT[mode]
        self.compressing = mode in ("compress", "deflate", "gzip")
        self.level = level
        self.limit = limit
        self.dictionary = dictionary
        self.below_read = ch._raw_read
        self.below_write = ch._raw_write
        self.started = False          # data has gone through the (de)compressor
        self.checksum = 0 if self.format == "gzip" or mode == "inflate" else 1
        if self.compressing:
            self.head = gzip_push_header(header, level) if self.format == "gzip" else b""
            self.size = 0
            self._new_compressor()
        else:
            self.pending = b""        # input taken from the channel's read-ahead
            self.unused = b""         # bytes after the end of the stream
            self.header_bytes = b""   # gunzip: the start of the stream, for -header
            self.info = None
            self.ended = False
            self.delivered = False
            self._new_decompressor()

    # ---- the (de)compressors -----------------------------------------------------------

    def _new_compressor(self):
        wbits = -15 if self.format == "gzip" else _WBITS[self.format]
        extra = {"zdict": self.dictionary} if self.dictionary else {}
        self.obj = zlib.compressobj(self.level, zlib.DEFLATED, wbits, MAX_MEM_LEVEL, **extra)
        if self.dictionary and self.format == "zlib":
            self.checksum = zlib.adler32(self.dictionary)

    def _new_decompressor(self):
        extra = {"zdict": self.dictionary} if self.dictionary and self.format != "gzip" else {}
        self.obj = zlib.decompressobj(_WBITS[self.format], **extra)

    def _track(self, data):
        if not data:
            return
        if self.format == "zlib":
            self.checksum = zlib.adler32(data, 1 if not self.started else self.checksum)
        elif self.format == "gzip":
            self.checksum = zlib.crc32(data, self.checksum)
        self.started = True

    # ---- writing ----------------------------------------------------------------------

    def _send(self, data):
        """Write all of `data` below, waiting when a non-blocking channel is full."""
        view = memoryview(data)
        while view:
            try:
                n = self.below_write(bytes(view))
            except BlockingIOError:
                n = 0
            if not n:
                fd = getattr(self.ch, "wfd", None)
                if fd is None or fd < 0:
                    raise TclError("error writing \"%s\": resource temporarily unavailable"
                                   % self.ch.name, ("POSIX", "EAGAIN"))
                select.select([], [fd], [], 1.0)
                continue
            view = view[n:]

    def _out(self, data):
        if self.head:
            data, self.head = self.head + data, b""
        if data:
            self._send(data)

    def raw_write(self, data):
        self._track(data)
        self.size += len(data)
        self._out(self.obj.compress(data))
        return len(data)

    def flush_stream(self, kind):
        """`chan configure -flush sync|full`: what the channel holds goes through
        and the compressed data so far is sent."""
        self.ch.flush()
        self._out(self.obj.flush(zlib.Z_FULL_FLUSH if kind == "full" else zlib.Z_SYNC_FLUSH))

    def _finish_output(self):
        data = self.obj.flush(zlib.Z_FINISH)
        if self.format == "gzip":
            data += struct.pack("<II", self.checksum & 0xFFFFFFFF, self.size & 0xFFFFFFFF)
        self._out(data)

    # ---- reading ----------------------------------------------------------------------

    def raw_read(self, n):
        if self.delivered and not self.ch.blocking:
            # as Tcl after a short read on a non-blocking channel: report
            # "no more now" and let the next event read on (end of file then)
            self.delivered = False
            raise BlockingIOError()
        while True:
            if self.ended:
                return b""
            if self.pending:
                data, self.pending = self.pending, b""
            else:
                data = self.below_read(self.limit)
            if not data:
                self.ended = True
                try:
                    rest = self.obj.flush()
                except zlib.error:
                    rest = b""
                self._track(rest)
                return rest
            if self.format == "gzip" and self.info is None:
                self._note_header(data)
            try:
                out = self.obj.decompress(data)
            except zlib.error as e:
                raise TclError(_zlib_message(e), "NONE") from None
            self._track(out)
            if self.obj.eof:
                self.ended = True
                self.unused = self.obj.unused_data
            if out:
                self.delivered = not self.ch.blocking
                return out

    def _note_header(self, data):
        self.header_bytes += data
        try:
            info, _ = parse_gzip_header(self.header_bytes)
        except (TclError, ValueError, IndexError, struct.error):
            if len(self.header_bytes) > _MAX_LIMIT:
                self.info = self.header_bytes = b""
            return
        self.info, self.header_bytes = info, b""

    def header(self):
        found = {}
        if isinstance(self.info, TclDict):
            found = {to_str(k): v for k, v in self.info.items()}
        out = TclDict()
        out["comment"] = found.get("comment", "")
        out["crc"] = found.get("crc", 0)
        out["filename"] = found.get("filename", "")
        out["os"] = found.get("os", 0)
        if to_int(found.get("time", 0)):
            out["time"] = found["time"]
        out["type"] = found.get("type", "binary")
        return out

    # ---- chan configure ---------------------------------------------------------------

    def option_names(self):
        """The options `chan configure` lists, in Tcl's order."""
        names = ["-checksum"]
        if self.format != "gzip":
            names.append("-dictionary")
        elif not self.compressing:
            names.append("-header")
        return names

    def bad_get_names(self):
        return self.option_names() + ([] if self.compressing else ["-limit"])

    def set_names(self):
        if self.compressing:
            return ["-flush"] if self.format == "gzip" else ["-dictionary", "-flush"]
        return ["-flush", "-limit"] if self.format == "gzip" else ["-dictionary", "-limit"]

    def get_option(self, opt):
        if opt == "-checksum":
            return self.checksum & 0xFFFFFFFF
        if opt == "-dictionary":
            return from_bytes(self.dictionary or b"")
        return self.header()

    def set_option(self, opt, value):
        if opt == "-flush":
            word = to_str(value)
            kind = {"sync": "sync", "full": "full"}.get(word)
            if kind is None:
                raise TclError('unknown -flush type "%s": must be full or sync' % word,
                               ("TCL", "VALUE", "FLUSH"))
            if self.compressing:
                self.flush_stream(kind)
        elif opt == "-limit":
            self.limit = _limit(value)
        else:
            self.dictionary = to_bytes(value)
            if not self.started:
                if self.compressing:
                    self._new_compressor()
                else:
                    self._new_decompressor()

    # ---- chan pop / close ---------------------------------------------------------------

    def detach(self):
        """Finish the stream (compressing) or give back what follows it
        (decompressing), then take the transform off the channel."""
        ch = self.ch
        try:
            if self.compressing:
                ch.flush()
                self._finish_output()
        finally:
            ch._raw_read = self.below_read
            ch._raw_write = self.below_write
            if not self.compressing:
                ch._drop_input()
                ch._eof = False
                ch._blocked = False
                ch._need_more = False
                ch._raw = self.unused + self.pending + ch._raw


def _limit(value):
    n = to_int(value)
    if not 1 <= n <= _MAX_LIMIT:
        raise TclError("read ahead limit must be 1 to %d" % _MAX_LIMIT,
                       ("TCL", "VALUE", "LIMIT"))
    return n


_PUSH_USAGE = 'wrong # args: should be "zlib push mode channel ?options...?"'


def zlib_push(interp, argv):
    if len(argv) < 4:
        raise TclError(_PUSH_USAGE, ("TCL", "WRONGARGS"))
    from .channels import get_channel
    from .zlibcmd import _level, _lookup
    mode = _lookup(to_str(argv[2]), MODES, "mode")
    ch = get_channel(interp, to_str(argv[3]))
    compressing = mode in ("compress", "deflate", "gzip")
    if compressing and not ch.writable:
        raise TclError("compression may only be applied to writable channels",
                       ("TCL", "ZIP", "UNWRITABLE"))
    if not compressing and not ch.readable:
        raise TclError("decompression may only be applied to readable channels",
                       ("TCL", "ZIP", "UNREADABLE"))
    options = ("-dictionary", "-header", "-level") + (() if compressing else ("-limit",))
    level, limit, header, dictionary = -1, _DEFAULT_LIMIT, None, None
    args = argv[4:]
    for i in range(0, len(args), 2):
        word = to_str(args[i])
        matches = [o for o in options if o.startswith(word)] if word else []
        opt = word if word in options else (matches[0] if len(matches) == 1 else None)
        if opt is None:
            raise TclError('bad option "%s": must be %s' % (word, _listed(options)),
                           ("TCL", "LOOKUP", "INDEX", "option", word))
        if i + 1 >= len(args):
            raise TclError("value missing for %s option" % opt, ("TCL", "ARGUMENT", "MISSING"))
        value = args[i + 1]
        if opt == "-level":
            level = _level(value)
        elif opt == "-limit":
            limit = _limit(value)
        elif opt == "-header":
            header = value
        else:
            dictionary = to_bytes(value)
    if dictionary is not None and _FORMAT[mode] == "gzip":
        raise TclError("a compression dictionary may not be set in the gzip format",
                       ("TCL", "ZIP", "BADOPT"))
    if mode != "gzip":
        header = None
    if not hasattr(ch, "_raw_read"):
        raise TclError('can not push a transformation onto channel "%s"' % ch.name,
                       ("TCL", "OPERATION", "ZLIB"))
    ch.flush()
    if hasattr(ch, "_unread"):
        ch._unread()
    transform = ZlibTransform(ch, mode, level, limit, header, dictionary or None)
    if not compressing and ch._raw:
        # read-ahead given back as bytes is the transform's input now
        transform.pending, ch._raw = ch._raw, b""
    ch._raw_read = transform.raw_read
    ch._raw_write = transform.raw_write
    ch.transforms.append(transform)
    return ch.name


def top_options(ch):
    """The topmost zlib transform of `ch` (whose options `chan configure`
    shows), or None."""
    for t in reversed(getattr(ch, "transforms", None) or ()):
        if isinstance(t, ZlibTransform):
            return t
    return None


__all__ = ["zlib_push", "top_options", "ZlibTransform"]
