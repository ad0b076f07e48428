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

import atexit
import sys
import threading
import traceback
import weakref

from ..runtime.errors import TclError, TclSignal
from ..runtime.interp import Interp as _RuntimeInterp
from ..runtime.limits import CancelUnwind
from ..runtime.lists import split_list
from ..runtime.numbers import parse_number
from ..runtime.stack import call_with_stack_room
from ..runtime.values import TclDict, TclList, to_str

# every open Interp, to flush and close their channels at interpreter exit
_LIVE = weakref.WeakSet()


class Interp:
    """A Tcl interpreter for Python programs.

    One lock per interpreter: calls from several Python threads take turns
    (a Tcl interpreter is not re-entrant across threads); interpreters in
    different threads run independently.  `close()` (or leaving a `with`
    block, or garbage collection, or the end of the program) flushes and
    closes the channels the script left open.

    Untrusted code: ``Interp(safe=True)`` hides the unsafe commands as
    ``interp create -safe`` does, ``commands=N`` limits how many commands
    each `eval` may run, ``seconds=T`` how long it may run, and
    ``recursion=N`` how deep it may nest; see also `Interp.safe()`.
    """

    def __init__(self, safe=False, commands=None, seconds=None, recursion=None):
        import sys
        if sys.getrecursionlimit() < 40000:
            sys.setrecursionlimit(40000)
        self.runtime = _RuntimeInterp()
        self._lock = threading.RLock()
        self._limits = (commands, seconds)
        if safe:
            from ..commands.safebase import make_safe
            self.runtime.extensions["interp-safe"] = True
            make_safe(self.runtime)
        if recursion is not None:
            self.runtime.max_depth = int(recursion)
        _LIVE.add(self)

    @classmethod
    def safe(cls, commands=100000, seconds=10.0, recursion=200):
        """A safe interpreter with limits, for running untrusted Tcl."""
        return cls(safe=True, commands=commands, seconds=seconds, recursion=recursion)

    def close(self):
        """Flush and close every channel the interpreter still has open."""
        from ..runtime.shutdown import close_interp
        with self._lock:
            close_interp(self.runtime)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def eval(self, script):
        """Evaluate Tcl source at global level; returns the result string.
        Raises TclError (with .errorinfo and .errorcode) on error."""
        if isinstance(script, (bytes, bytearray)):
            from ..runtime.tclcodec import NAME
            script = bytes(script).decode("utf-8", NAME)
        elif not isinstance(script, str):
            raise TypeError("Interp.eval takes a str (or bytes), not %s" % type(script).__name__)
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

    def _start_limits(self):
        commands, seconds = self._limits
        if commands is None and seconds is None:
            return
        import time
        from ..runtime.limits import limits_of, update_active
        lim = limits_of(self.runtime)
        lim.commands = None if commands is None else lim.count + int(commands)
        lim.time = None if seconds is None else time.time() + float(seconds)
        update_active(self.runtime)

    def _run(self, thunk):
        from ..commands.io import ExitRequest
        from ..commands.procs import finish_return
        from ..runtime.errors import ReturnSignal
        with self._lock:
            self._start_limits()
            rt = self.runtime
            depth, frame = rt.depth, rt.frame
            try:
                try:
                    return thunk()
                except ReturnSignal as r:
                    return finish_return(r)
            except TclError as e:
                rt.set_error_vars(e)
                # for Python callers, errorcode is always a tuple of strings
                e.errorcode = tuple(to_str(x) for x in split_list(to_str(e.errorcode)))
                raise
            except TclSignal as s:
                word = {3: "break", 4: "continue"}.get(s.code)
                if word:
                    raise TclError('invoked "%s" outside of a loop' % word) from None
                if s.code in (0, 2):
                    return s.value
                raise TclError("command returned bad code: %s" % s.code) from None
            except ExitRequest as e:
                self.close()
                raise SystemExit(e.code) from None
            except CancelUnwind as u:
                # Interp.cancel(unwind=True) or `interp cancel -unwind` in a command
                err = u.error
                rt.depth, rt.frame, rt.cur_ns = depth, frame, frame.ns
                rt.set_error_vars(err)
                err.errorcode = tuple(to_str(x) for x in split_list(to_str(err.errorcode)))
                raise err from None
            except Exception as e:
                # no Python exception leaves a command as itself
                rt.depth, rt.frame, rt.cur_ns = depth, frame, frame.ns
                err = rt.internal_error(e)
                rt.set_error_vars(err)
                err.errorcode = tuple(to_str(x) for x in split_list(to_str(err.errorcode)))
                raise err from None

    def cancel(self, unwind=False, message=None):
        """Cancel the script this interpreter is evaluating, from any thread
        (it takes no lock): its next command fails with TclError "eval
        canceled" (or `message`), errorcode ('TCL', 'CANCEL', 'ICANCEL',
        message), as `interp cancel` does.  `unwind=True`: no `catch` in
        the script stops it ('IUNWIND', "eval unwound").  When nothing is
        running, the next `eval` fails instead.  A command that blocks in
        Python (a long `after ms`, a `vwait` with nothing to wait for) sees
        it when it returns."""
        from ..runtime.limits import request_cancel
        request_cancel(self.runtime, message, unwind)

    def call(self, command, *args):
        """Invoke one command with Python arguments (no Tcl parsing of args);
        returns the result string."""
        argv = [command] + [_to_tcl(a, self.runtime, strict=False) for a in args]
        return to_str(self._run(lambda: self.runtime.invoke(argv)))

    def getvar(self, name):
        with self._lock:
            return to_str(self.runtime.get_var(name))

    def setvar(self, name, value):
        with self._lock:
            self.runtime.set_var(name, _to_tcl(value, self.runtime, strict=False))

    def unsetvar(self, name):
        with self._lock:
            self.runtime.unset_var(name)

    def register(self, name, func):
        """Make a Python callable a Tcl command: it gets the argument strings
        and its return value (str, number, bytes, list/tuple, dict, tensor,
        None) is the result.  A call with the wrong number of arguments is
        Tcl's `wrong # args` error; an exception it raises is a Tcl error
        whose errorinfo holds the Python traceback."""
        if not callable(func):
            raise TypeError("Interp.register needs a callable, not %s" % type(func).__name__)
        usage = _usage(func)

        def command(interp, argv):
            args = [to_str(a) for a in argv[1:]]
            if usage is not None and not _fits(usage[0], args):
                from ..runtime.registry import wrong_args
                raise wrong_args(to_str(argv[0]), usage[1])
            try:
                result = func(*args)
            except (TclError, TclSignal, SystemExit, KeyboardInterrupt):
                raise
            except Exception as e:
                text = "%s: %s" % (type(e).__name__, e) if str(e) else type(e).__name__
                import traceback  # only on this error path: a costly import at start-up
                info = text + "\n" + "".join(traceback.format_exception(e)).rstrip()
                err = TclError(text, TclList(["PYTHON", type(e).__name__]))
                err.errorinfo = info        # "while executing ..." lines follow it
                raise err from None
            return "" if result is None else _to_tcl(result, interp)
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


def _usage(func):
    """(signature, Tcl usage text) of a registered callable, or None when
    Python cannot tell (builtins)."""
    import inspect
    try:
        sig = inspect.signature(func)
    except (TypeError, ValueError):
        return None
    words = []
    for p in sig.parameters.values():
        if p.kind is p.VAR_POSITIONAL:
            words.append("?arg ...?")
        elif p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
            words.append(p.name if p.default is p.empty else "?%s?" % p.name)
    return sig, " ".join(words)


def _fits(sig, args):
    try:
        sig.bind(*args)
    except TypeError:
        return False
    return True


def _to_tcl(value, runtime=None, strict=True):
    """A Python value as the natural Tcl value (see the module's docstring);
    `strict`: refuse what has no natural form instead of using its str()."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (str, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return TclList(_to_tcl(v, runtime, strict) for v in value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).decode("latin-1")  # a Tcl byte string
    if isinstance(value, dict):
        d = TclDict()
        for k, v in value.items():
            d[to_str(_to_tcl(k, runtime, strict))] = _to_tcl(v, runtime, strict)
        return d
    if type(value).__name__ == "Tensor" and runtime is not None:
        from ..torchbridge.api import handle_of
        return handle_of(runtime, value)
    if not strict:
        return to_str(value)
    raise TclError("cannot convert a Python %s to a Tcl value" % type(value).__name__,
                   ("TCL", "VALUE", "PYTHON", type(value).__name__))


@atexit.register
def _close_all():
    for interp in list(_LIVE):
        try:
            interp.close()
        except Exception:
            pass


__all__ = ["Interp", "TclError"]
