"""The invocation closure of a command that says how to do its work without
being called (a torch command's fast path: torchbridge/fast.py's InlineForm).

compile_invocation's closure builds argv and calls the command, whose fast
path then takes argv apart again, finds its registry and the tensors, and
makes the result.  For such a command called as the fast path wants it
(`torch::tensor_add $a $b`, or with literal option words naming the
tensors), the closure does those steps itself -- as a generated proc body
does (body_calls.py) -- when the words are values of the interpreter's
registry and the command cell holds the very command; any other call is the
ordinary one, argv and all, which gives the same results and errors.

The words are substituted left to right into locals first (a `$name` read
in line, as compile_invocation's closures do), then checked.
"""

from ..runtime.errors import TclError, TclSignal
from .script import (CALL_SOURCE, DIRECT, INVOKE_FILENAME, READ_SOURCE, command_cell,
                     guarded_source, internal_error, word_args, word_params)

_TEMPLATE = """
def factory(interp, cell, lookup, on_error, TclError, TclSignal,
            target, value_class, namespace, registry, form, {params}):
{run}
{for_effect}
    run.for_effect = for_effect
    return run
"""

# one of the two functions the factory makes: `run`, and `for_effect` for
# where the result is dropped (a loop body), which makes none
_FUNCTION = """
    def {name}(fv):
        try:
{reads}
        except TclError as e:
            if {direct} or not e.context_added:
                on_error(e)
            raise
        {takes}
        if {present} and cell[0] == interp.epoch and cell[1] is interp.cur_ns \\
                and cell[2] is target:
""" + guarded_source("r = {call}", "form.error(e, on_error)", 3) + """\
{result}
        argv = [{items}]
""" + CALL_SOURCE

_FACTORIES = {}


def inline_form_of(interp, words):
    """(command, form, the indices of the words that give its tensors) when
    `words` call a command that has a form the caller can write out (its
    `inline_form`), as that form's fast path wants it; else None.  A stand-in
    for commands not built yet (torchbridge/lazy.py) is built now: a script
    that names a torch command is about to run one."""
    if interp.limits is not None or type(words[0]) is not str:
        return None
    func = interp.resolve_command(words[0])
    realize = getattr(func, "realize", None)
    if realize is not None:
        realize(interp)
        func = interp.resolve_command(words[0])
    make = getattr(func, "inline_form", None)
    if make is None:
        return None
    form = make(interp)
    where = form.positions(words)
    return None if where is None else (func, form, where)


def inline_invocation(interp, words, compiled, on_error, mode):
    """The closure for a command whose words are `words` (compiled: (constant?,
    value or getter) each, the `$name` getters tagged with `var_name`), or
    None when the command is no such command or isn't called so."""
    found = inline_form_of(interp, words)
    if found is None:
        return None
    func, form, where = found
    if any(compiled[k][0] for k in where):
        return None     # (a literal word is no tensor value)
    pattern = "".join("C" if c else "V" if getattr(v, "var_name", None) else "D"
                      for c, v in compiled)
    key = (pattern, tuple(where), form.returns, tuple(form.tail), mode == DIRECT)
    factory = _FACTORIES.get(key)
    if factory is None:
        factory = _FACTORIES[key] = _make_factory(pattern, where, form, mode)
    cell, lookup = command_cell(interp, compiled[0][1])
    return factory(interp, cell, lookup, on_error, TclError, TclSignal, func, form.value_class,
                   form.namespace, form.registry, form, *word_args(compiled, pattern))


def _make_factory(pattern, where, form, mode):
    params = word_params(pattern)
    reads = "".join(READ_SOURCE.format(i=i) if c == "V" else "            x%d = w%d(fv)\n" % (i, i)
                    for i, c in enumerate(pattern) if c != "C")
    ts = ["t%d" % k for k in where]
    fields = dict(
        reads=reads.rstrip("\n"), direct=mode == DIRECT,
        takes="; ".join("t%d = x%d.obj if x%d.__class__ is value_class else None" % (k, k, k)
                        for k in where),
        present=" and ".join("%s is not None" % t for t in ts),
        call=form.call("namespace", ts),
        items=", ".join(("w%d" if c == "C" else "x%d") % i for i, c in enumerate(pattern)))
    functions = {}
    for name, target in (("run", "return"), ("for_effect", None)):
        lines = form.result("r", target, "registry", "value_class", "namespace")
        if target is None:
            lines.append((0, "return ''"))
        result = "\n".join("    " * (3 + depth) + line for depth, line in lines)
        functions[name] = _FUNCTION.format(name=name, result=result, **fields)
    source = _TEMPLATE.format(params=params, **functions)
    # (a warning torch raises is attributed to the closure's frame: named as the
    # bridge's, it meets the bridge's filter)
    namespace = {"__name__": form.namespace["__name__"], "internal_error": internal_error}
    exec(compile(source, INVOKE_FILENAME, "exec"), namespace)
    return namespace["factory"]

