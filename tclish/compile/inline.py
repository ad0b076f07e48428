"""Compile-time forms of the core commands (set, incr, if, while, for,
foreach, expr, break, continue, append, lappend).

Each form is declared with the command name and returns None when the
command's shape doesn't fit (a dynamic variable name, an unbraced body...),
in which case the ordinary invocation is compiled.  Every inlined closure
checks `interp.core_epoch`: once any of these commands is redefined, it
defers to the generic invocation, which sees the new definition.

Errors inside inlined bodies are not wrapped in "invoked from within" lines,
as Tcl's bytecode compiler does for the same commands; line numbers of the
commands inside an inlined body count from the enclosing script.
"""

from ..parse.script import Expand
from ..runtime.errors import BreakSignal, ContinueSignal, TclError
from ..runtime.frames import Var
from ..runtime.values import TclList, to_list, to_str
from .expr import compile_condition, compile_expr
from .script import compile_commands, compile_invocation, compile_word, error_annotator

_INLINERS = {}


def inline(name):
    def register(fn):
        _INLINERS[name] = fn
        return fn
    return register


def compile_inline(interp, cmd, base_line):
    words = cmd.words
    head = words[0]
    if type(head) is not str:
        return None
    maker = _INLINERS.get(head)
    if maker is None:
        return None
    if any(type(w) is Expand for w in words):
        return None
    try:
        fast = maker(interp, cmd, base_line)
    except TclError:
        # a syntax error in a body or condition: report it when run, as Tcl does
        return None
    if fast is None:
        return None
    slow = compile_invocation(interp, cmd, base_line)
    return _guard(interp, fast, slow)


def _guard(interp, fast, slow):
    epoch = interp.core_epoch

    def guarded(fv):
        if interp.core_epoch == epoch:
            return fast(fv)
        return slow(fv)
    guarded.fast = fast
    return guarded


def _simple_name(word):
    """A constant scalar variable name the fast paths can handle."""
    return type(word) is str and "::" not in word and not (word.endswith(")") and "(" in word)


def _body(interp, text, cmd, index, base_line):
    from ..parse.script import parse_script
    line = base_line + cmd.word_lines[index] - 1
    return compile_commands(interp, parse_script(text), line)


def _annotate_expr(interp, cmd, base_line, run):
    """Errors raised by an inlined expr/condition get the command context."""
    on_error = error_annotator(interp, cmd, base_line)

    def annotated(fv):
        try:
            return run(fv)
        except TclError as e:
            on_error(e)
            raise
    return annotated


# ---- variables ---------------------------------------------------------------------

@inline("set")
def _set(interp, cmd, base_line):
    words = cmd.words
    if len(words) not in (2, 3) or not _simple_name(words[1]):
        return None
    name = words[1]
    on_error = error_annotator(interp, cmd, base_line)
    if len(words) == 2:
        def read(fv):
            try:
                var = fv[name]
                v = var.value
                if v is not None and var.traces is None:
                    return v
            except KeyError:
                pass
            try:
                return interp.get_var(name)
            except TclError as e:
                on_error(e)
                raise
        return read
    const, value = compile_word(interp, words[2])

    def slow_set(val):
        try:
            return interp.set_var(name, val)
        except TclError as e:
            on_error(e)
            raise

    if const:
        def set_const(fv):
            var = fv.get(name)
            if var is not None and var.arr is None and var.traces is None:
                var.value = value
                return value
            if var is None and (interp.frame.is_proc or interp.cur_ns is interp.global_ns):
                fv[name] = Var(value)
                return value
            return slow_set(value)
        return set_const

    def set_(fv):
        val = value(fv)
        var = fv.get(name)
        if var is not None and var.arr is None and var.traces is None:
            var.value = val
            return val
        if var is None and (interp.frame.is_proc or interp.cur_ns is interp.global_ns):
            fv[name] = Var(val)
            return val
        return slow_set(val)
    return set_


@inline("incr")
def _incr(interp, cmd, base_line):
    words = cmd.words
    if len(words) not in (2, 3) or not _simple_name(words[1]):
        return None
    name = words[1]
    if len(words) == 3:
        const, amount = compile_word(interp, words[2])
        if not const:
            return None
        try:
            amount = int(amount)
        except ValueError:
            return None
        if str(amount) != words[2]:
            return None
    else:
        amount = 1
    slow = compile_invocation(interp, cmd, base_line)

    def incr(fv):
        var = fv.get(name)
        if var is not None:
            v = var.value
            if v.__class__ is int and var.traces is None:
                v += amount
                var.value = v
                return v
        return slow(fv)
    return incr


def _appender(interp, cmd, base_line, for_list):
    words = cmd.words
    if len(words) < 3 or not _simple_name(words[1]):
        return None
    name = words[1]
    getters = []
    for w in words[2:]:
        const, v = compile_word(interp, w)
        getters.append((lambda fv, v=v: v) if const else v)
    slow = compile_invocation(interp, cmd, base_line)
    from sys import getrefcount
    if for_list:
        def lappend(fv):
            var = fv.get(name)
            if var is None or var.traces is not None:
                return slow(fv)
            lst = var.value
            # in place only when the variable holds the sole reference
            # (refs: var.value, lst, getrefcount's argument)
            if lst.__class__ is TclList and getrefcount(lst) <= 3:
                for g in getters:
                    lst.append(g(fv))
                return lst
            return slow(fv)
        return lappend

    def append(fv):
        var = fv.get(name)
        if var is None or var.traces is not None:
            return slow(fv)
        s = var.value
        if s.__class__ is not str:
            return slow(fv)
        for g in getters:
            v = g(fv)
            s += v if v.__class__ is str else to_str(v)
        var.value = s
        return s
    return append


@inline("lappend")
def _lappend(interp, cmd, base_line):
    return _appender(interp, cmd, base_line, True)


@inline("append")
def _append(interp, cmd, base_line):
    return _appender(interp, cmd, base_line, False)


# ---- expr and control flow -------------------------------------------------------------

@inline("expr")
def _expr(interp, cmd, base_line):
    words = cmd.words
    if len(words) != 2 or type(words[1]) is not str:
        return None
    return _annotate_expr(interp, cmd, base_line, compile_expr(interp, words[1]))


@inline("break")
def _break(interp, cmd, base_line):
    if len(cmd.words) != 1:
        return None

    def brk(fv):
        raise BreakSignal()
    return brk


@inline("continue")
def _continue(interp, cmd, base_line):
    if len(cmd.words) != 1:
        return None

    def cont(fv):
        raise ContinueSignal()
    return cont


@inline("if")
def _if(interp, cmd, base_line):
    words = cmd.words
    n = len(words)
    if not all(type(w) is str for w in words):
        return None
    clauses = []
    i = 1
    while True:
        if i >= n:
            return None
        cond = compile_condition(interp, words[i])
        i += 1
        if i < n and words[i] == "then":
            i += 1
        if i >= n:
            return None
        clauses.append((_annotate_expr(interp, cmd, base_line, cond),
                        _body(interp, words[i], cmd, i, base_line)))
        i += 1
        if i >= n:
            else_body = None
            break
        if words[i] == "elseif":
            i += 1
            continue
        if words[i] == "else":
            i += 1
            if i != n - 1:
                return None
        elif i != n - 1:
            return None
        else_body = _body(interp, words[i], cmd, i, base_line)
        break
    if len(clauses) == 1:
        (cond, body), = clauses
        if else_body is None:
            def if1(fv):
                if cond(fv):
                    return body(fv)
                return ""
            return if1

        def if_else(fv):
            if cond(fv):
                return body(fv)
            return else_body(fv)
        return if_else
    clauses = tuple(clauses)

    def if_chain(fv):
        for cond, body in clauses:
            if cond(fv):
                return body(fv)
        if else_body is not None:
            return else_body(fv)
        return ""
    return if_chain


@inline("while")
def _while(interp, cmd, base_line):
    words = cmd.words
    if len(words) != 3 or type(words[1]) is not str or type(words[2]) is not str:
        return None
    cond = _annotate_expr(interp, cmd, base_line, compile_condition(interp, words[1]))
    body = _body(interp, words[2], cmd, 2, base_line)

    def while_(fv):
        while cond(fv):
            try:
                body(fv)
            except BreakSignal:
                break
            except ContinueSignal:
                pass
        return ""
    return while_


@inline("for")
def _for(interp, cmd, base_line):
    words = cmd.words
    if len(words) != 5 or not all(type(w) is str for w in words):
        return None
    start = _body(interp, words[1], cmd, 1, base_line)
    cond = _annotate_expr(interp, cmd, base_line, compile_condition(interp, words[2]))
    step = _body(interp, words[3], cmd, 3, base_line)
    body = _body(interp, words[4], cmd, 4, base_line)

    def for_(fv):
        start(fv)
        while cond(fv):
            try:
                body(fv)
            except BreakSignal:
                break
            except ContinueSignal:
                pass
            step(fv)
        return ""
    return for_


@inline("foreach")
def _foreach(interp, cmd, base_line):
    words = cmd.words
    if len(words) != 4 or type(words[1]) is not str or type(words[3]) is not str:
        return None
    try:
        names = to_list(words[1])
    except TclError:
        return None
    if len(names) != 1 or not _simple_name(names[0]):
        return None
    name = names[0]
    const, lst = compile_word(interp, words[2])
    get_list = (lambda fv: lst) if const else lst
    body = _body(interp, words[3], cmd, 3, base_line)
    on_error = error_annotator(interp, cmd, base_line)

    def foreach(fv):
        try:
            items = to_list(get_list(fv))
        except TclError as e:
            on_error(e)
            raise
        for item in items:
            var = fv.get(name)
            if var is not None and var.arr is None and var.traces is None:
                var.value = item
            else:
                try:
                    interp.set_var(name, item)
                except TclError as e:
                    e.errorinfo += "\n    (setting foreach loop variable \"%s\")" % name
                    on_error(e)
                    raise
            try:
                body(fv)
            except BreakSignal:
                break
            except ContinueSignal:
                pass
        return ""
    return foreach


__all__ = ["compile_inline", "inline"]
