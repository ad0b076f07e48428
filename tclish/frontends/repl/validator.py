"""Is the input a complete command yet?  The grammar answers, through the
same functions `info complete` uses (parse/complete.py).

The Enter key (keys.py) inserts a newline while the input is incomplete and
submits it once it is complete; the validator is the last check before a
submission, and the continuation prompt shows what the input waits for.
"""

import functools

from prompt_toolkit.validation import ValidationError, Validator

from ...parse.complete import is_complete, missing_closer

_OPENERS = {"}": "{", "]": "[", '"': '"', ")": "("}


@functools.lru_cache(maxsize=256)
def complete(text):
    """True when `text` is one or more complete commands (cached: the
    prompt asks again for every line it redraws)."""
    return is_complete(text)


@functools.lru_cache(maxsize=256)
def waiting_for(text):
    """The closer ('}', ']', '"', ')') that incomplete `text` still needs, or None."""
    return None if complete(text) else missing_closer(text)


def opener(text):
    """The open brace, bracket or quote the input is inside, or None."""
    return _OPENERS.get(waiting_for(text))


class TclValidator(Validator):
    def validate(self, document):
        text = document.text
        if not complete(text):
            closer = waiting_for(text)
            raise ValidationError(
                cursor_position=len(text),
                message="incomplete command: missing %s" % (closer or "text"))
