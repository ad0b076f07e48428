"""The embedding API: drive a Tcl interpreter from Python.

    from tclish import Interp, TclError
    interp = Interp()
    interp.eval("set x [expr {6*7}]")        # -> "42"
    interp.call("lindex", "a b c", 1)        # -> "b"
    interp.setvar("y", 5); interp.getvar("y")
    interp.register("pyadd", lambda a, b: int(a) + int(b))
    t = interp.tensor("tensor1"); h = interp.handle(torch.ones(3))

Neither torch nor prompt_toolkit is imported here.
"""

from ..runtime.errors import TclError, TclSignal
from ..runtime.interp import Interp as _RuntimeInterp
from ..runtime.stack import call_with_stack_room
from ..runtime.values import TclList, to_str


class Interp:
    """A Tcl interpreter for Python programs."""

    def __init__(self):
        import sys
        if sys.getrecursionlimit() < 40000:
            sys.setrecursionlimit(40000)
        self.runtime = _RuntimeInterp()

    def eval(self, script):
        """Evaluate Tcl source at global level; returns the result string.
        Raises TclError (with .errorinfo and .errorcode) on error."""
        return to_str(self._run(lambda: self._global_eval(script)))

    def _global_eval(self, script):
        rt = self.runtime
        saved = rt.frame
        rt.frame = rt.global_frame
        rt.cur_ns = rt.global_ns
        try:
            if rt.depth == 0:
                return call_with_stack_room(rt.eval, script)
            return rt.eval(script)
        finally:
            rt.frame = saved
            rt.cur_ns = saved.ns

    def _run(self, thunk):
        from ..commands.procs import finish_return
        from ..runtime.errors import ReturnSignal
        try:
            return thunk()
        except TclError as e:
            self.runtime.set_error_vars(e)
            raise
        except ReturnSignal as r:
            return finish_return(r)
        except TclSignal as s:
            word = {3: "break", 4: "continue"}.get(s.code)
            if word:
                raise TclError('invoked "%s" outside of a loop' % word) from None
            return s.value

    def call(self, command, *args):
        """Invoke one command with Python arguments (no Tcl parsing of args);
        returns the result string."""
        argv = [command] + [_to_tcl(a) for a in args]
        return to_str(self._run(lambda: self.runtime.invoke(argv)))

    def getvar(self, name):
        return to_str(self.runtime.get_var(name))

    def setvar(self, name, value):
        self.runtime.set_var(name, _to_tcl(value))

    def unsetvar(self, name):
        self.runtime.unset_var(name)

    def register(self, name, func):
        """Make a Python callable a Tcl command: it gets the argument strings
        and its return value (str, number, list/tuple, None) is the result."""
        def command(interp, argv):
            result = func(*[to_str(a) for a in argv[1:]])
            return "" if result is None else _to_tcl(result)
        self.runtime.register(name, command)

    def tensor(self, handle):
        """The torch.Tensor behind a handle (no copy)."""
        from ..torchbridge.api import tensor_of
        return tensor_of(self.runtime, handle)

    def handle(self, tensor):
        """A new handle for a torch.Tensor (no copy)."""
        from ..torchbridge.api import handle_of
        return handle_of(self.runtime, tensor)


def _to_tcl(value):
    if isinstance(value, (list, tuple)):
        return TclList(_to_tcl(v) for v in value)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (str, int, float)):
        return value
    return to_str(value)


__all__ = ["Interp", "TclError"]
