"""The tls package (tcltls's commands on Python's ssl) against peers that are
not Tcl: Python ssl servers and clients in threads on loopback, with a
self-signed certificate made by `openssl req -x509` for the test run."""

import http.server
import shutil
import socket
import ssl
import subprocess
import threading

import pytest

from tclish.runtime.errors import TclError
from tclish.runtime.interp import Interp
from tclish.runtime.values import to_str


@pytest.fixture(scope="module")
def cert(tmp_path_factory):
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make the test certificate")
    folder = tmp_path_factory.mktemp("tls")
    certfile, keyfile = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(keyfile), "-out", str(certfile)],
                   check=True, capture_output=True)
    # a second, unrelated certificate: the wrong CA for the first
    other = folder / "other.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=other", "-keyout", str(folder / "other-key.pem"),
                    "-out", str(other)], check=True, capture_output=True)
    return {"cert": str(certfile), "key": str(keyfile), "other": str(other)}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def handle_one_request(self):
        try:
            super().handle_one_request()
        except (ssl.SSLError, OSError):
            # a client that refused our certificate: not the server's failure
            self.close_connection = True

    def do_GET(self):
        body = ("secure %s" % self.path).encode() * (1000 if self.path == "/big" else 1)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class TlsHTTPServer(http.server.ThreadingHTTPServer):
    def __init__(self, addr, handler, context):
        super().__init__(addr, handler)
        self.context = context

    def get_request(self):
        conn, addr = self.socket.accept()
        # the handshake runs in the request's thread, so a bad client can't stall accept
        return self.context.wrap_socket(conn, server_side=True,
                                        do_handshake_on_connect=False), addr

    def handle_error(self, request, client_address):
        pass


@pytest.fixture(scope="module")
def https(cert):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert["cert"], cert["key"])
    server = TlsHTTPServer(("127.0.0.1", 0), Handler, ctx)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture
def tcl(cert):
    interp = Interp()
    interp.eval("package require tls")
    for name, value in cert.items():
        interp.set_var(name, value)

    def ev(script):
        return to_str(interp.eval(script))
    return ev


def serve_once(handler):
    """A plain TCP listener whose one connection `handler(conn)` gets in a thread."""
    lsock = socket.create_server(("127.0.0.1", 0))

    def run():
        conn, _ = lsock.accept()
        try:
            handler(conn)
        finally:
            conn.close()
            lsock.close()
    threading.Thread(target=run, daemon=True).start()
    return lsock.getsockname()[1]


def test_package_offers_the_tcltls_commands(tcl):
    assert tcl("package present tls") == "1.7.22"
    assert tcl("tls::version") == ssl.OPENSSL_VERSION
    assert "tls1.2" in tcl("tls::protocols").split()
    names = tcl("lsort [info commands ::tls::*]").split()
    for name in ("handshake", "import", "socket", "status", "version", "protocols"):
        assert "::tls::" + name in names


def test_http_geturl_https_without_verification(tcl, https):
    tcl("package require http; http::register https 443 ::tls::socket")
    token = tcl("http::geturl https://127.0.0.1:%d/hello -timeout 10000" % https)
    assert tcl("http::status %s" % token) == "ok"
    assert tcl("http::ncode %s" % token) == "200"
    assert tcl("http::data %s" % token) == "secure /hello"
    big = tcl("http::data [http::geturl https://127.0.0.1:%d/big -timeout 10000]" % https)
    assert big == "secure /big" * 1000


def test_http_geturl_https_verifying_with_cafile(tcl, https):
    tcl("package require http")
    tcl("http::register https 443 [list ::tls::socket -require 1 -cafile $cert]")
    token = tcl("http::geturl https://127.0.0.1:%d/checked -timeout 10000" % https)
    assert tcl("http::data %s" % token) == "secure /checked"
    # the same server checked against the wrong CA: a Tcl error, no hang
    tcl("http::register https 443 [list ::tls::socket -require 1 -cafile $other]")
    with pytest.raises(TclError, match="certificate verify failed"):
        tcl("http::geturl https://127.0.0.1:%d/x -timeout 10000" % https)
    assert tcl("expr {1 + 1}") == "2"


def test_blocking_socket_handshake_status_and_reads(tcl, https):
    tcl("set s [tls::socket -require 1 -cafile $cert -servername 127.0.0.1 127.0.0.1 %d]"
        % https)
    assert tcl("tls::handshake $s") == "1"
    status = tcl("set st [tls::status $s]; dict get $st subject")
    assert status == "CN=127.0.0.1"
    assert tcl("dict get $st version").startswith("TLS")
    assert tcl("dict get $st sbits").isdigit()
    assert tcl("string match {-----BEGIN CERTIFICATE-----*} [dict get $st certificate]") == "1"
    tcl("fconfigure $s -translation {auto crlf}")
    tcl("puts $s {GET /blocking HTTP/1.0}; puts $s {}; flush $s")
    assert tcl("gets $s") == "HTTP/1.1 200 OK"
    rest = tcl("read $s")
    assert rest.endswith("secure /blocking")
    assert tcl("eof $s") == "1"
    tcl("close $s")


def test_nonblocking_reads_with_fileevent(tcl, https):
    tcl("""
        set s [tls::socket 127.0.0.1 %d]
        fconfigure $s -blocking 0 -translation {auto crlf}
        puts $s {GET /events HTTP/1.0}; puts $s {}; flush $s
        set got {}
        fileevent $s readable {
            if {[gets $s line] >= 0} {lappend got $line} elseif {[eof $s]} {set done 1}
        }
        after 10000 {set done timeout}
        vwait done
        close $s
    """ % https)
    assert tcl("set done") == "1"
    assert tcl("lindex $got 0") == "HTTP/1.1 200 OK"
    assert tcl("lindex $got end") == "secure /events"


def test_tclish_server_against_python_client(tcl, cert):
    tcl("""
        proc echo {chan} {
            if {[gets $chan line] >= 0} {puts $chan "echo: $line"; flush $chan}
            if {[eof $chan]} {close $chan; set ::served 1}
        }
        proc accept {chan host port} {
            fconfigure $chan -blocking 0 -translation lf
            fileevent $chan readable [list echo $chan]
        }
        set srv [tls::socket -server accept -certfile $cert -keyfile $key -myaddr 127.0.0.1 0]
    """)
    port = int(tcl("lindex [fconfigure $srv -sockname] 2"))
    replies = []

    def client():
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx.load_verify_locations(cert["cert"])
        with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
            with ctx.wrap_socket(raw, server_hostname="127.0.0.1") as conn:
                conn.sendall(b"one\ntwo\n")
                data = b""
                while data.count(b"\n") < 2:
                    chunk = conn.recv(100)
                    if not chunk:
                        break
                    data += chunk
                replies.append(data)
    thread = threading.Thread(target=client, daemon=True)
    thread.start()
    tcl("after 10000 {set served timeout}; vwait served; close $srv")
    thread.join(10)
    assert tcl("set served") == "1"
    assert replies == [b"echo: one\necho: two\n"]


def test_import_on_an_accepted_socket(tcl, cert):
    # tls::import by hand on a plain socket, as scripts do for STARTTLS
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert["cert"], cert["key"])

    def server(conn):
        conn.settimeout(10)
        conn.sendall(b"ready\n")
        assert conn.recv(100) == b"STARTTLS\r\n"   # a socket's output is crlf
        conn.sendall(b"go\n")
        with ctx.wrap_socket(conn, server_side=True) as t:
            t.sendall(b"inside tls\n")
            t.recv(100)
    port = serve_once(server)
    tcl("set s [socket 127.0.0.1 %d]" % port)
    assert tcl("gets $s") == "ready"
    tcl("puts $s STARTTLS; flush $s")
    assert tcl("gets $s") == "go"
    # a readable handler set before the import keeps working through TLS
    tcl("fileevent $s readable {set line [gets $s]}")
    assert tcl("tls::import $s") == tcl("set s")
    tcl("after 10000 {set line timeout}; vwait line")
    assert tcl("set line") == "inside tls"
    tcl("fileevent $s readable {}")
    tcl("close $s")


def test_peer_that_closes_during_handshake_is_a_tcl_error(tcl):
    port = serve_once(lambda conn: None)
    tcl("set s [tls::socket 127.0.0.1 %d]" % port)
    with pytest.raises(TclError, match=r'tls handshake failed on "sock\d+"'):
        tcl("tls::handshake $s")
    # the channel keeps failing the same way, and closes
    with pytest.raises(TclError, match="tls handshake failed"):
        tcl("gets $s")
    tcl("close $s")


def test_peer_that_is_not_tls_is_a_tcl_error(tcl):
    port = serve_once(lambda conn: conn.sendall(b"HTTP/1.0 400 no tls here\r\n\r\n" * 20))
    tcl("set s [tls::socket 127.0.0.1 %d]" % port)
    with pytest.raises(TclError, match="tls handshake failed"):
        tcl("puts $s hello; flush $s")
    tcl("close $s")


def test_bad_options_and_channels(tcl, tmp_path):
    with pytest.raises(TclError, match='bad option "-bogus"'):
        tcl("tls::socket -bogus 1 127.0.0.1 1")
    with pytest.raises(TclError, match="expected boolean"):
        tcl("tls::socket -require maybe 127.0.0.1 1")
    with pytest.raises(TclError, match="-command is not supported"):
        tcl("tls::socket -command cb 127.0.0.1 1")
    with pytest.raises(TclError, match="SSL3 protocol not supported"):
        tcl("tls::socket -ssl3 1 127.0.0.1 1")
    with pytest.raises(TclError, match="needs -certfile"):
        tcl("tls::socket -server accept 0")
    with pytest.raises(TclError, match="tls setup failed"):
        tcl("tls::socket -server accept -certfile %s 0" % (tmp_path / "missing.pem"))
    with pytest.raises(TclError, match="not a TLS channel"):
        tcl("tls::status stdout")
    with pytest.raises(TclError, match="needs a connected socket"):
        tcl("tls::import stdout")
    with pytest.raises(TclError, match='can not find channel named "nope"'):
        tcl("tls::handshake nope")
    with pytest.raises(TclError, match="wrong # args"):
        tcl("tls::socket 127.0.0.1")
    # no channel is left behind by a failed tls::socket
    before = tcl("lsort [chan names]")
    with pytest.raises(TclError):
        tcl("tls::socket -cafile %s -require 1 127.0.0.1 1" % (tmp_path / "none.pem"))
    assert tcl("lsort [chan names]") == before
