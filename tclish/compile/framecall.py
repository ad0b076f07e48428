"""The frame push and pop around a proc, lambda or method body: one text.

Running a body means: push a frame, run the compiled body, map the
completion code (`return -level/-code`, break/continue outside a loop),
annotate an error (errorInfo's `(procedure "p" line N)`, -errorstack),
pop the frame, and then what the pop leaves to do (unset traces on the
frame's locals, a `tailcall`: runtime/framepop.py).

Three functions do this: `procs.run_body` (any body: lambdas, procs with
defaults or `args`, methods the general way), the command of a proc called
with exactly its arguments (`procs.make_proc_command`) and the TclOO method
fast path (`oo/fastcall.py`).  The last two are run_body written out, to
save a Python frame per call (a deep recursion's frames are what CPython
allocates its stack chunks for), so all three are generated from the one
text below; each supplies only its prologue (binding the arguments, finding
the compiled body) and how its frame is made.

The generated functions carry FILENAME, by which runtime/cmdframes.py
finds them on the Python stack (`info frame`); their locals `interp`,
`spec`, `table`, `argv` and `frame` are what it reads.
"""

from ..runtime.errors import OK, BreakSignal, ContinueSignal, ReturnSignal, TclError
from ..runtime.framepop import fire_unset_traces, frame_popped
from ..runtime.frames import Frame

FILENAME = "<tclish-framecall>"

# `code`, `table`, `ns` and `argv` are set by the prologue; {new_frame} (lines)
# sets `frame` from them and `caller`, {what} names the body in errorInfo
# (evaluated only when an error or a stray break/continue leaves it).
_PUSH_RUN_POP = """\
caller = interp.frame
{new_frame}
interp.frame = frame
interp.cur_ns = ns
interp.depth += 1
try:
    try:
        if interp.depth > interp.max_depth:
            raise interp.nesting_error()
        result = code(table)
    except ReturnSignal as r:
        if r.level == 1 and r.code == OK:
            result = r.value
        else:
            result = finish_return(r)
    except TclError as e:
        annotate_body_error(e, argv, {what})
        raise
    except (BreakSignal, ContinueSignal) as s:
        raise outside_loop(s, {what}) from None
    finally:
        interp.depth -= 1
        interp.frame = caller
        interp.cur_ns = caller.ns
except BaseException:
    if frame.tailcall is not None:
        fire_unset_traces(interp, frame)
    raise
if frame.tailcall is not None:
    # a `tailcall`, or unset traces on locals (runtime/framepop.py)
    return frame_popped(interp, frame, result)
return result"""

# A proc's Frame made in line: Frame(...) runs Frame.__init__, a Python frame
# per call (about 0.1 us of an empty proc's 0.6); these lines fill its slots
# themselves.  They must name every slot: checked here, so adding a slot
# fails until it is added below.
assert Frame.__slots__ == ("vars", "ns", "level", "parent", "proc", "argv", "is_proc", "links",
                           "tailcall")
PROC_FRAME = [
    "frame = new_object(Frame); frame.vars = table; frame.ns = ns",
    "frame.level = caller.level + 1; frame.parent = caller; frame.proc = spec; frame.argv = argv",
    "frame.is_proc = True; frame.links = None; frame.tailcall = None"]

_BASE_ENV = {"OK": OK, "Frame": Frame, "new_object": object.__new__,
             "BreakSignal": BreakSignal, "ContinueSignal": ContinueSignal,
             "ReturnSignal": ReturnSignal, "TclError": TclError,
             "fire_unset_traces": fire_unset_traces, "frame_popped": frame_popped}


def frame_function(name, params, prologue, new_frame, what, free=(), env=None):
    """`make(*free)` returning the function `def name(params)`: `prologue`
    (lines of Python that set code, table, ns and may return early), then
    the push/run/pop.  `new_frame` is an expression making the frame, or
    lines setting `frame` (PROC_FRAME: a proc's Frame, `spec` the proc).
    `env` gives the names the pieces use besides `free`, and must hold
    finish_return, annotate_body_error and outside_loop (procs.FRAME_HELPERS)."""
    if isinstance(new_frame, str):
        new_frame = ["frame = " + new_frame]
    body = prologue + _PUSH_RUN_POP.format(new_frame="\n".join(new_frame),
                                           what=what).split("\n")
    lines = ["def make(%s):" % ", ".join(free), "    def %s(%s):" % (name, params)]
    lines += ["        " + line for line in body]
    lines.append("    return %s" % name)
    namespace = dict(_BASE_ENV)
    namespace.update(env or {})
    exec(compile("\n".join(lines), FILENAME, "exec"), namespace)
    return namespace["make"]
