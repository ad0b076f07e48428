"""The interactive loop: `tclish` with no arguments on a terminal.

Read a complete command (Enter continues an incomplete one), evaluate it at
global level, print the result as tclsh does; repeat until Ctrl-D or
`exit`.  Ctrl-C cancels the input being typed, or interrupts a running
evaluation and comes back to the prompt with every variable as it was.
The prompt is built here from the other modules of this package, one
prompt_toolkit role each.
"""

import sys

from prompt_toolkit import PromptSession
from prompt_toolkit.styles import Style

from ...commands.io import ExitRequest
from ...runtime.errors import TclError
from . import habits
from .completer import TclCompleter
from .display import Display
from .evaluator import KEEP_RESULTS, Evaluator
from .handles import describe_value
from .history import open_history
from .keys import INDENT, nesting_depth, repl_key_bindings
from .lexer import tcl_lexer
from .toolbar import SignatureToolbar
from .validator import TclValidator, opener

PROMPT = "% "

# Reading fails only through a bug (in a completer, say): say so and go on,
# unless it fails every time.
_MAX_READ_FAILURES = 3

STYLE = Style.from_dict({
    "continuation": "ansibrightblack",
    "toolbar.parameter": "italic",
})


class Repl:
    """One interactive session on an interpreter.

    `input`/`output` are prompt_toolkit's (None: the terminal); `stdout` and
    `stderr` receive results and error messages; `history` is a
    prompt_toolkit History (None: the history file, see history.py)."""

    def __init__(self, interp, *, input=None, output=None, stdout=None, stderr=None,
                 history=None, keep=KEEP_RESULTS):
        self.interp = interp
        self.evaluator = Evaluator(interp, keep)
        self.events = habits.History(interp)
        # puts -nonewline output stays visible: a newline before the next prompt
        self.tracker = habits.LineTracker(interp.stdout)
        interp.stdout = self.tracker
        self.display = Display(stdout or sys.stdout, stderr or sys.stderr)
        lexer = tcl_lexer()
        self.prompt_session = PromptSession(
            multiline=True,
            prompt_continuation=self._continuation,
            lexer=lexer,
            completer=TclCompleter(interp),
            complete_while_typing=False,
            validator=TclValidator(),
            validate_while_typing=False,
            key_bindings=repl_key_bindings(),
            bottom_toolbar=SignatureToolbar(interp),
            history=history if history is not None else open_history(),
            style=STYLE,
            input=input,
            output=output,
        )
        # the highlighter is built once the first prompt is drawn (lexer.py)
        self.prompt_session.app.after_render += lexer.warm_up

    def _continuation(self, width, line_number, wrap_count):
        """The mark before a continuation line: the brace, bracket or quote
        the lines above left open."""
        if wrap_count:
            return " " * width
        lines = self.prompt_session.default_buffer.text.split("\n")
        above = "\n".join(lines[:line_number])
        mark = opener(above) or ""
        custom = habits.prompt_text(self.interp, "tcl_prompt2", None)
        if custom is not None:
            return [("class:continuation", custom)]
        # indentation drawn, not typed: one step per open brace or bracket,
        # one less on a line that starts by closing one
        depth = nesting_depth(above)
        line = lines[line_number] if line_number < len(lines) else ""
        if line.lstrip()[:1] in ("}", "]") and depth:
            depth -= 1
        return [("class:continuation", mark.ljust(max(width - 1, 1)) + " " + INDENT * depth)]

    def read(self):
        return self.prompt_session.prompt(habits.prompt_text(self.interp, "tcl_prompt1", PROMPT))

    def execute(self, text):
        """Evaluate one input and show what came of it."""
        try:
            event = self.events.expand(text)
        except TclError as e:
            self.display.error(e.message)
            return
        if event is not None:
            self.display.result(event)          # tclsh echoes the command it re-runs
            text = event
        self.events.add(text)
        outcome = self.evaluator.evaluate(text)
        _flush(self.interp)
        self.tracker.end_line()
        if outcome.status == "ok":
            self.display.result(outcome.text, describe_value(self.interp, outcome.value))
        elif outcome.status == "error":
            self.display.error(outcome.text)
        else:
            self.display.notice(outcome.text)

    def run(self):
        """The loop; returns the exit status."""
        try:
            habits.source_rc(self.interp, self.display.error)
        except ExitRequest as e:
            return e.code
        failures = 0
        while True:
            try:
                try:
                    text = self.read()
                except KeyboardInterrupt:
                    continue                # Ctrl-C at the prompt drops the input
                except EOFError:
                    return 0
                failures = 0
                if text.strip():
                    self.execute(text)
            except ExitRequest as e:
                return e.code
            except KeyboardInterrupt:
                # a Ctrl-C that arrived just after an evaluation ended
                self.evaluator.reset()
                self.display.notice("interrupted")
            except Exception as e:
                failures += 1
                self.display.error("tclish: reading input failed: %s: %s" % (type(e).__name__, e))
                if failures >= _MAX_READ_FAILURES:
                    return 1


def _flush(interp):
    try:
        interp.stdout.flush()
    except (OSError, ValueError):
        pass


def run_repl(interp, **options):
    """Run an interactive session on `interp`; returns the exit status
    (`exit N` gives N, Ctrl-D gives 0).  See Repl for the options."""
    return Repl(interp, **options).run()
