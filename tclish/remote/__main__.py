"""python -m tclish.remote path                    the folder to add to tclsh's auto_path
python -m tclish.remote serve --stdio             serve one client on stdin/stdout
python -m tclish.remote serve --port N ?--host H? serve clients on a local socket
"""

import argparse
import os
import sys


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    ap = argparse.ArgumentParser(prog="python -m tclish.remote", description=__doc__)
    sub = ap.add_subparsers(dest="what", required=True)
    sub.add_parser("path", help="print the folder holding the tclish::remote Tcl package")
    serve = sub.add_parser("serve", help="run a server")
    how = serve.add_mutually_exclusive_group(required=True)
    how.add_argument("--stdio", action="store_true")
    how.add_argument("--port", type=int)
    serve.add_argument("--host", default="127.0.0.1")
    args = ap.parse_args(argv)
    if args.what == "path":
        print(os.path.join(os.path.dirname(os.path.abspath(__file__)), "tcl"))
        return 0
    from . import server
    if args.stdio:
        return server.main_stdio()
    try:
        server.serve_port(args.host, args.port,
                          lambda port: print("tclish server on %s:%d" % (args.host, port),
                                             file=sys.stderr, flush=True))
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
