"""tclish: a Tcl 8.6 interpreter in Python whose torch:: commands reach PyTorch.

The public face is small: `Interp` (embedding API) and `TclError`.  Importing
tclish imports neither torch nor prompt_toolkit."""

from .frontends.embed import Interp
from .runtime.errors import TclError

__all__ = ["Interp", "TclError"]
__version__ = "0.1.0"
