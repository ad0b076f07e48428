"""The codec error handler "tclish": how Tcl treats bytes and characters
that UTF-8 cannot carry.

Decoding: a byte that is not part of valid UTF-8 becomes the character of
the same value (Tcl reads it as ISO 8859-1), so a script with stray bytes
shows them as characters, never as Python's surrogate escapes.
Encoding: a lone surrogate (which Tcl strings may hold) is written as the
three bytes of its code point, as Tcl does, instead of failing and losing
the whole line; U+DC80..U+DCFF, which the channels use for undecodable input
bytes (``surrogateescape``), go back out as the original bytes.
"""

import codecs

NAME = "tclish"


def _handler(exc):
    if isinstance(exc, UnicodeDecodeError):
        bad = exc.object[exc.start:exc.end]
        return "".join(chr(b) for b in bad), exc.end
    if isinstance(exc, UnicodeEncodeError):
        out = bytearray()
        for ch in exc.object[exc.start:exc.end]:
            cp = ord(ch)
            if 0xDC80 <= cp <= 0xDCFF:
                out.append(cp - 0xDC00)
            elif 0xD800 <= cp <= 0xDFFF:
                out += bytes((0xE0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F)))
            else:
                out += ("\\u%04x" % cp).encode("ascii")
        return bytes(out), exc.end
    raise exc


codecs.register_error(NAME, _handler)

__all__ = ["NAME"]
