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

FILENAME = "<tclish-framecall>"

# `code`, `table`, `ns` and `argv` are set by the prologue; {new_frame} makes
# the frame from them, {what} names the body in errorInfo (evaluated only
# when an error or a stray break/continue leaves it).
_PUSH_RUN_POP = """\
caller = interp.frame
frame = interp.frame = {new_frame}
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

_BASE_ENV = {"OK": OK, "BreakSignal": BreakSignal, "ContinueSignal": ContinueSignal,
             "ReturnSignal": ReturnSignal, "TclError": TclError,
             "fire_unset_traces": fire_unset_traces, "frame_popped": frame_popped}


def frame_function(name, params, prologue, new_frame, what, free=(), env=None):
    """`make(*free)` returning the function `def name(params)`: `prologue`
    (lines of Python that set code, table, ns and may return early), then
    the push/run/pop.  `env` gives the names the pieces use besides `free`,
    and must hold finish_return, annotate_body_error and outside_loop
    (procs.FRAME_HELPERS)."""
    body = prologue + _PUSH_RUN_POP.format(new_frame=new_frame, what=what).split("\n")
    lines = ["def make(%s):" % ", ".join(free), "    def %s(%s):" % (name, params)]
    lines += ["        " + line for line in body]
    lines.append("    return %s" % name)
    namespace = dict(_BASE_ENV)
    namespace.update(env or {})
    exec(compile("\n".join(lines), FILENAME, "exec"), namespace)
    return namespace["make"]
