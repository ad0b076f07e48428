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

from ..parse.script import Expand, VarRef
from ..runtime.errors import (BreakSignal, ContinueSignal, ReturnSignal, TclError, TclSignal,
                              compiled_away)
from ..runtime.frames import Var
from ..runtime.numbers import parse_number
from ..runtime.values import TclList, to_list, to_str
from .expr import compile_condition, compile_expr, compile_expr_node
from .script import (COMPILED, DIRECT, PROC_BODY, UNIT, arg_error_handler, compile_commands,
                     compile_invocation, compile_word, enter_body, error_annotator)
from .script import _call as call_command
from ..runtime.interp import body_note

INLINERS = {}


def slow_setter(interp, name, on_error):
    """set_var(name, val) that reports a Tcl error through the command's
    on_error (errorInfo lines) before raising it: the slow path of an
    inlined `set`, here and in generated bodies (body.py)."""
    def slow_set(val):
        try:
            return interp.set_var(name, val)
        except TclError as e:
            on_error(e)
            raise
    return slow_set


def inline(name):
    def register(fn):
        INLINERS[name] = fn
        return fn
    return register


def compile_inline(interp, cmd, base_line, mode=COMPILED):
    words = cmd.words
    head = words[0]
    if type(head) is not str:
        return None
    maker = INLINERS.get(head)
    if maker is None or interp.limits is not None:
        return None  # (a limited interpreter counts every command it runs)
    if head in interp.builtin_commands and not interp.inlinable(head):
        return None  # redefined, or defined in some namespace (where this code may run)
    # (forms of other commands check for themselves: compile/guard.py)
    if any(type(w) is Expand for w in words):
        return None
    slow = compile_invocation(interp, cmd, base_line, mode)
    try:
        return maker(Inline(interp, cmd, base_line, slow, mode))
    except TclError:
        # a syntax error in a body or condition: report it when run, as Tcl does
        return None


class Inline:
    """What an inline compiler gets: the command, and its fallback.

    Each inlined closure starts with `if interp.core_epoch != epoch: return
    slow(fv)`, so a redefined core command is honoured without a wrapper
    layer on the fast path."""

    __slots__ = ("interp", "cmd", "words", "base_line", "slow", "epoch", "mode", "where")

    def __init__(self, interp, cmd, base_line, slow, mode):
        self.interp = interp
        self.cmd = cmd
        self.words = cmd.words
        self.base_line = base_line
        self.slow = slow
        self.epoch = interp.core_epoch
        self.mode = mode
        self.where = (base_line, mode)

    def on_error(self):
        return error_annotator(self.interp, self.cmd, self.base_line, self.mode)

    def word(self, index, literal_numbers=False):
        return compile_word(self.interp, self.words[index], literal_numbers, self.where)

    def arg_error(self):
        return arg_error_handler(self.on_error(), self.mode)

    def caller(self):
        """call(argv): the ordinary invocation with already-substituted
        words, for fast paths that must not substitute them twice."""
        interp = self.interp
        on_error = self.on_error()

        def call(argv):
            return call_command(interp, argv, on_error)
        return call

    def body(self, index, what=None, everywhere=True, annotate=True, for_effect=False):
        """Compile the script in word `index`.

        Where Tcl would compile the command inline (`everywhere`: in any
        compiled script; otherwise only in a proc body), the body is part of
        the enclosing script: its lines count from there and it adds no
        context.  Elsewhere it reports as Tcl's own command does:
        `("what" body line N)` when `what` is given, then the command's
        context line (unless not `annotate`, as for catch).  `for_effect`: its
        result is dropped (a loop body: compile_commands)."""
        from ..parse.script import parse_script
        commands = parse_script(self.words[index])
        mode = self.mode
        if mode == PROC_BODY or (mode == COMPILED and everywhere):
            line = self.base_line + self.cmd.word_lines[index] - 1
            return compile_commands(self.interp, commands, line, mode, for_effect)
        saved = enter_body(self.base_line, self.cmd.word_lines[index])
        try:
            run = compile_commands(self.interp, commands, 1, COMPILED, for_effect)
        finally:
            UNIT[:] = saved
        if not annotate:
            return run
        on_error = self.on_error()

        def body_direct(fv):
            try:
                return run(fv)
            except TclError as e:
                if what is not None and e.errorline is not None:
                    e.errorinfo += "\n    " + body_note(what, e.errorline)
                on_error(e)
                raise
        return body_direct


def _simple_name(word):
    """A constant scalar variable name the fast paths can handle."""
    return type(word) is str and "::" not in word and not (word.endswith(")") and "(" in word)



# ---- variables ---------------------------------------------------------------------

@inline("set")
def _set(c):
    interp, words, slow, epoch = c.interp, c.words, c.slow, c.epoch
    if len(words) == 3 and type(words[1]) is list:
        return _set_element(c)
    if len(words) not in (2, 3) or not _simple_name(words[1]):
        return None
    name = words[1]
    if len(words) == 2:
        def read(fv):
            if interp.core_epoch != epoch:
                return slow(fv)
            try:
                var = fv[name]
                v = var.value
                if v is not None and var.traces is None:
                    return v
            except KeyError:
                pass
            return slow(fv)
        return read
    const, value = c.word(2, literal_numbers=True)
    on_error = c.on_error()

    slow_set = slow_setter(interp, name, on_error)

    if const:
        def set_const(fv):
            if interp.core_epoch != epoch:
                return slow(fv)
            var = fv.get(name)
            if var is not None and var.arr is None and var.traces is None:
                var.value = value
                return value
            if var is None and (interp.frame.is_proc or interp.cur_ns is interp.global_ns):
                fv[name] = Var(value)
                return value
            return slow_set(value)
        return set_const

    arg_error = c.arg_error()
    parts = getattr(value, "expr_parts", None)
    if parts is not None and parts[2] == epoch:
        # `set x [expr {...}]`: the expression evaluated here, one call less
        ev, expr_error = parts[:2]

        def set_expr(fv):
            if interp.core_epoch != epoch:
                return slow(fv)
            try:
                val = ev(fv)
            except TclError as e:
                expr_error(e)
                arg_error(e)
                raise
            if val.__class__ is bool:
                val = int(val)
            var = fv.get(name)
            if var is not None and var.arr is None and var.traces is None:
                var.value = val
                return val
            if var is None and (interp.frame.is_proc or interp.cur_ns is interp.global_ns):
                fv[name] = Var(val)
                return val
            return slow_set(val)
        return set_expr

    def set_(fv):
        if interp.core_epoch != epoch:
            return slow(fv)
        try:
            val = value(fv)
        except TclError as e:
            arg_error(e)
            raise
        var = fv.get(name)
        if var is not None and var.arr is None and var.traces is None:
            var.value = val
            return val
        if var is None and (interp.frame.is_proc or interp.cur_ns is interp.global_ns):
            fv[name] = Var(val)
            return val
        return slow_set(val)
    return set_


def element_word(parts):
    """(array name, the parts of the KEY) of a word `name(KEY)` of several parts
    (`a($k)`, `a(k[expr ...])`), the name local (no `::`); None otherwise."""
    first, last = parts[0], parts[-1]
    if len(parts) < 2 or type(first) is not str or type(last) is not str or \
            "(" not in first or not last.endswith(")"):
        return None
    name, _, head = first.partition("(")
    if not name or "::" in name:
        return None
    return name, [p for p in [head] + parts[1:-1] + [last[:-1]] if p != ""]


def _set_element(c):
    """`set arr(KEY) value` with a computed KEY (`a($k)`, `a(k[expr ...])`):
    an untraced array of this frame's table is written here."""
    interp, words, slow, epoch = c.interp, c.words, c.slow, c.epoch
    element = element_word(words[1])
    if element is None:
        return None
    base, key_word = element
    if not key_word or all(type(p) is str for p in key_word):
        return None
    const, key = compile_word(interp, key_word, where=c.where)
    const, value = c.word(2, literal_numbers=True)
    get_value = (lambda fv: value) if const else value
    arg_error = c.arg_error()
    on_error = c.on_error()

    def set_element(fv):
        if interp.core_epoch != epoch:
            return slow(fv)
        try:
            k = key(fv)
            val = get_value(fv)
        except TclError as e:
            arg_error(e)
            raise
        if k.__class__ is not str:
            k = to_str(k)
        var = fv.get(base)
        if var is not None and var.traces is None:
            arr = var.arr
            if arr is not None:
                arr[k] = val
                return val
        try:
            return interp.set_var("%s(%s)" % (base, k), val)
        except TclError as e:
            on_error(e)
            raise
    return set_element


@inline("incr")
def _incr(c):
    interp, words, slow, epoch = c.interp, c.words, c.slow, c.epoch
    if len(words) not in (2, 3) or not _simple_name(words[1]):
        return None
    name = words[1]
    if len(words) == 3:
        const, amount = c.word(2)
        if const:
            try:
                amount = int(amount)
            except ValueError:
                return None
            if str(amount) != words[2]:
                return None
        else:
            get_amount = amount
            arg_error = c.arg_error()
            call = c.caller()

            def incr_by(fv):
                if interp.core_epoch != epoch:
                    return slow(fv)
                # the amount first: Tcl substitutes every word before the command runs
                try:
                    a = get_amount(fv)
                except TclError as e:
                    arg_error(e)
                    raise
                if a.__class__ is not int:
                    n = parse_number(a) if a.__class__ is str else None
                    if n.__class__ is not int:
                        return call(["incr", name, a])
                    a = n
                var = fv.get(name)
                if var is not None:
                    v = var.value
                    if v.__class__ is int and var.traces is None:
                        v += a
                        var.value = v
                        return v
                return call(["incr", name, a])

            amount_name = _plain_var(words[2])
            if amount_name is None:
                return incr_by

            def incr_by_var(fv):
                # `incr x $y`: both plain integer variables, read here
                amount_var = fv.get(amount_name)
                var = fv.get(name)
                if amount_var is not None and var is not None and interp.core_epoch == epoch:
                    a = amount_var.value
                    v = var.value
                    if a.__class__ is int and v.__class__ is int and \
                            var.traces is None and amount_var.traces is None:
                        v += a
                        var.value = v
                        return v
                return incr_by(fv)
            return incr_by_var
    else:
        amount = 1

    def incr(fv):
        if interp.core_epoch != epoch:
            return slow(fv)
        var = fv.get(name)
        if var is not None:
            v = var.value
            if v.__class__ is int and var.traces is None:
                v += amount
                var.value = v
                return v
        return slow(fv)
    return incr


def _appender(c, for_list):
    interp, words, slow, epoch = c.interp, c.words, c.slow, c.epoch
    if len(words) < 3 or not _simple_name(words[1]):
        return None
    name = words[1]
    getters = []
    for k in range(2, len(words)):
        const, v = c.word(k)
        getters.append((lambda fv, v=v: v) if const else v)
    from sys import getrefcount
    arg_error = c.arg_error()
    call = c.caller()

    def values(fv):
        try:
            return [g(fv) for g in getters]
        except TclError as e:
            arg_error(e)
            raise

    if for_list:
        if len(getters) == 1:
            one = getters[0]

            def lappend_one(fv):
                if interp.core_epoch != epoch:
                    return slow(fv)
                try:
                    item = one(fv)
                except TclError as e:
                    arg_error(e)
                    raise
                var = fv.get(name)
                if var is not None and var.traces is None:
                    lst = var.value
                    # in place only when the variable holds the sole reference
                    # (refs: var.value, lst, getrefcount's argument)
                    if lst.__class__ is TclList and getrefcount(lst) <= 3:
                        lst.append(item)
                        return lst
                return call(["lappend", name, item])
            return lappend_one

        def lappend(fv):
            if interp.core_epoch != epoch:
                return slow(fv)
            pieces = values(fv)
            var = fv.get(name)
            if var is not None and var.traces is None:
                lst = var.value
                # in place only when the variable holds the sole reference
                # (refs: var.value, lst, getrefcount's argument)
                if lst.__class__ is TclList and getrefcount(lst) <= 3:
                    lst.extend(pieces)
                    return lst
            return call(["lappend", name] + pieces)
        return lappend

    if len(words) == 3:
        const, one = c.word(2)

        def append_one(fv):
            if interp.core_epoch != epoch:
                return slow(fv)
            # the word first: Tcl substitutes every word before the command runs
            if const:
                v = one
            else:
                try:
                    v = one(fv)
                except TclError as e:
                    arg_error(e)
                    raise
            var = fv.get(name)
            if var is None or var.traces is not None or var.value.__class__ is not str:
                return call(["append", name, v])
            # take the string out of the variable first, so that CPython can
            # grow it in place (its refcount is then 1)
            s = var.value
            var.value = None
            s += v if v.__class__ is str else to_str(v)
            var.value = s
            return s
        return append_one

    def append(fv):
        if interp.core_epoch != epoch:
            return slow(fv)
        pieces = values(fv)
        var = fv.get(name)
        if var is None or var.traces is not None or var.value.__class__ is not str:
            return call(["append", name] + pieces)
        s = var.value
        var.value = None
        for v in pieces:
            s += v if v.__class__ is str else to_str(v)
        var.value = s
        return s
    return append


@inline("lappend")
def _lappend(c):
    return _appender(c, True)


@inline("append")
def _append(c):
    return _appender(c, False)


# ---- expr and control flow -------------------------------------------------------------

@inline("expr")
def _expr(c):
    interp, words, slow, epoch = c.interp, c.words, c.slow, c.epoch
    if len(words) != 2 or type(words[1]) is not str:
        return None
    const, ev, lone = compile_expr_node(interp, words[1])
    if const or lone:
        ev = compile_expr(interp, words[1])
    on_error = c.on_error()
    # Tcl's compiler reports a failed constant folding (expr {1/0})
    # "invoked from within" expr, in compiled code
    fold_logged = c.mode != DIRECT

    def expr_error(e):
        if e.leading is None:
            e.leading = ()  # as for Tcl's compiled expr instructions
        if fold_logged and e.folded and not e.context_added:
            compiled_away(e)
        on_error(e)

    def expr_(fv):
        if interp.core_epoch != epoch:
            return slow(fv)
        try:
            r = ev(fv)
        except TclError as e:
            expr_error(e)
            raise
        return int(r) if r.__class__ is bool else r
    if "[" not in words[1]:
        # for `set x [expr {...}]` (_set), when no command runs inside
        # (whose `info frame` would look for this closure)
        expr_.expr_parts = (ev, expr_error, epoch)
    return expr_


@inline("lindex")
def _lindex(c):
    """`lindex list index` with one index."""
    interp, words, slow, epoch = c.interp, c.words, c.slow, c.epoch
    if len(words) > 3:
        return _lindex_path(c)
    if len(words) != 3:
        return None
    get_list = _getter(c, 1)
    get_index = _getter(c, 2)
    arg_error = c.arg_error()
    call = c.caller()

    def lindex(fv):
        if interp.core_epoch != epoch:
            return slow(fv)
        try:
            value = get_list(fv)
            i = get_index(fv)
        except TclError as e:
            arg_error(e)
            raise
        if i.__class__ is int and value.__class__ is TclList and -0x80000000 <= i <= 0x7FFFFFFF:
            return value[i] if 0 <= i < len(value) else ""
        try:
            return call(["lindex", value, i])
        except TclError as e:
            if e.leading is None:
                e.leading = ()  # as for Tcl's compiled lindex instruction
            raise

    list_name, index_name = _plain_var(words[1]), _plain_var(words[2])
    if list_name is None or index_name is None:
        return lindex

    def lindex_vars(fv):
        # `lindex $list $i`: both variables read here, without a call each
        list_var = fv.get(list_name)
        index_var = fv.get(index_name)
        if list_var is not None and index_var is not None and interp.core_epoch == epoch:
            value = list_var.value
            i = index_var.value
            if value.__class__ is TclList and i.__class__ is int and -0x80000000 <= i <= 0x7FFFFFFF and \
                    list_var.traces is None and index_var.traces is None:
                return value[i] if 0 <= i < len(value) else ""
        return lindex(fv)
    return lindex_vars


def _lindex_path(c):
    """`lindex list i j ...`: nested lists indexed by integers, in place;
    anything else (end-1, a string to split, out of range) calls lindex."""
    interp, slow, epoch = c.interp, c.slow, c.epoch
    get_list = _getter(c, 1)
    index_getters = tuple(_getter(c, k) for k in range(2, len(c.words)))
    arg_error = c.arg_error()
    call = c.caller()

    def lindex_path(fv):
        if interp.core_epoch != epoch:
            return slow(fv)
        try:
            value = get_list(fv)
            indices = [g(fv) for g in index_getters]
        except TclError as e:
            arg_error(e)
            raise
        v = value
        for i in indices:
            if i.__class__ is not int or v.__class__ is not TclList or not 0 <= i < len(v):
                break
            v = v[i]
        else:
            return v
        try:
            return call(["lindex", value] + indices)
        except TclError as e:
            if e.leading is None:
                e.leading = ()  # as for Tcl's compiled lindex instruction
            raise
    return lindex_path


@inline("catch")
def _catch(c):
    """`catch script ?resultVar? ?optionsVar?`.

    A literal script is compiled in place.  A computed one is evaluated as
    a script of its own; in compiled code Tcl then also reports the catch
    command itself in errorInfo, and so do we."""
    interp, words, slow, epoch = c.interp, c.words, c.slow, c.epoch
    if not 2 <= len(words) <= 4 or not all(type(w) is str for w in words[2:]):
        return None
    names = words[2:]
    if type(words[1]) is str:
        body = c.body(1, annotate=False)
    else:
        const, get_script = c.word(1)
        on_error = c.on_error() if c.mode != DIRECT else None
        arg_error = c.arg_error()

        def body(fv):
            try:
                script = get_script(fv)
            except TclError as e:
                arg_error(e)
                raise
            try:
                return interp.eval(script)
            except TclError as e:
                if on_error is not None:
                    on_error(e)
                raise
    from ..commands.errors import capture_exception, ok_options
    name = names[0] if names else None
    fast_name = name is not None and _simple_name(name)

    def catch(fv):
        if interp.core_epoch != epoch:
            return slow(fv)
        depth = interp.depth
        frame = interp.frame
        try:
            value = body(fv)
            code = 0
            options = None
        except (TclError, TclSignal) as e:
            interp.depth = depth
            interp.frame = frame
            interp.cur_ns = frame.ns
            code, value, options = capture_exception(interp, e)
        except Exception as e:
            # a Python exception of an inlined command is a Tcl error here too
            interp.depth = depth
            interp.frame = frame
            interp.cur_ns = frame.ns
            code, value, options = capture_exception(interp, interp.internal_error(e))
        if name is not None:
            var = fv.get(name) if fast_name else None
            if var is not None and var.arr is None and var.traces is None:
                var.value = value
            else:
                interp.set_var(name, value)
            if len(names) == 2:
                interp.set_var(names[1], options if options is not None else ok_options())
        return code
    return catch


def _plain_var(word):
    """The name in a word that is just `$name` (a simple local variable)."""
    if type(word) is list and len(word) == 1 and type(word[0]) is VarRef and \
            word[0].index is None and "::" not in word[0].name:
        return word[0].name
    return None


def _getter(c, index):
    const, v = c.word(index, literal_numbers=True)
    return (lambda fv: v) if const else v


def _signal_inliner(signal):
    """break and continue: raise their signal (for the loop to catch)."""
    def make(c):
        if len(c.words) != 1:
            return None
        interp, slow, epoch = c.interp, c.slow, c.epoch

        def raise_signal(fv):
            if interp.core_epoch != epoch:
                return slow(fv)
            raise signal()
        return raise_signal
    return make


inline("break")(_signal_inliner(BreakSignal))
inline("continue")(_signal_inliner(ContinueSignal))


@inline("return")
def _return(c):
    """`return` or `return value`: the common forms, without option parsing."""
    words = c.words
    if len(words) > 2 or (len(words) == 2 and type(words[1]) is str and words[1].startswith("-")):
        return None
    interp, slow, epoch = c.interp, c.slow, c.epoch
    if len(words) == 1:
        value = ""
        get = None
    else:
        const, get = c.word(1)
        if const:
            value, get = get, None

    arg_error = c.arg_error()

    def return_(fv):
        if interp.core_epoch != epoch:
            return slow(fv)
        if get is None:
            raise ReturnSignal(value)
        try:
            v = get(fv)
        except TclError as e:
            arg_error(e)
            raise
        raise ReturnSignal(v)
    return return_


def _condition(c, index):
    """A compiled condition; its errors get the command's context from the
    caller's try block (zero-cost until raised), not from a wrapper."""
    return compile_condition(c.interp, c.words[index])


def if_shape(words):
    """The structure of a literal `if` command: ([(condition index, body
    index), ...], else body index or None), or None when it isn't one the
    compiler handles (then `if` itself reports the problem)."""
    n = len(words)
    if not all(type(w) is str for w in words):
        return None
    clauses = []
    i = 1
    while True:
        if i >= n:
            return None
        cond = i
        i += 1
        if i < n and words[i] == "then":
            i += 1
        if i >= n:
            return None
        clauses.append((cond, i))
        i += 1
        if i >= n:
            return clauses, None
        if words[i] == "elseif":
            i += 1
            continue
        if words[i] == "else":
            i += 1
            if i != n - 1:
                return None
        elif i != n - 1:
            return None
        return clauses, i


@inline("if")
def _if(c):
    interp, words, slow, epoch = c.interp, c.words, c.slow, c.epoch
    shape = if_shape(words)
    if shape is None:
        return None
    clause_indices, else_index = shape
    clauses = [(_condition(c, ci), c.body(bi)) for ci, bi in clause_indices]
    else_body = c.body(else_index) if else_index is not None else None
    return make_if(clauses, else_body, c.on_error(), interp, epoch, slow)


def make_if(clauses, otherwise, on_error, interp=None, epoch=None, slow=None):
    """The closure for an if: `clauses` are (condition, body) pairs,
    `otherwise` the else body or None.  With `interp` given it starts with
    the core-epoch check of every inlined form (see Inline); compile/tail.py
    guards its whole proc body instead."""
    guarded = interp is not None
    if len(clauses) == 1:
        (cond, body), = clauses

        def if1(fv):
            if guarded and interp.core_epoch != epoch:
                return slow(fv)
            try:
                taken = cond(fv)
            except TclError as e:
                on_error(e)
                raise
            if taken:
                return body(fv)
            return otherwise(fv) if otherwise is not None else ""
        return if1
    clauses = tuple(clauses)

    def if_chain(fv):
        if guarded and interp.core_epoch != epoch:
            return slow(fv)
        for cond, body in clauses:
            try:
                taken = cond(fv)
            except TclError as e:
                on_error(e)
                raise
            if taken:
                return body(fv)
        return otherwise(fv) if otherwise is not None else ""
    return if_chain


@inline("while")
def _while(c):
    words = c.words
    if len(words) != 3 or type(words[1]) is not str or type(words[2]) is not str:
        return None
    return _loop(c, None, _condition(c, 1), None, c.body(2, "while", for_effect=True), words[1])


@inline("for")
def _for(c):
    words = c.words
    if len(words) != 5 or not all(type(w) is str for w in words):
        return None
    return _loop(c, c.body(1, '("for" initial command)'), _condition(c, 2),
                 c.body(3, '("for" loop-end command)'), c.body(4, "for", for_effect=True),
                 words[2], words[3])


def _loop(c, start, cond, step, body, cond_text, step_text=None):
    """while (no start or step) and for: break in the body or the step ends
    the loop, continue goes on to the step."""
    interp, slow, epoch = c.interp, c.slow, c.epoch
    if not c.words[-1].strip():
        # an empty body runs no command that could see a limit or an
        # `interp cancel` arriving while the loop runs: look for one here
        def body(fv):
            if interp.limits is not None:
                interp.limits.check_time()
    on_error = c.on_error()
    from .loops import counted_loop
    counted = counted_loop(interp, epoch, slow, on_error, start, cond_text, cond, step_text,
                           step, body)
    if counted is not None:
        return counted

    def loop(fv):
        if interp.core_epoch != epoch:
            return slow(fv)
        if start is not None:
            start(fv)
        while True:
            try:
                if not cond(fv):
                    break
            except TclError as e:
                on_error(e)
                raise
            try:
                body(fv)
            except BreakSignal:
                break
            except ContinueSignal:
                pass
            if step is not None:
                try:
                    step(fv)
                except BreakSignal:
                    break
        return ""
    return loop


@inline("foreach")
def _foreach(c):
    interp, words, slow, epoch = c.interp, c.words, c.slow, c.epoch
    if len(words) != 4 or type(words[1]) is not str or type(words[3]) is not str:
        return None
    try:
        names = to_list(words[1])
    except TclError:
        return None
    if not names or not all(_simple_name(n) for n in names):
        return None
    name = names[0]
    const, lst = c.word(2)
    get_list = (lambda fv: lst) if const else lst
    arg_error = c.arg_error()
    body = c.body(3, "foreach", everywhere=False, for_effect=True)
    on_error = c.on_error()
    # compiled in a proc body, Tcl's foreach sets its variables with plain
    # store instructions: no "(setting foreach loop variable" line
    note = c.mode != PROC_BODY
    if len(names) > 1:
        return _foreach_several(interp, slow, epoch, tuple(names), get_list, arg_error, body,
                                on_error, note)

    def foreach(fv):
        if interp.core_epoch != epoch:
            return slow(fv)
        try:
            items = get_list(fv)
        except TclError as e:
            arg_error(e)
            raise
        try:
            items = to_list(items)
        except TclError as e:
            on_error(e)
            raise
        for item in items:
            var = fv.get(name)
            if var is not None and var.arr is None and var.traces is None:
                var.value = item
            else:
                _set_loop_var(interp, name, item, on_error, note)
            try:
                body(fv)
            except BreakSignal:
                break
            except ContinueSignal:
                pass
        return ""
    return foreach


def _set_loop_var(interp, name, item, on_error, note=True):
    """A foreach loop variable set the general way (an array, a traced or a new
    variable), with Tcl's errorInfo line on failure; the plain case is inline."""
    try:
        interp.set_var(name, item)
    except TclError as e:
        if note:
            e.errorinfo += "\n    (setting foreach loop variable \"%s\")" % name
            e.context_added = True
        on_error(e)
        raise


def _foreach_several(interp, slow, epoch, names, get_list, arg_error, body, on_error, note):
    """foreach {a b ...} $list body: as the one-variable form, each iteration
    setting the names in order, with "" past the end of the list.  The loop
    is generated for the number of names, unrolled (see _several_loop)."""
    k = len(names)

    def set_slow(name, item):
        _set_loop_var(interp, name, item, on_error, note)
    iterate = _several_loop(k)(names, set_slow, BreakSignal, ContinueSignal)

    def foreach(fv):
        if interp.core_epoch != epoch:
            return slow(fv)
        try:
            items = get_list(fv)
        except TclError as e:
            arg_error(e)
            raise
        try:
            items = to_list(items)
        except TclError as e:
            on_error(e)
            raise
        short = len(items) % k
        if short:
            items = list(items) + [""] * (k - short)
        return iterate(fv, items, body)
    return foreach


_SEVERAL_LOOPS = {}


def _several_loop(k):
    """The source of a foreach loop over k names, made once per k: one
    zip() step per iteration and each variable set by its own lines."""
    make = _SEVERAL_LOOPS.get(k)
    if make is not None:
        return make
    items = ", ".join("a%d" % j for j in range(k))
    lines = ["def make(names, set_slow, BreakSignal, ContinueSignal):",
             "    %s, = names" % ", ".join("n%d" % j for j in range(k)),
             "    def iterate(fv, items, body):",
             "        it = iter(items)",
             "        for %s in zip(%s):" % (items, ", ".join(["it"] * k))]
    for j in range(k):
        lines += ["            v = fv.get(n%d)" % j,
                  "            if v is not None and v.arr is None and v.traces is None:",
                  "                v.value = a%d" % j,
                  "            else:",
                  "                set_slow(n%d, a%d)" % (j, j)]
    lines += ["            try:",
              "                body(fv)",
              "            except BreakSignal:",
              "                break",
              "            except ContinueSignal:",
              "                pass",
              "        return ''",
              "    return iterate"]
    namespace = {}
    exec("\n".join(lines), namespace)
    make = _SEVERAL_LOOPS[k] = namespace["make"]
    return make


__all__ = ["compile_inline", "inline"]

# the forms of other families register themselves here (after INLINERS exists)
from . import inline_data, inline_switch, inline_vars  # noqa: E402,F401


@inline("yield")
def _yield(c):
    from .inline_coro import compile_yield  # only scripts with a yield import it
    return compile_yield(c)
