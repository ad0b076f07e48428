"""The stack of command frames that `info frame` reports (Tcl's TIP 280).

Nothing is recorded while commands run: the compiled closures keep no
frame records.  When `info frame` (or `proc`, which remembers where a
literal body was defined) asks, the stack of Tcl command frames is rebuilt
from the Python stack:

  * the generated invocation closures (compile/script.py's template `run`,
    and `_call`) are the command frames: their `on_error` carries the
    Command node, its line in the compiled unit and the compile mode (set at
    compile time, see `error_annotator`).  A `run` still substituting its
    words is not a frame yet, as in Tcl (it has no `argv` then);
  * an inlined loop/if/catch closure (compile/inline.py) is a frame of its
    own only where Tcl would invoke the command: when the script running
    under it was compiled separately (a body in a top-level script);
  * where a unit of code starts, the location its lines count from:
    `source` (a file), a proc call (where its body was defined, when known;
    else lines count from the body), `Interp.eval` (the script is located
    when it is a literal word of the command that evaluates it, or of an
    active command of a top-level script -- how Tcl's TclArgumentGet finds
    it -- else it is an "eval" counted from its first line);
  * proc calls and `namespace eval` are the call frames that give each frame
    its `proc` (or `lambda`) and `level` keys;
  * tclish's tcltest is Python: while it runs a test's scripts it stands
    for the frames tclsh's Tcl-coded tcltest 2.5.5 would have there (see
    `_tcltest_frames`).

Python frames are recognized by their code objects (classified once, then
cached); only those frames' locals are read.
"""

import os
import sys

from bisect import bisect_left

from ..parse.script import continuations
from .lists import matching_brace
from .values import TclList, to_str

# kinds of Python frames
_RUN, _CALL, _INLINE, _EVAL, _SOURCE, _PROC, _LAMBDA, _NSEVAL, _UPLEVEL, \
    _TT_TEST, _TT_SCRIPT, _SUBST, _SWITCH, _BODY = range(14)

_KINDS = {}
_FILES = None


def _files():
    global _FILES
    if _FILES is None:
        from ..commands import control, evaluation, namespaces, procs
        from ..compile import framecall, inline, inline_coro, script
        from ..tcltest import runner
        from . import interp
        _FILES = {
            _co_file(script): {"_call": _CALL},
            _co_file(inline): None,
            _co_file(inline_coro): {"yield_injected": _CALL},
            _co_file(interp): {"eval": _EVAL},
            _co_file(evaluation): {"source_text": _SOURCE, "substitute": _SUBST},
            _co_file(procs): {"eval_in_frame": _UPLEVEL},
            # the functions generated from one text: run_body, the exact-arity
            # proc command, a TclOO method body run by its fast path
            framecall.FILENAME: {"run_body": _LAMBDA, "call_proc": _PROC,
                                 "run_method_body": _LAMBDA},
            _co_file(namespaces): {"ns_eval": _NSEVAL},
            _co_file(control): {"cmd_switch": _SWITCH},
            _co_file(runner): {"_run_test": _TT_TEST, "_run_script": _TT_SCRIPT},
        }
    return _FILES


def _co_file(module):
    """The file name the module's code objects carry."""
    for value in vars(module).values():
        code = getattr(value, "__code__", None)
        if code is not None and getattr(value, "__module__", None) == module.__name__:
            return code.co_filename
    return module.__file__


def _classify(code):
    from ..compile.script import INVOKE_FILENAME
    if code.co_filename == INVOKE_FILENAME:
        return _RUN if code.co_name == "run" else None
    from ..compile.body import BODY_FILENAME
    if code.co_filename == BODY_FILENAME:
        return _BODY if code.co_name == "body" else None
    files = _files()
    if code.co_filename not in files:
        return None
    names = files[code.co_filename]
    if names is None:  # compile/inline.py: the inlined command closures
        free = code.co_freevars
        return _INLINE if "slow" in free and "interp" in free else None
    return names.get(code.co_name)


def _kind(code):
    try:
        return _KINDS[code]
    except KeyError:
        kind = _KINDS[code] = _classify(code)
        return kind


def _closure_var(func, name):
    try:
        i = func.__code__.co_freevars.index(name)
        return func.__closure__[i].cell_contents
    except (AttributeError, ValueError, IndexError):
        return None


class _Entry:
    """One frame: a command (`on_error` set) or a frame made up for tcltest
    (`fixed` set: the finished pairs but the proc and level)."""

    __slots__ = ("on_error", "ctx", "call", "argv", "fixed")

    def __init__(self, on_error, ctx, call, argv=None, fixed=None):
        self.on_error = on_error
        self.ctx = ctx
        self.call = call
        self.argv = argv
        self.fixed = fixed

    def word_location(self, k):
        """The context for word k of this command when it is a literal, or None."""
        on_error = self.on_error
        cmd = on_error.tcl_cmd
        if k >= len(cmd.words) or type(cmd.words[k]) is not str:
            return None
        return self.ctx[0], self.ctx[1], self.line() + cmd.word_lines[k] - cmd.line - 1, None

    def line(self):
        """The line of the command (a frame with on_error)."""
        kind, path, offset, conts = self.ctx
        on_error = self.on_error
        cmd = on_error.tcl_cmd
        line = offset + on_error.tcl_base + cmd.line
        if conts and on_error.tcl_depth == 0:
            line += bisect_left(conts, cmd.start)
        return line

    def literal_index(self, value):
        if self.on_error is None:
            return None
        for k, w in enumerate(self.on_error.tcl_cmd.words):
            if w is value:
                return k
        return None


# a context: (type, file or None, line offset, continuation offsets or None:
# where the script's text lost a backslash-newline that its parse did not see)
_EVAL_CTX = ("eval", None, 0, None)


def command_frames(interp, start=None):
    """The command frames active in `interp`, outermost first (a list of
    _Entry); `start` is the innermost Python frame to look at."""
    pyframes = []
    f = start if start is not None else sys._getframe(1)
    glet = None
    while f is not None:
        pyframes.append(f)
        f = f.f_back
        if f is None and "greenlet" in sys.modules:
            # inside a coroutine the Python stack ends at its greenlet: go
            # on from where its resumer waits, as Tcl's frames do
            import greenlet
            glet = (glet or greenlet.getcurrent()).parent
            f = glet.gr_frame if glet is not None else None
    pyframes.reverse()

    ctx = _EVAL_CTX
    call = (None, interp.global_frame)
    entries = []     # the frames, outermost first
    active = []      # the commands being invoked (frames or not)
    pending = None   # an inlined command: a frame only if it runs a body of its own
    uplevel = False  # the next script is evaluated by uplevel (located only as TclArgumentGet does)
    test = None      # tcltest: the test being run
    subst = None     # the location of the [script] `subst` is evaluating
    for f in pyframes:
        kind = _kind(f.f_code)
        if kind is None:
            continue
        loc = f.f_locals
        if kind == _RUN or kind == _CALL or kind == _BODY:
            if kind == _BODY:
                # a generated body is a command frame while it invokes a
                # command itself (compile/body_calls.py): on that call's line
                on_error = f.f_globals.get("tcl_calls", {}).get(f.f_lineno)
                if f.f_globals.get("interp") is not interp:
                    continue
            elif loc.get("interp") is not interp or "argv" not in loc:
                continue
            else:
                on_error = loc.get("on_error")
            if getattr(on_error, "tcl_cmd", None) is None:
                continue
            if pending is not None:
                if on_error.tcl_depth > pending.on_error.tcl_depth:
                    entries.append(pending)
                pending = None
            entry = _Entry(on_error, ctx, call, loc["argv"])
            entries.append(entry)
            active.append(entry)
        elif kind == _INLINE:
            if loc.get("interp") is not interp:
                continue
            on_error = _closure_var(loc.get("slow"), "on_error")
            if getattr(on_error, "tcl_cmd", None) is None:
                continue
            if pending is not None and on_error.tcl_depth > pending.on_error.tcl_depth:
                entries.append(pending)
            pending = _Entry(on_error, ctx, call)
            active.append(pending)
        elif kind == _EVAL:
            if loc.get("self") is not interp:
                continue
            script = loc.get("script")
            invoker = active[-1] if active else None
            if pending is not None:
                if pending.on_error.tcl_mode == "direct":
                    entries.append(pending)
                pending = None
            if subst is not None:
                ctx, subst = subst, None
            else:
                ctx = _locate(script, active, None if uplevel else invoker) or _EVAL_CTX
            uplevel = False
        elif kind == _SOURCE:
            if loc.get("interp") is not interp:
                continue
            pending = None
            ctx = ("source", os.path.abspath(to_str(loc.get("path", ""))), 0, None)
        elif kind == _PROC or kind == _LAMBDA:
            if loc.get("interp") is not interp:
                continue
            pending = None
            spec = loc.get("spec")
            table = loc.get("table")
            frame = loc.get("frame") if kind == _LAMBDA else None
            if frame is None:
                frame = _frame_with_vars(interp, table)
            argv = loc.get("argv")
            if kind == _LAMBDA and spec is not None and spec.name == "apply" and argv:
                call = (("lambda", argv[1]), frame)
                ctx = _lambda_location(argv, active[-1] if active else None) or \
                    ("proc", None, 0, None)
            else:
                # a TclOO method names itself (method NAME class|object DECLARER)
                who = getattr(frame, "frame_info", None)
                call = (who() if who is not None else
                        ("proc", spec.name if spec is not None else ""), frame)
                where = getattr(spec, "location", None)
                ctx = ("source", where[0], where[1] - 1, None) if where else ("proc", None, 0, None)
        elif kind == _NSEVAL:
            if loc.get("interp") is not interp or loc.get("frame") is None:
                continue
            pending = None
            call = (None, loc["frame"])
        elif kind == _SUBST:
            # a literal argument of subst: its [scripts] count lines from
            # where they are in it (as Tcl's compiled subst does)
            if loc.get("interp") is not interp or not active:
                continue
            text, i = loc.get("text"), loc.get("i", 0)
            if type(text) is not str:
                continue
            invoker = active[-1]
            k = invoker.literal_index(text)
            where = invoker.word_location(k) if k is not None else None
            if where is None or invoker.on_error.tcl_mode == "direct":
                # a subst Tcl does not compile: lines count from its argument
                where = _EVAL_CTX
            ctx = subst = (where[0], where[1], where[2] + _lines_before(text, i), None)
        elif kind == _SWITCH:
            # switch with its patterns and bodies in one literal list: a
            # body counts lines from where it is in the list (as Tcl's
            # switch does with TclListLines)
            if loc.get("interp") is not interp or not active:
                continue
            rest, j, clauses = loc.get("rest"), loc.get("j"), loc.get("clauses")
            if rest is None or j is None or clauses is None or len(rest) != 2:
                continue
            k = active[-1].literal_index(rest[1])
            where = active[-1].word_location(k) if k is not None else None
            start = _element_start(rest[1], j) if where is not None else None
            if start is not None:
                text = rest[1]
                first = start + 1 if text[start] in "{\"" else start
                conts = continuations(text)
                body = clauses[j] if j < len(clauses) else ""
                marks = tuple(c - first for c in conts if first <= c < first + len(body)) \
                    if conts else ()
                subst = (where[0], where[1], where[2] + _lines_before(text, start), marks or None)
        elif kind == _UPLEVEL:
            if loc.get("interp") is not interp:
                continue
            uplevel = True
        elif kind == _TT_TEST:
            if loc.get("interp") is not interp:
                continue
            test = loc
        elif kind == _TT_SCRIPT:
            if loc.get("interp") is not interp or test is None:
                continue
            pending = None
            call = _tcltest_frames(test, loc.get("script"), entries)
            uplevel = True
    return entries


def _frame_with_vars(interp, table):
    f = interp.frame
    while f is not None:
        if f.vars is table:
            return f
        f = f.parent
    return None


def _locate(script, active, invoker):
    """Where a script being evaluated comes from: a literal word of an active
    command of a top-level (direct) script, as Tcl's TclArgumentGet finds
    it, else a literal word of the command evaluating it."""
    if script is None:
        return None
    for entry in reversed(active):
        if entry.on_error is not None and entry.on_error.tcl_mode == "direct":
            k = entry.literal_index(script)
            if k is not None:
                return entry.word_location(k)
    if invoker is not None:
        k = invoker.literal_index(script)
        if k is not None:
            return invoker.word_location(k)
    return None


def _lambda_location(argv, invoker):
    """A lambda's body counts from its place in the file when the lambda is
    a literal word 1 of the apply command of a located script (as Tcl's
    SetLambdaFromAny does)."""
    if invoker is None or invoker.ctx[0] != "source" or len(argv) < 2:
        return None
    if invoker.literal_index(argv[1]) != 1:
        return None
    where = invoker.word_location(1)
    if where is None:
        return None
    start = _element_start(argv[1], 1)
    if start is None:
        return None
    return where[0], where[1], where[2] + _lines_before(argv[1], start), None


def _lines_before(text, pos):
    """The lines that end before offset `pos` of a literal word's value,
    counting the backslash-newlines it lost."""
    conts = continuations(text)
    return text.count("\n", 0, pos) + (bisect_left(conts, pos) if conts else 0)


def _element_start(text, index):
    """The offset of list element `index` of `text`, or None."""
    i, n = 0, len(text)
    for k in range(index + 1):
        while i < n and text[i] in " \t\n\r\v\f":
            i += 1
        if i >= n:
            return None
        if k == index:
            return i
        i = _skip_element(text, i)
    return None


def _skip_element(text, i):
    n = len(text)
    if text[i] == "{":
        j = matching_brace(text, i)
        return n if j < 0 else j + 1
    if text[i] == '"':
        i += 1
        while i < n and text[i] != '"':
            i += 2 if text[i] == "\\" else 1
        return i + 1
    while i < n and text[i] not in " \t\n\r\v\f":
        i += 2 if text[i] == "\\" else 1
    return i


# ---- tcltest --------------------------------------------------------------------------

_TCLTEST_FILE = None


def _tcltest_file():
    global _TCLTEST_FILE
    if _TCLTEST_FILE is None:
        from ..tcltest import package
        _TCLTEST_FILE = os.path.join(os.path.dirname(os.path.abspath(package.__file__)),
                                     "tcltest-%s.tm" % package.VERSION)
    return _TCLTEST_FILE


def _tcltest_frames(test, script, entries):
    """tclsh's tcltest runs a test's setup and cleanup with `uplevel 1` from
    its `test` proc, and the body through Eval and RunTest:

        test -> uplevel 1 [list ::tcltest::Eval $command 1]
             -> ::tcltest::Eval ... -> uplevel 1 $script
             -> ::tcltest::RunTest name body -> uplevel 1 $script

    Append those frames (with the line numbers of tcltest 2.5.5) and return
    the call frame the script's commands run in."""
    path = _tcltest_file()
    spec = test.get("spec")
    name = test.get("name", "")
    test_proc = (("proc", "::tcltest::test"), None)

    def source(line, cmd, proc):
        return _Entry(None, None, proc, fixed=["type", "source", "line", line, "file", path,
                                              "cmd", cmd])

    def evaluated(cmd, proc):
        return _Entry(None, None, proc, fixed=["type", "eval", "line", 1, "cmd", cmd])

    if spec is not None and script is spec.setup:
        entries.append(source(2004, "uplevel 1 $setup", test_proc))
        return test_proc
    if spec is not None and script is spec.cleanup:
        entries.append(source(2101, "uplevel 1 $cleanup", test_proc))
        return test_proc
    body = spec.body if spec is not None else script
    capture = spec is not None and (spec.output is not None or spec.errorOutput is not None)
    flag = "0" if capture else "1"
    eval_proc = (("proc", "::tcltest::Eval"), None)
    run_proc = (("proc", "::tcltest::RunTest"), None)
    command = TclList(["::tcltest::RunTest", name, body])
    entries.append(source(2031 if capture else 2033,
                          "uplevel 1 [list [namespace origin Eval] $command %s]" % flag,
                          test_proc))
    entries.append(evaluated(to_str(TclList(["::tcltest::Eval", command, flag])), test_proc))
    entries.append(source(1663, "uplevel 1 $script", eval_proc))
    entries.append(evaluated(to_str(command), eval_proc))
    entries.append(source(2420, "uplevel 1 $script", run_proc))
    return run_proc


# ---- what info frame reports ----------------------------------------------------------

def frame_dict(interp, entry):
    """The `info frame N` value for one frame."""
    if entry.fixed is not None:
        result = TclList(entry.fixed)
    else:
        kind, path = entry.ctx[0], entry.ctx[1]
        result = TclList(["type", kind, "line", entry.line()])
        if path is not None:
            result += ["file", path]
        result += ["cmd", entry.on_error.tcl_cmd.text]
    who, frame = entry.call
    if who is not None:
        result += list(who)
    if frame is not None:
        current = interp.frame
        f = current
        while f is not None:
            if f is frame:
                result += ["level", current.level - frame.level]
                break
            f = f.parent
    return result


def definition_location(interp, argv, word):
    """(file, line) of literal word `word` of the command being invoked with
    `argv`, when that command runs in a script sourced from a file; else None.
    `proc` records this for its body, as Tcl does."""
    entries = command_frames(interp, sys._getframe(1))
    if not entries or entries[-1].on_error is None or entries[-1].argv is not argv:
        return None
    where = entries[-1].word_location(word)
    if where is None or where[0] != "source":
        return None
    return where[1], where[2] + 1
