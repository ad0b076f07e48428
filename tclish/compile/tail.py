"""Proc bodies whose `return`s need no exception.

A proc returns the result of its last command, so `return X` as the last
command of a proc body (or of an `if` branch that is itself in tail
position) can simply produce X.  And the common early exit

    if {$n < 2} { return $n }
    ...rest of the body...

is the same as `if {$n < 2} {$n} else {...rest...}` in tail position.  This
module compiles proc bodies that way, so the ordinary `return` (a raised
ReturnSignal caught at the proc boundary) is only used where it is needed.

Like every inlined form, the result honours redefinitions: it is built only
while `if` and `return` are the built-ins, and runs the plainly compiled
body once either is redefined.
"""

from ..parse.script import parse_script
from ..runtime.errors import TclError
from .inline import Inline, _condition, if_shape, make_if
from .script import (PROC_BODY, UNIT, _empty, compile_commands, compile_word, enter_unit,
                     error_annotator)


def compile_proc_body(interp, text):
    """Compile a proc body; returns run(table) -> result."""
    saved = enter_unit()
    try:
        return _compile_proc_body(interp, text)
    finally:
        UNIT[:] = saved


def _compile_proc_body(interp, text):
    commands = parse_script(text)
    from .body import generate_body
    generated = generate_body(interp, commands)
    if generated is not None:
        return generated
    plain = compile_commands(interp, commands, 1, PROC_BODY)
    if not _builtins_in_place(interp):
        return plain
    shaped = _tail(interp, commands, 1)
    if shaped is None:
        return plain
    epoch = interp.core_epoch

    def proc_body(fv):
        if interp.core_epoch != epoch:
            return plain(fv)
        return shaped(fv)
    return proc_body


def _builtins_in_place(interp):
    return all(interp.inlinable(name)
               for name in ("if", "return"))


def _simple_return(cmd):
    words = cmd.words
    if words[0] != "return" or len(words) > 2:
        return False
    return len(words) == 1 or not (type(words[1]) is str and words[1].startswith("-"))


def _ends_in_return(interp, cmd, index):
    try:
        body = parse_script(cmd.words[index])
    except TclError:
        return False
    return bool(body) and _simple_return(body[-1])


def _early_exit(interp, cmd):
    """An `if` without else whose every branch ends in `return`."""
    if cmd.words[0] != "if":
        return False
    shape = if_shape(cmd.words)
    if shape is None or shape[1] is not None:
        return False
    return all(_ends_in_return(interp, cmd, body) for _, body in shape[0])


def _tail(interp, commands, base_line):
    """The tail-shaped closure for a list of commands, or None when there is
    nothing to gain (no return and no early exit in tail position)."""
    if not commands:
        return None
    for i, cmd in enumerate(commands[:-1]):
        if _early_exit(interp, cmd):
            head = compile_commands(interp, commands[:i], base_line, PROC_BODY) if i else None
            rest = _tail(interp, commands[i + 1:], base_line) or \
                compile_commands(interp, commands[i + 1:], base_line, PROC_BODY)
            return _if_tail(interp, cmd, base_line, head, rest)
    last = commands[-1]
    if _simple_return(last):
        value = _return_value(interp, last, base_line)
    elif last.words[0] == "if" and if_shape(last.words) is not None and _has_tail_return(last):
        value = _if_tail(interp, last, base_line, None, None)
    else:
        return None
    if len(commands) == 1:
        return value
    head = compile_commands(interp, commands[:-1], base_line, PROC_BODY)

    def head_then_value(fv):
        head(fv)
        return value(fv)
    return head_then_value


def _has_tail_return(cmd):
    clauses, else_index = if_shape(cmd.words)
    indices = [b for _, b in clauses] + ([else_index] if else_index is not None else [])
    for index in indices:
        try:
            body = parse_script(cmd.words[index])
        except TclError:
            return False
        if body and (_simple_return(body[-1]) or
                     (body[-1].words[0] == "if" and if_shape(body[-1].words) is not None)):
            return True
    return False


def _return_value(interp, cmd, base_line):
    """`return` / `return X` in tail position: just the value."""
    if len(cmd.words) == 1:
        return _empty
    const, value = compile_word(interp, cmd.words[1], where=(base_line, PROC_BODY))
    if const:
        return lambda fv: value
    on_error = error_annotator(interp, cmd, base_line, PROC_BODY)

    def returned(fv):
        try:
            return value(fv)
        except TclError as e:
            if not e.context_added:
                on_error(e)
            raise
    return returned


def _branch(interp, cmd, index, base_line):
    line = base_line + cmd.word_lines[index] - 1
    commands = parse_script(cmd.words[index])
    return _tail(interp, commands, line) or compile_commands(interp, commands, line, PROC_BODY)


def _if_tail(interp, cmd, base_line, head, rest):
    """An `if` in tail position; `rest` (when given) runs when no branch is
    taken, `head` before the if."""
    c = Inline(interp, cmd, base_line, None, PROC_BODY)
    clauses, else_index = if_shape(cmd.words)
    compiled = [(_condition(c, ci), _branch(interp, cmd, bi, base_line)) for ci, bi in clauses]
    otherwise = _branch(interp, cmd, else_index, base_line) if else_index is not None else rest
    run_if = make_if(compiled, otherwise, error_annotator(interp, cmd, base_line))
    if head is None:
        return run_if

    def head_then_if(fv):
        head(fv)
        return run_if(fv)
    return head_then_if
