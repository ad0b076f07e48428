"""A trace of the moments a script asks for CUDA (a `cuda`/`cuda:N` device, a CUDA-only
query or operation), for scripts/tclibtorch_suite.py: it tells the TCLIBTORCH tests
that need CUDA from those that don't, by what they do rather than by what they say.

Off unless $TCLISH_CUDA_TRACE names a file; then each request appends one line to it
(the file's size is the count, which a Tcl wrapper can read with `file size`).
Presence queries (cuda_is_available, cuda_device_count) are no requests: every
machine answers them."""

import os


def note(what):
    path = os.environ.get("TCLISH_CUDA_TRACE")
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(what + "\n")
