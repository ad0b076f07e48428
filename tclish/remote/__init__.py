"""Reach tclish's torch:: commands from any tclsh (8.5 or 8.6), with no Python in it.

A tclish server process holds the interpreter, the tensors and the modules;
a pure-Tcl package, `tclish::remote` (tcl/remote.tcl here), talks to it over a
pipe or a local socket and defines a forwarding `torch::NAME` command for
every torch command the server has, so a vendor tool's own Tcl shell can call
the whole library.

    # in any tclsh
    lappend auto_path [exec python3 -m tclish.remote path]
    package require tclish::remote
    tclish::remote::start                 ;# or: tclish::remote::connect 127.0.0.1 7777
    set t [torch::ones {2 3}]
    puts [torch::tensor_shape $t]
    tclish::remote::release $t            ;# or torch::tensor_free $t

`server.py` is the server, `protocol.py` the framing both sides use.
"""
