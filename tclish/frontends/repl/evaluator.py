"""Running one piece of REPL input, as tclsh's interactive loop does.

Input is evaluated at global level.  `return` at top level gives its value,
`break`/`continue` are errors, an error sets ::errorInfo/::errorCode and
reports its message.  A Ctrl-C (KeyboardInterrupt, which the core never
catches) unwinds the evaluation; the procs' own `finally` blocks put their
frames back, and `reset` makes sure of it, since the interrupt may land
inside one of those blocks.  `exit` (ExitRequest) is not caught here: the
session turns it into the exit status.

The last results are kept alive, so a tensor handle shown on the screen
still names its tensor when pasted back as text (a handle's tensor is freed
when no Tcl value holds the handle any more).
"""

import collections

from ...commands.procs import finish_return
from ...runtime.stack import call_with_stack_room
from ...runtime.errors import BreakSignal, ContinueSignal, ReturnSignal, TclError, TclSignal
from ...runtime.values import to_str

KEEP_RESULTS = 50


class Outcome:
    """What came of one input: `status` is "ok", "error" or "interrupted";
    `value` the result (the TclError for an error); `text` is the result
    string or the error message."""

    __slots__ = ("status", "value", "text")

    def __init__(self, status, value="", text=""):
        self.status = status
        self.value = value
        self.text = text

    def __repr__(self):
        return "Outcome(%r, %r)" % (self.status, self.text)


class Evaluator:
    def __init__(self, interp, keep=KEEP_RESULTS):
        self.interp = interp
        self.recent = collections.deque(maxlen=keep)

    def evaluate(self, text):
        """Run `text` at global level; an Outcome (ExitRequest propagates)."""
        interp = self.interp
        script_file = interp.script_file
        self.reset()
        try:
            value = self._run(text)
        except TclError as e:
            try:
                shell = self._shell_command(text, e)
            except TclError as e2:
                e = e2
                shell = None
            except KeyboardInterrupt:
                return Outcome("interrupted", text="interrupted")
            if shell is not None:
                return Outcome("ok", shell, to_str(shell))
            interp.set_error_vars(e)
            return Outcome("error", e, text=e.message)
        except KeyboardInterrupt:
            self.reset()
            interp.script_file = script_file
            return Outcome("interrupted", text="interrupted")
        self.recent.append(value)
        return Outcome("ok", value, to_str(value))

    def _shell_command(self, text, err):
        """As tclsh's interactive `unknown`: a top-level command that names no
        Tcl command but a program on PATH runs that program, its output on
        the terminal.  None when the input is not such a command."""
        code = err.errorcode
        if isinstance(code, str) or tuple(code[:3]) != ("TCL", "LOOKUP", "COMMAND"):
            return None
        from ...runtime.values import to_list
        try:
            # the words as the command saw them: after $ and [] substitution
            words = [to_str(w) for w in to_list(self.interp.eval("list " + text.strip()))]
        except TclError:
            return None
        if not words or words[0] != to_str(code[3]) or "\n" in text.strip():
            return None
        interp = self.interp
        if not to_str(interp.invoke(["auto_execok", words[0]])):
            return None
        return interp.invoke(["exec", ">&@stdout", "<@stdin"] + words)

    def _run(self, text):
        try:
            try:
                return call_with_stack_room(self.interp.eval, text)
            except ReturnSignal as r:
                return finish_return(r)
        except (BreakSignal, ContinueSignal) as s:
            word = "break" if isinstance(s, BreakSignal) else "continue"
            raise TclError('invoked "%s" outside of a loop' % word,
                           ("TCL", "RESULT", "UNEXPECTED")) from None
        except TclSignal as s:
            return s.value

    def reset(self):
        """Back to the global frame and namespace at nesting depth 0."""
        interp = self.interp
        interp.frame = interp.global_frame
        interp.cur_ns = interp.global_ns
        interp.depth = 0
