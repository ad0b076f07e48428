"""`python -m tclish` is the `tclish` command."""

from .frontends.cli import entry

entry()
