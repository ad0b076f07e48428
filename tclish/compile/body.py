"""A proc body as one generated Python function.

Compiled the ordinary way, a proc body is a tree of closures: one call per
command, per word, per condition and per expression.  Here the body is
written out as the source of one function `body(fv)` instead, the common
forms inline:

    set NAME WORD, set NAME(KEY) WORD, incr NAME ?N|$v|[...]?,
    append/lappend NAME WORD, if/elseif/else, while, for, foreach, switch
    (body_switch.py), return ?WORD?, break and continue directly inside
    such a loop; dict get/set/incr, lset, string length/index/range,
    llength (body_data.py); words `$v`, `$a(KEY)`, words of parts,
    `[lindex $l $i ?$j?]` and `[expr {...}]`; conditions of numbers and
    strings (intexpr.num_source)

Any other command with a literal name is invoked from the body itself
(body_calls.py), with the cell, lookup and error annotator of the closure
compile_invocation would make.  Every fast path whose guard fails (a
traced, missing or non-numeric variable, a redefined core command) calls
the closure `compile_inline`/`compile_invocation` make for that command
(or the command with the words already substituted), so what the user can
see (results, errors, errorInfo lines, `info frame`) is that closure's.
The fast paths decide before they change anything, and never raise.

The frame's table `fv` of `Var` cells stays the truth (what `upvar`,
`uplevel`, traces and `info locals` work on).  A loop whose main path runs
no closure holds its variables in Python locals, copied back into their
cells before anything else could look (a fallback closure, a return, the
loop's end) and read again after; so does a loop whose only commands are
frame-blind ones (body_calls.py); any other loop works on the table.

Each fast path checks `interp.core_epoch` as the inlined closures do; a
loop checks it once on entry, as the inlined loop closures do.  A body
this module declines (nothing to write out, nested too deeply, too long)
is compiled the ordinary way (compile/tail.py).
"""

import re
import warnings
from sys import getrefcount

from ..parse.script import CmdSub, VarRef, parse_script
from ..runtime.errors import BreakSignal, ContinueSignal, TclError, TclSignal
from ..runtime.frames import Var
from ..runtime.values import TclDict, TclList, to_list, to_str
from .body_calls import call_sites, direct_call, direct_shape
from .body_data import EMITTERS as DATA_EMITTERS
from .body_data import value_form
from .body_switch import emit_switch
from .expr import compile_condition
from .inline import (_plain_var, _set_loop_var, _simple_name, compile_inline, element_word,
                     if_shape, slow_setter)
from .intexpr import _lindex_operand, num_source
from .script import _call as call_command
from .script import (PROC_BODY, arg_error_handler, compile_invocation, compile_word,
                     error_annotator, internal_error)

_OPERAND = re.compile("\0(\\d+)\0")

# the file name of the generated bodies (a Python traceback names it)
BODY_FILENAME = "<tclish-body>"

# Python allows 20 nested blocks (loops, try); each Tcl loop takes two
_MAX_LOOPS = 6


def held_value(cell):
    """What a loop holds in a Python local for a variable's cell: the value
    of a plain untraced scalar, else None.  A canonical integer string
    ("100000", a proc argument) is held as the int: its string is the same,
    so Tcl cannot tell (as with literals, compile/script.literal_value)."""
    if cell.__class__ is not Var or cell.traces is not None:
        return None
    v = cell.value
    if v.__class__ is str and len(v) < 19 and v[-1:].isdigit():
        try:
            n = int(v)
        except ValueError:
            return v
        if str(n) == v:
            return n
    return v


class _TooDeep(Exception):
    pass


# how often each way was taken (scripts/body_stats.py reports them)
STATS = {"bodies": 0, "generated": 0, "loops held": 0, "loops on the table": 0}

# a body whose source would be longer falls back to the closures (Python's
# compile() would cost more than it saves), and a loop using more variables
# works on the table (each closure call would copy them all out and back)
_MAX_LINES = 4000
_MAX_HELD = 16


def generate_body(interp, commands):
    """run(fv) -> result for the parsed commands of a proc body, or None
    when the body isn't worth generating (no form this module writes out)."""
    STATS["bodies"] += 1
    gen = _generate(interp, commands, True)
    if gen is not None and any(hasattr(value, "generator_form") for value in gen.values):
        # its generator form sends every call to the coroutine's greenlet
        # as a request (compile/coro_body.py): commands through their closures
        gen = _generate(interp, commands, False)
    if gen is None:
        return None
    # the constants are the function's globals, not closure cells: a frame
    # holds its cells, and a big frame makes deep recursion (fib) cross
    # CPython's frame-stack chunks, which are allocated and freed each time
    source = "def body(fv):\n%s\n" % "\n".join(line[4:] for line in gen.lines)
    try:
        with warnings.catch_warnings():
            # (a fast path a literal word rules out, `'abc'['x']`, is
            # dead code, which Python warns about)
            warnings.simplefilter("ignore")
            code = compile(source, BODY_FILENAME, "exec")
    except (SyntaxError, RecursionError, MemoryError):
        return None
    namespace = dict(zip(gen.names, gen.values))
    namespace["tcl_calls"] = call_sites(source, gen.sites)
    exec(code, namespace)
    body = namespace["body"]
    if any(hasattr(value, "generator_form") for value in gen.values):
        # a body with a `yield` of its own: its generator form too (compile/coro_body.py)
        from .coro_body import with_generator_form
        body = with_generator_form(interp, body, source, namespace)
    STATS["generated"] += 1
    STATS["loops held"] += gen.held_loops
    STATS["loops on the table"] += gen.table_loops
    body.tcl_source = source
    return body


def _generate(interp, commands, direct):
    gen = _Generator(interp, direct)
    try:
        gen.script(commands, 1, 1, True, None)
    except (_TooDeep, RecursionError):
        return None
    if not gen.inlined or len(gen.lines) > _MAX_LINES:
        return None
    return gen


class _Generator:
    def __init__(self, interp, direct):
        self.interp = interp
        self.epoch = interp.core_epoch
        self.lines = []
        self.names = ["interp", "epoch", "held_value", "Var", "TclList", "TclDict", "to_list",
                      "to_str", "getrefcount", "BreakSignal", "ContinueSignal", "TclError",
                      "TclSignal", "internal_error"]
        self.values = [interp, interp.core_epoch, held_value, Var, TclList, TclDict, to_list,
                       to_str, getrefcount, BreakSignal, ContinueSignal, TclError, TclSignal,
                       internal_error]
        # commands invoked from the body itself (body_calls.py), unless its
        # generator form is wanted; their error annotators by site
        self.direct = direct
        self.sites = []
        self.count = 0
        self.loops = 0
        self.inlined = 0
        # inside a loop whose variables live in Python locals: name -> index
        # (local L<i> holds the value, None when the variable is not a plain
        # untraced scalar; C<i> its cell)
        self.held = None
        self.hard_calls = 0
        self.held_loops = self.table_loops = 0
        self.continued = False  # a `continue` was written out in the current for body
        # a loop is emitted twice (held, then not) when it isn't pure: its
        # parses and closures are made once
        self.parsed = {}
        self.closures = {}
        self.num_sources = {}
        self.conditions = {}

    # ---- helpers -----------------------------------------------------------

    def const(self, value):
        """The name under which the generated code sees `value`."""
        name = "k%d" % len(self.values)
        self.names.append(name)
        self.values.append(value)
        return name

    def literal(self, value):
        if type(value) is int or (type(value) is str and len(value) < 40 and value.isprintable()):
            return repr(value)
        return self.const(value)

    def temp(self, prefix="t"):
        self.count += 1
        return "%s%d" % (prefix, self.count)

    def emit(self, indent, text):
        self.lines.append("    " * (indent + 1) + text)

    def local(self, name):
        """The Python local holding variable `name` (in a held loop)."""
        k = self.held.get(name)
        if k is None:
            k = self.held[name] = len(self.held)
        return "L%d" % k

    def spill(self, indent):
        """Before a closure runs: the held values back into their cells
        (expanded once the loop's variables are all known)."""
        if self.held is not None:
            self.lines.append("\0S%d" % indent)

    def reload(self, indent):
        """After a closure ran: every held variable read again from the table."""
        if self.held is not None:
            self.lines.append("\0R%d" % indent)

    def closure(self, indent, statement, hard=True):
        """A statement calling a compiled closure; `hard`: on the main path
        (not a fast path's fallback)."""
        if hard:
            self.hard_calls += 1
        self.spill(indent)
        self.emit(indent, statement)
        self.reload(indent)

    def guarded_call(self, indent, target, getter, handler, hard=True):
        """target = getter(fv), errors through handler(e) first."""
        if hard:
            self.hard_calls += 1
        self.spill(indent)
        self.emit(indent, "try:")
        self.emit(indent + 1, "%s = %s(fv)" % (target, self.const(getter)))
        self.emit(indent, "except TclError as e:")
        self.emit(indent + 1, "%s(e)" % handler)
        self.emit(indent + 1, "raise")
        self.reload(indent)

    def read_var(self, indent, name, target, fallback, handler):
        """target = $name: the value when the variable is plain, else fallback(fv)."""
        if self.held is not None:
            self.emit(indent, "%s = %s" % (target, self.local(name)))
            self.emit(indent, "if %s is None:" % target)
        else:
            cell = self.temp("c")
            self.emit(indent, "%s = fv.get(%r)" % (cell, name))
            self.emit(indent, "%s = %s.value if %s is not None else None" % (target, cell, cell))
            self.emit(indent, "if %s is None or %s.traces is not None:" % (target, cell))
        self.guarded_call(indent + 1, target, fallback, handler, hard=False)

    def word_value(self, indent, cmd, index, base, handler, literal_numbers=False,
                   same_object=False):
        """Python expression for word `index` (computed into a temporary when
        not constant), errors through handler.  `$name`, `[expr {...}]` of
        numbers and `[lindex $l $i]` are read here when they can be.
        `same_object`: a literal string is the word's own object (`info
        frame` recognizes a script by it)."""
        return self.value_of(indent, cmd.words[index], base, handler, literal_numbers,
                             same_object)

    def value_of(self, indent, word, base, handler, literal_numbers=False, same_object=False):
        """word_value for a word (a literal, or the parts of one)."""
        if type(word) is list and len(word) > 1 and \
                all(type(part) in (str, VarRef, CmdSub) for part in word):
            # `k$i`, `item[expr {...}]`: each part read here, then joined
            pieces = [repr(part) if type(part) is str else
                      self.value_of(indent, [part], base, handler) for part in word]
            target = self.temp("v")
            self.emit(indent, "%s = %s" % (target, " + ".join(
                p if p[:1] in "'\"" else "(%s if %s.__class__ is str else to_str(%s))"
                % (p, p, p) for p in pieces)))
            return target
        if type(word) is list and len(word) == 1 and type(word[0]) is VarRef and \
                word[0].index is not None and "::" not in word[0].name:
            return self.element(indent, word[0].name, word[0].index, base, handler)
        const, v = compile_word(self.interp, word, literal_numbers, (base, PROC_BODY))
        if const:
            return self.const(v) if same_object and type(v) is str else self.literal(v)
        target = self.temp("v")
        name = _plain_var(word)
        if name is not None:
            self.read_var(indent, name, target, v, handler)
            return target

        def slow(at):
            self.guarded_call(at, target, v, handler, hard=False)
        inner = _lone_command(word)
        if inner is not None and self.builtin(inner.words[0]):
            if inner.words[0] == "expr" and len(inner.words) == 2 and \
                    type(inner.words[1]) is str and \
                    self.numeric(indent, inner.words[1], target, slow, epoch=True):
                self.emit(indent, "if %s.__class__ is bool:" % target)
                self.emit(indent + 1, "%s = int(%s)" % (target, target))
                return target
            words = _lindex_operand(word)
            if words is not None:
                element = self.lindex_fast(indent, words)
                self.emit(indent, "%s = %s" % (target, element))
                self.emit(indent, "if %s is None:" % target)
                slow(indent + 1)
                return target
        if inner is not None:
            run, inlined = self.compiled(inner, base)
            # (its errors have the command's context: none for the word's)
            if run is None:
                direct_call(self, inner, base, indent, target + " =")
                return target
            if inlined and value_form(self, inner, base, indent, target):
                return target
        self.guarded_call(indent, target, v, handler)
        return target

    def key_of(self, indent, index, base, handler):
        """Python expression for an array key (a str), from the parts of
        `$name(...)` or of `set name(...)`."""
        if not index:
            return "''"
        if all(type(part) is str for part in index):
            return self.literal("".join(index))
        key = self.value_of(indent, index if len(index) > 1 else [index[0]], base, handler)
        if key[:1] in "'\"":
            return key
        self.emit(indent, "%s = %s if %s.__class__ is str else to_str(%s)" % (key, key, key, key))
        return key

    def element(self, indent, name, index, base, handler):
        """`$name(...)`: an untraced array of the frame's table read here,
        anything else (missing, traced, linked) the general way."""
        key = self.key_of(indent, index, base, handler)
        cell, target = self.temp("c"), self.temp("v")
        interp = self.interp
        read = self.const(lambda key: interp.read_elem(name, key))
        self.emit(indent, "%s = fv.get(%r)" % (cell, name))
        self.emit(indent, "%s = %s.arr.get(%s) if %s is not None and %s.traces is None and "
                  "%s.arr is not None else None" % (target, cell, key, cell, cell, cell))
        self.emit(indent, "if %s is None:" % target)
        self.spill(indent + 1)
        self.emit(indent + 1, "try:")
        self.emit(indent + 2, "%s = %s(%s)" % (target, read, key))
        self.emit(indent + 1, "except TclError as e:")
        self.emit(indent + 2, "%s(e)" % handler)
        self.emit(indent + 2, "raise")
        self.reload(indent + 1)
        return target

    def builtin(self, name):
        """Whether a core command is still the built-in (as compile_inline asks)."""
        interp = self.interp
        return type(name) is str and interp.limits is None and interp.inlinable(name)

    def plain_value(self, indent, name):
        """Python expression for the value of variable `name` when it is a
        plain untraced scalar, else None (emits the reads it needs)."""
        if self.held is not None:
            return self.local(name)
        cell, value = self.temp("c"), self.temp("i")
        self.emit(indent, "%s = fv.get(%r)" % (cell, name))
        self.emit(indent, "%s = %s.value if %s is not None and %s.traces is None else None"
                  % (value, cell, cell, cell))
        return value

    def lindex_fast(self, indent, words):
        """Emits `[lindex $list i ?j?]` read in place (indexes: variables or
        integer literals); returns the temporary holding the element, or None
        where the command must run (not a list, out of range ...)."""
        operands = [w if type(w) is str else self.plain_value(indent, w[0].name)
                    for w in words[1:]]
        target = self.temp("x")
        self.emit(indent, "%s = None" % target)
        current = operands[0]
        tests = ["interp.core_epoch == epoch"]
        for k, index in enumerate(operands[1:]):
            tests.append("%s.__class__ is TclList" % current)
            if not index.isdigit():
                tests.append("%s.__class__ is int" % index)
            tests.append("0 <= %s < len(%s)" % (index, current))
            self.emit(indent, "if %s:" % " and ".join(tests))
            self.emit(indent + 1, "%s = %s[%s]" % (target, current, index))
            if k:
                self.emit(indent, "else:")
                self.emit(indent + 1, "%s = None" % target)
            indent += 1
            current, tests = target, []
        return target

    def numeric(self, indent, text, target, slow, epoch=False, strings=True):
        """Emits code leaving the value of expression `text` in `target`:
        computed here when its operands are what it needs (ints, or floats
        where the expression allows; strings for string comparisons ...),
        else by the lines slow(indent) emits.  False when the expression is
        not one this path handles (or may give a string, unless `strings`)."""
        src = self.num_sources.get(text, False)
        if src is False:
            src = self.num_sources[text] = num_source(text)
        if src is None or (src[3] and not strings):
            return False
        operands, expression, int_only, _, nonzero = src
        values, int_tests, float_tests, fixed = [], [], [], []
        for kind, what, need in operands:
            v = self.lindex_fast(indent, what) if kind == "lindex" else \
                self.plain_value(indent, what)
            values.append(v)
            if need == "num":
                int_tests.append("%s.__class__ is int" % v)
                float_tests.append("(%s.__class__ is float or %s.__class__ is int)" % (v, v))
            else:
                fixed.append("%s.__class__ is %s" % (v, "TclList" if kind == "llength" else "str"))
        # (`lindex` checks the epoch itself; `string length` and `llength` here)
        if epoch or any(kind in ("strlen", "llength") for kind, _, _ in operands):
            fixed.insert(0, "interp.core_epoch == epoch")
        expression = _OPERAND.sub(lambda m: values[int(m.group(1))], expression)
        # (a string or list left in a temporary would count as shared)
        held = [v for v, (kind, _, need) in zip(values, operands)
                if need != "num" and v[:1] in "ix" and v[1:].isdigit()]
        int_tests += [_OPERAND.sub(lambda m: values[int(m.group(1))], divisor) + " != 0"
                      for divisor in nonzero]
        self.emit(indent, "if %s:" % " and ".join(fixed + int_tests))
        self.emit(indent + 1, "%s = %s" % (target, expression))
        self.emit(indent, "else:")
        if int_only or not int_tests:
            slow(indent + 1)
        else:
            self.float_path(indent + 1, target, expression, fixed + float_tests, slow)
        if held:
            self.emit(indent, "%s = None" % " = ".join(held))
        return True

    def float_path(self, indent, target, expression, tests, slow):
        """numeric()'s second try: doubles too.  A NaN result is Tcl's error,
        a bignum too big for a double Python's; both are left to the slow
        path."""
        self.emit(indent, "%s = None" % target)
        self.emit(indent, "if %s:" % " and ".join(tests))
        self.emit(indent + 1, "try:")
        self.emit(indent + 2, "%s = %s" % (target, expression))
        self.emit(indent + 1, "except OverflowError:")
        self.emit(indent + 2, "pass")
        self.emit(indent + 1, "if %s != %s:" % (target, target))
        self.emit(indent + 2, "%s = None" % target)
        self.emit(indent, "if %s is None:" % target)
        slow(indent + 1)

    def compiled_condition(self, text):
        cond = self.conditions.get(text)
        if cond is None:
            cond = self.conditions[text] = compile_condition(self.interp, text)
        return cond

    def condition(self, indent, text, on_error):
        """Emits code that leaves the truth of expression `text` in a
        temporary, and returns its name."""
        target = self.temp("b")
        stripped = text.strip()
        if stripped in ("1", "0"):
            return stripped
        cond = self.compiled_condition(text)

        def slow(at, hard=False):
            self.guarded_call(at, target, cond, on_error, hard=hard)
        if not self.numeric(indent, text, target, slow, strings=False):
            slow(indent, True)
        return target

    def store(self, indent, name, value, slow_store):
        """Variable `name` = value: the held local, or else (held or not)
        the table's cell the way `slow_store` (lines) does."""
        if self.held is not None:
            local = self.local(name)
            self.emit(indent, "if %s is not None:" % local)
            self.emit(indent + 1, "%s = %s" % (local, value))
            self.emit(indent, "else:")
            self.spill(indent + 1)
            for depth, line in slow_store:
                self.emit(indent + 1 + depth, line)
            self.reload(indent + 1)
        else:
            for depth, line in slow_store:
                self.emit(indent + depth, line)

    # ---- scripts and commands ----------------------------------------------------

    def script(self, commands, base, indent, tail, loop):
        """Emit a script; `tail`: its result is the body's (returned);
        `loop`: the kind of the innermost generated loop it is directly in."""
        if not commands:
            self.emit(indent, "return ''" if tail else "pass")
            return
        last = len(commands) - 1
        for i, cmd in enumerate(commands):
            self.command(cmd, base, indent, tail and i == last, loop)

    def command(self, cmd, base, indent, tail, loop):
        run, inlined = self.compiled(cmd, base)
        if run is None:
            # (not counted as written out: a body of such calls alone is
            # compiled the ordinary way, which is cheaper to make)
            direct_call(self, cmd, base, indent, "return" if tail else None)
            return
        if inlined:
            emitter = _EMITTERS.get(cmd.words[0])
            if emitter is not None:
                mark, count, hard = len(self.lines), self.count, self.hard_calls
                fallback = self.const(run)
                if emitter(self, cmd, base, indent, tail, loop, fallback) is not False:
                    self.inlined += 1
                    return
                del self.lines[mark:]
                self.count, self.hard_calls = count, hard
            target = self.temp("v")
            if value_form(self, cmd, base, indent, target):
                # (`dict get ...` as the body's last command, say)
                self.inlined += 1
                if tail:
                    self.emit(indent, "return %s" % target)
                return
        self.call(indent, self.const(run), tail)

    def compiled(self, cmd, base):
        """(closure, inlined): the closure compile_inline makes for `cmd`
        (inlined), else compile_invocation's; None for a command this body
        invokes itself (body_calls.py)."""
        key = (id(cmd), base)
        entry = self.closures.get(key)
        if entry is None:
            run = compile_inline(self.interp, cmd, base, PROC_BODY)
            inlined = run is not None
            if run is None and not (self.direct and direct_shape(cmd)):
                run = compile_invocation(self.interp, cmd, base, PROC_BODY)
            entry = self.closures[key] = run, inlined
        return entry

    def handlers(self, cmd, base):
        """(on_error, the constant name of its word-error handler) for a command."""
        on_error = error_annotator(self.interp, cmd, base, PROC_BODY)
        return on_error, self.const(arg_error_handler(on_error, PROC_BODY))

    def epoch_guard(self, indent, fallback, tail):
        """`if` a core command changed: the form's closure; `else:` what the caller
        emits next, at the indent returned."""
        self.emit(indent, "if interp.core_epoch != epoch:")
        self.call(indent + 1, fallback, tail, hard=False)
        self.emit(indent, "else:")
        return indent + 1

    def call(self, indent, fallback, tail, hard=True):
        if tail:
            # (never in a held loop: a loop's body is not in tail position)
            self.emit(indent, "return %s(fv)" % fallback)
        else:
            self.closure(indent, "%s(fv)" % fallback, hard)

    def body_of(self, cmd, index, base):
        """The commands of a literal body word and the base line they count from."""
        text = cmd.words[index]
        commands = self.parsed.get(text)
        if commands is None:
            commands = self.parsed[text] = parse_script(text)
        return commands, base + cmd.word_lines[index] - 1

    def enter_loop(self):
        self.loops += 1
        if self.loops > _MAX_LOOPS:
            raise _TooDeep

    def loop(self, emit_loop):
        """Emit a loop (emit_loop(): its lines).  The outermost loop is first
        tried with its variables held in Python locals; that version is kept
        when no closure runs on its main path (else each call would copy
        the variables out and back in)."""
        if self.held is not None:
            emit_loop()
            return
        mark, count, hard = len(self.lines), self.count, self.hard_calls
        self.held = {}
        self.hard_calls = 0
        emit_loop()
        held, pure = self.held, self.hard_calls == 0
        self.held = None
        if pure and held and len(held) <= _MAX_HELD:
            self.hard_calls = hard
            self.lines[mark:] = self._expand(self.lines[mark:], held)
            self.held_loops += 1
            return
        del self.lines[mark:]
        self.count, self.hard_calls = count, hard
        emit_loop()
        self.table_loops += 1

    def _expand(self, lines, held):
        """The loop's lines with the spill/reload markers written out, and
        the variables read before it and written back after it."""
        indent = len(lines[0]) - len(lines[0].lstrip())
        out = self._reload_lines(indent, held)
        for line in lines:
            if line.startswith("\0S"):
                out += self._spill_lines(int(line[2:]) + 1, held)
            elif line.startswith("\0R"):
                out += self._reload_lines(4 * (int(line[2:]) + 1), held)
            else:
                out.append(line)
        out += self._spill_lines(indent // 4, held, pad=indent)
        # (a value left in a local would count as a reference: lappend and
        # append change a list or string in place only when unshared)
        return out + [" " * indent + " = ".join(["L%d" % k for k in held.values()] + ["None"])]

    def _reload_lines(self, pad, held):
        out = []
        for name, k in held.items():
            out.append(" " * pad + "C%d = fv.get(%r)" % (k, name))
            out.append(" " * pad + "L%d = held_value(C%d)" % (k, k))
        return out

    def _spill_lines(self, level, held, pad=None):
        pad = 4 * level if pad is None else pad
        out = []
        for k in held.values():
            out.append(" " * pad + "if L%d is not None:" % k)
            out.append(" " * pad + "    C%d.value = L%d" % (k, k))
        return out


# ---- the forms ------------------------------------------------------------------------

def _set(g, cmd, base, indent, tail, loop, fallback):
    words = cmd.words
    if len(words) == 3 and type(words[1]) is list:
        return _set_element(g, cmd, base, indent, tail, fallback)
    if len(words) != 3 or not _simple_name(words[1]):
        return False
    name = words[1]
    interp = g.interp
    on_error, handler = g.handlers(cmd, base)
    indent = g.epoch_guard(indent, fallback, tail)
    value = g.word_value(indent, cmd, 2, base, handler, literal_numbers=True)
    cell = g.temp("c")
    slow_set = g.const(slow_setter(interp, name, on_error))
    g.store(indent, name, value, [
        (0, "%s = fv.get(%r)" % (cell, name)),
        (0, "if %s is not None and %s.arr is None and %s.traces is None:" % (cell, cell, cell)),
        (1, "%s.value = %s" % (cell, value)),
        (0, "elif %s is None and (interp.frame.is_proc or interp.cur_ns is interp.global_ns):"
         % cell),
        (1, "fv[%r] = Var(%s)" % (name, value)),
        (0, "else:"),
        (1, "%s(%s)" % (slow_set, value))])
    if tail:
        g.emit(indent, "return %s" % value)


def _set_element(g, cmd, base, indent, tail, fallback):
    """`set name(KEY) value` (the shape inline._set_element takes): an
    untraced array of the frame's table written here."""
    element = element_word(cmd.words[1])
    if element is None:
        return False
    name, index = element
    if not all(type(p) in (str, VarRef, CmdSub) for p in index):
        return False
    interp = g.interp
    on_error, handler = g.handlers(cmd, base)
    indent = g.epoch_guard(indent, fallback, tail)
    key = g.key_of(indent, index, base, handler)
    value = g.word_value(indent, cmd, 2, base, handler, literal_numbers=True)
    cell, result = g.temp("c"), g.temp("v")
    write = g.const(lambda full, val: slow_setter(interp, full, on_error)(val))
    g.emit(indent, "%s = fv.get(%r)" % (cell, name))
    g.emit(indent, "if %s is not None and %s.traces is None and %s.arr is not None:"
           % (cell, cell, cell))
    g.emit(indent + 1, "%s.arr[%s] = %s = %s" % (cell, key, result, value))
    g.emit(indent, "else:")
    # (the value a write trace leaves is the command's result)
    g.closure(indent + 1, "%s = %s(%r %% %s, %s)" % (result, write, name + "(%s)", key, value),
              hard=False)
    if tail:
        g.emit(indent, "return %s" % result)


def _lone_command(word):
    """The command of a word that is one [substitution] of one command."""
    if type(word) is list and len(word) == 1 and type(word[0]) is CmdSub and \
            len(word[0].commands) == 1:
        return word[0].commands[0]
    return None


def _incr(g, cmd, base, indent, tail, loop, fallback):
    words = cmd.words
    if len(words) not in (2, 3) or not _simple_name(words[1]):
        return False
    name = words[1]
    amount, test = "1", ""
    computed = len(words) == 3 and type(words[2]) is not str and _plain_var(words[2]) is None
    if computed:
        # `incr x [lindex ...]`: the amount substituted once, as Tcl does,
        # then the fast path or the command with the value
        on_error, handler = g.handlers(cmd, base)
        indent = g.epoch_guard(indent, fallback, tail)
        amount = g.word_value(indent, cmd, 2, base, handler)
        test = " and %s.__class__ is int" % amount
        caller = g.const(_command_caller(g.interp, on_error))
        fallback_line = "%s(['incr', %r, %s])" % (caller, name, amount)
    elif len(words) == 3:
        word = words[2]
        if type(word) is str:
            try:
                if str(int(word)) != word:
                    return False
            except ValueError:
                return False
            amount = word
        else:
            amount = g.plain_value(indent, _plain_var(word))
            test = " and %s.__class__ is int" % amount
    if not computed:
        fallback_line = "%s(fv)" % fallback
        test += " and interp.core_epoch == epoch"
    if g.held is not None:
        value = g.local(name)
        g.emit(indent, "if %s.__class__ is int%s:" % (value, test))
        g.emit(indent + 1, "%s += %s" % (value, amount))
    else:
        cell, value = g.temp("c"), g.temp("v")
        g.emit(indent, "%s = fv.get(%r)" % (cell, name))
        g.emit(indent, "%s = %s.value if %s is not None else None" % (value, cell, cell))
        g.emit(indent, "if %s.__class__ is int and %s.traces is None%s:" % (value, cell, test))
        g.emit(indent + 1, "%s += %s" % (value, amount))
        g.emit(indent + 1, "%s.value = %s" % (cell, value))
    if tail:
        g.emit(indent + 1, "return %s" % value)
    g.emit(indent, "else:")
    if tail:
        g.emit(indent + 1, "return " + fallback_line)
    else:
        g.closure(indent + 1, fallback_line, hard=False)


def _command_caller(interp, on_error):
    """call(argv): the ordinary invocation of words already substituted."""
    def call(argv):
        return call_command(interp, argv, on_error)
    return call


def _appender(g, cmd, base, indent, tail, loop, fallback):
    """append/lappend NAME WORD: a string grown or a list the variable alone
    holds extended in place, else the command with the substituted word."""
    words = cmd.words
    if len(words) != 3 or not _simple_name(words[1]):
        return False
    head, name = words[0], words[1]
    on_error, handler = g.handlers(cmd, base)
    caller = g.const(_command_caller(g.interp, on_error))
    indent = g.epoch_guard(indent, fallback, tail)
    item = g.word_value(indent, cmd, 2, base, handler)
    if g.held is not None:
        value, cell = g.local(name), "C%d" % g.held[name]
        if head == "lappend":
            # unshared: referenced by the local (and the cell, unless changed since)
            g.emit(indent, "if %s.__class__ is TclList and getrefcount(%s) - (%s.value is %s) <= 2:"
                   % (value, value, cell, value))
            g.emit(indent + 1, "%s.append(%s)" % (value, item))
        else:
            g.emit(indent, "if %s.__class__ is str:" % value)
            # the cell lets go of the string (written back before anything
            # could look), so that CPython can grow it in place
            g.emit(indent + 1, "if %s.value is %s:" % (cell, value))
            g.emit(indent + 2, "%s.value = None" % cell)
            g.emit(indent + 1, "%s += %s if %s.__class__ is str else to_str(%s)"
                   % (value, item, item, item))
    else:
        cell, value = g.temp("c"), g.temp("v")
        g.emit(indent, "%s = fv.get(%r)" % (cell, name))
        g.emit(indent, "%s = %s.value if %s is not None and %s.traces is None else None"
               % (value, cell, cell, cell))
        if head == "lappend":
            # (references: the cell, this local, getrefcount's argument)
            g.emit(indent, "if %s.__class__ is TclList and getrefcount(%s) <= 3:" % (value, value))
            g.emit(indent + 1, "%s.append(%s)" % (value, item))
        else:
            g.emit(indent, "if %s.__class__ is str:" % value)
            g.emit(indent + 1, "%s.value = None" % cell)
            g.emit(indent + 1, "%s += %s if %s.__class__ is str else to_str(%s)"
                   % (value, item, item, item))
            g.emit(indent + 1, "%s.value = %s" % (cell, value))
    if tail:
        g.emit(indent + 1, "return %s" % value)
    g.emit(indent, "else:")
    line = "%s([%r, %r, %s])" % (caller, head, name, item)
    if tail:
        g.emit(indent + 1, "return " + line)
    else:
        g.closure(indent + 1, line, hard=False)


def _expr(g, cmd, base, indent, tail, loop, fallback):
    """`expr {...}` whose value is the body's."""
    words = cmd.words
    if not tail or len(words) != 2 or type(words[1]) is not str:
        return False
    target = g.temp("v")
    if not g.numeric(indent, words[1], target, lambda at: g.call(at, fallback, True, hard=False),
                     epoch=True):
        return False
    g.emit(indent, "return int(%s) if %s.__class__ is bool else %s" % (target, target, target))


def _return(g, cmd, base, indent, tail, loop, fallback):
    words = cmd.words
    if len(words) > 2 or (len(words) == 2 and type(words[1]) is str and words[1].startswith("-")):
        return False
    g.emit(indent, "if interp.core_epoch == epoch:")
    if len(words) == 1:
        value = "''"
    else:
        handler = g.handlers(cmd, base)[1]
        value = g.word_value(indent + 1, cmd, 1, base, handler)
    g.spill(indent + 1)
    g.emit(indent + 1, "return %s" % value)
    g.call(indent, fallback, tail, hard=False)


def _signal(keyword):
    def emit(g, cmd, base, indent, tail, loop, fallback):
        if loop is None or len(cmd.words) != 1:
            return False
        if keyword == "continue" and loop == "for":
            g.continued = True
        g.emit(indent, "if interp.core_epoch == epoch:")
        g.emit(indent + 1, keyword)
        g.call(indent, fallback, tail, hard=False)
    return emit


def _if(g, cmd, base, indent, tail, loop, fallback):
    shape = if_shape(cmd.words)
    if shape is None:
        return False
    clauses, else_index = shape
    on_error = g.const(error_annotator(g.interp, cmd, base, PROC_BODY))
    g.emit(indent, "if interp.core_epoch != epoch:")
    g.call(indent + 1, fallback, tail, hard=False)
    g.emit(indent, "else:")
    indent += 1
    for ci, bi in clauses:
        taken = g.condition(indent, cmd.words[ci], on_error)
        g.emit(indent, "if %s:" % taken)
        g.script(*g.body_of(cmd, bi, base), indent + 1, tail, loop)
        g.emit(indent, "else:")
        indent += 1
    if else_index is not None:
        g.script(*g.body_of(cmd, else_index, base), indent, tail, loop)
    else:
        g.emit(indent, "return ''" if tail else "pass")


def _loop_body(g, cmd, index, base, indent, kind):
    """try: body  except BreakSignal: break  except ContinueSignal: pass"""
    commands, line = g.body_of(cmd, index, base)
    g.emit(indent, "try:")
    if commands:
        g.script(commands, line, indent + 1, False, kind)
    else:
        # no command runs that could see a limit or `interp cancel`: look here
        g.emit(indent + 1, "if interp.limits is not None:")
        g.spill(indent + 2)
        g.emit(indent + 2, "interp.limits.check_time()")
    # (a signal comes from a closure, which may have changed variables)
    g.emit(indent, "except BreakSignal:")
    g.reload(indent + 1)
    g.emit(indent + 1, "break")
    g.emit(indent, "except ContinueSignal:")
    g.reload(indent + 1)
    g.emit(indent + 1, "pass")


def _loop_start(g, indent, tail, fallback):
    g.enter_loop()
    g.emit(indent, "if interp.core_epoch != epoch:")
    g.call(indent + 1, fallback, tail, hard=False)
    g.emit(indent, "else:")


def _loop_end(g, indent, tail):
    if tail:
        g.emit(indent + 1, "return ''")
    g.loops -= 1


def _while(g, cmd, base, indent, tail, loop, fallback):
    words = cmd.words
    if len(words) != 3 or type(words[1]) is not str or type(words[2]) is not str:
        return False
    on_error = g.const(error_annotator(g.interp, cmd, base, PROC_BODY))
    _loop_start(g, indent, tail, fallback)

    def emit_loop():
        g.emit(indent + 1, "while True:")
        taken = g.condition(indent + 2, words[1], on_error)
        g.emit(indent + 2, "if not %s:" % taken)
        g.emit(indent + 3, "break")
        _loop_body(g, cmd, 2, base, indent + 2, "while")
    g.loop(emit_loop)
    _loop_end(g, indent, tail)


def _for(g, cmd, base, indent, tail, loop, fallback):
    words = cmd.words
    if len(words) != 5 or not all(type(w) is str for w in words):
        return False
    on_error = g.const(error_annotator(g.interp, cmd, base, PROC_BODY))
    _loop_start(g, indent, tail, fallback)
    g.script(*g.body_of(cmd, 1, base), indent + 1, False, None)

    def emit_loop():
        saved, g.continued = g.continued, False
        mark = len(g.lines)
        taken = g.condition(indent + 2, words[2], on_error)
        g.emit(indent + 2, "if not %s:" % taken)
        g.emit(indent + 3, "break")
        _loop_body(g, cmd, 4, base, indent + 2, "for")
        loop_lines = g.lines[mark:]
        del g.lines[mark:]
        continued, g.continued = g.continued, saved
        if continued:
            # the step at the top, so that a `continue` in the body reaches it
            first = g.temp("first")
            g.emit(indent + 1, "%s = True" % first)
            g.emit(indent + 1, "while True:")
            g.emit(indent + 2, "if %s:" % first)
            g.emit(indent + 3, "%s = False" % first)
            g.emit(indent + 2, "else:")
            _step(g, cmd, base, indent + 3)
            g.lines += loop_lines
        else:
            g.emit(indent + 1, "while True:")
            g.lines += loop_lines
            _step(g, cmd, base, indent + 2)
    g.loop(emit_loop)
    _loop_end(g, indent, tail)


def _step(g, cmd, base, indent):
    """A for loop's step; a break in it ends the loop."""
    g.emit(indent, "try:")
    g.script(*g.body_of(cmd, 3, base), indent + 1, False, None)
    g.emit(indent, "except BreakSignal:")
    g.reload(indent + 1)
    g.emit(indent + 1, "break")


def _foreach(g, cmd, base, indent, tail, loop, fallback):
    words = cmd.words
    if len(words) != 4 or type(words[1]) is not str or type(words[3]) is not str:
        return False
    try:
        names = [n for n in to_list(words[1])]
    except TclError:
        return False
    if not names or len(names) > 8 or not all(type(n) is str and _simple_name(n) for n in names):
        return False
    interp = g.interp
    on_error, handler = g.handlers(cmd, base)
    err = g.const(on_error)
    _loop_start(g, indent, tail, fallback)
    indent += 1
    items = g.word_value(indent, cmd, 2, base, handler)
    listed = g.temp("l")
    g.emit(indent, "try:")
    g.emit(indent + 1, "%s = to_list(%s)" % (listed, items))
    g.emit(indent, "except TclError as e:")
    g.emit(indent + 1, "%s(e)" % err)
    g.emit(indent + 1, "raise")
    k = len(names)
    set_slow = g.const(lambda name, item: _set_loop_var(interp, name, item, on_error, False))
    if k > 1:
        g.emit(indent, "if len(%s) %% %d:" % (listed, k))
        g.emit(indent + 1, "%s = list(%s) + [''] * (%d - len(%s) %% %d)" % (listed, listed, k,
                                                                          listed, k))

    def emit_loop():
        values = [g.temp("e") for _ in names]
        if k == 1:
            g.emit(indent, "for %s in %s:" % (values[0], listed))
        else:
            it = g.temp("it")
            g.emit(indent, "%s = iter(%s)" % (it, listed))
            g.emit(indent, "for %s in zip(%s):" % (", ".join(values), ", ".join([it] * k)))
        for name, value in zip(names, values):
            cell = g.temp("c")
            g.store(indent + 1, name, value, [
                (0, "%s = fv.get(%r)" % (cell, name)),
                (0, "if %s is not None and %s.arr is None and %s.traces is None:"
                 % (cell, cell, cell)),
                (1, "%s.value = %s" % (cell, value)),
                (0, "else:"),
                (1, "%s(%r, %s)" % (set_slow, name, value))])
        _loop_body(g, cmd, 3, base, indent + 1, "foreach")
    g.loop(emit_loop)
    _loop_end(g, indent - 1, tail)


_EMITTERS = {
    "set": _set,
    "incr": _incr,
    "append": _appender,
    "lappend": _appender,
    "expr": _expr,
    "return": _return,
    "break": _signal("break"),
    "continue": _signal("continue"),
    "if": _if,
    "while": _while,
    "for": _for,
    "foreach": _foreach,
    "switch": emit_switch,
    **DATA_EMITTERS,
}
