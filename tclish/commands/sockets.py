"""socket: TCP client and server channels.

A client socket is a `SocketChannel`, an ordinary `Channel` on the socket's
descriptor (so buffering, encodings, translations and non-blocking reads are
the file channel's), with `-peername`, `-sockname`, `-error` and
`-connecting`.  A server socket is a `ServerChannel` holding one listening
socket per address family; each connection is accepted from the event loop
and handed to the Tcl callback as `cmd channel address port`.
"""

import errno
import selectors
import socket

from ..runtime.channel import Channel, os_tcl_error, posix_error
from ..runtime.errors import TclError
from ..runtime.events import background_error, get_loop, run_handler
from ..runtime.registry import command
from ..runtime.values import TclList, to_int, to_str

SOCKET_OPTIONS = ("-connecting", "-peername", "-sockname")


def _host_name(addr):
    if addr in ("0.0.0.0", "::"):
        return addr
    try:
        return socket.getnameinfo((addr, 0), socket.NI_NAMEREQD)[0]
    except (OSError, UnicodeError):
        return addr


def _address_triple(sockaddr):
    addr, port = sockaddr[0], sockaddr[1]
    if addr.startswith("::ffff:") and "." in addr:
        addr = addr[7:]
    return [addr, _host_name(addr), port]


class SocketChannel(Channel):
    kind = "socket"
    duplex = True
    auto_out = "crlf"

    def __init__(self, sock, connecting=False):
        Channel.__init__(self, "", sock.fileno(), True, True)
        self.sock = sock
        self.trans_out = "crlf"
        self.connecting = connecting
        self.failed = False
        self.error = ""
        if connecting:
            sock.setblocking(False)

    # -- async connect: reads and writes wait for it in blocking mode -------------

    def _settle(self):
        if not self.connecting:
            return True
        wait = None if self.blocking else 0
        with selectors.DefaultSelector() as sel:
            sel.register(self.sock, selectors.EVENT_WRITE)
            if not sel.select(wait):
                return False
        self.connecting = False
        err = self.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if err:
            self.error = posix_error(err)[0]
            self.failed = True
        self.sock.setblocking(bool(self.blocking))
        return True

    def _fill(self):
        if not self._settle():
            self._blocked = True
            return False
        if self.failed:
            raise TclError('error reading "%s": socket is not connected' % self.name,
                           ("POSIX", "ENOTCONN", "socket is not connected"))
        return Channel._fill(self)

    def flush(self, verb="flushing"):
        if self._out and not self._settle():
            self._flush_later()
            return
        Channel.flush(self, verb)

    def set_blocking(self, flag):
        if self.connecting:
            self.blocking = 1 if flag else 0
            return
        Channel.set_blocking(self, flag)

    def tell(self):
        return -1

    def seek(self, offset, whence):
        raise TclError('error during seek on "%s": invalid argument' % self.name,
                       ("POSIX", "EINVAL", "invalid argument"))

    # -- options ------------------------------------------------------------------

    def extra_options(self):
        return SOCKET_OPTIONS

    def get_extra(self, opt):
        if opt == "-error":
            if self.connecting:
                self._settle_quietly()
            err, self.error = self.error, ""
            if not err:
                try:
                    code = self.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                except OSError:
                    code = 0
                err = posix_error(code)[0] if code else ""
            return err
        if opt == "-connecting":
            if self.connecting:
                self._settle_quietly()
            return 1 if self.connecting else 0
        try:
            addr = self.sock.getpeername() if opt == "-peername" else self.sock.getsockname()
        except OSError as e:
            raise TclError("can't get %s: %s" % (opt[1:], posix_error(e)[0]),
                           ("POSIX",) + posix_error(e)[1][1:]) from None
        return TclList(_address_triple(addr))

    def listed_extras(self):
        if self.connecting:
            self._settle_quietly()
        names = ["-connecting"] if self.connecting else []
        if not self.connecting:
            try:
                self.sock.getpeername()
                names.append("-peername")
            except OSError:
                pass
        return names + ["-sockname"]

    def _settle_quietly(self):
        saved = self.blocking
        self.blocking = 0
        try:
            self._settle()
        finally:
            self.blocking = saved
            if not self.connecting:
                try:
                    self.sock.setblocking(bool(saved))
                except OSError:
                    pass

    # -- closing --------------------------------------------------------------------

    def close_half(self, direction):
        if direction == "write":
            if self._out:
                # everything written goes out before the end-of-file marker
                saved = self.blocking
                Channel.set_blocking(self, True)
                self.flush()
                Channel.set_blocking(self, saved)
            how, self.writable = socket.SHUT_WR, False
        else:
            how, self.readable = socket.SHUT_RD, False
        try:
            self.sock.shutdown(how)
        except OSError:
            pass

    def _close_fds(self):
        self.fd = self.wfd = -1
        try:
            self.sock.close()
        except OSError as e:
            raise os_tcl_error('error closing "%s"' % self.name, e) from None


class ServerChannel:
    """A listening socket (or one per address family) as a Tcl channel."""

    kind = "server"

    def __init__(self, socks, interp, script):
        self.name = ""
        self.socks = socks
        self.interp = interp
        self.script = script
        self.readable = self.writable = False
        self.blocking = 1
        self.buffering = "full"
        self.buffersize = 4096
        self.encoding = "utf-8"
        self.eofchar = ("", "")
        self.trans_in = "auto"
        self.trans_out = "auto"
        self.fd = socks[0].fileno()
        self.event_handlers = None

    def listen(self):
        loop = get_loop()
        for i, sock in enumerate(self.socks):
            sock.setblocking(False)
            loop.watch((id(self), "accept", i), sock.fileno(), "r",
                       lambda sock=sock: self._accept(sock))

    def _accept(self, lsock):
        try:
            conn, addr = lsock.accept()
        except (BlockingIOError, InterruptedError):
            return
        except OSError as e:
            background_error(self.interp, os_tcl_error("couldn't accept connection", e))
            return
        conn.setblocking(True)
        from .channels import add_named_channel, close_channel
        ch = add_named_channel(self.interp, SocketChannel(conn), "sock")
        host = addr[0]
        if host.startswith("::ffff:") and "." in host:
            host = host[7:]
        script = "%s %s %s %d" % (to_str(self.script), ch.name, host, addr[1])
        if not run_handler(self.interp, script):
            if ch.name in self.interp.channels:
                try:
                    close_channel(self.interp, ch.name)
                except TclError:
                    pass

    # the channel interface the generic commands use
    def set_encoding(self, name):
        from ..runtime.channel import python_codec
        python_codec(name)
        self.encoding = name

    def set_translation(self, vin, vout):
        if vin is not None:
            self.trans_in = vin

    def set_blocking(self, flag):
        self.blocking = 1 if flag else 0

    def extra_options(self):
        return SOCKET_OPTIONS

    def listed_extras(self):
        return ["-sockname"]

    def get_extra(self, opt):
        if opt == "-sockname":
            out = TclList()
            for sock in self.socks:
                out.extend(_address_triple(sock.getsockname()))
            return out
        if opt == "-error":
            return ""
        if opt == "-connecting":
            return 0
        raise TclError("can't get peername: socket is not connected",
                       ("POSIX", "ENOTCONN", "socket is not connected"))

    def flush(self):
        pass

    def eof(self):
        return False

    def blocked(self):
        return False

    def pending_input(self):
        return -1

    def tell(self):
        return -1

    def close(self):
        get_loop().forget(id(self))
        for sock in self.socks:
            sock.close()
        self.socks = []


# ---- the command ----------------------------------------------------------------------

_USAGE = ('wrong # args: should be "socket ?-myaddr addr? ?-myport myport? ?-async? host port"'
          ' or "socket -server command ?-myaddr addr? port"')
_OPTIONS = ("-async", "-myaddr", "-myport", "-server")


def _port(text):
    try:
        port = to_int(text)
    except TclError:
        try:
            return socket.getservbyname(text, "tcp")
        except OSError:
            raise TclError('expected integer but got "%s"' % text,
                           ("TCL", "VALUE", "INTEGER")) from None
    if port > 0xFFFF:
        raise TclError("couldn't open socket: port number too high")
    if port < 0:
        raise TclError('expected integer but got "%s"' % text, ("TCL", "VALUE", "INTEGER"))
    return port


def _open_error(e):
    if isinstance(e, socket.gaierror):
        return TclError("couldn't open socket: %s" % e.strerror)
    return os_tcl_error("couldn't open socket", e)


@command("socket", 0, None, "")
def cmd_socket(interp, argv):
    args = [to_str(a) for a in argv[1:]]
    server = myaddr = myport = None
    is_async = False
    i = 0
    while i < len(args) and args[i].startswith("-"):
        opt = args[i]
        matches = [o for o in _OPTIONS if o.startswith(opt)] if len(opt) > 1 else []
        if opt in _OPTIONS:
            matches = [opt]
        if len(matches) != 1:
            raise TclError('bad option "%s": must be -async, -myaddr, -myport, or -server' % opt,
                           ("TCL", "LOOKUP", "INDEX", "option", opt))
        opt = matches[0]
        if opt == "-async":
            if server is not None:
                raise TclError("cannot set -async option for server sockets")
            is_async = True
            i += 1
            continue
        if opt == "-server" and is_async:
            raise TclError("cannot set -async option for server sockets")
        if i + 1 >= len(args):
            raise TclError("no argument given for %s option" % opt)
        value = args[i + 1]
        i += 2
        if opt == "-myaddr":
            myaddr = value
        elif opt == "-myport":
            if server is not None:
                raise TclError("option -myport is not valid for servers")
            _port(value)
            myport = value
        else:
            if is_async:
                raise TclError("cannot set -async option for server sockets")
            if myport is not None:
                raise TclError("option -myport is not valid for servers")
            server = value
    rest = args[i:]
    if server is not None:
        if len(rest) != 1:
            raise TclError(_USAGE, ("TCL", "WRONGARGS"))
        return _open_server(interp, server, myaddr, _port(rest[0]))
    if len(rest) != 2:
        raise TclError(_USAGE, ("TCL", "WRONGARGS"))
    return _open_client(interp, rest[0], _port(rest[1]), myaddr,
                        _port(myport) if myport is not None else 0, is_async)


def _open_server(interp, script, myaddr, port):
    socks = []
    first_error = None
    try:
        if myaddr is not None:
            infos = socket.getaddrinfo(myaddr, port, 0, socket.SOCK_STREAM, 0,
                                       socket.AI_PASSIVE)[:1]
        else:
            infos = [(socket.AF_INET, socket.SOCK_STREAM, 0, "", ("0.0.0.0", port))]
            if socket.has_ipv6:
                infos.append((socket.AF_INET6, socket.SOCK_STREAM, 0, "", ("::", port, 0, 0)))
        for family, kind, proto, _, addr in infos:
            try:
                sock = socket.socket(family, kind, proto)
            except OSError:
                if socks:
                    continue
                raise
            try:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                if family == socket.AF_INET6:
                    sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
                if socks and addr[1] == 0:
                    # the same (chosen) port for every address family
                    addr = (addr[0], socks[0].getsockname()[1]) + tuple(addr[2:])
                sock.bind(addr)
                sock.listen(128)
            except OSError as e:
                # as Tcl: a server needs only one of its addresses
                sock.close()
                first_error = first_error or e
                continue
            socks.append(sock)
        if not socks:
            raise first_error
    except OSError as e:
        for sock in socks:
            sock.close()
        raise _open_error(e) from None
    from .channels import add_named_channel
    ch = add_named_channel(interp, ServerChannel(socks, interp, script), "sock")
    ch.listen()
    return ch.name


def _open_client(interp, host, port, myaddr, myport, is_async):
    try:
        infos = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)
    except OSError as e:
        raise _open_error(e) from None
    last = None
    for family, kind, proto, _, addr in infos:
        sock = None
        try:
            sock = socket.socket(family, kind, proto)
            if myaddr is not None or myport:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                sock.bind((myaddr or ("::" if family == socket.AF_INET6 else "0.0.0.0"), myport))
            if is_async:
                sock.setblocking(False)
                code = sock.connect_ex(addr)
                if code not in (0, errno.EINPROGRESS, errno.EAGAIN):
                    raise OSError(code, "")
                ch = SocketChannel(sock, connecting=code != 0)
            else:
                sock.connect(addr)
                ch = SocketChannel(sock)
            sock = None
            from .channels import add_named_channel
            return add_named_channel(interp, ch, "sock").name
        except OSError as e:
            last = e
        finally:
            if sock is not None:
                sock.close()
    raise _open_error(last) from None


__all__ = ["cmd_socket", "SocketChannel", "ServerChannel"]
