"""The REPL's highlighter is built after the first prompt (lexer.py), and
colours input the way Pygments' Tcl lexer does."""

import threading

from prompt_toolkit.document import Document
from prompt_toolkit.lexers import PygmentsLexer
from pygments.lexers.tcl import TclLexer

from tclish.frontends.repl.lexer import DeferredTclLexer


def tokens(lexer, text):
    get_line = lexer.lex_document(Document(text))
    return [get_line(i) for i in range(text.count("\n") + 1)]


def test_the_empty_first_prompt_builds_nothing():
    lexer = DeferredTclLexer()
    assert tokens(lexer, "") == [[]]
    assert lexer._lexer is None


def test_input_is_coloured_as_pygments_colours_it():
    lexer = DeferredTclLexer()
    reference = PygmentsLexer(TclLexer, sync_from_start=True)
    text = 'set x [expr {1 + 2}]\nputs "$x done" ;# note'
    assert tokens(lexer, text) == tokens(reference, text)
    assert ("class:pygments.keyword", "set") in tokens(lexer, text)[0]


def test_warm_up_builds_it_in_the_background_once():
    lexer = DeferredTclLexer()
    lexer.warm_up()
    lexer.warm_up()         # a second render starts no second thread
    for t in threading.enumerate():
        if t.name == "tclish-lexer":
            t.join(30)
    assert lexer._lexer is not None
    assert tokens(lexer, "") == tokens(PygmentsLexer(TclLexer, sync_from_start=True), "")
