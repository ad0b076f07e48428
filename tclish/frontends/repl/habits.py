"""tclsh's interactive habits, for the REPL.

* `~/.tclishrc` (or else `~/.tclshrc`) is sourced when the session starts;
* `tcl_prompt1` / `tcl_prompt2`, when set, are scripts whose printed output
  is the prompt (tclsh evaluates them and shows what they print);
* `!!`, `!N` and `!prefix` re-run an earlier command (tclsh's `unknown` does
  this through `history`); each command entered is numbered, and added to
  Tcl's `history` when that command exists;
* (an unknown command that names a program on PATH runs it: the evaluator
  does that, through `auto_execok` and `exec`, see evaluator.py);
* output that did not end its line (`puts -nonewline`) gets a newline before
  the next prompt, which would otherwise draw over it.
"""

import io
import os
import re

from ...runtime.errors import TclError
from ...runtime.values import to_str

_EVENT = re.compile(r"!(!|-?\d+|\S+)\Z")


class LineTracker:
    """A stdout stand-in that remembers whether the last write ended a line."""

    def __init__(self, stream):
        self.stream = stream
        self.open_line = False

    def write(self, text):
        if text:
            self.open_line = not text.endswith("\n")
        return self.stream.write(text)

    def __getattr__(self, name):
        return getattr(self.stream, name)

    def end_line(self):
        if self.open_line:
            self.stream.write("\n")
            self.stream.flush()
            self.open_line = False


def rc_file():
    """The start-up file to source, or None."""
    for name in ("~/.tclishrc", "~/.tclshrc"):
        path = os.path.expanduser(name)
        if os.path.isfile(path):
            return path
    return None


def source_rc(interp, report):
    path = rc_file()
    if path is None:
        return
    try:
        interp.invoke(["source", path])
    except TclError as e:
        report("%s: %s" % (path, e.message))


def prompt_text(interp, variable, default):
    """What the prompt script in `variable` prints, or `default` without one."""
    try:
        script = to_str(interp.get_var("::" + variable))
    except TclError:
        return default
    saved = interp.stdout
    out = io.StringIO()
    interp.stdout = out
    try:
        interp.eval(script)
    except TclError:
        return default
    finally:
        interp.stdout = saved
    return out.getvalue() or default


class History:
    """The commands entered, numbered from 1 as tclsh's `history` numbers them."""

    def __init__(self, interp):
        self.interp = interp
        self.events = []

    def expand(self, text):
        """The command `!!`/`!N`/`!prefix` stands for (None if `text` is no event
        reference); an error naming the event when there is none such."""
        m = _EVENT.match(text.strip())
        if m is None:
            return None
        ref = m.group(1)
        if not self.events:
            raise TclError('event "%s" hasn\'t occurred yet' % ref, ("TCL", "HISTORY"))
        if ref == "!":
            return self.events[-1]
        if re.fullmatch(r"-?\d+", ref):
            n = int(ref)
            index = n - 1 if n > 0 else len(self.events) + n
            if 0 <= index < len(self.events):
                return self.events[index]
        else:
            for event in reversed(self.events):
                if event.startswith(ref):
                    return event
        raise TclError('no event matches "%s"' % ref, ("TCL", "HISTORY"))

    def add(self, text):
        self.events.append(text)
        if self.interp.resolve_command("history") is not None:
            try:
                self.interp.invoke(["history", "add", text])
            except TclError:
                pass
