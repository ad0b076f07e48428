"""Syntax highlighting: Pygments' Tcl lexer.  Multi-line input re-lexes
from the start, since a brace opened lines ago decides what a word is.

Building the Pygments lexer (its import and the compilation of its
regular expressions) costs about a tenth of the time to the first prompt,
and the first prompt has nothing to colour: the lexer is built when the
prompt has been drawn, in the background (`warm_up`), or by the first
input that has text, whichever comes first.
"""

import threading

from prompt_toolkit.lexers import Lexer


def _pygments_tcl_lexer():
    from prompt_toolkit.lexers import PygmentsLexer
    from pygments.lexers.tcl import TclLexer
    return PygmentsLexer(TclLexer, sync_from_start=True)


def _no_tokens(lineno):
    return []


class DeferredTclLexer(Lexer):
    """Pygments' Tcl lexer, built on first need."""

    def __init__(self):
        self._lexer = None
        self._lock = threading.Lock()
        self._warming = False

    def pygments_lexer(self):
        """The prompt_toolkit PygmentsLexer, built once."""
        with self._lock:        # the warm-up thread and the prompt may both ask
            if self._lexer is None:
                self._lexer = _pygments_tcl_lexer()
            return self._lexer

    def lex_document(self, document):
        if not document.text and self._lexer is None:
            return _no_tokens
        return self.pygments_lexer().lex_document(document)

    def warm_up(self, *_):
        """Build the lexer in a background thread (once): called when the first
        prompt is on the screen, while the user types."""
        if self._warming or self._lexer is not None:
            return
        self._warming = True
        threading.Thread(target=self.pygments_lexer, name="tclish-lexer", daemon=True).start()


def tcl_lexer():
    return DeferredTclLexer()
