"""The tclish Jupyter kernel: ipykernel's protocol, tclish's interpreter.

Each cell is evaluated at global level in one interpreter that lives as long
as the kernel.  `puts` reaches the notebook because the kernel application
replaces sys.stdout/sys.stderr with streams that send Jupyter messages, and
tclish writes to whatever sys.stdout is at the time.  A cell's result is
shown as its value; a result that names a tensor shows the tensor (shape,
dtype, device and values, abbreviated by torch as in Python).  `plot` and
`show` send PNG pictures through interp.extensions["display"].  Tab
completion and Shift-Tab help are the REPL's (frontends/repl/completer.py,
help.py).
"""

import base64
import re
import sys

from ipykernel.kernelbase import Kernel

from .. import help as tcl_help
from ..frontends.embed import Interp
from ..parse.complete import is_complete
from ..runtime.errors import TclError

_WORD = re.compile(r"[A-Za-z0-9_:]+")
_VERSION = "0.1.0"


class TclishKernel(Kernel):
    implementation = "tclish"
    implementation_version = _VERSION
    language = "tcl"
    language_version = "8.6"
    language_info = {
        "name": "tcl",
        "mimetype": "text/x-tcl",
        "file_extension": ".tcl",
        "pygments_lexer": "tcl",
        "codemirror_mode": "tcl",
    }
    banner = "tclish: Tcl 8.6 with torch:: commands"

    def __init__(self, **kwargs):
        Kernel.__init__(self, **kwargs)
        self.tcl = Interp()
        rt = self.tcl.runtime
        rt.set_var("::tcl_interactive", 0)
        rt.extensions["display"] = self._display

    # --- output ----------------------------------------------------------------

    def _display(self, bundle):
        """Send a picture (or any MIME bundle of bytes/str) under the cell."""
        data = {mime: base64.b64encode(v).decode("ascii") if isinstance(v, bytes) else v
                for mime, v in bundle.items()}
        data.setdefault("text/plain", "<picture>")
        self._flush()
        self.send_response(self.iopub_socket, "display_data", {"data": data, "metadata": {}})

    def _route_output(self):
        """Tie what the cell prints to the cell: the kernel application's
        stdout/stderr streams send under the parent they are given, and the base
        Kernel class (unlike IPython's) does not give them the request's."""
        parent = self.get_parent("shell")
        for stream in (sys.stdout, sys.stderr):
            set_parent = getattr(stream, "set_parent", None)
            if set_parent is not None:
                set_parent(parent)

    @staticmethod
    def _flush():
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError, AttributeError):
                pass

    def render(self, result):
        """The MIME bundle of a cell's result."""
        reg = self.tcl.runtime.extensions.get("torch")
        t = reg.tensors.find(result) if reg is not None else None
        if t is None:
            return {"text/plain": result}
        from ..torchbridge.kernels.info import dtype_name
        head = "%s: %s [%s] on %s" % (result, dtype_name(t.dtype),
                                      ", ".join(str(d) for d in t.shape), t.device)
        return {"text/plain": head + "\n" + repr(t.detach())}

    # --- the protocol's requests -------------------------------------------------

    def do_execute(self, code, silent, store_history=True, user_expressions=None,
                   allow_stdin=False, *, cell_meta=None, cell_id=None):
        self._route_output()
        try:
            result = self.tcl.eval(code)
        except TclError as e:
            return self._error("TclError", e.message, e.errorinfo.splitlines(), silent)
        except SystemExit as e:
            return self._error("exit", "exit %s (the kernel keeps running)" % e.code, [], silent)
        except KeyboardInterrupt:
            return self._error("KeyboardInterrupt", "interrupted", [], silent)
        self._flush()
        if not silent and result != "":
            self.send_response(self.iopub_socket, "execute_result", {
                "execution_count": self.execution_count, "data": self.render(result),
                "metadata": {}})
        return {"status": "ok", "execution_count": self.execution_count, "payload": [],
                "user_expressions": {}}

    def _error(self, ename, evalue, traceback, silent):
        self._flush()
        content = {"ename": ename, "evalue": evalue, "traceback": traceback or [evalue]}
        if not silent:
            self.send_response(self.iopub_socket, "error", content)
        return dict(content, status="error", execution_count=self.execution_count)

    def do_complete(self, code, cursor_pos):
        from prompt_toolkit.document import Document
        from ..frontends.repl.completer import TclCompleter
        completer = TclCompleter(self.tcl.runtime)
        matches, start = [], cursor_pos
        try:
            for c in completer.get_completions(Document(code, cursor_pos), None):
                matches.append(c.text)
                start = min(start, cursor_pos + c.start_position)
        except Exception:       # a completer problem must never break the kernel
            matches = []
        return {"status": "ok", "matches": list(dict.fromkeys(matches)),
                "cursor_start": start, "cursor_end": cursor_pos, "metadata": {}}

    def do_inspect(self, code, cursor_pos, detail_level=0, omit_sections=()):
        word = _word_at(code, cursor_pos)
        data = {}
        if word:
            try:
                data = {"text/plain": tcl_help.answer(self.tcl.runtime, ["help", word])}
            except TclError:
                data = {}
        return {"status": "ok", "found": bool(data), "data": data, "metadata": {}}

    def do_is_complete(self, code):
        if is_complete(code):
            return {"status": "complete"}
        return {"status": "incomplete", "indent": "    "}


def _word_at(code, pos):
    """The command-like word around `pos` (torch::roi_align, set, ...)."""
    for m in _WORD.finditer(code):
        if m.start() <= pos <= m.end():
            return m.group().lstrip(":") if not m.group().startswith("::") else m.group()
    return ""
