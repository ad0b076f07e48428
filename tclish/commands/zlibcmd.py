"""`zlib`: compression on Python's zlib module.

Data is Tcl binary (one character per byte); compress/decompress use the
zlib format, deflate/inflate raw deflate and gzip/gunzip the gzip format,
as Tcl's.  A stream (`zlib stream mode`) is a command object wrapping one
compressobj or decompressobj.  `zlib push` (a transform on a channel)
belongs with the channel layer and answers "not yet".
"""

import itertools
import struct
import time
import zlib

from ..runtime.errors import TclError
from ..runtime.registry import command, wrong_args
from ..runtime.values import TclDict, TclList, to_dict, to_int, to_str

_COMMANDS = ("adler32", "compress", "crc32", "decompress", "deflate", "gunzip", "gzip",
             "inflate", "push", "stream")
_WBITS = {"compress": 15, "decompress": 15, "deflate": -15, "inflate": -15,
          "gzip": 31, "gunzip": 31}
_OS_CODE = 3        # Unix, as zlib writes it


def to_bytes(value):
    return bytes(ord(c) & 0xFF for c in to_str(value))


def from_bytes(data):
    return data.decode("latin-1")


def _data_error(err):
    # Tcl reports zlib's short code names, not the detailed message
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
        raise _data_error(e) from None
    if not obj.eof:
        raise TclError("stream error", ("TCL", "ZLIB", "STREAM"))
    return out


def _gzip_header(info):
    """A gzip header from a -header dict (comment, filename, time, type, crc)."""
    flags = 0
    extra = b""
    mtime = int(time.time())
    if info is not None:
        fields = {to_str(k): v for k, v in to_dict(info).items()}
        if "time" in fields:
            mtime = to_int(fields["time"])
        if "filename" in fields:
            flags |= 0x08
            extra += to_bytes(fields["filename"]) + b"\0"
        if "comment" in fields:
            flags |= 0x10
            extra += to_bytes(fields["comment"]) + b"\0"
        if "type" in fields and to_str(fields["type"]) == "text":
            flags |= 0x01
    return struct.pack("<BBBBIBB", 0x1F, 0x8B, 8, flags, mtime & 0xFFFFFFFF, 0, _OS_CODE) + extra


def gzip_data(data, level=-1, header=None):
    body = _compress("deflate", data, level)
    trailer = struct.pack("<II", zlib.crc32(data) & 0xFFFFFFFF, len(data) & 0xFFFFFFFF)
    return _gzip_header(header) + body + trailer


def parse_gzip_header(data):
    """(header dict, length of the header) of gzip data."""
    if len(data) < 10 or data[0] != 0x1F or data[1] != 0x8B:
        raise TclError("data error", ("TCL", "ZLIB", "DATA"))
    flags = data[3]
    info = TclDict()
    info["os"] = data[9]
    info["time"] = struct.unpack("<I", data[4:8])[0]
    info["type"] = "text" if flags & 0x01 else "binary"
    pos = 10
    if flags & 0x04:
        pos += 2 + struct.unpack("<H", data[pos:pos + 2])[0]
    for bit, key in ((0x08, "filename"), (0x10, "comment")):
        if flags & bit:
            end = data.index(b"\0", pos)
            info[key] = from_bytes(data[pos:end])
            pos = end + 1
    if flags & 0x02:
        info["crc"] = 1
        pos += 2
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
    if len(argv) < 4:
        raise wrong_args("zlib push", "mode channel ?options...?")
    raise TclError("zlib push: channel transforms are not yet supported by tclish",
                   ("TCL", "ZLIB", "UNSUPPORTED"))


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
        self.checksum = 1 if self.mode in ("compress", "decompress") else 0
        if self.mode in ("deflate", "inflate"):
            self.checksum = 1
        if self.compressing:
            wbits = -15 if self.mode == "gzip" else _WBITS[self.mode]
            kwargs = {"zdict": self.dictionary} if self.dictionary else {}
            self.obj = zlib.compressobj(self.level, zlib.DEFLATED, wbits, **kwargs)
            if self.mode == "gzip":
                self.out += _gzip_header(self.header)
        else:
            wbits = -15 if self.mode == "gunzip" else _WBITS[self.mode]
            kwargs = {"zdict": self.dictionary} if self.dictionary else {}
            self.obj = zlib.decompressobj(wbits, **kwargs)

    @property
    def compressing(self):
        return self.mode in ("compress", "deflate", "gzip")

    def _track(self, data):
        if self.mode in ("compress", "decompress"):
            self.checksum = zlib.adler32(data, self.checksum)
        elif self.mode in ("gzip", "gunzip"):
            self.checksum = zlib.crc32(data, self.checksum)
        self.size += len(data)

    def put(self, data, flush=None):
        if self.compressing:
            self._track(data)
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
        if self.obj.eof:
            return
        try:
            out = self.obj.decompress(data)
        except zlib.error as e:
            raise _data_error(e) from None
        self._track(out)
        self.out += out
        if self.obj.eof:
            self.finished = True

    def get(self, count=None):
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
    name = "::tcl::zlib::streamcmd-%d" % next(_STREAM_IDS)
    interp.register(name, _stream_command(stream, name))
    return name


_FLUSH_FLAGS = ("-finalize", "-flush", "-fullflush")


def _stream_command(stream, name):
    def run(interp, argv):
        if len(argv) < 2:
            raise wrong_args(to_str(argv[0]), "option data ?...?")
        op = _lookup(to_str(argv[1]), _STREAM_OPS, "option")
        args = argv[2:]
        if op in ("put", "add"):
            flush = None
            if len(args) == 2:
                flush = _lookup(to_str(args[0]), _FLUSH_FLAGS, "option")[1:]
                args = args[1:]
            if len(args) != 1:
                raise wrong_args("%s %s" % (to_str(argv[0]), op),
                                 "?-flush|-fullflush|-finalize? data")
            stream.put(to_bytes(args[0]), flush)
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
