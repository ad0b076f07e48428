"""tclsh's command loop on standard input (what Tcl_Main does without a script).

Each line read from the `stdin` channel joins the pending command; a complete
command (a trailing backslash-newline continues it) is evaluated at global
level (and recorded in `history` while interactive).  An error writes its message to the `stderr`
channel and the loop goes on.  `::tcl_interactive` is linked to the loop as in
tclsh: it only takes boolean values, and while it is true the loop shows the
prompts (`tcl_prompt1`/`tcl_prompt2` scripts, or "% ") and echoes non-empty
results on `stdout`.  The standard channels are looked up again for every
write, so a script that closes one silences just that output, and closing
`stdin` ends the loop.  The REPL (a terminal) is frontends/repl instead.
"""

import select

from ..commands.io import ExitRequest
from ..commands.procs import finish_return
from ..runtime.errors import BreakSignal, ContinueSignal, ReturnSignal, TclError, TclSignal
from ..runtime.stack import call_with_stack_room
from ..runtime.values import to_bool, to_str

# what the next prompt is: none (already shown), a new command, a continuation
PROMPT_NONE, PROMPT_START, PROMPT_CONTINUE = 0, 1, 2
DEFAULT_PROMPT = "% "


class InteractiveFlag:
    """::tcl_interactive as tclsh links it to its loop: a write of a
    non-boolean value is refused (the old value stays)."""

    def __init__(self, interp, value):
        self.value = bool(value)
        interp.set_var("::tcl_interactive", int(self.value))
        self.var = interp.lookup_var("::tcl_interactive")
        entry = ({"write"}, self._written)
        self.var.traces = [entry] + list(self.var.traces or ())

    def _written(self, interp, base, index, op):
        try:
            self.value = to_bool(self.var.value)
        except TclError:
            self.var.value = int(self.value)
            raise TclError('can\'t set "tcl_interactive": variable must have boolean value',
                           ("TCL", "WRITE", "VARNAME")) from None


def std_channel(interp, name):
    """The standard channel `name`, or None once the script closed it."""
    from ..commands.channels import channel_table
    return channel_table(interp).get(name)


def write_std(interp, name, text, flush=False):
    """Write to a standard channel if it is still open; a failure is ignored,
    as tclsh ignores a broken stdout or stderr here."""
    ch = std_channel(interp, name)
    if ch is None:
        return
    try:
        ch.write(text)
        if flush:
            ch.flush()
    except (TclError, OSError, ValueError):
        pass


def _prompt(interp, state):
    """Show the prompt `state.prompt` asks for (tclsh's Prompt)."""
    if state.prompt == PROMPT_NONE:
        return
    variable = "::tcl_prompt2" if state.prompt == PROMPT_CONTINUE else "::tcl_prompt1"
    script = interp.get_var(variable) if interp.var_exists(variable) else None
    default = script is None
    if script is not None:
        try:
            interp.eval(script)
        except TclError as e:
            e.errorinfo += "\n    (script that generates prompt)"
            interp.set_error_vars(e)
            write_std(interp, "stderr", e.message + "\n")
            default = True
        except TclSignal:
            pass
    if default and state.prompt == PROMPT_START:
        write_std(interp, "stdout", DEFAULT_PROMPT)
    ch = std_channel(interp, "stdout")
    if ch is not None:
        try:
            ch.flush()
        except (TclError, OSError, ValueError):
            pass
    state.prompt = PROMPT_NONE


def _read_line(ch):
    """The next line of `ch`, or None at end of input (or once it fails).
    A non-blocking stdin (the script may make it so) is waited on."""
    while True:
        try:
            line = ch.gets()
        except (TclError, OSError, ValueError):
            return None
        if line is not None:
            return line
        blocked = getattr(ch, "blocked", None)
        if blocked is None or not blocked():
            return None
        try:
            select.select([ch.fd], [], [], 1.0)
        except (OSError, ValueError, TypeError):
            return None


def _record(interp, script):
    """Add the command to `history`, as tclsh's Tcl_RecordAndEvalObj does;
    only while interactive: `history add` costs more than a small command,
    and a script piped in has no use for its own history."""
    try:
        interp.invoke(["history", "add", script])
    except (TclError, TclSignal):
        pass


def _evaluate(interp, script):
    """(ok?, result text or error message) of one command at global level."""
    interp.frame = interp.global_frame
    interp.cur_ns = interp.global_ns
    try:
        try:
            value = interp.eval(script)
        except ReturnSignal as r:
            value = finish_return(r)
    except (BreakSignal, ContinueSignal) as s:
        word = "break" if isinstance(s, BreakSignal) else "continue"
        err = TclError('invoked "%s" outside of a loop' % word, ("TCL", "RESULT", "UNEXPECTED"))
        interp.set_error_vars(err)
        return False, err.message
    except TclError as e:
        interp.set_error_vars(e)
        return False, e.message
    except TclSignal as s:
        value = s.value
    return True, "" if value is None else to_str(value)


class _State:
    __slots__ = ("prompt",)

    def __init__(self):
        self.prompt = PROMPT_START


def run_loop(interp, interactive=False):
    """Read and run commands from stdin until end of input or until stdin is
    closed; then run `exit 0` (a script may have redefined `exit`).  Returns
    the exit status."""
    # one roomy frame for the whole loop: entering one per command costs
    # more than a small command (runtime/stack.py)
    return call_with_stack_room(_loop, (interp, interactive))


def _loop(args):
    interp, interactive = args
    flag = InteractiveFlag(interp, interactive)
    state = _State()
    pending = ""
    from ..parse.complete import is_complete
    try:
        while std_channel(interp, "stdin") is not None:
            if flag.value:
                _prompt(interp, state)
            ch = std_channel(interp, "stdin")       # the prompt may close it
            if ch is None:
                break
            _flush_stdout(interp)
            line = _read_line(ch)
            if line is None:
                break
            pending += line + "\n"
            if not is_complete(pending):
                state.prompt = PROMPT_CONTINUE
                continue
            state.prompt = PROMPT_START
            script, pending = pending[:-1], ""
            if flag.value:
                _record(interp, script)
            ok, text = _evaluate(interp, script)
            if not ok:
                _flush_stdout(interp)
                write_std(interp, "stderr", text + "\n")
            elif flag.value and text:
                write_std(interp, "stdout", text + "\n")
    except ExitRequest as e:
        return e.code
    except KeyboardInterrupt:
        write_std(interp, "stderr", "interrupted\n")
        return 130
    return finish(interp, 0)


def finish(interp, status):
    """Run the `exit` command with `status`, as tclsh does when its script or
    its input ends, so that a redefined `exit` still runs; the status of a
    real exit, else `status`."""
    try:
        call_with_stack_room(interp.eval, "exit %d" % status)
    except ExitRequest as e:
        return e.code
    except (TclError, TclSignal):
        pass
    return status


def _flush_stdout(interp):
    ch = std_channel(interp, "stdout")
    if ch is not None:
        try:
            ch.flush()
        except (TclError, OSError, ValueError):
            pass
