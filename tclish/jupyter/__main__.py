"""python -m tclish.jupyter install ?--user? ?--prefix DIR?   install the kernel spec
python -m tclish.jupyter -f CONNECTION_FILE                  run the kernel (what the spec starts)
"""

import json
import os
import sys
import tempfile

KERNEL_NAME = "tclish"


def spec(python=None):
    """The kernel.json contents."""
    return {
        "argv": [python or sys.executable, "-m", "tclish.jupyter", "-f", "{connection_file}"],
        "display_name": "Tcl (tclish)",
        "language": "tcl",
        "interrupt_mode": "signal",
    }


def install(argv):
    import argparse
    from jupyter_client.kernelspec import KernelSpecManager
    ap = argparse.ArgumentParser(prog="python -m tclish.jupyter install")
    ap.add_argument("--user", action="store_true", help="install for this user only")
    ap.add_argument("--prefix", help="install under this prefix (a virtual environment's)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, "kernel.json"), "w") as f:
            json.dump(spec(), f, indent=1)
        where = KernelSpecManager().install_kernel_spec(folder, KERNEL_NAME, user=args.user,
                                                         prefix=args.prefix)
    print("installed the tclish kernel spec in %s" % where)
    return 0


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "install":
        return install(argv[1:])
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    from ipykernel.kernelapp import IPKernelApp
    from .kernel import TclishKernel
    IPKernelApp.launch_instance(argv=argv, kernel_class=TclishKernel)
    return 0


if __name__ == "__main__":
    sys.exit(main())
