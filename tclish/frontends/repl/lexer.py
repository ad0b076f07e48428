"""Syntax highlighting: Pygments' Tcl lexer.  Multi-line input re-lexes
from the start, since a brace opened lines ago decides what a word is."""

from prompt_toolkit.lexers import PygmentsLexer


def tcl_lexer():
    from pygments.lexers.tcl import TclLexer
    return PygmentsLexer(TclLexer, sync_from_start=True)
