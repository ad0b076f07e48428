"""Parsed commands -> Python closures.

Every compiled piece is a function of one argument, `fv`, the variable table
of the frame it runs in.  Literal words are folded at compile time; a word
that is a single substitution keeps the substituted value as it is (so a
list or a tensor handle is not turned into a string on the way).

The closure that invokes a command is generated from a template per shape
of its words ("C" constant, "D" dynamic), so that building argv is one list
display and dispatch is one epoch check plus one call.
"""

import gc
import re

from ..parse.script import CmdSub, Expand, VarRef, parse_script
from ..runtime.errors import TclError, TclSignal, compiled_away
from ..runtime import numbers
from ..runtime.numbers import format_float
from ..runtime.values import to_list, to_str

_CANONICAL_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:e[+-][0-9]+)?\Z").match


# How errors are reported depends on how Tcl 8.6 would run the script, and
# tclsh's errorInfo is the reference:
#   DIRECT    the top level of a file, -c or stdin script: evaluated command
#             by command; every command adds its context line, loops add
#             ("while" body line N), and an error in an argument's
#             [substitution] is also reported by the command being built.
#   COMPILED  a script run by eval, uplevel, a loop or catch: byte-compiled
#             without local variables, so if/while/for/catch are inlined and
#             add nothing, while foreach/lmap/switch are real commands.
#   PROC_BODY a proc body: everything the compiler inlines adds nothing and
#             line numbers count from the proc body.
DIRECT = "direct"
COMPILED = "compiled"
PROC_BODY = "proc"


def compile_script(interp, text, base_line=1, mode=COMPILED):
    """Compile Tcl source; returns run(fv) -> result value."""
    saved = enter_unit()
    # a long script makes millions of small objects at once: the cyclic GC
    # would rescan them all again and again (most of the time of a 10 MB
    # script); none of them is garbage yet
    pause_gc = len(text) > (1 << 16) and gc.isenabled()
    if pause_gc:
        gc.disable()
    try:
        commands = parse_script(text)
        if mode == DIRECT and len(commands) > _BATCH:
            return _batched(interp, commands, base_line)
        return compile_commands(interp, commands, base_line, mode)
    finally:
        UNIT[:] = saved
        if pause_gc:
            gc.enable()


# a top-level script of more commands than this is compiled a batch at a
# time, just before the batch runs, as Tcl evaluates such a script command
# by command: the closures of a 10 MB script never all exist at once
_BATCH = 2000


def _batched(interp, commands, base_line):
    unit = UNIT[:]

    def run_batches(fv):
        result = ""
        for k in range(0, len(commands), _BATCH):
            saved = UNIT[:]
            UNIT[:] = unit
            pause_gc = gc.isenabled()
            if pause_gc:
                gc.disable()
            try:
                code = compile_commands(interp, commands[k:k + _BATCH], base_line, DIRECT)
            finally:
                UNIT[:] = saved
                if pause_gc:
                    gc.enable()
            result = code(fv)
        return result
    return run_batches


# Where the script being compiled sits in the text that was given to
# compile_script / compile_proc_body (its "unit"): [line offset, depth].
# A body the compiler compiles on its own (a loop body in a top-level
# script, whose errors count lines from the body) is compiled with the
# offset of its first line and one more depth, so every command still knows
# its line within the unit, for `info frame` (see runtime/cmdframes.py).
UNIT = [0, 0]


def enter_unit():
    saved = UNIT[:]
    UNIT[:] = [0, 0]
    return saved


def enter_body(base_line, line):
    """Before compiling, on its own, a body whose first line is `line` of a
    script compiled with `base_line`; returns what to restore."""
    saved = UNIT[:]
    UNIT[0] += base_line + line - 2
    UNIT[1] += 1
    return saved


def up_to_syntax_error(interp, text, mode):
    """For a script that doesn't parse: code that runs the commands before
    the bad one and then raises its error, as Tcl (which evaluates a script
    command by command) does."""
    from ..parse.errors import locate_syntax_error
    end, err = locate_syntax_error(text)
    if err is None:  # it parses after all
        return compile_script(interp, text, mode=mode)
    head = compile_script(interp, text[:end], mode=mode) if end else _empty

    def then_fail(fv):
        head(fv)
        interp.add_error_context(err, err.command_text, err.errorline)
        raise err
    return then_fail


def compile_commands(interp, commands, base_line=1, mode=COMPILED, for_effect=False):
    """run(fv) -> the result of the last command; `for_effect`: the script's
    result is dropped (a loop body), so a closure with a `for_effect` form
    that makes no result (inline_calls.py) may run as that, as may every
    command but the last anyway."""
    from .inline import compile_inline
    runs = []
    for cmd in commands:
        run = compile_inline(interp, cmd, base_line, mode)
        if run is None:
            run = compile_invocation(interp, cmd, base_line, mode)
        runs.append(run)
    last = len(runs) if for_effect else len(runs) - 1
    runs[:last] = [getattr(run, "for_effect", run) for run in runs[:last]]
    if not runs:
        return _empty
    if len(runs) == 1:
        return runs[0]
    if len(runs) == 2:
        first, second = runs

        def run_two(fv):
            first(fv)
            return second(fv)
        return run_two
    # no command's result is held while the next one runs: a list or dict
    # a variable holds alone may then be changed in place (lappend, lset)
    head, last = tuple(runs[:-1]), runs[-1]

    def run_all(fv):
        for run in head:
            run(fv)
        return last(fv)
    return run_all


def _empty(fv):
    return ""


# ---- words ---------------------------------------------------------------------

def literal_value(word):
    """A literal word as a value: a canonical number literal ("3", "1.5")
    becomes the number itself (its string form is the same text, so Tcl
    cannot tell), which saves parsing it at every use."""
    m = _CANONICAL_NUMBER(word)
    if m is not None:
        if "." in word or "e" in word:
            f = float(word)
            # (with $tcl_precision set, a float of more digits would print
            # shorter than its literal: keep the text)
            if format_float(f) == word and not numbers.precision:
                return f
        elif word != "-0":      # (the integer 0 would print as "0")
            return int(word)
    return word


def compile_word(interp, word, literal_numbers=False, where=(1, COMPILED)):
    """(True, constant) or (False, getter(fv)) for one word (not {*}).

    `where` is (base line, mode) of the enclosing script, for the commands
    of [substitutions] inside the word."""
    if type(word) is str:
        if literal_numbers and len(word) < 20:
            return True, literal_value(word)
        return True, word
    if len(word) == 1:
        return False, compile_part(interp, word[0], where)
    getters = []
    for part in word:
        if type(part) is str:
            getters.append(part)
        else:
            getters.append(compile_part(interp, part, where))
    return False, _concat(getters)


def word_getter(interp, word, where=(1, COMPILED)):
    """A getter(fv) for a word, constant or not."""
    const, value = compile_word(interp, word, where=where)
    if const:
        return lambda fv: value
    return value


def _concat(pieces):
    if len(pieces) == 2:
        a, b = pieces
        if type(a) is str:
            def cat_cd(fv):
                v = b(fv)
                return a + (v if type(v) is str else to_str(v))
            return cat_cd
        if type(b) is str:
            def cat_dc(fv):
                v = a(fv)
                return (v if type(v) is str else to_str(v)) + b
            return cat_dc

    pieces = tuple(pieces)

    def cat(fv):
        out = []
        for p in pieces:
            if type(p) is str:
                out.append(p)
            else:
                v = p(fv)
                out.append(v if type(v) is str else to_str(v))
        return "".join(out)
    return cat


def compile_part(interp, part, where=(1, COMPILED)):
    if type(part) is VarRef:
        return compile_varref(interp, part)
    if type(part) is CmdSub:
        return _compile_cmdsub(interp, part, where)
    if type(part) is str:
        return lambda fv: part
    raise AssertionError(part)


# Deep [[[...]]]: Tcl evaluating a script directly (tclsh's main script)
# counts each level as a nested evaluation, past the recursion limit "too
# many nested evaluations"; compiling one (a proc body, eval, ...) it counts
# nested compilations, up to 5/4 of the limit.  Only substitutions nested
# this deep in the source pay for the check.
_CHECKED_NESTING = 64


def _compile_cmdsub(interp, part, where):
    depth = interp.cmdsub_nesting + 1
    if where[1] != DIRECT and depth + interp.depth > interp.max_depth * 5 // 4:
        raise TclError("too many nested compilations (infinite loop?)",
                       ("TCL", "LIMIT", "STACK"))
    if where[1] == DIRECT and depth > interp.max_depth:
        def too_deep(fv):
            raise interp.nesting_error()
        return too_deep
    interp.cmdsub_nesting = depth
    try:
        code = compile_commands(interp, part.commands, *where)
    finally:
        interp.cmdsub_nesting = depth - 1
    if depth < _CHECKED_NESTING or where[1] != DIRECT:
        return code

    def nested(fv):
        # + 2: the substitution's own command and its caller, as Tcl counts
        if interp.depth + depth + 2 > interp.max_depth:
            raise interp.nesting_error()
        return code(fv)
    return nested


def compile_varref(interp, ref):
    name = ref.name
    if ref.index is not None:
        const, index = compile_word(interp, ref.index if ref.index else "")
        local = "::" not in name
        if const:
            def get_elem_c(fv):
                # an element of an untraced array in this frame's table: read
                # here; anything else (missing, traced, linked) the general way
                var = fv.get(name) if local else None
                if var is not None and var.traces is None and var.arr is not None:
                    v = var.arr.get(index)
                    if v is not None:
                        return v
                return interp.read_elem(name, index)
            return get_elem_c

        def get_elem(fv):
            i = index(fv)
            key = i if type(i) is str else to_str(i)
            var = fv.get(name) if local else None
            if var is not None and var.traces is None and var.arr is not None:
                v = var.arr.get(key)
                if v is not None:
                    return v
            return interp.read_elem(name, key)
        return get_elem
    if "::" in name:
        def get_qualified(fv):
            return interp.get_var(name)
        return get_qualified
    return var_reader(interp, name)


def var_reader(interp, name):
    """The closure for `$name` (simple local name): one dict lookup."""
    def get(fv):
        try:
            var = fv[name]
        except KeyError:
            return interp.get_var(name)
        v = var.value
        if v is None or var.traces is not None:
            return interp.get_var(name)
        return v
    get.var_name = name         # compile_invocation reads such a word in line
    return get


# ---- command invocation ------------------------------------------------------------

_FACTORIES = {}
# the file name of the generated invocation closures (runtime/cmdframes.py
# recognizes their frames by it)
INVOKE_FILENAME = "<tclish-invoke>"

def internal_error(interp, exc, on_error):
    """A Python exception a command let out, as a Tcl error with the command's
    context (`on_error`)."""
    err = interp.internal_error(exc)
    on_error(err)
    return err


def guarded_source(line, convert, indent):
    """The source of the try statement a compiled command's call (`line`) is
    in: a Tcl error gets the command's context (`on_error`), a signal passes,
    and any other exception `e` becomes the Tcl error `convert` makes."""
    return "".join("    " * indent + text + "\n" for text in (
        "try:", "    " + line, "except TclError as e:", "    on_error(e)", "    raise",
        "except TclSignal:", "    raise", "except Exception as e:",
        "    raise %s from None" % convert))


# the call of the command in the cell, or the one lookup finds (fills the cell)
CALL_SOURCE = """\
        if cell[0] == interp.epoch and cell[1] is interp.cur_ns:
            func = cell[2]
        else:
            func = lookup(argv)
""" + guarded_source("return func(interp, argv)", "internal_error(interp, e, on_error)", 2)

_TEMPLATE = """
def factory(interp, cell, lookup, on_error, TclError, TclSignal, {params}):
    def run(fv):
        try:
{reads}            argv = [{items}]
        except TclError as e:
            if {direct} or not e.context_added:
                on_error(e)
            raise
""" + CALL_SOURCE + """\
    return run
"""


# a word `$name` (pattern letter V) read in the closure itself: var_reader's
# fast path written out, a call less per such word; anything else (no such
# variable, an array, a trace) goes to the reader, which has Tcl's semantics
READ_SOURCE = """\
            c = fv.get(n{i})
            x{i} = c.value if c is not None and c.traces is None else None
            if x{i} is None:
                x{i} = w{i}(fv)
"""


def word_params(pattern):
    """A factory's parameters for the words of `pattern` ("C" constant, "D"
    a getter, "V" a `$name` read in line): w<i> each, and n<i>, the
    variable's name, after a V's getter (word_args gives the values)."""
    return ", ".join(("w%d, n%d" % (i, i)) if c == "V" else ("w%d" % i)
                     for i, c in enumerate(pattern))


def word_args(compiled, pattern):
    """The arguments for word_params(pattern): each word's value or getter,
    and a V's variable name after its getter."""
    args = []
    for (c, v), letter in zip(compiled, pattern):
        args.append(v)
        if letter == "V":
            args.append(v.var_name)
    return args


def _factory(pattern, mode):
    f = _FACTORIES.get((pattern, mode))
    if f is None:
        params = word_params(pattern)
        items = ", ".join({"C": "w%d", "D": "w%d(fv)", "V": "x%d"}[c] % i
                          for i, c in enumerate(pattern))
        reads = "".join(READ_SOURCE.format(i=i) for i, c in enumerate(pattern) if c == "V")
        namespace = {"internal_error": internal_error}
        source = _TEMPLATE.format(params=params, items=items, reads=reads,
                                  direct=mode == DIRECT)
        exec(compile(source, INVOKE_FILENAME, "exec"), namespace)
        f = _FACTORIES[(pattern, mode)] = namespace["factory"]
    return f


def error_annotator(interp, cmd, base_line, mode=None):
    """on_error(e): adds the command's context to an error.  It also carries,
    as attributes read only by `info frame`, the command (`tcl_cmd`), the
    offset of its script in the compiled unit (a word's line in the unit is
    `tcl_base + cmd.word_lines[k]`), the depth of separately compiled bodies
    it is in (`tcl_depth`) and the compile mode (`tcl_mode`)."""
    text = cmd.text
    line = base_line + cmd.line - 1
    if mode in (COMPILED, PROC_BODY) and _run_at_compile_time(interp, cmd):
        def on_error(e):
            if not e.context_added:
                compiled_away(e)
            interp.add_error_context(e, text, line)
    else:
        def on_error(e):
            interp.add_error_context(e, text, line)
    on_error.tcl_cmd = cmd
    on_error.tcl_base = UNIT[0] + base_line - 1
    on_error.tcl_depth = UNIT[1]
    on_error.tcl_mode = mode
    return on_error


def _run_at_compile_time(interp, cmd):
    """Whether Tcl's compiler runs `cmd` itself: the built-in `format` of
    literal words (TclCompileFormatCmd), whose error it then reports as one
    met at compile time (runtime/errors.compiled_away)."""
    words = cmd.words
    if words[0] != "format" or len(words) < 2 or not all(type(w) is str for w in words):
        return False
    from ..commands.format import cmd_format
    from .guard import available
    return available(interp, "format", cmd_format)


def command_cell(interp, name):
    """(cell, lookup) for invoking the command `name`: while `cell[0] ==
    interp.epoch and cell[1] is interp.cur_ns`, `cell[2]` is the command;
    otherwise `lookup(argv)` finds it (the unknown handler when there is
    none), ticks a limit and fills the cell again."""
    cell = [-1, None, None]

    def lookup(argv):
        func = interp.resolve_command(name)
        if func is None:
            return _unknown_caller
        if interp.limits is not None:
            # counted on every call: nothing is cached while limited
            interp.limits.tick()
            return func
        cell[0] = interp.epoch
        cell[1] = interp.cur_ns
        cell[2] = func
        return func
    return cell, lookup


def compile_invocation(interp, cmd, base_line=1, mode=COMPILED):
    """The generic closure: build argv, resolve (cached by epoch), call."""
    on_error = error_annotator(interp, cmd, base_line, mode)
    words = cmd.words
    where = (base_line, mode)
    if any(type(w) is Expand for w in words):
        return _compile_expanding(interp, cmd, on_error, where)
    compiled = [compile_word(interp, w, literal_numbers=(k > 0), where=where)
                for k, w in enumerate(words)]
    first_const = compiled[0][0]
    if first_const and len(compiled) <= 12:
        from .inline_calls import inline_invocation    # (it builds on this module)
        fast = inline_invocation(interp, words, compiled, on_error, mode)
        if fast is not None:
            return fast
        cell, lookup = command_cell(interp, compiled[0][1])
        # a `$name` word is read in line only ahead of every substitution that
        # runs code ([...]): the reads come before the list is built, and Tcl
        # substitutes words left to right
        pattern = ""
        for c, v in compiled:
            if c:
                pattern += "C"
            elif getattr(v, "var_name", None) and "D" not in pattern:
                pattern += "V"
            else:
                pattern += "D"
        return _factory(pattern, mode)(interp, cell, lookup, on_error, TclError, TclSignal,
                                       *word_args(compiled, pattern))
    if len(compiled) <= 12:
        return _dynamic_head_invocation(interp, compiled, on_error, mode)
    getters = [(lambda fv, v=v: v) if c else v for c, v in compiled]
    arg_error = arg_error_handler(on_error, mode)

    def run_dynamic(fv):
        try:
            argv = [g(fv) for g in getters]
        except TclError as e:
            arg_error(e)
            raise
        return _call(interp, argv, on_error)
    return run_dynamic


# A command whose name is substituted (`$obj method`, `$callback arg`): the
# command found is remembered with the name's string object, the epoch and
# the namespace, so calling the same value again skips the lookup (an
# object's `::oo::ObjN` name would walk namespaces every time otherwise).
_DYNAMIC_TEMPLATE = """
def factory(interp, cell, lookup, arg_error, on_error, TclError, TclSignal, {params}):
    def run(fv):
        try:
            argv = [{items}]
        except TclError as e:
            arg_error(e)
            raise
        if argv[0] is cell[3] and cell[0] == interp.epoch and cell[1] is interp.cur_ns:
            func = cell[2]
        else:
            func = lookup(argv)
        try:
            return func(interp, argv)
        except TclError as e:
            on_error(e)
            raise
        except TclSignal:
            raise
        except Exception as e:
            err = interp.internal_error(e)
            on_error(err)
            raise err from None
    return run
"""


def _dynamic_head_invocation(interp, compiled, on_error, mode):
    cell = [-1, None, None, None]

    def lookup(argv):
        head = argv[0]
        func = interp.resolve_command(head if type(head) is str else to_str(head))
        if interp.limits is not None:
            interp.limits.tick()
            return func or _unknown_caller
        if func is None:
            return _unknown_caller
        if type(head) is str:   # (a list value may change in place: not cached)
            cell[0] = interp.epoch
            cell[1] = interp.cur_ns
            cell[2] = func
            cell[3] = head
        return func

    pattern = "".join("C" if c else "D" for c, _ in compiled)
    f = _FACTORIES.get((pattern, "dynamic"))
    if f is None:
        params = ", ".join("w%d" % i for i in range(len(pattern)))
        items = ", ".join(("w%d" % i) if c == "C" else ("w%d(fv)" % i)
                          for i, c in enumerate(pattern))
        namespace = {}
        source = _DYNAMIC_TEMPLATE.format(params=params, items=items)
        exec(compile(source, INVOKE_FILENAME, "exec"), namespace)
        f = _FACTORIES[(pattern, "dynamic")] = namespace["factory"]
    return f(interp, cell, lookup, arg_error_handler(on_error, mode), on_error, TclError,
             TclSignal, *[v for _, v in compiled])


def arg_error_handler(on_error, mode):
    """What to do with an error raised while a command's words are being
    substituted: DIRECT scripts report the command too; compiled ones only
    give context to an error that has none yet (a variable read)."""
    if mode == DIRECT:
        return on_error

    def arg_error(e):
        if not e.context_added:
            on_error(e)
    return arg_error


def _unknown_caller(interp, argv):
    return interp.unknown(argv)


def _call(interp, argv, on_error):
    head = argv[0]
    func = interp.resolve_command(head if type(head) is str else to_str(head))
    if interp.limits is not None:
        interp.limits.tick()
    try:
        if func is None:
            return interp.unknown(argv)
        return func(interp, argv)
    except TclError as e:
        on_error(e)
        raise
    except TclSignal:
        raise
    except Exception as e:
        err = interp.internal_error(e)
        on_error(err)
        raise err from None


def _compile_expanding(interp, cmd, on_error, where):
    pieces = []
    for w in cmd.words:
        if type(w) is Expand:
            pieces.append((True, word_getter(interp, w.word, where)))
        else:
            pieces.append((False, word_getter(interp, w, where)))
    arg_error = arg_error_handler(on_error, where[1])

    def run_expand(fv):
        argv = []
        try:
            for expand, g in pieces:
                if expand:
                    argv.extend(to_list(g(fv)))
                else:
                    argv.append(g(fv))
        except TclError as e:
            arg_error(e)
            raise
        if not argv:
            return ""
        return _call(interp, argv, on_error)
    return run_expand
