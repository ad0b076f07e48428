"""Key bindings: Enter submits a complete command and continues an
incomplete one; Esc Enter always starts a new line; Tab indents on a blank
continuation line and completes elsewhere; a `}` typed on a blank line
outdents.  Ctrl-C (cancel the input) and Ctrl-D (exit on an empty line)
are prompt_toolkit's own."""

from prompt_toolkit.enums import DEFAULT_BUFFER
from prompt_toolkit.filters import Condition, has_focus
from prompt_toolkit.key_binding import KeyBindings

from .validator import complete

INDENT = "    "


def _current_buffer():
    from prompt_toolkit.application import get_app
    return get_app().current_buffer


@Condition
def _blank_continuation_line():
    doc = _current_buffer().document
    return doc.cursor_position_row > 0 and not doc.current_line_before_cursor.strip()


@Condition
def _only_indent_before_cursor():
    before = _current_buffer().document.current_line_before_cursor
    return before != "" and not before.strip()


def new_line(buffer):
    """A newline, indented like the current line, one step more after an
    open brace or bracket or a continuing backslash."""
    line = buffer.document.current_line_before_cursor
    indent = line[:len(line) - len(line.lstrip())]
    if line.rstrip().endswith(("{", "[", "\\")):
        indent += INDENT
    buffer.insert_text("\n" + indent)


def submit_or_continue(buffer):
    """What Enter does (outside a completion menu)."""
    if complete(buffer.text):
        buffer.validate_and_handle()
    else:
        new_line(buffer)


def repl_key_bindings():
    kb = KeyBindings()
    focused = has_focus(DEFAULT_BUFFER)

    @kb.add("enter", filter=focused)
    def _enter(event):
        buffer = event.current_buffer
        state = buffer.complete_state
        if state is not None and state.current_completion is not None:
            # the chosen completion is already in the text: keep it, close the menu
            buffer.complete_state = None
            return
        submit_or_continue(buffer)

    @kb.add("escape", "enter", filter=focused)
    def _newline(event):
        new_line(event.current_buffer)

    @kb.add("tab", filter=focused & _blank_continuation_line)
    def _indent(event):
        event.current_buffer.insert_text(INDENT)

    @kb.add("}", filter=focused & _only_indent_before_cursor)
    def _outdent(event):
        buffer = event.current_buffer
        before = buffer.document.current_line_before_cursor
        buffer.delete_before_cursor(min(len(INDENT), len(before)))
        buffer.insert_text("}")

    return kb
