"""The bottom toolbar: the signature of the command being typed.

For a torch command it is the usage its errors print, in the form (by
position or by -name) the input is using, and below it the line of its
help for the parameter being typed; for a built-in, its usage and
synopsis.  All of it comes from tclish/help.py and the torch bridge's
messages, never written here.
"""

from prompt_toolkit.application import get_app
from prompt_toolkit.formatted_text import FormattedText

from ... import help as tcl_help
from .completer import current_parameter
from .context import scan

IDLE = "Tab: complete   Esc Enter: new line   Ctrl-C: cancel   Ctrl-D: exit   help NAME: usage"


def hint_lines(interp, text):
    """The toolbar's lines for the input `text` before the cursor."""
    ctx = scan(text)
    if ctx is None:
        return [IDLE]
    name = ctx.words[0] if ctx.words else ctx.partial
    func = interp.resolve_command(name) if name else None
    if func is None:
        return [IDLE]
    spec = tcl_help.torch_spec(func)
    if spec is None:
        sub = ctx.words[1] if len(ctx.words) > 1 else None
        usage = tcl_help.signature(func, name, sub)
        if usage != tcl_help.signature(func, name):
            return [usage]          # an ensemble's subcommand
        about = tcl_help.synopsis(func, name)
        return [(usage or name) + ("  -- " + about if about else "")]
    forms = tcl_help.signature(func, name).split(" | ")
    named = ctx.partial.startswith("-") or any(w in spec.index for w in ctx.words[1:])
    lines = [forms[-1] if named else forms[0]]
    index = current_parameter(spec, ctx.words, ctx.partial) if ctx.words else None
    if index is not None:
        lines.append(parameter_line(spec, index))
    return lines


def parameter_line(spec, index):
    """The line of the command's help (messages.help_text) for one parameter."""
    from ...torchbridge.messages import help_text
    options = " ".join(spec.params[index].options)
    for line in help_text(spec).splitlines():
        if line.strip().startswith(options + " "):
            return " ".join(line.split())
    return options


class SignatureToolbar:
    """The `bottom_toolbar` callable of the prompt."""

    def __init__(self, interp):
        self.interp = interp

    def __call__(self):
        document = get_app().current_buffer.document
        lines = hint_lines(self.interp, document.text_before_cursor)
        out = [("class:toolbar.signature", lines[0])]
        for line in lines[1:]:
            out += [("", "\n"), ("class:toolbar.parameter", line)]
        return FormattedText(out)
