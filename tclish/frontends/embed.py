"""The embedding API: drive a Tcl interpreter from Python.

    from tclish import Interp, TclError
    interp = Interp()
    interp.eval("set x [expr {6*7}]")        # -> "42"
    interp.call("lindex", ["a", "b", "c"], 1)  # -> "b"
    interp.setvar("y", 5); interp.getvar("y")
    interp.register("pyadd", lambda a, b: int(a) + int(b))
    t = interp.tensor("tensor1"); h = interp.handle(torch.ones(3))

Values cross the boundary in their natural form both ways.  Going in
(`call` arguments, `setvar`, what a registered command returns): str, int and
float as themselves, bool as 1/0, None as the empty string, bytes as a Tcl
byte string (one character per byte), list/tuple as a Tcl list, dict as a Tcl
dict, a torch.Tensor as a new tensor handle; anything else by its str().
Coming out, results are strings; `split`, `todict`, `number` and `tensor`
read them as a Python list, dict, number or tensor.

`exit` in a script raises SystemExit with the script's code; `puts` writes
to whatever sys.stdout/sys.stderr is at the time; a failing registered
command's Python traceback is part of the TclError's errorinfo.

Neither torch nor prompt_toolkit is imported here.
"""

import sys

from ..runtime.errors import TclError, TclSignal
from ..runtime.interp import Interp as _RuntimeInterp
from ..runtime.lists import split_list
from ..runtime.numbers import parse_number
from ..runtime.stack import call_with_stack_room
from ..runtime.values import TclDict, TclList, to_str


class Interp:
    """A Tcl interpreter for Python programs."""

    def __init__(self):
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
            # for Python callers, errorcode is always a tuple of strings
            e.errorcode = tuple(to_str(x) for x in split_list(to_str(e.errorcode)))
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
        argv = [command] + [self._to_tcl(a) for a in args]
        return to_str(self._run(lambda: self.runtime.invoke(argv)))

    def getvar(self, name):
        return to_str(self.runtime.get_var(name))

    def setvar(self, name, value):
        self.runtime.set_var(name, self._to_tcl(value))

    def unsetvar(self, name):
        self.runtime.unset_var(name)

    def register(self, name, func):
        """Make a Python callable a Tcl command: it gets the argument strings,
        and what it returns becomes the result (converted as `call`'s arguments
        are: a tensor becomes a handle).  An exception it raises is a Tcl error
        whose errorinfo holds the Python traceback."""
        to_tcl = self._to_tcl

        def command(interp, argv):
            try:
                result = func(*[to_str(a) for a in argv[1:]])
            except (TclError, TclSignal, SystemExit, KeyboardInterrupt):
                raise
            except Exception as e:
                text = "%s: %s" % (type(e).__name__, e) if str(e) else type(e).__name__
                import traceback  # only on this error path: a costly import at start-up
                info = text + "\n" + "".join(traceback.format_exception(e)).rstrip()
                err = TclError(text, TclList(["PYTHON", type(e).__name__]))
                err.errorinfo = info        # "while executing ..." lines follow it
                raise err from None
            return "" if result is None else to_tcl(result)
        self.runtime.register(name, command)

    # --- reading results as Python values ------------------------------------

    @staticmethod
    def split(value):
        """A Tcl list as a Python list of strings."""
        return [to_str(x) for x in split_list(to_str(value))]

    @staticmethod
    def todict(value):
        """A Tcl dict (a list of key value pairs) as a Python dict of strings."""
        items = Interp.split(value)
        if len(items) % 2:
            raise TclError("missing value to go with key", ("TCL", "VALUE", "DICTIONARY"))
        return dict(zip(items[0::2], items[1::2]))

    @staticmethod
    def number(value):
        """A Tcl number as a Python int or float."""
        n = parse_number(to_str(value).strip())
        if n is None:
            raise TclError('expected number but got "%s"' % to_str(value),
                           ("TCL", "VALUE", "NUMBER"))
        return n

    def tensor(self, handle):
        """The torch.Tensor behind a handle (no copy)."""
        from ..torchbridge.api import tensor_of
        return tensor_of(self.runtime, handle)

    def handle(self, tensor):
        """A new handle for a torch.Tensor (no copy)."""
        from ..torchbridge.api import handle_of
        return handle_of(self.runtime, tensor)


    def _to_tcl(self, value):
        """A Python value as the natural Tcl value (see the module's docstring)."""
        t = type(value)
        if t is str or t is int or t is float:
            return value
        if value is None:
            return ""
        if t is bool:
            return 1 if value else 0
        if isinstance(value, (str, int, float)):
            return value
        if isinstance(value, (bytes, bytearray, memoryview)):
            return bytes(value).decode("latin-1")
        if isinstance(value, dict):
            return TclDict((to_str(self._to_tcl(k)), self._to_tcl(v)) for k, v in value.items())
        if isinstance(value, (list, tuple)):
            return TclList(self._to_tcl(v) for v in value)
        torch = sys.modules.get("torch")
        if torch is not None and isinstance(value, torch.Tensor):
            return self.handle(value)
        return str(value)


__all__ = ["Interp", "TclError"]
