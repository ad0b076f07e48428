"""coroutine, yield, yieldto, tailcall, and ::tcl::unsupported::corotype/inject.

tclish evaluates by Python recursion, so a `yield` sits under many Python
frames (compiled closures, proc calls, eval, uplevel, foreach...).  Each
coroutine runs in its own greenlet: `yield` switches back to whoever resumed
it with all those frames kept, and resuming switches in again.  A script
that makes no coroutine never touches this module; the only state a switch
must carry is the interpreter's current frame, namespace and nesting depth.
A body that yields at its own level is resumed without a switch where it
can be: its generator form (compile/coro_body.py) is handed to the resume
command at such a yield, which sends into it directly (`drive`).

Messages from a coroutine to its resumer are the yielded value itself
(the common case, checked first), or a Message(kind, ...) for the others:
  (YIELDTO, ns, argv)      yieldto: the resumer runs argv (resolved in ns)
  (DONE, value)            the coroutine's command returned value
  (RAISED, exception)      it ended with an error or another return code
"""

from types import FunctionType

from ..runtime.errors import ReturnSignal, TclError
from ..runtime.framepop import LOCALS_TRACED
from ..runtime.registry import command
from ..runtime.values import TclList, to_str
from ..compile.coro_body import Call

YIELDTO, DONE, RAISED = range(3)


class Message(tuple):
    """What a coroutine hands its resumer when it does not simply yield a
    value: (kind, ...) as listed above.  Its own type, so that no Tcl value
    (a tuple from a Python command, say) is taken for one."""

    __slots__ = ()


_greenlet_module = None
_getcurrent = None


def _greenlet():
    global _greenlet_module, _getcurrent
    if _greenlet_module is None:
        try:
            import greenlet
        except ImportError:  # pragma: no cover - greenlet is a dependency
            raise TclError("coroutines need the Python package greenlet (pip install greenlet)",
                           ("TCL", "COROUTINE", "UNAVAILABLE")) from None
        _greenlet_module = greenlet
        _getcurrent = greenlet.getcurrent
    return _greenlet_module


def current(interp):
    """The coroutine running now, or None."""
    return interp.coroutine


class Coroutine:
    """The command a `coroutine` call makes; calling it resumes the coroutine."""

    __slots__ = ("interp", "token", "glet", "resumer", "state", "deleted", "injected", "command",
                 "gen", "hits")

    def __init__(self, interp, ns, tail):
        self.interp = interp
        self.token = interp.command_token(ns, tail)
        self.glet = None          # the greenlet, from start_greenlet() until it ends
        self.resumer = None       # the greenlet that resumed it last (glet's parent)
        # "active", "yield" or "yieldto" (corotype); "dead" once its greenlet
        # is gone, so that "yield" alone tells the resume path it may switch
        self.state = "active"
        self.deleted = False
        self.injected = None      # argv of a command to run at the next resume
        # a body's generator form (compile/coro_body.py) suspended at one of
        # its own yields, which the resume command sends into directly (`drive`)
        self.gen = None
        self.hits = 0             # yields the resume command got from it
        self.command = self.make_command()

    # ---- the command -------------------------------------------------------------

    def make_command(self):
        """The command that resumes this coroutine.  A plain function, not
        this object with a __call__: Python calls a function without
        entering the C evaluation loop again, so the resumer's C stack (which
        greenlet copies out and back on every switch) stays short."""
        coro = self
        interp = self.interp
        getcurrent = _getcurrent

        def coroutine_command(_interp, argv):
            # Coroutine.resume, written out for the common case; the state
            # is "yield" only while the greenlet is alive (finished, kill)
            n = len(argv)
            if coro.state != "yield" or n > 2:
                return coro.resume_other(argv)
            value = argv[1] if n == 2 else ""
            gen = coro.gen
            if gen is not None:
                # the body's generator, sent into from here: it runs only
                # the fast paths written out in it (no Tcl command, trace or
                # interpreter state) before its next yield or request
                try:
                    value = gen.send(value)
                except BaseException as e:
                    value = Ended(e)
                cls = value.__class__
                if cls is not FunctionType and cls is not Call and cls is not Ended:
                    coro.hits += 1
                    return value
                # a command to run, or the end: the greenlet takes over
                coro.gen = None
            if getcurrent() is not coro.resumer:
                coro.resumed_from(getcurrent())
            frame = interp.frame
            ns = interp.cur_ns
            depth = interp.depth
            outer = interp.coroutine
            coro.state = "active"
            interp.coroutine = coro
            try:
                message = coro.glet.switch(value)
            except BaseException:
                coro.after_raise()
                raise
            finally:
                interp.frame = frame
                interp.cur_ns = ns
                interp.depth = depth
                interp.coroutine = outer
            # a plain yield leaves the state "yield" (yieldto "yieldto"; an
            # ended coroutine returns a Message)
            if coro.state == "yield" and not coro.deleted:
                return message
            return coro.deliver(message)
        coroutine_command.coroutine = self
        coroutine_command.on_delete = self.on_delete
        return coroutine_command

    def resume_other(self, argv):
        """The command called while the coroutine runs, after yieldto, or
        with too many words after yield."""
        state = self.state
        if state == "active":
            raise TclError('coroutine "%s" is already running' % to_str(argv[0]),
                           ("TCL", "COROUTINE", "BUSY"))
        if state == "yield":
            raise TclError('wrong # args: should be "%s ?arg?"' % to_str(argv[0]),
                           ("TCL", "WRONGARGS"))
        return self.resume(TclList(argv[1:]))

    def name(self):
        return self.token.qualified()

    def resume(self, value):
        """Switch into the coroutine with `value` (what its yield returns);
        returns what the coroutine hands back."""
        interp = self.interp
        glet = self.glet
        if glet is None or glet.dead:
            # it ended by an interrupt (KeyboardInterrupt passed through it)
            self.finished()
            raise TclError('coroutine "%s" has ended' % self.name(),
                           ("TCL", "COROUTINE", "DEAD"))
        here = _getcurrent()
        if here is not self.resumer:
            self.resumed_from(here)
        self.gen = None  # (its greenlet's `drive` sends the value)
        frame, ns, depth, outer = interp.frame, interp.cur_ns, interp.depth, interp.coroutine
        self.state = "active"
        interp.coroutine = self
        try:
            message = glet.switch(value)
        except BaseException:
            self.after_raise()
            raise
        finally:
            interp.frame = frame
            interp.cur_ns = ns
            interp.depth = depth
            interp.coroutine = outer
        if type(message) is not Message and not self.deleted:
            return message
        return self.deliver(message)

    def start_greenlet(self, func, argv, depth):
        self.glet = _greenlet().greenlet(lambda *_: self.start(func, argv, depth))

    def resumed_from(self, here):
        """Make the greenlet `here` the one a yield switches back to."""
        self.glet.parent = self.resumer = here

    def after_raise(self):
        """A resume raised: an interrupt (KeyboardInterrupt) went through the
        coroutine and ended it; its command goes, the interrupt goes on."""
        glet = self.glet
        if glet is not None and glet.dead:
            self.finished()

    def deliver(self, message):
        """What the resume (or creating) command returns for a message."""
        interp = self.interp
        if type(message) is not Message:
            # a plain yield by a coroutine whose command was deleted meanwhile
            if self.deleted:
                self.kill()
            return message
        kind = message[0]
        if kind == YIELDTO:
            ns, argv = message[1], message[2]
            if self.deleted:
                self.kill()
            func = interp.resolve_command(to_str(argv[0]), ns)
            if func is None:
                return interp.unknown(argv)
            return func(interp, argv)
        self.finished()
        if kind == DONE:
            return message[1]
        raise message[1]

    def finished(self):
        self.glet = None
        self.state = "dead"
        if not self.deleted:
            self.deleted = True
            tok = self.token
            if tok.ns.commands.get(tok.tail) is self.command:
                self.interp.discard_command(tok.ns, tok.tail)

    # ---- inside the coroutine ------------------------------------------------------

    def start(self, func, argv, depth):
        """The greenlet's body: run the command at level #0, as Tcl does."""
        interp = self.interp
        interp.frame = interp.global_frame
        interp.cur_ns = interp.global_ns
        interp.depth = depth
        interp.coroutine = self
        try:
            return Message((DONE, func(interp, argv)))
        except _greenlet().GreenletExit:
            raise
        except TclError as e:
            from ..runtime.lists import format_list
            # the coroutine's command is the outermost one it ran
            interp.add_error_context(e, format_list([to_str(w) for w in argv]), 1)
            return Message((RAISED, e))
        except Exception as e:  # Tcl's other return codes (signals), or a bug
            if isinstance(e, ReturnSignal) or hasattr(e, "code"):
                return Message((RAISED, e))
            return Message((RAISED, interp.internal_error(e)))

    def suspend(self, message, state):
        """Switch back to the resumer; returns the value this coroutine is
        next resumed with (or the injected command's result)."""
        interp = self.interp
        frame, ns, depth = interp.frame, interp.cur_ns, interp.depth
        self.state = state
        value = self.resumer.switch(message)
        # (whatever switched back in has set interp.coroutine)
        interp.frame, interp.cur_ns, interp.depth = frame, ns, depth
        if self.injected is not None:
            return run_injected(interp, self)
        return value

    # ---- deletion ------------------------------------------------------------------

    def on_delete(self, interp):
        """The command was deleted (rename to "" or namespace delete): a
        suspended coroutine is unwound now; a running one when it next
        leaves (its yield then returns to the resumer one last time)."""
        if self.deleted:
            return
        self.deleted = True
        if self.state != "active":
            self.kill()

    def kill(self):
        glet = self.glet
        if glet is None or glet.dead:
            self.glet = None
            self.state = "dead"
            return
        interp = self.interp
        outer = (interp.frame, interp.cur_ns, interp.depth, interp.coroutine)
        self.gen = None
        self.resumed_from(_getcurrent())
        self.state = "active"
        interp.coroutine = self
        try:
            # GreenletExit unwinds the coroutine's frames (their `finally`
            # blocks pop Tcl frames, unset traces fire); no Tcl `catch` stops it
            glet.throw()
        finally:
            interp.frame, interp.cur_ns, interp.depth, interp.coroutine = outer
            self.glet = None
            self.state = "dead"


class Ended:
    """What the resume command hands the greenlet when the body's generator
    ended on its side: StopIteration (the body returned) or an exception."""

    __slots__ = ("exc",)

    def __init__(self, exc):
        self.exc = exc


# after a resume that had to give the generator back to the greenlet (its
# next stretch ran a command), this many yields stay in the greenlet: a
# body that runs a command between most of its yields would otherwise pay
# for both ways
_STAY = 16
_FUTILE = 4


def drive(interp, coro, gen, fv, lines, futile):
    """Run a body's generator form (compile/coro_body.py) in the coroutine's
    greenlet: its requests (commands) run here, where they may yield at any
    depth; at each of its own yields it is handed to the resume command,
    which sends into it directly until it needs this greenlet again."""
    send = gen.send
    stay = 0
    try:
        request = send(None)
        while True:
            cls = request.__class__
            if cls is FunctionType or cls is Call:
                try:
                    if cls is FunctionType:
                        result = request(fv)
                    else:
                        result = request.func(*request.args)
                except BaseException as e:
                    request = gen.throw(e)
                else:
                    request = send(result)
                continue
            # one of the body's own yields (Coroutine.suspend, written out)
            frame, ns, depth = interp.frame, interp.cur_ns, interp.depth
            if stay:
                stay -= 1
                coro.state = "yield"
                value = coro.resumer.switch(request)
            else:
                coro.gen = gen
                hits = coro.hits
                coro.state = "yield"
                value = coro.resumer.switch(request)
                coro.gen = None
                # a hand-off the resume command got no yield from: after
                # _FUTILE of them in a row the body runs without its
                # generator form (a body that yields once and returns)
                futile[0] = 0 if coro.hits != hits else futile[0] + 1
            interp.frame, interp.cur_ns, interp.depth = frame, ns, depth
            cls = value.__class__
            if cls is FunctionType or cls is Call:
                # the resume command sent into the generator, which asked
                # for a command: run it here
                stay = _STAY
                request = value
            elif cls is Ended:
                stay = _STAY
                if value.exc.__class__ is StopIteration:
                    return value.exc.value
                raise value.exc
            elif coro.injected is not None:
                from ..compile.inline_coro import yield_injected
                try:
                    point = lines[gen.gi_frame.f_lineno]  # (its YieldForm)
                    result = yield_injected(interp, coro, point.words, point.on_error)
                except BaseException as e:
                    request = gen.throw(e)
                else:
                    request = send(result)
            else:
                request = send(value)
    except StopIteration as s:
        return s.value
    except BaseException:
        coro.gen = None
        gen.close()  # (killed while suspended: GreenletExit)
        raise


@command("coroutine", 2, None, "name cmd ?arg ...?")
def cmd_coroutine(interp, argv):
    _greenlet()  # imported now: the command made below captures getcurrent
    name = to_str(argv[1])
    ns, tail = interp._ns_and_tail(name)
    if ns is None or not tail:
        raise TclError('can\'t create procedure "%s": unknown namespace' % name,
                       ("TCL", "VALUE", "COMMAND"))
    words = list(argv[2:])
    head = to_str(words[0])
    # the command is looked up where `coroutine` was called, then run at #0
    func = interp.resolve_command(head)
    if func is None:
        prefix_ns = interp.cur_ns
        func = lambda i, a: _unknown_in(i, prefix_ns, a)  # noqa: E731
    coro = Coroutine(interp, ns, tail)
    interp.set_command(ns, tail, coro.command)
    coro.start_greenlet(func, words, interp.depth + 1)
    return coro.resume(None)


def _unknown_in(interp, ns, argv):
    saved = interp.cur_ns
    interp.cur_ns = ns
    try:
        return interp.unknown(argv)
    finally:
        interp.cur_ns = saved


@command("yield")
def cmd_yield(interp, argv):
    coro = interp.coroutine
    if coro is None or len(argv) > 2:
        return yield_refused(interp, argv)
    # Coroutine.suspend, written out: this is the hot half of every resume
    frame, ns, depth = interp.frame, interp.cur_ns, interp.depth
    coro.state = "yield"
    value = coro.resumer.switch(argv[1] if len(argv) == 2 else "")
    interp.frame = frame
    interp.cur_ns = ns
    interp.depth = depth
    if coro.injected is None:
        return value
    return run_injected(interp, coro)


def run_injected(interp, coro):
    """At a resume: the command ::tcl::unsupported::inject gave, in place of
    what yield returns."""
    argv, coro.injected = coro.injected, None
    return interp.invoke(argv)


def yield_refused(interp, argv):
    if len(argv) > 2:
        raise TclError('wrong # args: should be "yield ?returnValue?"', ("TCL", "WRONGARGS"))
    refuse_if_unyielding(interp)
    raise TclError("yield can only be called in a coroutine",
                   ("TCL", "COROUTINE", "ILLEGAL_YIELD"))


# the coroutines whose commands are in a callback that may not yield, innermost last
_UNYIELDING = "coroutines-unyielding"


def refuse_if_unyielding(interp):
    if interp.extensions.get(_UNYIELDING):
        raise TclError("cannot yield: C stack busy", ("TCL", "COROUTINE", "CANT_YIELD"))


def invoke_unyielding(interp, argv):
    """Call a command where Tcl calls back from C code that a coroutine
    cannot yield through (lsort -command): the coroutine is set aside, so
    yield and yieldto fail with Tcl's "cannot yield: C stack busy", while
    `info coroutine` still names it."""
    coro = interp.coroutine
    busy = interp.extensions.setdefault(_UNYIELDING, [])
    busy.append(coro)
    interp.coroutine = None
    try:
        return interp.invoke(argv)
    finally:
        interp.coroutine = coro
        busy.pop()


@command("yieldto", 1, None, "command ?arg ...?")
def cmd_yieldto(interp, argv):
    coro = current(interp)
    if coro is None:
        refuse_if_unyielding(interp)
        raise TclError("yieldto can only be called in a coroutine",
                       ("TCL", "COROUTINE", "ILLEGAL_YIELD"))
    ns = interp.cur_ns
    if ns.deleted:
        raise TclError("yieldto called in deleted namespace",
                       ("TCL", "COROUTINE", "YIELDTO_IN_DELETED"))
    return coro.suspend(Message((YIELDTO, ns, list(argv[1:]))), "yieldto")


def _coroutine_named(interp, name, what):
    func = interp.resolve_command(name)
    real = getattr(func, "real", None)
    if real is not None:
        func = real()
    coro = getattr(func, "coroutine", None)
    if type(coro) is not Coroutine:
        raise TclError(what, ("TCL", "COROUTINE", "NOT_COROUTINE"))
    return coro


@command("::tcl::unsupported::corotype", 1, 1, "coroName")
def cmd_corotype(interp, argv):
    coro = _coroutine_named(interp, to_str(argv[1]),
                            "can only get coroutine type of a coroutine")
    return coro.state


@command("::tcl::unsupported::inject", 2, None, "coroName cmd ?arg1 arg2 ...?")
def cmd_inject(interp, argv):
    coro = _coroutine_named(interp, to_str(argv[1]), "can only inject a command into a coroutine")
    if coro.state == "active":
        raise TclError("can only inject a command into a suspended coroutine",
                       ("TCL", "COROUTINE", "ACTIVE"))
    if len(argv) > 2:
        coro.injected = list(argv[2:])
        coro.gen = None  # (the greenlet runs it: `drive`)
    return ""


def info_coroutine(interp, argv):
    """`info coroutine`: the running coroutine's command name, or "" (also
    when its command was deleted while it runs)."""
    coro = current(interp)
    if coro is None:
        busy = interp.extensions.get(_UNYIELDING)
        coro = busy[-1] if busy else None
    if coro is None or coro.deleted:
        return ""
    return coro.name()


# ---- tailcall ---------------------------------------------------------------------

@command("tailcall", 0, None, "command ?arg ...?")
def cmd_tailcall(interp, argv):
    frame = interp.frame
    if not frame.is_proc:
        raise TclError("tailcall can only be called from a proc, lambda or method",
                       ("TCL", "TAILCALL", "ILLEGAL"))
    # the command is resolved in the current namespace when it runs, in the
    # caller's frame, after this proc's frame is gone (procs.run_body)
    # (with no command: none, but the frame's locals are still looked at)
    frame.tailcall = (interp.cur_ns, list(argv[1:])) if len(argv) > 1 else LOCALS_TRACED
    raise ReturnSignal("")


def run_tailcall(interp, pending):
    ns, argv = pending
    if ns.deleted:
        raise TclError('namespace "%s" not found' % ns.name,
                       ("TCL", "LOOKUP", "NAMESPACE", ns.name))
    func = interp.resolve_command(to_str(argv[0]), ns)
    if func is None:
        return _unknown_in(interp, ns, argv)
    try:
        return func(interp, argv)
    except TclError as e:
        # the tail-called command is a command of its own in errorInfo, as in
        # Tcl ("invoked from within" its words); the line stays the caller's
        line, last = e.errorline, interp.error_line
        interp.add_error_context(e, to_str(TclList(argv)), line)
        e.errorline, interp.error_line = line, last
        raise
