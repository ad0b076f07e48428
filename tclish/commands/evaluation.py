"""eval, expr, subst, source, time."""

import os
import time as _time

from ..runtime.errors import BreakSignal, ContinueSignal, ReturnSignal, TclError, TclSignal
from ..runtime.lists import backslash_subst
from ..runtime.registry import command, wrong_args
from ..runtime.values import to_str
from .procs import finish_return


@command("eval", 1, None, "arg ?arg ...?")
def cmd_eval(interp, argv):
    if len(argv) == 2:
        script = argv[1]
    else:
        from .lists_core import concat_values
        script = concat_values(argv[1:])
    return interp.eval_body(script, "eval")


@command("expr", 1, None, "arg ?arg ...?")
def cmd_expr(interp, argv):
    if len(argv) == 2:
        text = argv[1]
    else:
        from .lists_core import concat_values
        text = concat_values(argv[1:])
    return interp.expr(text)


@command("source", 1, 3, "?-encoding name? fileName")
def cmd_source(interp, argv):
    args = argv[1:]
    if len(args) == 3 and to_str(args[0]) == "-encoding":
        encoding = to_str(args[1])
        path = to_str(args[2])
    elif len(args) == 1:
        encoding = "utf-8"
        path = to_str(args[0])
    elif len(args) == 3:
        raise TclError('bad option "%s": must be -encoding' % to_str(args[0]),
                       ("TCL", "LOOKUP", "INDEX", "option", to_str(args[0])))
    else:
        raise wrong_args("source", "?-encoding name? fileName")
    from ..runtime import encodings
    from ..runtime.tclcodec import NAME as TCL_ERRORS
    if "\0" in path or not os.path.exists(path):
        raise TclError('couldn\'t read file "%s": no such file or directory' % path,
                       ("POSIX", "ENOENT", "no such file or directory"))
    encodings.codec_for(encoding)
    try:
        if encoding == "utf-8":
            with open(path, encoding=encoding, errors=TCL_ERRORS) as f:
                text = f.read()
            if text.startswith("\ufeff"):          # Tcl skips a byte-order mark
                text = text[1:]
        else:
            with open(path, "rb") as f:
                text = encodings.decode(encoding, f.read().decode("latin-1"))
    except OSError as e:
        raise TclError('couldn\'t read file "%s": %s' % (path, _os_message(e)),
                       ("POSIX", "ENOENT", _os_message(e))) from None
    return source_text(interp, text, path)


def source_text(interp, text, path):
    """Evaluate a file's text as `source` does (a top-level return ends it)."""
    # a ^Z (\x1a) marks end of file for source, as in Tcl
    cut = text.find("\x1a")
    if cut >= 0:
        text = text[:cut]
    from ..compile.script import DIRECT, compile_script
    from ..runtime.limits import CancelUnwind, unwound
    saved = interp.script_file
    interp.script_file = path
    interp.depth += 1
    try:
        if interp.depth > interp.max_depth:
            raise interp.nesting_error()
        try:
            code = compile_script(interp, text, mode=DIRECT)
        except TclError as e:
            if e.errorcode[:2] != ("TCL", "PARSE"):
                raise
            from ..compile.script import up_to_syntax_error
            code = up_to_syntax_error(interp, text, DIRECT)
        return code(interp.frame.vars)
    except ReturnSignal as r:
        return finish_return(r)
    except TclError as e:
        if e.errorline is not None:
            e.errorinfo += '\n    (file "%s" line %d)' % (path, e.errorline)
        raise
    except TclSignal:
        raise
    except Exception as e:
        raise interp.internal_error(e) from None
    except CancelUnwind as u:
        # `interp cancel -unwind` reaching the top-level script: its error now
        err = unwound(interp, u)
        if err is None:
            raise
        raise err from None
    finally:
        interp.depth -= 1
        interp.script_file = saved


def _os_message(e):
    import errno
    if e.errno == errno.ENOENT:
        return "no such file or directory"
    if e.errno == errno.EACCES:
        return "permission denied"
    if e.errno == errno.EISDIR:
        return "illegal operation on a directory"
    return (e.strerror or str(e)).lower()


@command("time", 1, 2, "command ?count?")
def cmd_time(interp, argv):
    from ..runtime.values import to_int
    count = to_int(argv[2]) if len(argv) > 2 else 1
    code = interp.compile(argv[1])
    start = _time.perf_counter()
    for _ in range(max(count, 0)):
        interp.eval(argv[1])
    elapsed = _time.perf_counter() - start
    del code
    if count <= 0:
        return "0 microseconds per iteration"
    per = elapsed * 1e6 / count
    text = ("%d" % round(per)) if per >= 1 or per == 0 else ("%.6f" % per).rstrip("0")
    return "%s microseconds per iteration" % text


_TIMERATE_USAGE = "?-direct? ?-calibrate? ?-overhead double? command ?time ?max-count??"


@command("::tcl::unsupported::timerate", 0, None, _TIMERATE_USAGE)
def cmd_timerate(interp, argv):
    """Run a script repeatedly for `time` ms (or `max-count` times) and
    report "µs/# count # rate #/sec net-ms" as Tcl's timerate does."""
    from ..runtime.values import to_float, to_int
    args = list(argv[1:])
    overhead = 0.0
    while len(args) > 1 and to_str(args[0]) in ("-direct", "-calibrate", "-overhead"):
        flag = to_str(args.pop(0))
        if flag == "-overhead":
            overhead = to_float(args.pop(0))
    if not 1 <= len(args) <= 3:
        raise wrong_args("timerate", _TIMERATE_USAGE)
    script = args[0]
    max_ms = to_int(args[1]) if len(args) > 1 else 1000
    max_count = to_int(args[2]) if len(args) > 2 else None
    interp.compile(script)      # syntax errors show even when nothing runs
    count = 0
    start = _time.perf_counter()
    deadline = start + max(max_ms, 0) / 1000.0
    while max_count is None or count < max_count:
        count += 1
        try:
            interp.eval(script)
        except BreakSignal:
            break
        except ContinueSignal:
            pass
        if _time.perf_counter() >= deadline:
            break
    elapsed_us = (_time.perf_counter() - start) * 1e6
    net_us = max(elapsed_us - overhead * count, 0.0)
    if count == 0:
        return "0 \u00b5s/# 0 # 0 #/sec 0 net-ms"
    per = net_us / count
    rate = count * 1e6 / (net_us if net_us >= 1.0 else 1.0)
    return "%s \u00b5s/# %d # %s #/sec %s net-ms" % (
        _rate_number(per), count, _rate_number(rate), _rate_number(net_us / 1000.0))


def _rate_number(value):
    if value == 0:
        return "0"
    for limit, digits in ((10, 6), (100, 4), (1000, 3), (10000, 2)):
        if value < limit:
            return "%.*f" % (digits, value)
    return "%.0f" % value


def setup(interp):
    """::tcl::unsupported exports its commands, so `namespace import` finds them."""
    ns = interp.namespaces.get("::tcl::unsupported")
    if ns is not None and "*" not in ns.exports:
        ns.exports.append("*")


# ---- subst --------------------------------------------------------------------------

@command("subst", 1, None, "?-nobackslashes? ?-nocommands? ?-novariables? string")
def cmd_subst(interp, argv):
    args = argv[1:]
    flags = {"-nobackslashes": False, "-nocommands": False, "-novariables": False}
    for opt in args[:-1]:
        s = to_str(opt)
        match = [f for f in flags if f.startswith(s)] if s.startswith("-") and len(s) > 1 else []
        if len(match) != 1:
            raise TclError('%s option "%s": must be -nobackslashes, -nocommands, or -novariables'
                           % ("ambiguous" if len(match) > 1 else "bad", s),
                           ("TCL", "LOOKUP", "INDEX", "option", s))
        flags[match[0]] = True
    return substitute(interp, to_str(args[-1]), not flags["-nobackslashes"],
                      not flags["-nocommands"], not flags["-novariables"])


def _substituted(out, produce):
    """Append what a substitution gives, as subst treats completion codes:
    break ends the substitution (returns False), continue skips this one,
    return gives its value."""
    try:
        out.append(to_str(produce()))
    except BreakSignal:
        return False
    except ContinueSignal:
        pass
    except ReturnSignal as r:
        out.append(to_str(r.value))
    return True


def _unclosed_bracket(interp, out, rest):
    """A `[` with no `]`: like Tcl, run the complete commands after it, then
    report the one that runs into the end of the string (break and continue
    in those commands act as in any substitution)."""
    from ..compile.script import COMPILED, compile_script, up_to_syntax_error
    from ..parse.script import parse_script
    try:
        commands = parse_script(rest)
    except TclError as e:
        if not e.message.startswith("missing"):
            raise  # a plain syntax error: nothing runs
        code = up_to_syntax_error(interp, rest, COMPILED)
    else:
        head = rest[:commands[-1].start] if commands else ""
        code = compile_script(interp, head) if head else None
    if code is not None and not _substituted([], lambda: code(interp.frame.vars)):
        return
    raise TclError("missing close-bracket", ("TCL", "PARSE", "BRACKET"))


def substitute(interp, text, backslashes=True, commands=True, variables=True):
    from ..compile.script import compile_word
    from ..parse.expr import _word_extent
    from ..parse.script import continuations, derive_continuations, parse_script
    import re
    conts = continuations(text)
    out = []
    i = 0
    n = len(text)
    name_re = re.compile(r"(?:[A-Za-z0-9_]|::+)+")
    while i < n:
        c = text[i]
        if c == "\\" and backslashes:
            s, i = backslash_subst(text, i)
            out.append(s)
        elif c == "$" and variables:
            if text.startswith("${", i):
                k = text.find("}", i)
                if k < 0:
                    raise TclError("missing close-brace for variable name", ("TCL", "PARSE", "VAR"))
                out.append(to_str(interp.get_var(text[i + 2:k])))
                i = k + 1
                continue
            m = name_re.match(text, i + 1)
            if m is None:
                out.append("$")
                i += 1
                continue
            end = m.end()
            if end < n and text[end] == "(":
                end, word = _word_extent(text, i, ")")
                if end < 0:
                    raise TclError("missing )", ("TCL", "PARSE", "VAR"))
                const, getter = compile_word(interp, word)
                if not _substituted(out, lambda: getter if const else getter(interp.frame.vars)):
                    return "".join(out)
                i = end
            else:
                out.append(to_str(interp.get_var(m.group())))
                i = end
        elif c == "[" and commands:
            end, word = _word_extent(text, i, "]")
            if end < 0:
                _unclosed_bracket(interp, out, text[i + 1:])
                return "".join(out)
            script = text[i + 1:end - 1]
            if conts is not None:
                # keep the backslash-newlines' lines for `info frame`
                derive_continuations(text, i + 1, script)
            if not _substituted(out, lambda: interp.eval(script)):
                return "".join(out)
            i = end
        else:
            j = i + 1
            while j < n and text[j] not in "\\$[":
                j += 1
            out.append(text[i:j])
            i = j
    return "".join(out)
