"""The wire format between tclsh and a tclish server.

Each message is a frame: the payload's length in bytes as decimal digits, a
newline, then the payload (UTF-8).  A request's payload is a Tcl list: the
command and its arguments.  A reply's payload is a Tcl list of five items:
the return code (0 ok, 1 error), the result, errorInfo, errorCode and what
the command printed to stdout (the client prints it, so `puts` in the server
shows up in tclsh).  Lengths in bytes, not characters, so any text crosses
intact; both sides read exactly one frame per message, never a line of data.
"""

MAX_FRAME = 1 << 30        # a garbled length must not make the reader allocate without bound


class ProtocolError(Exception):
    pass


def read_frame(stream):
    """One payload (bytes) from a binary stream, or None at a clean end of input."""
    header = stream.readline(32)
    if not header:
        return None
    header = header.strip()
    if not header.isdigit() or int(header) > MAX_FRAME:
        raise ProtocolError("bad frame header %r" % header[:20])
    n = int(header)
    data = stream.read(n)
    if len(data) != n:
        raise ProtocolError("connection closed inside a frame")
    return data


def write_frame(stream, payload):
    data = payload.encode("utf-8", "surrogatepass")
    stream.write(b"%d\n" % len(data) + data)
    stream.flush()
