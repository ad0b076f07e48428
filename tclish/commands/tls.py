"""The `tls` package: tcltls's commands on the standard library's ssl module.

`tls::import` turns an open socket channel into a TLS channel in place, as
tcltls stacks its transform on the channel under the same name: the
channel keeps its name, configuration and event handlers, and its raw reads
and writes go through an `ssl.SSLSocket` instead of the descriptor.
`tls::socket` is `socket` followed by `tls::import`; a server's accept
callback is `::tls::_accept OPTIONS CMD`, which imports each connection
before the script sees it (tcltls does the same).

The handshake happens on the first read or write (or `tls::handshake`),
blocking or not with the channel; a failed handshake is a Tcl error naming
OpenSSL's reason, and the channel then fails the same way on every use.

As in tcltls, `-require` is 0 by default: the peer's certificate is not
verified unless the script asks for it (`-require 1`, with `-cafile` /
`-cadir`, or the system's CA store when neither is given).
"""

import hashlib
import re
import ssl
import warnings

from ..runtime.errors import TclError
from ..runtime.registry import command
from ..runtime.values import TclList, to_bool, to_list, to_str
from .sockets import SocketChannel, ServerChannel, _open_client, _open_server, _port

TLS_VERSION = "1.7.22"

# option -> (kind, default); kind "bool", "str" or "list"
IMPORT_OPTIONS = {
    "-alpn": ("list", None),
    "-autoservername": ("bool", False),
    "-cadir": ("str", None),
    "-cafile": ("str", None),
    "-certfile": ("str", None),
    "-cipher": ("str", None),
    "-keyfile": ("str", None),
    "-password": ("str", None),
    "-request": ("bool", True),
    "-require": ("bool", False),
    "-server": ("bool", False),
    "-servername": ("str", None),
    "-ssl2": ("bool", False),
    "-ssl3": ("bool", False),
    "-tls1": ("bool", True),
    "-tls1.1": ("bool", True),
    "-tls1.2": ("bool", True),
    "-tls1.3": ("bool", True),
}
# tcltls options this package does not implement: refused by name rather than ignored
UNSUPPORTED = ("-command", "-dhparams", "-model")
SOCKET_ONLY = ("-async", "-myaddr", "-myport")

_PROTOCOLS = [("-tls1", "TLSv1", "tls1"), ("-tls1.1", "TLSv1_1", "tls1.1"),
              ("-tls1.2", "TLSv1_2", "tls1.2"), ("-tls1.3", "TLSv1_3", "tls1.3")]


def _tls_error(text):
    return TclError(text, ("TLS", "ERROR", text))


def _reason(err):
    """OpenSSL's reason without Python's decorations ("[SSL: X] ... (_ssl.c:1006)")."""
    text = err.args[1] if len(err.args) > 1 and isinstance(err.args[1], str) else str(err)
    text = re.sub(r"^\[[^\]]*\]\s*", "", text)
    text = re.sub(r"\s*\(_ssl\.c:\d+\)$", "", text)
    return text or "protocol error"


# ---- options and contexts --------------------------------------------------------------

def parse_options(words, allowed=IMPORT_OPTIONS):
    """A dict of every import option (defaults filled in) from `-opt value` words."""
    opts = {name: default for name, (_kind, default) in allowed.items()}
    if len(words) % 2:
        raise TclError('value for option "%s" missing' % words[-1])
    for i in range(0, len(words), 2):
        name, value = words[i], words[i + 1]
        if name in UNSUPPORTED:
            raise _tls_error("option %s is not supported by this tls package" % name)
        if name not in allowed:
            raise TclError('bad option "%s": must be one of %s'
                           % (name, ", ".join(sorted(allowed))),
                           ("TCL", "LOOKUP", "INDEX", "option", name))
        kind = allowed[name][0]
        if kind == "bool":
            value = to_bool(value)
        elif kind == "list":
            value = [to_str(v) for v in to_list(value)]
        opts[name] = value
    return opts


def make_context(interp, opts):
    """The ssl.SSLContext the options describe; their faults are Tcl errors."""
    server = opts["-server"]
    if opts["-ssl2"] or opts["-ssl3"]:
        raise _tls_error("%s protocol not supported" % ("SSL2" if opts["-ssl2"] else "SSL3"))
    enabled = [getattr(ssl.TLSVersion, attr) for opt, attr, _n in _PROTOCOLS if opts[opt]]
    if not enabled:
        raise _tls_error("no protocols enabled")
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER if server else ssl.PROTOCOL_TLS_CLIENT)
    with warnings.catch_warnings():
        # TLS 1.0/1.1 are deprecated in Python; enabling them is still the script's choice
        warnings.simplefilter("ignore", DeprecationWarning)
        ctx.minimum_version = min(enabled)
        ctx.maximum_version = max(enabled)
    ctx.options |= getattr(ssl, "OP_IGNORE_UNEXPECTED_EOF", 0)
    try:
        if not server:
            ctx.check_hostname = False
        cafile, cadir = opts["-cafile"], opts["-cadir"]
        if cafile or cadir:
            ctx.load_verify_locations(cafile=cafile, capath=cadir)
        if opts["-require"]:
            ctx.verify_mode = ssl.CERT_REQUIRED
            if not (cafile or cadir):
                ctx.load_default_certs(ssl.Purpose.CLIENT_AUTH if server
                                       else ssl.Purpose.SERVER_AUTH)
        elif server and opts["-request"] and (cafile or cadir):
            ctx.verify_mode = ssl.CERT_OPTIONAL
        else:
            ctx.verify_mode = ssl.CERT_NONE
        certfile = opts["-certfile"]
        if server and not certfile:
            raise _tls_error("a tls server needs -certfile (and -keyfile)")
        if certfile:
            password = None
            if opts["-password"]:
                script = opts["-password"]
                password = lambda: to_str(interp.eval(script))  # noqa: E731
            ctx.load_cert_chain(certfile, opts["-keyfile"] or None, password)
        if opts["-cipher"]:
            ctx.set_ciphers(opts["-cipher"])
        if opts["-alpn"]:
            ctx.set_alpn_protocols(opts["-alpn"])
    except ssl.SSLError as e:
        raise _tls_error("tls setup failed: %s" % _reason(e)) from None
    except OSError as e:
        raise _tls_error("tls setup failed: %s" % (e.strerror or e)) from None
    return ctx


# ---- the channel -----------------------------------------------------------------------

class TlsChannel(SocketChannel):
    """A socket channel whose bytes go through TLS (made by `adopt`, never directly)."""

    kind = "socket"

    @classmethod
    def adopt(cls, ch, ctx, server_side, server_hostname):
        ch.__class__ = cls
        ch.tls_context = ctx
        ch.server_side = server_side
        ch.server_hostname = server_hostname
        ch.tls_state = "new"        # new -> handshaking -> done | failed
        ch.tls_error = None
        return ch

    # -- the handshake ----------------------------------------------------------------

    def _wrap(self):
        # wrapped only now: an -async connect must finish before ssl sees the socket
        self.sock = self.tls_context.wrap_socket(
            self.sock, server_side=self.server_side, do_handshake_on_connect=False,
            server_hostname=None if self.server_side else self.server_hostname)
        self.sock.setblocking(bool(self.blocking))
        self.tls_state = "handshaking"

    def handshake(self):
        """Advance the handshake: True once done; BlockingIOError while it waits."""
        if self.tls_state == "done":
            return True
        if self.tls_state == "failed":
            raise _tls_error(self.tls_error)
        if self.tls_state == "new":
            self._wrap()
        try:
            self.sock.do_handshake()
        except ssl.SSLWantReadError:
            self._flush_wait = "r"
            raise BlockingIOError() from None
        except ssl.SSLWantWriteError:
            self._flush_wait = "w"
            raise BlockingIOError() from None
        except (ssl.SSLError, OSError) as e:
            self.tls_state = "failed"
            if isinstance(e, ssl.SSLError):
                reason = _reason(e)
            else:
                reason = "connection closed by peer" if not e.strerror else e.strerror.lower()
            self.tls_error = 'tls handshake failed on "%s": %s' % (self.name, reason)
            raise _tls_error(self.tls_error) from None
        self.tls_state = "done"
        if self._flush_wait != "w" and self._out:
            # output queued while the handshake waited for the peer: send it now
            self._flush_wait = "w"
            self._flush_later()
        self._flush_wait = "w"
        return True

    def start(self):
        """Send the ClientHello now without waiting: a script may wait for
        `readable` before any write, and the server says nothing first.  A
        failure is kept for the channel's next use to report."""
        try:
            self._wrap()
            self.sock.setblocking(False)
            self.handshake()
        except (BlockingIOError, TclError):
            pass
        finally:
            if self.tls_state != "failed":
                self.sock.setblocking(bool(self.blocking))

    # -- the channel's raw I/O --------------------------------------------------------

    def _raw_read(self, n):
        self.handshake()
        try:
            return self.sock.recv(n)
        except (ssl.SSLWantReadError, ssl.SSLWantWriteError):
            raise BlockingIOError() from None
        except (ssl.SSLZeroReturnError, ssl.SSLEOFError):
            return b""
        except ssl.SSLError as e:
            raise _tls_error('error reading "%s": %s' % (self.name, _reason(e))) from None

    def _raw_write(self, data):
        self.handshake()
        try:
            return self.sock.send(data)
        except (ssl.SSLWantReadError, ssl.SSLWantWriteError):
            raise BlockingIOError() from None
        except ssl.SSLError as e:
            raise _tls_error('error writing "%s": %s' % (self.name, _reason(e))) from None

    def input_ready(self):
        # decrypted bytes can wait inside OpenSSL while the descriptor has none
        if SocketChannel.input_ready(self):
            return True
        return self.tls_state == "done" and self.sock.pending() > 0

    def set_blocking(self, flag):
        SocketChannel.set_blocking(self, flag)
        if self.tls_state != "new" and not self.connecting:
            # ssl keeps its own idea of blocking; a mismatch makes it spin
            self.sock.setblocking(bool(flag))

    def _close_fds(self):
        if self.tls_state == "done":
            try:
                # send close_notify without waiting for the peer's
                self.sock.setblocking(False)
                self.sock.unwrap()
            except (ssl.SSLError, OSError, ValueError):
                pass
        SocketChannel._close_fds(self)

    def status(self, local):
        if self.tls_state != "done":
            return TclList()
        out = TclList()
        sock = self.sock
        if local:
            der = None
        else:
            der = sock.getpeercert(binary_form=True)
        if der:
            parsed = sock.getpeercert() or {}
            for key, field in (("issuer", "issuer"), ("subject", "subject")):
                if field in parsed:
                    out.extend([key, _name_text(parsed[field])])
            for key in ("notBefore", "notAfter"):
                if key in parsed:
                    out.extend([key, parsed[key]])
            if "serialNumber" in parsed:
                out.extend(["serialNumber", parsed["serialNumber"]])
            out.extend(["certificate", ssl.DER_cert_to_PEM_cert(der),
                        "sha1_hash", hashlib.sha1(der).hexdigest().upper(),
                        "sha256_hash", hashlib.sha256(der).hexdigest().upper()])
        cipher = sock.cipher()
        if cipher:
            out.extend(["cipher", cipher[0], "sbits", cipher[2]])
        out.extend(["version", sock.version() or ""])
        alpn = sock.selected_alpn_protocol()
        out.extend(["alpn", alpn or ""])
        return out


def _name_text(rdns):
    """An X.509 name as OpenSSL's one-line form: CN=...,O=..."""
    short = {"commonName": "CN", "organizationName": "O", "organizationalUnitName": "OU",
             "countryName": "C", "stateOrProvinceName": "ST", "localityName": "L",
             "emailAddress": "emailAddress"}
    parts = []
    for rdn in rdns:
        for key, value in rdn:
            parts.append("%s=%s" % (short.get(key, key), value))
    return ",".join(parts)


def _tls_channel(interp, name):
    from .channels import get_channel
    ch = get_channel(interp, name)
    if not isinstance(ch, TlsChannel):
        raise _tls_error('bad channel "%s": not a TLS channel' % name)
    return ch


def import_channel(interp, name, opts):
    from .channels import get_channel
    ch = get_channel(interp, name)
    if isinstance(ch, TlsChannel):
        raise _tls_error('channel "%s" is already a TLS channel' % name)
    if isinstance(ch, ServerChannel) or not isinstance(ch, SocketChannel):
        raise _tls_error('bad channel "%s": tls::import needs a connected socket' % name)
    ctx = make_context(interp, opts)
    hostname = opts["-servername"]
    TlsChannel.adopt(ch, ctx, opts["-server"], hostname)
    # a readable handler set before the import asked the plain channel's input_ready
    from ..runtime.events import get_loop
    watcher = get_loop(interp).watchers.get((id(ch), "r", "fileevent"))
    if watcher is not None:
        watcher.ready_now = ch.input_ready
    if not opts["-server"] and not ch.connecting:
        ch.start()
    if opts["-require"] and hostname and not opts["-server"]:
        ctx.check_hostname = True
    return ch


# ---- the commands ----------------------------------------------------------------------

_SOCKET_USAGE = ('wrong # args: should be "tls::socket ?options? host port"'
                 ' or "tls::socket -server command ?options? port"')


@command("::tls::socket", 0, None, "")
def cmd_tls_socket(interp, argv):
    args = [to_str(a) for a in argv[1:]]
    server = myaddr = myport = None
    is_async = False
    tls_words = []
    i = 0
    while i < len(args) and args[i].startswith("-"):
        opt = args[i]
        if opt == "-async":
            is_async = True
            i += 1
            continue
        if i + 1 >= len(args):
            raise TclError(_SOCKET_USAGE, ("TCL", "WRONGARGS"))
        value = args[i + 1]
        if opt == "-server":
            server = value
        elif opt == "-myaddr":
            myaddr = value
        elif opt == "-myport":
            myport = value
        else:
            tls_words += [opt, value]
        i += 2
    rest = args[i:]
    if server is not None:
        if len(rest) != 1 or is_async:
            raise TclError(_SOCKET_USAGE, ("TCL", "WRONGARGS"))
        opts = parse_options(tls_words + ["-server", "1"])
        make_context(interp, opts)      # a bad certificate fails now, not at each accept
        script = TclList(["::tls::_accept", TclList(tls_words), server])
        return _open_server(interp, script, myaddr, _port(rest[0]))
    if len(rest) != 2:
        raise TclError(_SOCKET_USAGE, ("TCL", "WRONGARGS"))
    opts = parse_options(tls_words)
    host = rest[0]
    if opts["-autoservername"] and not opts["-servername"]:
        opts["-servername"] = host
    make_context(interp, opts)
    name = _open_client(interp, host, _port(rest[1]), myaddr,
                        _port(myport) if myport is not None else 0, is_async)
    try:
        import_channel(interp, name, opts)
    except TclError:
        from .channels import close_channel
        close_channel(interp, name)
        raise
    return name


@command("::tls::_accept", 5, 5, "options callback chan host port")
def cmd_tls_accept(interp, argv):
    words = [to_str(w) for w in to_list(argv[1])]
    name = to_str(argv[3])
    import_channel(interp, name, parse_options(words + ["-server", "1"]))
    script = TclList(to_list(argv[2]))
    script.extend([name, to_str(argv[4]), to_str(argv[5])])
    return interp.eval(script)


@command("::tls::import", 1, None, "channel ?options?")
def cmd_tls_import(interp, argv):
    name = to_str(argv[1])
    import_channel(interp, name, parse_options([to_str(a) for a in argv[2:]]))
    return name


@command("::tls::handshake", 1, 1, "channel")
def cmd_tls_handshake(interp, argv):
    ch = _tls_channel(interp, to_str(argv[1]))
    if not ch._settle():
        return 0
    if ch.failed:
        raise _tls_error('tls handshake failed on "%s": %s' % (ch.name, ch.error or
                                                               "connection failed"))
    try:
        ch.handshake()
    except BlockingIOError:
        return 0
    return 1


@command("::tls::status", 1, 2, "?-local? channel")
def cmd_tls_status(interp, argv):
    local = False
    if len(argv) == 3:
        if to_str(argv[1]) != "-local":
            raise TclError('bad option "%s": must be -local' % to_str(argv[1]))
        local = True
    return _tls_channel(interp, to_str(argv[-1])).status(local)


@command("::tls::version", 0, 0, "")
def cmd_tls_version(interp, argv):
    return ssl.OPENSSL_VERSION


@command("::tls::protocols", 0, 0, "")
def cmd_tls_protocols(interp, argv):
    names = [n for _opt, attr, n in _PROTOCOLS if getattr(ssl, "HAS_" + attr, False)]
    return TclList(names)


@command("::tls::ciphers", 0, 2, "?protocol? ?verbose?")
def cmd_tls_ciphers(interp, argv):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    verbose = len(argv) > 2 and to_bool(argv[2])
    return TclList([c["description"] if verbose else c["name"] for c in ctx.get_ciphers()])


def load(interp):
    """`package require tls`: the commands (installed with the module's table)."""
    from ..runtime.registry import install
    install(interp, [cmd_tls_socket, cmd_tls_accept, cmd_tls_import, cmd_tls_handshake,
                     cmd_tls_status, cmd_tls_version, cmd_tls_protocols, cmd_tls_ciphers])
    interp.eval("namespace eval ::tls {variable version %s}" % TLS_VERSION)


__all__ = ["TlsChannel", "load"]
