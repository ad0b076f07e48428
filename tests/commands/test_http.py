"""The http package against a server that is not Tcl: Python's http.server
in a thread (chunked bodies written by Python, gzip and deflate content
codings, a reply without Content-Length, a large POST in blocks, a server
that never answers).  The behaviour shared with tclsh is pinned by the
golden scripts in tests/golden/http/; these check what the wire says."""

import gzip
import http.server
import threading
import zlib

import pytest

from tclish.runtime.errors import TclError
from tclish.runtime.interp import Interp
from tclish.runtime.values import to_str


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, body, headers=(), status=200):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/chunked":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for piece in ("h\u00e9llo ".encode(), b"chunked ", b"world" * 1000):
                self.wfile.write(b"%x;ext=1\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\n\r\n")
        elif self.path == "/gzip":
            self.reply(gzip.compress("zipped \u20ac".encode() * 100),
                       [("Content-Type", "text/plain; charset=utf-8"),
                        ("Content-Encoding", "gzip")])
        elif self.path == "/deflate":
            self.reply(zlib.compress(b"deflated " * 100),
                       [("Content-Type", "text/plain"), ("Content-Encoding", "deflate")])
        elif self.path == "/unsized":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b"read to the end")
            self.close_connection = True
        elif self.path in ("/badlength", "/badchunk"):
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            if self.path == "/badlength":
                self.send_header("Content-Length", "many")
            else:
                self.send_header("Transfer-Encoding", "chunked")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b"zz\r\nbody" if self.path == "/badchunk" else b"body")
            self.close_connection = True
        elif self.path == "/headers":
            text = "".join(f"{k.lower()}: {v}\n" for k, v in self.headers.items())
            self.reply(text.encode(), [("Content-Type", "text/plain")])
        else:
            self.reply(b"?", status=404)

    def do_POST(self):
        data = self.rfile.read(int(self.headers["Content-Length"]))
        self.reply(b"%d %s" % (len(data), self.headers["Content-Type"].encode()),
                   [("Content-Type", "text/plain")])


@pytest.fixture(scope="module")
def base():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield "http://127.0.0.1:%d" % server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture
def tcl(base):
    interp = Interp()
    interp.eval("package require http")
    interp.set_var("base", base)

    def ev(script):
        return to_str(interp.eval(script))
    return ev


def test_chunked_body_from_python_is_decoded_and_converted(tcl):
    tcl("set t [http::geturl $base/chunked -blocksize 100]")
    assert tcl("http::data $t") == "h\u00e9llo chunked " + "world" * 1000
    assert tcl("http::status $t") == "ok"
    assert tcl("set ${t}(charset)") == "utf-8"
    # currentsize counts the bytes that came, before charset conversion
    assert tcl("http::size $t") == str(7 + 8 + 5000)


def test_gzip_and_deflate_bodies_are_unpacked(tcl):
    sent = tcl("http::data [http::geturl $base/headers]").splitlines()
    assert "accept-encoding: gzip,deflate" in sent
    assert tcl("http::data [http::geturl $base/gzip]") == "zipped \u20ac" * 100
    assert tcl("http::data [http::geturl $base/deflate]") == "deflated " * 100
    tcl("http::config -zip 0")
    assert "accept-encoding" not in tcl("http::data [http::geturl $base/headers]")


def test_reply_without_length_is_read_to_the_end(tcl):
    tcl("set t [http::geturl $base/unsized]")
    assert tcl("http::data $t") == "read to the end"
    assert tcl("http::ncode $t") == "200"


def test_malformed_replies_end_in_tcl_terms(tcl):
    # a Content-Length that is no number is ignored: the body runs to the end
    assert tcl("http::data [http::geturl $base/badlength]") == "body"
    with pytest.raises(TclError) as info:
        tcl("http::geturl $base/badchunk")
    assert str(info.value) == 'malformed chunk size "zz"'


def test_server_that_never_reads_cannot_block_the_timeout():
    interp = Interp()
    assert to_str(interp.eval("""
        package require http
        proc accept {chan addr port} {lappend ::held $chan}
        set server [socket -server accept -myaddr 127.0.0.1 0]
        set port [lindex [fconfigure $server -sockname] 2]
        set t [http::geturl http://127.0.0.1:$port/ -timeout 500 \\
                   -query [string repeat x 20000000]]
        close $server
        foreach chan $held {close $chan}
        http::status $t""")) == "timeout"


def test_large_post_goes_in_blocks_with_queryprogress(tcl):
    tcl("""
        set calls 0
        proc qp {token total sent} {incr ::calls; set ::last "$total $sent"}
        set t [http::geturl $base/post -query [string repeat x 100000] \
                   -queryblocksize 8192 -queryprogress qp -type text/csv]
    """)
    assert tcl("http::data $t") == "100000 text/csv"
    assert tcl("set last") == "100000 100000"
    assert int(tcl("set calls")) == 13
    # characters beyond one byte go as UTF-8
    assert tcl("http::data [http::geturl $base/post -query \u20ac]").startswith("3 ")


def test_headers_sent(tcl):
    text = tcl("http::data [http::geturl $base/headers -headers {X-A 1 X-B {two words}}]")
    lines = text.splitlines()
    assert "x-a: 1" in lines and "x-b: two words" in lines
    assert "connection: close" in lines
    assert any(line.startswith("user-agent: Mozilla/5.0 (") for line in lines)
    assert "host: " + tcl("set base")[len("http://"):] in lines


def test_refused_and_bad_urls_are_tcl_errors_and_leave_no_state(tcl):
    import socket
    spare = socket.socket()
    spare.bind(("127.0.0.1", 0))
    port = spare.getsockname()[1]
    spare.close()
    with pytest.raises(TclError) as info:
        tcl(f"http::geturl http://127.0.0.1:{port}/")
    assert str(info.value) == "connect failed connection refused"
    with pytest.raises(TclError) as info:
        tcl("http::geturl https://127.0.0.1/")
    assert str(info.value) == 'Unsupported URL type "https"'
    assert tcl(r"llength [info vars ::http::\[0-9\]*]") == "0"


def test_safe_child_gets_http_from_the_module_path(tcl):
    assert tcl("""
        set child [safe::interpCreate]
        set v [interp eval $child {package require http 2}]
        interp eval $child {http::config -accept}
        safe::interpDelete $child
        set v""") == "2.9.8"


def test_http_1_0_folder_under_the_library(tcl):
    interp = Interp()
    assert to_str(interp.eval(
        "file exists [file join [info library] http1.0 pkgIndex.tcl]")) == "1"
