"""The `binary` ensemble: format, scan, encode and decode.

A byte string is a Python str whose characters are all below U+0100, as
Tcl's byte arrays; a character above that contributes its low 8 bits.
Field letters follow binary(n): a A b B h H c s S t i I n w W m f r R d q Q
x X @, with an optional count or `*`, and (for scan) a `u` flag after an
integer letter for unsigned values.
"""

import base64
import binascii
import math
import struct

from ..runtime.errors import TclError
from ..runtime.registry import ensemble, wrong_args
from ..runtime.values import TclList, to_float, to_int, to_list, to_str

# letter -> (size in bytes, struct code, byte order) for numeric fields;
# the native order here is little-endian, as on the machines tclish targets
_INTEGERS = {
    "c": (1, "b", "<"), "s": (2, "h", "<"), "S": (2, "h", ">"), "t": (2, "h", "<"),
    "i": (4, "i", "<"), "I": (4, "i", ">"), "n": (4, "i", "<"),
    "w": (8, "q", "<"), "W": (8, "q", ">"), "m": (8, "q", "<"),
}
_FLOATS = {
    "f": (4, "f", "<"), "r": (4, "f", "<"), "R": (4, "f", ">"),
    "d": (8, "d", "<"), "q": (8, "d", "<"), "Q": (8, "d", ">"),
}
_FLT_MAX = 3.4028234663852886e38


def _bytes_of(value):
    s = to_str(value)
    try:
        return s.encode("latin-1")
    except UnicodeEncodeError:
        return bytes(ord(c) & 0xFF for c in s)


def _as_value(data):
    return data.decode("latin-1")


class _Fields:
    """Walks a format string: yields (letter, count, flags) where count is
    None (none given), "*" or an int."""

    def __init__(self, spec):
        self.spec = spec
        self.i = 0

    def __iter__(self):
        spec = self.spec
        n = len(spec)
        while True:
            while self.i < n and spec[self.i] in " \t\n\r\v\f":
                self.i += 1
            if self.i >= n:
                return
            letter = spec[self.i]
            self.i += 1
            unsigned = False
            if self.i < n and spec[self.i] == "u":
                unsigned = True
                self.i += 1
            count = None
            if self.i < n and spec[self.i] == "*":
                count = "*"
                self.i += 1
            elif self.i < n and spec[self.i].isdigit():
                j = self.i
                while j < n and spec[j].isdigit():
                    j += 1
                # Tcl reads the count as an int: larger ones are clamped
                count = min(int(spec[self.i:j]), 0x7FFFFFFF)
                self.i = j
            yield letter, count, unsigned


# the largest a, x, @, b or h field binary format builds
_MAX_FIELD = 1 << 28


def _bad_field(letter):
    return TclError('bad field specifier "%s"' % letter, ("TCL", "BINARY", "FORMAT", "BADFIELD"))


def _not_enough():
    return TclError("not enough arguments for all format specifiers",
                    ("TCL", "BINARY", "FORMAT", "FIELDS"))


# ---- binary format ---------------------------------------------------------------

def binary_format(interp, argv):
    spec = to_str(argv[2])
    args = argv[3:]
    out = bytearray()
    pos = 0
    argi = 0
    for letter, count, unsigned in _Fields(spec):
        if type(count) is int and count > _MAX_FIELD and letter in "aAx@bBhH":
            # tclsh would build a 2 GB string here; refuse before allocating it
            raise TclError("not enough memory to format a field of %d bytes" % count,
                           ("TCL", "MEMORY", "BINARY"))
        if letter in "aAbBhH" or letter in _INTEGERS or letter in _FLOATS:
            if argi >= len(args):
                raise _not_enough()
            value = args[argi]
            argi += 1
            chunk = _format_field(letter, count, value)
        elif letter == "x":
            if count == "*":
                raise TclError('cannot use "*" in format string with "x"',
                               ("TCL", "BINARY", "FORMAT", "STAR"))
            chunk = b"\0" * (1 if count is None else count)
        elif letter == "X":
            back = 1 if count is None else (pos if count == "*" else count)
            pos = max(0, pos - back)
            continue
        elif letter == "@":
            if count is None:
                raise TclError('missing count for "@" field specifier',
                               ("TCL", "BINARY", "FORMAT", "COUNT"))
            pos = len(out) if count == "*" else count
            if pos > len(out):
                out.extend(b"\0" * (pos - len(out)))
            continue
        else:
            raise _bad_field(letter)
        end = pos + len(chunk)
        if end > len(out):
            out.extend(b"\0" * (end - len(out)))
        out[pos:end] = chunk
        pos = end
    return _as_value(bytes(out))


def _format_field(letter, count, value):
    if letter in "aA":
        data = _bytes_of(value)
        if count == "*":
            return data
        n = 1 if count is None else count
        pad = b"\0" if letter == "a" else b" "
        return data[:n] + pad * max(0, n - len(data))
    if letter in "bB":
        return _format_bits(letter, count, to_str(value))
    if letter in "hH":
        return _format_hex(letter, count, to_str(value))
    if count is None:
        items = [value]
    else:
        items = to_list(value)
        if count != "*":
            if len(items) < count:
                raise TclError("number of elements in list does not match count",
                               ("TCL", "BINARY", "FORMAT", "LISTCOUNT"))
            items = items[:count]
    if letter in _INTEGERS:
        size, code, order = _INTEGERS[letter]
        bits = size * 8
        return b"".join(struct.pack(order + code.upper(), _wide_bits(v) & ((1 << bits) - 1))
                        for v in items)
    size, code, order = _FLOATS[letter]
    out = []
    for v in items:
        x = to_float(v)
        if size == 4 and abs(x) > _FLT_MAX and not math.isinf(x):
            x = math.copysign(_FLT_MAX, x)
        out.append(struct.pack(order + code, x))
    return b"".join(out)


def _wide_bits(value):
    """An integer field's value as Tcl reads it (a wide integer, or its
    unsigned 64-bit pattern): larger magnitudes are refused, not wrapped."""
    n = to_int(value)
    if -(1 << 64) < n < (1 << 64):
        return n
    raise TclError("integer value too large to represent",
                   ("ARITH", "IOVERFLOW", "integer value too large to represent"))


def _format_bits(letter, count, digits):
    n = len(digits) if count == "*" else (1 if count is None else count)
    data = bytearray((n + 7) // 8)
    for k, ch in enumerate(digits[:n]):
        if ch not in "01":
            raise TclError('expected binary string but got "%s" instead' % digits,
                           ("TCL", "BINARY", "FORMAT", "BADVALUE"))
        if ch == "1":
            shift = k % 8 if letter == "b" else 7 - k % 8
            data[k // 8] |= 1 << shift
    return bytes(data)


def _format_hex(letter, count, digits):
    n = len(digits) if count == "*" else (1 if count is None else count)
    data = bytearray((n + 1) // 2)
    for k, ch in enumerate(digits[:n]):
        try:
            v = int(ch, 16)
        except ValueError:
            raise TclError('expected hexadecimal string but got "%s" instead' % digits,
                           ("TCL", "BINARY", "FORMAT", "BADVALUE")) from None
        low_first = letter == "h"
        shift = (4 if k % 2 else 0) if low_first else (0 if k % 2 else 4)
        data[k // 2] |= v << shift
    return bytes(data)


# ---- binary scan -----------------------------------------------------------------

def binary_scan(interp, argv):
    data = _bytes_of(argv[2])
    spec = to_str(argv[3])
    names = argv[4:]
    pos = 0
    used = 0
    for letter, count, unsigned in _Fields(spec):
        if letter in "xX@":
            pos = _move(letter, count, pos, len(data))
            if pos is None:
                return used
            continue
        if letter not in "aAbBhH" and letter not in _INTEGERS and letter not in _FLOATS:
            raise _bad_field(letter)
        if used >= len(names):
            raise _not_enough()
        got = _scan_field(letter, count, unsigned, data, pos)
        if got is None:
            return used
        value, pos = got
        interp.set_var(to_str(names[used]), value)
        used += 1
    return used


def _move(letter, count, pos, size):
    if letter == "x":
        step = size - pos if count == "*" else (1 if count is None else count)
        return None if pos + step > size else pos + step
    if letter == "X":
        back = pos if count == "*" else (1 if count is None else count)
        return max(0, pos - back)
    if count is None:
        raise TclError('missing count for "@" field specifier',
                       ("TCL", "BINARY", "SCAN", "COUNT"))
    target = size if count == "*" else count
    return None if target > size else target


def _scan_field(letter, count, unsigned, data, pos):
    """(value, new position), or None when the data runs out."""
    rest = len(data) - pos
    if letter in "aA":
        n = rest if count == "*" else (1 if count is None else count)
        if n > rest:
            return None
        chunk = data[pos:pos + n]
        if letter == "A":
            chunk = chunk.rstrip(b" \0")
        return _as_value(chunk), pos + n
    if letter in "bB":
        n = rest * 8 if count == "*" else (1 if count is None else count)
        if (n + 7) // 8 > rest:
            return None
        bits = []
        for k in range(n):
            byte = data[pos + k // 8]
            shift = k % 8 if letter == "b" else 7 - k % 8
            bits.append("1" if byte >> shift & 1 else "0")
        return "".join(bits), pos + (n + 7) // 8
    if letter in "hH":
        n = rest * 2 if count == "*" else (1 if count is None else count)
        if (n + 1) // 2 > rest:
            return None
        digits = []
        for k in range(n):
            byte = data[pos + k // 2]
            high = (k % 2 == 0) if letter == "H" else (k % 2 == 1)
            digits.append("0123456789abcdef"[byte >> 4 if high else byte & 15])
        return "".join(digits), pos + (n + 1) // 2
    size, code, order = _INTEGERS.get(letter) or _FLOATS[letter]
    if letter in _INTEGERS and unsigned:
        code = code.upper()
    if count is None:
        if size > rest:
            return None
        return _unpack(order + code, data, pos), pos + size
    n = rest // size if count == "*" else count
    if n * size > rest:
        return None
    return TclList(_unpack(order + code, data, pos + k * size) for k in range(n)), pos + n * size


def _unpack(fmt, data, pos):
    return struct.unpack_from(fmt, data, pos)[0]


# ---- encode / decode ---------------------------------------------------------------

def _options(argv, first, allowed, usage):
    """Parse the options before the final data argument as tclBinary.c does:
    the count of words is checked first (`-option value` pairs, or one lone
    -strict flag), then each option name, exactly (no prefixes)."""
    words = argv[first:]
    flag = allowed == ["-strict"]
    if not words or (len(words) > 2 if flag else len(words) % 2 == 0):
        raise wrong_args("%s %s" % (to_str(argv[0]), to_str(argv[1])), usage)
    opts = {}
    step = 1 if flag else 2
    for i in range(0, len(words) - 1, step):
        word = to_str(words[i])
        if word not in allowed:
            raise TclError('bad option "%s": must be %s' % (
                word, " or ".join(allowed) if len(allowed) <= 2 else
                ", ".join(allowed[:-1]) + ", or " + allowed[-1]),
                ("TCL", "LOOKUP", "INDEX", "option", word))
        opts[word] = True if flag else words[i + 1]
    return opts, words[-1]


def encode_base64(interp, argv):
    usage = "?-maxlen len? ?-wrapchar char? data"
    opts, data = _options(argv, 2, ["-maxlen", "-wrapchar"], usage)
    text = base64.b64encode(_bytes_of(data)).decode("ascii")
    return _wrap(text, opts)


def _wrap(text, opts):
    maxlen = to_int(opts.get("-maxlen", 0))
    if maxlen < 0:
        raise TclError("line length out of range", ("TCL", "BINARY", "ENCODE", "LINE_LENGTH"))
    wrap = to_str(opts.get("-wrapchar", "\n"))
    if maxlen <= 0 or not wrap:
        return text
    return wrap.join(text[i:i + maxlen] for i in range(0, len(text), maxlen))


def encode_hex(interp, argv):
    if len(argv) != 3:
        raise wrong_args("%s %s" % (to_str(argv[0]), to_str(argv[1])), "data")
    return _bytes_of(argv[2]).hex()


def encode_uuencode(interp, argv):
    opts, data = _options(argv, 2, ["-maxlen", "-wrapchar"], "?-maxlen len? ?-wrapchar char? data")
    raw = _bytes_of(data)
    maxlen = to_int(opts.get("-maxlen", 61))
    per_line = max(1, (maxlen - 1) // 4 * 3) if maxlen > 1 else 45
    wrap = to_str(opts.get("-wrapchar", "\n"))
    lines = []
    for i in range(0, len(raw), per_line):
        line = binascii.b2a_uu(raw[i:i + per_line], backtick=True).decode("ascii").rstrip("\n")
        lines.append(line + wrap)
    return "".join(lines)


def decode_hex(interp, argv):
    opts, data = _options(argv, 2, ["-strict"], "?options? data")
    text = to_str(data)
    strict = opts.get("-strict", False)
    digits = []
    for k, ch in enumerate(text):
        if ch in "0123456789abcdefABCDEF":
            digits.append(ch)
        elif strict or not ch.isspace():
            raise TclError('invalid hexadecimal digit "%s" at position %d' % (ch, k),
                           ("TCL", "BINARY", "DECODE", "INVALID"))
    if len(digits) % 2:
        digits.insert(len(digits) - 1, "0")
    return _as_value(bytes.fromhex("".join(digits)))


_B64 = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")


def decode_base64(interp, argv):
    opts, data = _options(argv, 2, ["-strict"], "?options? data")
    text = to_str(data)
    strict = opts.get("-strict", False)
    kept = []
    padding = 0
    for k, ch in enumerate(text):
        if ch in _B64 and not padding:
            kept.append(ch)
        elif ch == "=":
            padding += 1
            if padding > 2 or len(kept) % 4 < 2:
                raise TclError('invalid base64 character "%s" at position %d' % (ch, k),
                               ("TCL", "BINARY", "DECODE", "INVALID"))
        elif not strict:
            continue  # Tcl's non-strict decoder skips what is not base64
        else:
            raise TclError('invalid base64 character "%s" at position %d' % (ch, k),
                           ("TCL", "BINARY", "DECODE", "INVALID"))
    body = "".join(kept)
    if len(body) % 4 == 1:
        raise TclError('invalid base64 character "%s" at position %d' % (text[-1], len(text) - 1),
                       ("TCL", "BINARY", "DECODE", "INVALID"))
    body += "=" * (-len(body) % 4)
    return _as_value(base64.b64decode(body))


def decode_uuencode(interp, argv):
    opts, data = _options(argv, 2, ["-strict"], "?options? data")
    out = bytearray()
    text = to_str(data)
    if not text.isascii():
        k = next(i for i, ch in enumerate(text) if ord(ch) > 127)
        raise TclError('invalid uuencode character "%s" at position %d' % (text[k], k),
                       ("TCL", "BINARY", "DECODE", "INVALID"))
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            out += binascii.a2b_uu(line)
        except binascii.Error as e:
            raise TclError(str(e), ("TCL", "BINARY", "DECODE", "INVALID")) from None
    return _as_value(bytes(out))


_ENCODERS = {"base64": encode_base64, "hex": encode_hex, "uuencode": encode_uuencode}
_DECODERS = {"base64": decode_base64, "hex": decode_hex, "uuencode": decode_uuencode}


def _encode_call(interp, argv):
    return _codec(interp, argv, _ENCODERS, "encode")


def _decode_call(interp, argv):
    return _codec(interp, argv, _DECODERS, "decode")


def _codec(interp, argv, table, verb):
    if len(argv) < 3:
        raise wrong_args("%s %s" % (to_str(argv[0]), verb), "subcommand ?arg ...?")
    word = to_str(argv[2])
    matches = [k for k in table if k.startswith(word)] if word else []
    if word in table:
        matches = [word]
    if len(matches) != 1:
        raise TclError('unknown or ambiguous subcommand "%s": must be %s' % (
            word, ", ".join(sorted(table)[:-1]) + ", or " + sorted(table)[-1]),
            ("TCL", "LOOKUP", "SUBCOMMAND", word))
    name = matches[0]
    usage = "data" if (verb, name) == ("encode", "hex") else (
        "?-maxlen len? ?-wrapchar char? data" if verb == "encode" else "?options? data")
    if len(argv) < 4:
        raise wrong_args("%s %s %s" % (to_str(argv[0]), verb, name), usage)
    # shape argv as the codec functions expect: [cmd, subcmd, args...]
    return table[name](interp, ["%s %s" % (to_str(argv[0]), verb), name] + list(argv[3:]))


cmd_binary = ensemble("binary", {
    "decode": (_decode_call, 1, None, "subcommand ?arg ...?"),
    "encode": (_encode_call, 1, None, "subcommand ?arg ...?"),
    "format": (binary_format, 1, None, "formatString ?arg ...?"),
    "scan": (binary_scan, 2, None, "value formatString ?varName ...?"),
})
