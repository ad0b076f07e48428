"""The tclish server behind `package require tclish::remote`.

    python -m tclish.remote serve --stdio             one client on stdin/stdout
    python -m tclish.remote serve --port 7777         clients on 127.0.0.1:7777

Each client gets an interpreter of its own.  Requests are Tcl commands
(protocol.py); the server runs each at global level and replies with its
code, result, errorInfo, errorCode and printed output.

Handles.  A tclish tensor is freed when no Tcl value holds its handle; here
the value that holds it lives in another process.  So every handle a reply
carries is *pinned* in a per-client table until the client lets it go:
`tclish::remote::release NAME ...` (or `torch::tensor_free NAME`, which frees
at once) unpins, and when the client goes away (end of input, a closed
socket) its interpreter and everything pinned in it are dropped.

Besides the torch commands, a client may call `::tclish::remote::commands`
(the torch command names to forward), `::tclish::remote::release` and
`::tclish::remote::eval SCRIPT` (any Tcl, run in the server).
"""

import io
import socketserver
import sys
import threading

from ..frontends.embed import Interp
from ..runtime.errors import TclError, TclSignal
from ..runtime.lists import split_list
from ..runtime.values import TclDict, TclList, format_list, to_str
from .protocol import ProtocolError, read_frame, write_frame


class Session:
    """One client: its interpreter and the handles pinned for it."""

    def __init__(self):
        self.tcl = Interp()
        self.pinned = {}
        rt = self.tcl.runtime
        rt.register("::tclish::remote::commands", self._commands)
        rt.register("::tclish::remote::release", self._release)
        rt.register("::tclish::remote::eval", self._eval)

    # --- the server-side helper commands ---------------------------------------

    def _commands(self, interp, argv):
        names = self.tcl.runtime.invoke(["info", "commands", "::torch::*"])
        return TclList(sorted(to_str(n) for n in split_list(to_str(names))))

    def _release(self, interp, argv):
        from ..torchbridge.handles import registry_of
        tables = registry_of(self.tcl.runtime).tables.values()
        for name in argv[1:]:
            name = to_str(name)
            self.pinned.pop(name, None)
            # released on purpose: not kept in the recent ring for names
            # in strings either (a value in the server may still hold it live)
            for table in tables:
                if name not in table:
                    table.forget(name)
        return ""

    def _eval(self, interp, argv):
        if len(argv) != 2:
            raise TclError('wrong # args: should be "::tclish::remote::eval script"',
                           ("TCL", "WRONGARGS"))
        return self.tcl.runtime.eval(to_str(argv[1]))

    # --- requests ----------------------------------------------------------------

    def _pin(self, value):
        """Keep every handle in a result alive until the client releases it."""
        from ..torchbridge.handles import Handle, TensorValue
        if isinstance(value, TensorValue):      # named now: the client gets the name
            self.pinned[str.__str__(str(value))] = value
        elif isinstance(value, Handle):
            self.pinned[str.__str__(value)] = value
        elif isinstance(value, TclList):
            for v in value:
                self._pin(v)
        elif isinstance(value, TclDict):
            for v in value.values():
                self._pin(v)

    def handle(self, payload):
        """The reply (a Tcl list string) to one request (a Tcl list string)."""
        rt = self.tcl.runtime
        out = io.StringIO()
        saved = rt.stdout
        rt.stdout = out
        try:
            argv = split_list(payload)
            if not argv:
                raise TclError("empty request", ("TCLISH", "REMOTE", "EMPTY"))
            if to_str(argv[0]) in ("torch::tensor_free", "::torch::tensor_free"):
                self._release(rt, argv)
            result = self._invoke(argv)
            self._pin(result)
            reply = ["0", to_str(result), "", "", out.getvalue()]
        except TclError as e:
            rt.set_error_vars(e)
            reply = ["1", e.message, e.errorinfo, to_str(e.errorcode), out.getvalue()]
        except SystemExit:
            reply = ["1", "exit is not forwarded to the tclish server", "",
                     "TCLISH REMOTE EXIT", out.getvalue()]
        except Exception as e:      # a bug must not kill the server
            reply = ["1", "tclish server: %s: %s" % (type(e).__name__, e), "",
                     "TCLISH REMOTE INTERNAL", out.getvalue()]
        finally:
            rt.stdout = saved
        return format_list(reply)

    def _invoke(self, argv):
        # at global level, through the embedding API's error and signal handling
        rt = self.tcl.runtime
        try:
            return self.tcl._run(lambda: rt.invoke(list(argv)))
        except TclSignal as s:
            return s.value


def serve_stream(instream, outstream):
    """Serve one client on a pair of binary streams until its input ends."""
    session = Session()
    while True:
        try:
            payload = read_frame(instream)
        except ProtocolError:
            return 1
        if payload is None:
            return 0
        reply = session.handle(payload.decode("utf-8", "surrogateescape"))
        try:
            write_frame(outstream, reply)
        except (BrokenPipeError, ConnectionError, ValueError):
            return 0


class _Handler(socketserver.StreamRequestHandler):
    def handle(self):
        serve_stream(self.rfile, self.wfile)


class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True


def serve_port(host, port, ready=None):
    """Serve clients on host:port (one thread and interpreter each) until interrupted."""
    with Server((host, port), _Handler) as server:
        if ready is not None:
            ready(server.server_address[1])
        server.serve_forever()


def start_in_thread(host="127.0.0.1", port=0):
    """A server on a thread (for tests and embedding); returns (server, port)."""
    server = Server((host, port), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


def main_stdio():
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 40000))
    # the protocol owns stdout; anything else printed goes to stderr
    out = sys.stdout.buffer
    sys.stdout = sys.stderr
    return serve_stream(sys.stdin.buffer, out)
