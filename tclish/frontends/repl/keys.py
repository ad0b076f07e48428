"""Key bindings: Enter submits a complete command and continues an
incomplete one; Esc Enter always starts a new line; Tab indents on a blank
continuation line and completes elsewhere.  Ctrl-C (cancel the input) and Ctrl-D (exit on an empty line)
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


def new_line(buffer):
    """A plain newline.  The indentation a reader sees on continuation lines is
    drawn by the prompt (session.py), not typed into the text: so what the user
    types is never indented twice, and no REPL whitespace ends up in a proc's
    body."""
    buffer.insert_text("\n")


def nesting_depth(text):
    """How many braces and brackets `text` leaves open (backslash escapes
    skipped; an approximation for drawing indentation only)."""
    depth = 0
    escaped = False
    for ch in text:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in "{[":
            depth += 1
        elif ch in "}]" and depth:
            depth -= 1
    return depth


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

    return kb
