"""What a proc's (lambda's, method's) frame leaves to do when it pops.

`Frame.tailcall` is None for nearly every call, and then popping a frame
costs nothing more.  Otherwise it holds a `tailcall`'s (namespace, argv), or
LOCALS_TRACED: an unset trace was put on one of the frame's own variables.
When the frame pops, normally or by an error (procs.run_body and
oo/fastcall.py), the unset traces on its own variables fire, as Tcl's
TclDeleteVars does, in the caller's frame (Tcl_PopCallFrame takes the frame
off the stack first); then the tailcall, on a normal return.
"""

# Frame.tailcall when there is no tailcall, only locals to look at
LOCALS_TRACED = ("locals traced",)


def note_unset_trace(interp, var):
    """An unset trace was added to `var`: mark the proc frame that owns it
    (the innermost one holding it other than by upvar, global or variable)."""
    frame = interp.frame
    while frame is not None:
        if frame.is_proc:
            links = frame.links or ()
            for name, v in frame.vars.items():
                if v is var and name not in links:
                    if frame.tailcall is None and not _namespace_var(interp, name, var):
                        frame.tailcall = LOCALS_TRACED
                    return
        frame = frame.parent


def _namespace_var(interp, name, var):
    # `variable` links a namespace variable into a proc, under its own name,
    # without noting it in Frame.links: such a variable is no local
    return any(ns.vars.get(name) is var for ns in interp.namespaces.values())


def fire_unset_traces(interp, frame):
    """The frame `frame` has popped (the caller's is current again): its own
    variables with unset traces are unset and the traces fire (errors in
    them are ignored, as for every unset trace)."""
    links = frame.links or ()
    traced = [(name, var) for name, var in frame.vars.items()
              if var.traces and name not in links and any("unset" in ops for ops, _ in var.traces)]
    if not traced:
        return
    for name, var in traced:
        if frame.vars.get(name) is not var or _namespace_var(interp, name, var):
            continue
        traces, elements = var.traces, var.arr
        var.value = None
        var.arr = None
        var.traces = None
        if traces:
            interp.fire_unset_traces(traces, name, elements)


def frame_popped(interp, frame, result):
    """After a normal return of a frame whose `tailcall` is set: the unset
    traces, then the tailcall's result (or `result` when there is none)."""
    pending = frame.tailcall
    fire_unset_traces(interp, frame)
    if pending is LOCALS_TRACED:
        return result
    from ..commands.coroutines import run_tailcall
    return run_tailcall(interp, pending)


__all__ = ["LOCALS_TRACED", "fire_unset_traces", "frame_popped", "note_unset_trace"]
