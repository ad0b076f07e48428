"""Printing what the REPL has to say, as tclsh does: a non-empty result on
stdout, on its own line; an error's message on stderr (in red on a
terminal).  A result that names a torch handle gets the tensor's dtype,
shape and device beside it: `tensor3  float32[1, 64, 7, 7] cpu`."""

from prompt_toolkit import print_formatted_text
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.styles import Style

STYLE = Style.from_dict({
    "error": "ansired",
    "note": "ansibrightblack",
    "notice": "ansiyellow",
})


class Display:
    def __init__(self, stdout, stderr):
        self.stdout = stdout
        self.stderr = stderr

    def _print(self, fragments, file):
        if _is_terminal(file):
            print_formatted_text(FormattedText(fragments), file=file, style=STYLE, flush=True)
        else:
            # plain text, and no "\r\n" line ends, in a file or a pipe
            file.write("".join(text for _, text in fragments) + "\n")
            file.flush()

    def result(self, text, note=None):
        if not text:
            return
        fragments = [("", text)]
        if note:
            fragments.append(("class:note", "  " + note))
        self._print(fragments, self.stdout)

    def error(self, message):
        self._print([("class:error", message)], self.stderr)

    def notice(self, message):
        self._print([("class:notice", message)], self.stderr)


def _is_terminal(file):
    try:
        return file.isatty()
    except (AttributeError, ValueError):
        return False
