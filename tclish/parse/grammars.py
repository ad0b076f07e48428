"""The Lark parsers, built once per process from the .lark files shipped
inside the package (tclish.grammar).

LALR with the contextual lexer was chosen by measurement: Earley is an order
of magnitude slower on Tcl scripts, and the contextual lexer is what lets a
whitespace-sensitive language be lexed without a hand-written tokenizer.
The analysed tables are cached on disk by Lark (keyed by grammar and
versions), which keeps `tclish -c {puts hi}` fast."""

import os

_PARSERS = {}


def _cache_path(name):
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "tclish")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        import tempfile
        folder = tempfile.gettempdir()
    return os.path.join(folder, "lark-%s.cache" % name)


def _grammar_text(name):
    import pkgutil  # imported here: a run that parses only simple scripts needs no grammar
    try:
        data = pkgutil.get_data("tclish.grammar", name + ".lark")
    except ImportError:
        data = None
    if data is None:
        # running from a source checkout that was never installed
        here = os.path.dirname(os.path.abspath(__file__))
        with open(os.path.join(here, "..", "..", "grammar", name + ".lark"), "rb") as f:
            data = f.read()
    return data.decode("utf-8")


def get_parser(name):
    """The Lark parser for grammar/<name>.lark (LALR, contextual lexer)."""
    parser = _PARSERS.get(name)
    if parser is None:
        from lark import Lark  # here, not at import: see parse/simple.py
        text = _grammar_text(name)
        try:
            parser = Lark(text, parser="lalr", lexer="contextual", maybe_placeholders=False,
                          cache=_cache_path(name))
        except OSError:
            parser = Lark(text, parser="lalr", lexer="contextual", maybe_placeholders=False)
        _PARSERS[name] = parser
    return parser
