"""`zlib`: compression on Python's zlib module.

Data is Tcl binary (one character per byte); compress/decompress use the
zlib format, deflate/inflate raw deflate and gzip/gunzip the gzip format,
as Tcl's.  A stream (`zlib stream mode`) is a command object wrapping one
compressobj or decompressobj.  `zlib push` (a transform on a channel) is
in zlibpush.py.
"""

import itertools
import struct
import zlib

from ..runtime.errors import TclError
from ..runtime.registry import command, wrong_args
from ..runtime.values import TclDict, TclList, to_bool, to_dict, to_int, to_str

_COMMANDS = ("adler32", "compress", "crc32", "decompress", "deflate", "gunzip", "gzip",
             "inflate", "push", "stream")
_WBITS = {"compress": 15, "decompress": 15, "deflate": -15, "inflate": -15,
          "gzip": 31, "gunzip": 31}
# Tcl's streams and transforms deflate with zlib's largest memory level (the
# one-shot commands with its default): it changes the compressed bytes
MAX_MEM_LEVEL = 9


def to_bytes(value):
    return bytes(ord(c) & 0xFF for c in to_str(value))


def from_bytes(data):
    return data.decode("latin-1")


def _data_error(err, data=b""):
    """Tcl's error for a zlib failure: zlib's short code name, not the
    detailed message; a stream that needs a dictionary names its adler32."""
    if str(err).startswith("Error 2 "):
        dictid = struct.unpack(">I", data[2:6])[0] if len(data) >= 6 else 0
        return TclError("need dictionary", ("TCL", "ZLIB", "NEED_DICT", str(dictid)))
    return TclError("data error", ("TCL", "ZLIB", "DATA"))


def _level(value):
    level = to_int(value)
    if not 0 <= level <= 9:
        raise TclError('level must be 0 to 9', ("TCL", "VALUE", "COMPRESSIONLEVEL"))
    return level


def _lookup(word, choices, what):
    matches = [c for c in choices if c.startswith(word)] if word else []
    if word in choices:
        return word
    if len(matches) == 1:
        return matches[0]
    listed = (" or ".join(choices) if len(choices) == 2
              else "%s, or %s" % (", ".join(choices[:-1]), choices[-1]))
    raise TclError('bad %s "%s": must be %s' % (what, word, listed),
                   ("TCL", "LOOKUP", "INDEX", what, word))


# ---- one-shot commands -------------------------------------------------------------------

def _compress(kind, data, level=-1):
    obj = zlib.compressobj(level, zlib.DEFLATED, _WBITS[kind])
    return obj.compress(data) + obj.flush()


def _decompress(kind, data):
    obj = zlib.decompressobj(_WBITS[kind])
    try:
        out = obj.decompress(data) + obj.flush()
    except zlib.error as e:
        raise _data_error(e, data) from None
    if not obj.eof:
        raise TclError("stream error", ("TCL", "ZLIB", "STREAM"))
    return out


# Tcl's own message for a bad -header type lists its lookup table's neighbours
_TYPE_CHOICES = ("binary, text, adler32, compress, crc32, decompress, deflate, gunzip, gzip, "
                 "inflate, push, or stream")


def gzip_header(info, level=-1, zlib_own=None):
    """The gzip header Tcl writes.  With a -header dict, zlib's
    deflateSetHeader form: the dict's fields, time 0 and os 0 unless given.
    Without one (`zlib_own`, the default), zlib's own: time 0, os 3.  The
    extra flags byte follows the level (2 for 9, 4 for 0 and 1)."""
    if zlib_own is None:
        zlib_own = info is None
    flags, name, comment, mtime = 0, b"", b"", 0
    os_code = 3 if zlib_own else 0
    crc = False
    if info is not None:
        for key, value in to_dict(info).items():
            key = to_str(key)
            if key == "comment":
                flags |= 0x10
                comment = to_bytes(value) + b"\0"
            elif key == "filename":
                flags |= 0x08
                name = to_bytes(value) + b"\0"
            elif key == "time":
                mtime = to_int(value)
            elif key == "os":
                os_code = to_int(value) & 0xFF
            elif key == "crc":
                crc = to_bool(value)
            elif key == "type":
                word = to_str(value)
                if word not in ("binary", "text"):
                    raise TclError('bad type "%s": must be %s' % (word, _TYPE_CHOICES),
                                   ("TCL", "LOOKUP", "INDEX", "type", word))
                if word == "text":
                    flags |= 0x01
    if crc:
        flags |= 0x02
    xfl = 2 if level == 9 else (4 if level in (0, 1) else 0)
    head = struct.pack("<BBBBIBB", 0x1F, 0x8B, 8, flags, mtime & 0xFFFFFFFF, xfl, os_code)
    head += name + comment
    if crc:
        head += struct.pack("<H", zlib.crc32(head) & 0xFFFF)
    return head


def gzip_data(data, level=-1, header=None):
    body = _compress("deflate", data, level)
    trailer = struct.pack("<II", zlib.crc32(data) & 0xFFFFFFFF, len(data) & 0xFFFFFFFF)
    return gzip_header(header, level) + body + trailer


def parse_gzip_header(data):
    """(header dict, length of the header) of gzip data; the dict's keys
    come in Tcl's order, time only when set."""
    if len(data) < 10 or data[0] != 0x1F or data[1] != 0x8B:
        raise TclError("data error", ("TCL", "ZLIB", "DATA"))
    flags = data[3]
    found = {}
    pos = 10
    if flags & 0x04:
        pos += 2 + struct.unpack("<H", data[pos:pos + 2])[0]
    for bit, key in ((0x08, "filename"), (0x10, "comment")):
        if flags & bit:
            end = data.index(b"\0", pos)
            found[key] = from_bytes(data[pos:end])
            pos = end + 1
    if flags & 0x02:
        pos += 2
    if pos > len(data):
        raise ValueError("header incomplete")
    info = TclDict()
    if "comment" in found:
        info["comment"] = found["comment"]
    info["crc"] = 1 if flags & 0x02 else 0
    if "filename" in found:
        info["filename"] = found["filename"]
    info["os"] = data[9]
    mtime = struct.unpack("<I", data[4:8])[0]
    if mtime:
        info["time"] = mtime
    info["type"] = "text" if flags & 0x01 else "binary"
    return info, pos


def zlib_adler32(interp, argv):
    if len(argv) not in (3, 4):
        raise wrong_args("zlib adler32", "data ?startValue?")
    start = to_int(argv[3]) & 0xFFFFFFFF if len(argv) == 4 else 1
    return zlib.adler32(to_bytes(argv[2]), start)


def zlib_crc32(interp, argv):
    if len(argv) not in (3, 4):
        raise wrong_args("zlib crc32", "data ?startValue?")
    start = to_int(argv[3]) & 0xFFFFFFFF if len(argv) == 4 else 0
    return zlib.crc32(to_bytes(argv[2]), start)


def _simple_compress(kind):
    def run(interp, argv):
        if len(argv) not in (3, 4):
            raise wrong_args("zlib " + kind, "data ?level?")
        level = _level(argv[3]) if len(argv) == 4 else -1
        return from_bytes(_compress(kind, to_bytes(argv[2]), level))
    return run


def _simple_decompress(kind):
    def run(interp, argv):
        if len(argv) not in (3, 4):
            raise wrong_args("zlib " + kind, "data ?bufferSize?")
        if len(argv) == 4:
            to_int(argv[3])
        return from_bytes(_decompress(kind, to_bytes(argv[2])))
    return run


def zlib_gzip(interp, argv):
    args = argv[3:]
    if len(argv) < 3 or len(args) % 2:
        raise wrong_args("zlib gzip", "data ?-level level? ?-header header?")
    level, header = -1, None
    for i in range(0, len(args), 2):
        opt = _lookup(to_str(args[i]), ("-header", "-level"), "option")
        if opt == "-level":
            level = _level(args[i + 1])
        else:
            header = args[i + 1]
    return from_bytes(gzip_data(to_bytes(argv[2]), level, header))


def zlib_gunzip(interp, argv):
    args = argv[3:]
    if len(argv) < 3 or len(args) % 2:
        raise wrong_args("zlib gunzip", "data ?-headerVar varName?")
    var = None
    for i in range(0, len(args), 2):
        _lookup(to_str(args[i]), ("-headerVar",), "option")
        var = to_str(args[i + 1])
    data = to_bytes(argv[2])
    info, _ = parse_gzip_header(data)
    out = _decompress("gunzip", data)
    if var is not None:
        info["size"] = len(out)
        interp.set_var(var, info)
    return from_bytes(out)


def zlib_push(interp, argv):
    from .zlibpush import zlib_push as push
    return push(interp, argv)


# ---- streams --------------------------------------------------------------------------------

_STREAM_IDS = itertools.count(1)
_STREAM_OPS = ("add", "checksum", "close", "eof", "finalize", "flush", "fullflush", "get",
               "header", "put", "reset")


class Stream:
    """One `zlib stream`: input goes in with put, output comes out with get."""

    def __init__(self, mode, level, header, dictionary):
        self.mode = mode
        self.level = level
        self.header = header
        self.dictionary = dictionary
        self.reset()

    def reset(self):
        self.out = bytearray()
        self.finished = False
        self.info = TclDict()
        self.pending = b""          # gunzip: bytes before the header is complete
        self.header_done = self.mode != "gunzip"
        self.size = 0
        self.fed = b""              # decompressing: the input, until output comes
        self.error = None           # decompressing: reported by the next get
        self.started = False
        self.checksum = 1 if self.mode in ("compress", "decompress") else 0
        if self.mode in ("deflate", "inflate"):
            self.checksum = 1
        if self.compressing:
            self.obj = self._compressor()
            if self.mode == "gzip":
                self.out += gzip_header(self.header, self.level)
        else:
            self.obj = self._decompressor()

    def _compressor(self):
        wbits = -15 if self.mode == "gzip" else _WBITS[self.mode]
        kwargs = {"zdict": self.dictionary} if self.dictionary else {}
        return zlib.compressobj(self.level, zlib.DEFLATED, wbits, MAX_MEM_LEVEL, **kwargs)

    def _decompressor(self):
        wbits = -15 if self.mode == "gunzip" else _WBITS[self.mode]
        kwargs = {"zdict": self.dictionary} if self.dictionary else {}
        return zlib.decompressobj(wbits, **kwargs)

    def set_dictionary(self, data):
        """`put -dictionary`: used from now on; a decompressor that has made
        no output yet starts again with it (the stream may have asked for it)."""
        self.dictionary = data
        if self.compressing:
            if not self.started:
                self.obj = self._compressor()
        elif not self.out and not self.finished and self.header_done:
            fed, self.fed, self.error = self.fed, b"", None
            self.obj = self._decompressor()
            if fed:
                self._inflate(fed)

    @property
    def compressing(self):
        return self.mode in ("compress", "deflate", "gzip")

    def _track(self, data):
        if self.mode in ("compress", "decompress"):
            self.checksum = zlib.adler32(data, self.checksum)
        elif self.mode in ("gzip", "gunzip"):
            self.checksum = zlib.crc32(data, self.checksum)
        self.size += len(data)

    def put(self, data, flush=None, dictionary=None):
        if dictionary is not None:
            self.set_dictionary(dictionary)
        if self.compressing:
            self._track(data)
            self.started = self.started or bool(data)
            self.out += self.obj.compress(data)
            if flush == "finalize":
                self.out += self.obj.flush(zlib.Z_FINISH)
                if self.mode == "gzip":
                    self.out += struct.pack("<II", self.checksum & 0xFFFFFFFF,
                                            self.size & 0xFFFFFFFF)
                self.finished = True
            elif flush == "flush":
                self.out += self.obj.flush(zlib.Z_SYNC_FLUSH)
            elif flush == "fullflush":
                self.out += self.obj.flush(zlib.Z_FULL_FLUSH)
            return
        if not self.header_done:
            self.pending += data
            try:
                self.info, length = parse_gzip_header(self.pending)
            except (ValueError, struct.error):
                return
            data, self.pending, self.header_done = self.pending[length:], b"", True
        self._inflate(data)

    def _inflate(self, data):
        if self.obj.eof:
            return
        if self.error is not None or not self.size:
            self.fed += data
        if self.error is not None:
            return
        try:
            out = self.obj.decompress(data)
        except zlib.error as e:
            # as Tcl, the error comes from the next get
            self.error = _data_error(e, self.fed)
            return
        self._track(out)
        self.out += out
        if out:
            self.fed = b""
        if self.obj.eof:
            self.finished = True

    def get(self, count=None):
        if self.error is not None:
            raise self.error
        if count is None or count < 0 or count >= len(self.out):
            data = bytes(self.out)
            self.out.clear()
        else:
            data = bytes(self.out[:count])
            del self.out[:count]
        return data


def zlib_stream(interp, argv):
    if len(argv) < 3:
        raise wrong_args("zlib stream", "mode ?-option value...?")
    mode = _lookup(to_str(argv[2]), ("compress", "decompress", "deflate", "gunzip", "gzip",
                                      "inflate"), "mode")
    args = argv[3:]
    if len(args) % 2:
        raise wrong_args("zlib stream", "mode ?-option value...?")
    level, header, dictionary = -1, None, None
    for i in range(0, len(args), 2):
        opt = _lookup(to_str(args[i]), ("-dictionary", "-header", "-level"), "option")
        if opt == "-level":
            level = _level(args[i + 1])
        elif opt == "-header":
            header = args[i + 1]
        else:
            dictionary = to_bytes(args[i + 1])
    stream = Stream(mode, level, header, dictionary)
    name = "::tcl::zlib::streamcmd_%d" % next(_STREAM_IDS)
    interp.register(name, _stream_command(stream, name))
    return name


_FLUSH_FLAGS = ("-finalize", "-flush", "-fullflush")
_PUT_OPTIONS = ("-dictionary",) + _FLUSH_FLAGS


def _put_options(words):
    """(flush kind or None, dictionary bytes or None) of a stream's put/add."""
    flush = dictionary = None
    i = 0
    while i < len(words):
        opt = _lookup(to_str(words[i]), _PUT_OPTIONS, "option")
        if opt == "-dictionary":
            if i + 1 >= len(words):
                raise TclError('"-dictionary" option must be followed by compression '
                               'dictionary bytes', ("TCL", "ZLIB", "NOVAL"))
            dictionary = to_bytes(words[i + 1])
            i += 2
            continue
        if flush is not None:
            raise TclError('"-flush", "-fullflush" and "-finalize" options are mutually '
                           'exclusive', ("TCL", "ZLIB", "EXCLUSIVE"))
        flush = opt[1:]
        i += 1
    return flush, dictionary


def _stream_command(stream, name):
    def run(interp, argv):
        if len(argv) < 2:
            raise wrong_args(to_str(argv[0]), "option data ?...?")
        op = _lookup(to_str(argv[1]), _STREAM_OPS, "option")
        args = argv[2:]
        if op in ("put", "add"):
            if not args:
                raise wrong_args("%s %s" % (to_str(argv[0]), op),
                                 "?-flush|-fullflush|-finalize? data")
            flush, dictionary = _put_options(args[:-1])
            stream.put(to_bytes(args[-1]), flush, dictionary)
            return "" if op == "put" else from_bytes(stream.get())
        if args and op != "get":
            raise wrong_args("%s %s" % (to_str(argv[0]), op), "")
        if op == "get":
            count = to_int(args[0]) if args else None
            return from_bytes(stream.get(count))
        if op == "checksum":
            return stream.checksum & 0xFFFFFFFF
        if op == "close":
            interp.delete_command(name)
            return ""
        if op == "eof":
            return int(stream.finished)
        if op in ("finalize", "flush", "fullflush"):
            stream.put(b"", op)
            return ""
        if op == "header":
            return stream.info
        stream.reset()
        return ""
    return run


# ---- the command -----------------------------------------------------------------------------

_DISPATCH = {
    "adler32": zlib_adler32, "crc32": zlib_crc32,
    "compress": _simple_compress("compress"), "deflate": _simple_compress("deflate"),
    "decompress": _simple_decompress("decompress"), "inflate": _simple_decompress("inflate"),
    "gzip": zlib_gzip, "gunzip": zlib_gunzip, "push": zlib_push, "stream": zlib_stream,
}


@command("zlib", 0, None, "command arg ?...?")
def cmd_zlib(interp, argv):
    if len(argv) < 2:
        raise wrong_args("zlib", "command arg ?...?")
    word = to_str(argv[1])
    if word not in _COMMANDS:
        raise TclError('bad command "%s": must be %s, or %s' % (
            word, ", ".join(_COMMANDS[:-1]), _COMMANDS[-1]),
            ("TCL", "LOOKUP", "INDEX", "command", word))
    return _DISPATCH[word](interp, argv)


@command("::zlib::pkgconfig", 1, 2, "subcommand ?argument?")
def cmd_pkgconfig(interp, argv):
    sub = to_str(argv[1])
    if sub == "list":
        return TclList(["zlibVersion"])
    if sub == "get" and len(argv) == 3 and to_str(argv[2]) == "zlibVersion":
        return zlib.ZLIB_VERSION
    if sub == "get":
        raise TclError("key not known", ("TCL", "LOOKUP", "KEY"))
    raise TclError('bad subcommand "%s": must be get or list' % sub,
                   ("TCL", "LOOKUP", "INDEX", "subcommand", sub))


__all__ = ["cmd_zlib", "cmd_pkgconfig"]
