"""Tcl's encodings on Python codecs, for `encoding` and channel -encoding.

Tcl 8.6 converts leniently: a character the encoding lacks becomes `?`, and
bytes that are not valid input become the characters with the same codes.
Most Tcl encodings are Python codecs under another name; the few table
encodings Python lacks (jis0208, ksc5601 ... as raw 7-bit double bytes)
are derived from the EUC or ISO-2022 codecs that contain them.
"""

import codecs

from .errors import TclError

# Tcl's 83 encoding names (`encoding names`) -> a Python codec, or a
# (encode, decode) pair defined below
CODECS = {
    "ascii": "ascii", "big5": "big5", "cns11643": "big5", "cp1250": "cp1250",
    "cp1251": "cp1251", "cp1252": "cp1252", "cp1253": "cp1253", "cp1254": "cp1254",
    "cp1255": "cp1255", "cp1256": "cp1256", "cp1257": "cp1257", "cp1258": "cp1258",
    "cp437": "cp437", "cp737": "cp737", "cp775": "cp775", "cp850": "cp850", "cp852": "cp852",
    "cp855": "cp855", "cp857": "cp857", "cp860": "cp860", "cp861": "cp861", "cp862": "cp862",
    "cp863": "cp863", "cp864": "cp864", "cp865": "cp865", "cp866": "cp866", "cp869": "cp869",
    "cp874": "cp874", "cp932": "cp932", "cp936": "gbk", "cp949": "cp949", "cp950": "cp950",
    "dingbats": "ascii", "ebcdic": "cp037", "euc-cn": "gb2312", "euc-jp": "tcl_euc_jp",
    "euc-kr": "euc_kr", "gb12345": "gb2312", "gb1988": "gb1988", "gb2312": "gb2312",
    "gb2312-raw": "gb2312-raw", "identity": "identity", "iso2022": "iso2022_jp_2",
    "iso2022-jp": "tcl_iso2022_jp", "iso2022-kr": "iso2022_kr", "iso8859-1": "latin-1",
    "iso8859-10": "iso8859_10", "iso8859-11": "iso8859_11", "iso8859-13": "iso8859_13",
    "iso8859-14": "iso8859_14", "iso8859-15": "iso8859_15", "iso8859-16": "iso8859_16",
    "iso8859-2": "iso8859_2", "iso8859-3": "iso8859_3", "iso8859-4": "iso8859_4",
    "iso8859-5": "iso8859_5", "iso8859-6": "iso8859_6", "iso8859-7": "iso8859_7",
    "iso8859-8": "iso8859_8", "iso8859-9": "iso8859_9", "jis0201": "jis0201",
    "jis0208": "jis0208", "jis0212": "jis0212", "koi8-r": "koi8_r", "koi8-u": "koi8_u",
    "ksc5601": "ksc5601", "macCentEuro": "mac_latin2", "macCroatian": "mac_croatian",
    "macCyrillic": "mac_cyrillic", "macDingbats": "ascii", "macGreek": "mac_greek",
    "macIceland": "mac_iceland", "macJapan": "shift_jis", "macRoman": "mac_roman",
    "macRomania": "mac_romanian", "macThai": "tis_620", "macTurkish": "mac_turkish",
    "macUkraine": "mac_cyrillic", "shiftjis": "tcl_shift_jis", "symbol": "symbol",
    "tis-620": "tis_620", "unicode": "utf-16-le", "utf-8": "utf-8",
}
# accepted but not listed by `encoding names`, as in Tcl
EXTRA = {"binary": "latin-1", "utf-16": "utf-16-le", "ucs-2": "utf-16-le",
         "ucs-2le": "utf-16-le", "ucs-2be": "utf-16-be", "utf-16le": "utf-16-le",
         "utf-16be": "utf-16-be"}

# the Symbol font's Greek letters (the rest of its ASCII range is ASCII)
_SYMBOL_GREEK = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                         "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖαβχδεφγηιϕκλμνοπθρστυϖωξψζ"))
_SYMBOL_FROM = {ord(k): v for k, v in _SYMBOL_GREEK.items()}
_SYMBOL_TO = {v: k for k, v in _SYMBOL_GREEK.items()}
_SYMBOL_TO.update({"∀": '"', "∃": "$", "∋": "'", "∗": "*", "−": "-", "≅": "@", "∴": "\\",
                   "⊥": "^", "∼": "~"})


# Windows' cp932 reads a few JIS X 0208 symbols as fullwidth forms; Tcl's
# Japanese encodings write those forms as the JIS characters, so text read
# as cp932 can be written as shiftjis, euc-jp or iso2022-jp
_JIS_FROM_CP932 = str.maketrans({"\uff5e": "\u301c", "\u2225": "\u2016", "\uff0d": "\u2212",
                                 "\uffe0": "\u00a2", "\uffe1": "\u00a3", "\uffe2": "\u00ac"})
_JIS_CODECS = {"tcl_shift_jis": "shift_jis", "tcl_euc_jp": "euc_jp",
               "tcl_iso2022_jp": "iso2022_jp"}


def _jis_codec(name):
    base = _JIS_CODECS.get(name)
    if base is None:
        return None
    info = codecs.lookup(base)

    class Encoder(info.incrementalencoder):
        def encode(self, text, final=False):
            return super().encode(text.translate(_JIS_FROM_CP932), final)

    def encode(text, errors="strict"):
        return info.encode(text.translate(_JIS_FROM_CP932), errors)

    return codecs.CodecInfo(encode, info.decode, info.streamreader, info.streamwriter,
                            Encoder, info.incrementaldecoder, name=name)


codecs.register(_jis_codec)


def _escape_stripped(text, codec, escape):
    """Bytes of `text` in a 7-bit double-byte set, taken from an ISO-2022
    codec's output with its escape sequences removed."""
    out = bytearray()
    for ch in text:
        try:
            raw = ch.encode(codec)
        except UnicodeEncodeError:
            out += b"?"
            continue
        if raw.startswith(escape):
            out += raw[len(escape):len(escape) + 2]
        else:
            out += b"?" if ord(ch) >= 0x80 else raw
    return bytes(out)


def _encode_special(name, text):
    if name == "identity":
        return text.encode("utf-8", "surrogatepass")
    if name == "symbol":
        return "".join(_SYMBOL_TO.get(ch, ch if ord(ch) < 0x80 else "?")
                       for ch in text).encode("latin-1")
    if name == "gb1988":
        table = {"¥": "$", "‾": "~", "$": "?", "~": "?"}
        return "".join(table.get(ch, ch if ord(ch) < 0x80 else "?")
                       for ch in text).encode("latin-1")
    if name == "jis0201":
        out = bytearray()
        for ch in text:
            if ch == "‾":
                out += b"~"
            elif ch in "¥\\~":
                out += b"?"
            elif ord(ch) < 0x80:
                out.append(ord(ch))
            elif 0xFF61 <= ord(ch) <= 0xFF9F:
                out.append(ord(ch) - 0xFF61 + 0xA1)
            else:
                out += b"?"
        return bytes(out)
    if name == "jis0208":
        return _escape_stripped(text, "iso2022_jp", b"\x1b$B")
    if name == "jis0212":
        return _escape_stripped(text, "iso2022_jp_2", b"\x1b$(D")
    if name in ("ksc5601", "gb2312-raw"):
        codec = "euc_kr" if name == "ksc5601" else "gb2312"
        out = bytearray()
        for ch in text:
            raw = ch.encode(codec, "replace")
            out += bytes(b & 0x7F for b in raw) if len(raw) == 2 else b"?"
        return bytes(out)
    return None


def _decode_special(name, data):
    if name == "identity":
        return decode_utf8(data)
    if name == "symbol":
        return data.decode("latin-1").translate(_SYMBOL_FROM)
    if name == "gb1988":
        return data.decode("latin-1").translate({0x24: "¥", 0x7E: "‾"})
    if name == "jis0201":
        return "".join("‾" if b == 0x7E else "¥" if b == 0x5C else
                       chr(b - 0xA1 + 0xFF61) if 0xA1 <= b <= 0xDF else chr(b) for b in data)
    if name == "jis0208":
        return (b"\x1b$B" + data + b"\x1b(B").decode("iso2022_jp", "replace")
    if name == "jis0212":
        return (b"\x1b$(D" + data + b"\x1b(B").decode("iso2022_jp_2", "replace")
    if name in ("ksc5601", "gb2312-raw"):
        codec = "euc_kr" if name == "ksc5601" else "gb2312"
        return bytes(b | 0x80 for b in data).decode(codec, "replace")
    return None


_SPECIAL = frozenset(("identity", "symbol", "gb1988", "jis0201", "jis0208", "jis0212",
                      "ksc5601", "gb2312-raw"))


def codec_for(tcl_name):
    """The codec name (ours or Python's) of a Tcl encoding name, or Tcl's error."""
    codec = CODECS.get(tcl_name) or EXTRA.get(tcl_name)
    if codec is None:
        raise TclError('unknown encoding "%s"' % tcl_name,
                       ("TCL", "LOOKUP", "ENCODING", tcl_name))
    return codec


def _question_marks(err):
    return "?" * (err.end - err.start), err.end


codecs.register_error("tclish-question", _question_marks)


def encode(tcl_name, text):
    """`encoding convertto`: a string of bytes (one character per byte)."""
    codec = codec_for(tcl_name)
    if codec in _SPECIAL:
        data = _encode_special(codec, text)
    elif codec == "utf-8":
        data = text.replace("\x00", "\x00").encode("utf-8", "surrogatepass")
    elif codec.startswith("utf-16"):
        data = text.encode(codec, "surrogatepass")
    else:
        data = text.encode(codec, "tclish-question")
    return data.decode("latin-1")


def decode_utf8(data):
    """UTF-8 as Tcl reads it: \\xC0\\x80 is NUL, and each byte of an invalid
    sequence becomes the character with its code."""
    out = []
    i = 0
    n = len(data)
    while i < n:
        try:
            out.append(data[i:].decode("utf-8", "surrogatepass"))
            break
        except UnicodeDecodeError as e:
            out.append(data[i:i + e.start].decode("utf-8", "surrogatepass"))
            bad = i + e.start
            if data[bad:bad + 2] == b"\xc0\x80":
                out.append("\x00")
                i = bad + 2
            else:
                out.append(chr(data[bad]))
                i = bad + 1
    return "".join(out)


def decode(tcl_name, text):
    """`encoding convertfrom`: characters from a string of bytes."""
    codec = codec_for(tcl_name)
    data = bytes(ord(ch) & 0xFF for ch in text)
    if codec in _SPECIAL:
        return _decode_special(codec, data)
    if codec == "utf-8":
        return decode_utf8(data)
    if codec.startswith("utf-16"):
        return data.decode(codec, "surrogatepass")
    return data.decode(codec, "replace")


def _special_codec(name):
    """The table encodings above as Python codecs, for channels (converted
    a buffer at a time)."""
    if not name.startswith("tcl_special_"):
        return None
    tcl_name = name[len("tcl_special_"):].replace("_", "-")
    if tcl_name not in _SPECIAL:
        return None

    def encode(text, errors="strict"):
        return _encode_special(tcl_name, text), len(text)

    def decode(data, errors="strict"):
        return _decode_special(tcl_name, bytes(data)), len(data)

    class Encoder(codecs.IncrementalEncoder):
        def encode(self, text, final=False):
            return encode(text)[0]

    class Decoder(codecs.IncrementalDecoder):
        def decode(self, data, final=False):
            return decode(data)[0]

    return codecs.CodecInfo(encode, decode, incrementalencoder=Encoder,
                            incrementaldecoder=Decoder, name=name)


codecs.register(_special_codec)


def python_codecs():
    """Tcl name -> Python codec, for the channels' incremental converters."""
    return {k: (v if v not in _SPECIAL else "tcl_special_" + v.replace("-", "_"))
            for k, v in CODECS.items()}
