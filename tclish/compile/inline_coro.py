"""The compile-time form of `yield ?value?` (commands/coroutines.py),
imported when the first yield is compiled (compile/inline.py).

Half of every coroutine resume is its `yield`: compiled inline, it switches
straight back to the resumer, without building an argv and calling the
command.  It runs only inside a coroutine and while `yield` is still the
built-in (compile/guard.py); anything else (outside a coroutine, a renamed
or redefined `yield`, a limit, `interp cancel`) goes to the ordinary
invocation, whose errors are the command's own.
"""

from ..runtime.errors import TclError
from .guard import available, builtin_guard, is_builtin
from .inline import _plain_var


class YieldForm:
    """A yield as the generator form of its body writes it out
    (compile/coro_body.py): while `cell` (or else `refresh_in(ns)`, which
    runs no command) says that yield is still the built-in in the body's
    namespace, a Python yield of `constant`, or of variable `name` when it
    is a plain untraced scalar."""

    __slots__ = ("cell", "refresh_in", "constant", "name", "words", "on_error")

    def __init__(self, cell, refresh_in, constant, name, words, on_error):
        self.cell = cell
        self.refresh_in = refresh_in
        self.constant = constant
        self.name = name
        self.words = words
        self.on_error = on_error


def compile_yield(c):
    """The closure for `yield ?value?` (an Inline `c`), or None."""
    words = c.words
    if len(words) > 2:
        return None
    from ..commands.coroutines import cmd_yield
    interp = c.interp
    if not available(interp, "yield", cmd_yield):
        return None
    cell, refresh = builtin_guard(interp, "yield", cmd_yield)
    slow, on_error = c.slow, c.on_error()
    constant, get_value = "", None
    # the generator form yields the value itself only where that runs no
    # command: a literal or a plain $name
    name = None if len(words) == 1 else _plain_var(words[1])
    plain = len(words) == 1 or type(words[1]) is str or name is not None
    if len(words) == 2:
        const, value = c.word(1, literal_numbers=True)
        if const:
            constant = value
        else:
            get_value, arg_error = value, c.arg_error()

    def yield_now(fv):
        coro = interp.coroutine
        if coro is None or \
                ((cell[0] != interp.epoch or cell[1] is not interp.cur_ns) and not refresh()):
            return slow(fv)
        if get_value is None:
            value = constant
        else:
            try:
                value = get_value(fv)
            except TclError as e:
                arg_error(e)
                raise
        # cmd_yield, written out
        frame = interp.frame
        ns = interp.cur_ns
        depth = interp.depth
        coro.state = "yield"
        value = coro.resumer.switch(value)
        interp.frame = frame
        interp.cur_ns = ns
        interp.depth = depth
        if coro.injected is None:
            return value
        return yield_injected(interp, coro, words, on_error)

    def refresh_in(ns):
        """compile/guard.py's refresh, for the body's namespace `ns` (the
        generator form runs while interp.cur_ns is the resumer's)."""
        if interp.limits is not None or \
                not is_builtin(interp.resolve_command("yield", ns), "yield", cmd_yield):
            return False
        cell[0] = interp.epoch
        cell[1] = ns
        return True
    if plain:
        yield_now.generator_form = YieldForm(cell, refresh_in, constant, name, words, on_error)
    return yield_now


def yield_injected(interp, coro, argv, on_error):
    """Run the command ::tcl::unsupported::inject gave, as the yield's
    result.  A function of its own: runtime/cmdframes.py takes it (with its
    `argv` and `on_error`) for the yield's command frame, which `info frame`
    shows under the injected command, as in Tcl."""
    from ..commands.coroutines import run_injected
    return run_injected(interp, coro)
