"""The interpreter: command table, frames, variable access, evaluation.

Hot paths live in the compiled closures (tclish/compile); this module holds
the state they consult and the slow paths they fall back to.
"""

import os
import sys

from .errors import BreakSignal, ContinueSignal, ReturnSignal, TclError, TclSignal
from .frames import DeclaredVar, ElementLink, Frame, Namespace, Var
from .values import TclList, to_str
from .numbers import parse_int  # for _c_int, on every upvar/uplevel: not imported per call
from .limits import CancelUnwind, unwound  # interp cancel -unwind (caught only when raised)

MAX_NESTING = 1000

TCL_LIBRARY = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "library")

# Command names the compiler inlines; redefining one bumps `core_epoch`,
# which sends the inlined forms back to ordinary dispatch.
INLINE_NAMES = frozenset((
    "set", "incr", "if", "while", "for", "foreach", "expr", "append", "lappend",
    "catch", "return", "break", "continue", "lindex", "llength", "global", "list",
    "string", "switch",
))

_ERROR_TEXT_LIMIT = 150


def _error_excerpt(text):
    if len(text) > _ERROR_TEXT_LIMIT:
        return text[:_ERROR_TEXT_LIMIT] + "..."
    return text


def _may_shadow_builtins(ns):
    """Whether a command defined in `ns` can stand in for a core command in
    code the compiler inlined (which then must stop using its inlined forms).
    Tcl's own implementation namespaces (::tcl::dict::set and the like) run
    no user code, so defining commands there changes nothing."""
    name = ns.name
    return not (name == "::tcl" or name.startswith("::tcl::"))


def body_note(what, line):
    """The errorInfo line a command adds for an error in a script it ran:
    `what` is a command name ("while" -> ("while" body line N)), a format
    with %d, or a whole note starting with "(" (("for" initial command))."""
    if "%d" in what:
        return what % line
    if what.startswith("("):
        return what
    return '("%s" body line %d)' % (what, line)


def _c_int(text):
    """An integer string read as a C int (values up to 32 bits wrap), or None."""
    n = parse_int(text) if text else None
    if n is None or not -0xFFFFFFFF <= n <= 0xFFFFFFFF:
        return None
    return ((n + 0x80000000) & 0xFFFFFFFF) - 0x80000000


def split_array_name(name):
    """'a(b)' -> ('a', 'b'); '(b)' -> ('', 'b'), an element of the array named ''; anything
    else -> (name, None)."""
    if name and name[-1] == ")":
        i = name.find("(")
        if i >= 0:
            return name[:i], name[i + 1:-1]
    return name, None


class CmdToken:
    """Where a command lives, kept for the commands that must be found again
    after a rename: those imported elsewhere (`importers` holds the tokens of
    the ImportedCmd entries made from it) and those with rename/delete
    traces (`traces`: callables (interp, oldName, newName, op))."""

    __slots__ = ("ns", "tail", "importers", "traces")

    def __init__(self, ns, tail):
        self.ns = ns
        self.tail = tail
        self.importers = []
        self.traces = None

    def qualified(self):
        return self.ns.qualify(self.tail)

    def __repr__(self):
        return "<CmdToken %s>" % self.qualified()


class ImportedCmd:
    """A command made by `namespace import`: it calls the command it was
    imported from, found through that command's token at each call, so a
    redefinition or rename of the original is followed.  Attributes other
    than its own (proc_spec, ensemble_config, ...) are the real command's."""

    __slots__ = ("target", "token")

    def __init__(self, target, token):
        self.target = target    # CmdToken of the command imported
        self.token = token      # this command's own token

    def __call__(self, interp, argv):
        t = self.target
        return t.ns.commands[t.tail](interp, argv)

    def origin(self):
        """The token of the real command at the end of a chain of imports."""
        tok = self.target
        seen = 0
        while True:
            func = tok.ns.commands.get(tok.tail)
            if type(func) is not ImportedCmd or seen > 1000:
                return tok
            tok = func.target
            seen += 1

    def real(self):
        tok = self.origin()
        return tok.ns.commands.get(tok.tail)

    def __getattr__(self, name):
        if name in ("target", "token") or name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.real(), name)


class Interp:
    """A Tcl interpreter (the runtime object every command receives)."""

    # stdout/stderr: the streams given, else whatever sys.stdout/sys.stderr is
    # at the time of each write (an embedding program may redirect them)
    @property
    def stdout(self):
        s = self._stdout
        return sys.stdout if s is None else s

    @stdout.setter
    def stdout(self, stream):
        self._stdout = stream

    @property
    def stderr(self):
        s = self._stderr
        return sys.stderr if s is None else s

    @stderr.setter
    def stderr(self, stream):
        self._stderr = stream

    def __init__(self, stdout=None, stderr=None):
        self.global_ns = Namespace("::", None)
        self.namespaces = {"::": self.global_ns}
        self.global_frame = Frame(self.global_ns.vars, self.global_ns, 0, None)
        self.frame = self.global_frame
        self.cur_ns = self.global_ns
        self.epoch = 0
        self.core_epoch = 0
        self.depth = 0
        self.coroutine = None  # the running coroutine (commands/coroutines.py)
        self.max_depth = MAX_NESTING
        if hasattr(sys, "set_int_max_str_digits"):
            sys.set_int_max_str_digits(0)  # Tcl prints bignums in full
        # the resource limits while `interp limit` has set one (runtime/limits.py)
        self.limits = None
        self._stdout = stdout
        self._stderr = stderr
        self.extensions = {}
        self.script_cache = {}
        self.expr_cache = {}
        self.packages = {}
        self.script_file = ""
        self.channels = {}
        self.exit_handler = None
        self.qualified_cache = None  # (epoch, {(name, ns): command}), see resolve_command
        self.error_line = 1  # the line of the command last logged in errorInfo
        # how deep the [substitution] being compiled is nested (compile/script.py).
        # Every attribute is made here: one added later, or a look at __dict__,
        # turns the instance's attributes into a plain dict, which makes every
        # `interp.x` the compiled code reads about twice as slow
        self.cmdsub_nesting = 0
        # names of core commands the compiler inlines (INLINE_NAMES) that a
        # namespace other than the global one has defined: compiled code is
        # shared by every namespace it runs in (the script cache is keyed by
        # text), so such a name is never inlined again (see set_command)
        self.shadowed_core = set()
        self.last_errorstack = TclList()
        from ..commands import install_all
        install_all(self)
        # what the compiler may inline: only while a name still means this
        self.builtin_commands = {name: self.global_ns.commands.get(name) for name in INLINE_NAMES}
        # the torch:: commands: names only; the declarations are read when the
        # first one runs (torchbridge/lazy.py), torch imported when it needs torch
        from ..torchbridge.lazy import install as install_torch
        install_torch(self)
        self.set_var("::errorInfo", "")
        self.set_var("::errorCode", "NONE")
        # Tcl_Init sets tcl_library in every interpreter; `info library` reads it
        self.set_var("::tcl_library", TCL_LIBRARY)

    # ---- commands -------------------------------------------------------------

    def _ns_and_tail(self, name, create=False):
        """Split a command or variable name into (namespace, tail)."""
        if "::" not in name:
            return self.cur_ns, name
        absolute = name.startswith("::")
        parts = name.split("::")
        tail = parts[-1]
        quals = [p for p in parts[:-1] if p]
        ns = self.global_ns if absolute else self.cur_ns
        for q in quals:
            child = ns.children.get(q)
            if child is None:
                if not absolute and ns is self.cur_ns and ns is not self.global_ns:
                    # relative names fall back to the global namespace
                    return self._ns_and_tail("::" + name, create)
                if not create:
                    return None, tail
                child = self.create_namespace(ns.qualify(q))
            ns = child
        return ns, tail

    def create_namespace(self, qualified):
        ns = self.namespaces.get(qualified)
        if ns is not None:
            return ns
        parent_name, _, tail = qualified.rpartition("::")
        parent = self.create_namespace(parent_name or "::") if parent_name else self.global_ns
        ns = Namespace(qualified, parent)
        parent.children[tail] = ns
        self.namespaces[qualified] = ns
        self.epoch += 1
        return ns

    def register(self, name, func):
        """Create or replace the command `name` (may be namespace-qualified)."""
        ns, tail = self._ns_and_tail(name, create=True)
        self.set_command(ns, tail, func)

    def set_command(self, ns, tail, func):
        """Create or replace command `tail` of namespace `ns`.  Replacing a
        command deletes it first (its delete traces run) but keeps the
        commands imported from it pointing at the new one, as in Tcl."""
        old = ns.commands.get(tail)
        if old is not None and (ns.tokens or type(old) is ImportedCmd):
            self.discard_command(ns, tail, redefine=True)
        ns.commands[tail] = func
        self.epoch += 1
        if tail in INLINE_NAMES and _may_shadow_builtins(ns):
            self.core_epoch += 1
            if ns is not self.global_ns:
                self.shadowed_core.add(tail)

    def inlinable(self, name):
        """Whether compiled code may write the core command `name` out: the
        name means the built-in here, and no namespace has a command of that
        name (compiled code may run in any namespace: shadowed_core)."""
        builtin = self.builtin_commands.get(name)
        return builtin is not None and name not in self.shadowed_core and \
            self.resolve_command(name) is builtin

    def command_token(self, ns, tail):
        """The CmdToken of command `tail` in `ns` (made on first request)."""
        tok = ns.tokens.get(tail)
        if tok is None:
            tok = ns.tokens[tail] = CmdToken(ns, tail)
        return tok

    def delete_command(self, name):
        ns, tail = self._ns_and_tail(name)
        if ns is None or tail not in ns.commands:
            return False
        self.discard_command(ns, tail)
        return True

    def discard_command(self, ns, tail, redefine=False):
        """Delete command `tail` of `ns`: run its delete traces, delete the
        commands imported from it (unless it is being redefined), unlink it
        from what it was imported from, then drop it from the table."""
        func = ns.commands.get(tail)
        tok = ns.tokens.get(tail)
        if tok is not None and tok.traces:
            traces = tok.traces
            tok.traces = None
            self.fire_command_traces(traces, ns.qualify(tail), "", "delete")
            if ns.commands.get(tail) is not func:
                return  # a trace deleted or replaced it already
        if type(func) is ImportedCmd:
            importers = func.target.importers
            if func.token in importers:
                importers.remove(func.token)
        if tok is not None and not redefine:
            del ns.tokens[tail]
            for imp in list(tok.importers):
                if imp.ns.commands.get(imp.tail) is not None:
                    self.discard_command(imp.ns, imp.tail)
            tok.importers = []
        elif tok is not None and not tok.importers:
            del ns.tokens[tail]
        if not redefine:
            ns.commands.pop(tail, None)
        deleted = getattr(func, "on_delete", None)
        if deleted is not None:
            deleted(self)
        self.epoch += 1
        if tail in INLINE_NAMES and _may_shadow_builtins(ns):
            self.core_epoch += 1

    def move_command(self, ns, tail, new_ns, new_tail):
        """Rename: the command (with its token, so imports of it and its
        traces follow) moves to `new_ns`/`new_tail`; rename traces run."""
        func = ns.commands[tail]
        tok = ns.tokens.pop(tail, None)
        new_ns.commands[new_tail] = func
        self.epoch += 1
        if (tail in INLINE_NAMES and _may_shadow_builtins(ns)) or \
                (new_tail in INLINE_NAMES and _may_shadow_builtins(new_ns)):
            self.core_epoch += 1
            if new_tail in INLINE_NAMES and new_ns is not self.global_ns:
                self.shadowed_core.add(new_tail)
        if tok is not None:
            tok.ns, tok.tail = new_ns, new_tail
            new_ns.tokens[new_tail] = tok
            if tok.traces:
                # as in Tcl, the old name goes only after the rename traces ran
                self.fire_command_traces(list(tok.traces), ns.qualify(tail),
                                         new_ns.qualify(new_tail), "rename")
        if ns.commands.get(tail) is func and (ns is not new_ns or tail != new_tail):
            del ns.commands[tail]
            self.epoch += 1

    def fire_command_traces(self, traces, old, new, op):
        for callback in list(traces):
            callback(self, old, new, op)

    def _walk(self, ns, quals):
        for q in quals:
            ns = ns.children.get(q)
            if ns is None:
                return None
        return ns

    def locate_command(self, name, ns=None):
        """(namespace, tail) of the command `name` seen from `ns` (default the
        current namespace), or (None, tail): the namespace itself, then its
        path, then the global namespace; a relative qualified name is looked
        up from the namespace, from those of its path, then from the global
        namespace."""
        if ns is None:
            ns = self.cur_ns
        if "::" in name:
            parts = name.split("::")
            tail = parts[-1]
            quals = [p for p in parts[:-1] if p]
            if name.startswith("::"):
                spaces = (self.global_ns,)
            elif ns is self.global_ns:
                spaces = [ns] + ns.path
            else:
                spaces = [ns] + ns.path + [self.global_ns]
            for base in spaces:
                target = self._walk(base, quals)
                if target is not None and tail in target.commands:
                    return target, tail
            return None, tail
        if name in ns.commands:
            return ns, name
        for path_ns in ns.path:
            if name in path_ns.commands and not path_ns.deleted:
                return path_ns, name
        if name in self.global_ns.commands:
            return self.global_ns, name
        return None, name

    def resolve_command(self, name, ns=None):
        """The command function for `name` seen from namespace `ns`, or None."""
        if ns is None:
            ns = self.cur_ns
        if "::" not in name:
            func = ns.commands.get(name)
            if func is not None:
                return func
            for path_ns in ns.path:
                func = path_ns.commands.get(name)
                if func is not None and not path_ns.deleted:
                    return func
            return self.global_ns.commands.get(name)
        # a qualified name (an object's ::oo::ObjN, a ns::proc called through
        # a variable) is looked up by walking namespaces: remember the answer
        # while no command or namespace changes (the epoch), as compiled
        # invocations do
        cache = self.qualified_cache
        if cache is None or cache[0] != self.epoch or len(cache[1]) > 2000:
            cache = self.qualified_cache = (self.epoch, {})
        key = (name, ns)
        func = cache[1].get(key)
        if func is None:
            target, tail = self.locate_command(name, ns)
            if target is None:
                return None
            func = cache[1][key] = target.commands[tail]
        return func

    def command_names(self, ns=None):
        ns = ns or self.global_ns
        return list(ns.commands)

    def invoke(self, argv):
        """Call a command given its full argv list (values)."""
        name = argv[0]
        func = self.resolve_command(name if type(name) is str else to_str(name))
        if self.limits is not None:
            self.limits.tick()
        if func is None:
            return self.unknown(argv)
        return func(self, argv)

    def unknown(self, argv):
        """Run the unknown handler for a command not found: the current
        namespace's (`namespace unknown`), else the global one's (default
        `::unknown`); with no such command, `invalid command name`."""
        handler = self.cur_ns.unknown
        if handler is None:
            handler = self.global_ns.unknown
        if handler is None:
            prefix = ["::unknown"]
        else:
            from .values import to_list
            prefix = list(to_list(handler))
        func = self.resolve_command(to_str(prefix[0])) if prefix else None
        if func is None:
            raise TclError('invalid command name "%s"' % to_str(argv[0]),
                           ("TCL", "LOOKUP", "COMMAND", to_str(argv[0])))
        return func(self, prefix + list(argv))

    # ---- evaluation -------------------------------------------------------------

    def compile(self, script):
        """The compiled form of a script value (cached by source text)."""
        text = script if type(script) is str else to_str(script)
        code = self.script_cache.get(text)
        if code is None:
            from ..compile.script import compile_script
            try:
                code = compile_script(self, text)
            except RecursionError:
                # nesting too deep for the parser: Tcl's compiler says so
                raise TclError("too many nested compilations (infinite loop?)",
                               ("TCL", "LIMIT", "STACK")) from None
            if len(self.script_cache) > 5000:
                self.script_cache.clear()
            self.script_cache[text] = code
        return code

    def eval(self, script):
        """Evaluate a script in the current frame; returns its result value."""
        try:
            # the cache looked up here first: a Python call less per eval
            code = self.script_cache.get(script if type(script) is str else to_str(script))
            if code is None:
                code = self.compile(script)
        except TclError as e:
            if e.errorcode[:2] != ("TCL", "PARSE"):
                raise
            # Tcl runs the commands before a syntax error first
            from ..compile.script import COMPILED, up_to_syntax_error
            code = up_to_syntax_error(self, script if type(script) is str else to_str(script),
                                      COMPILED)
        self.depth += 1
        try:
            if self.depth > self.max_depth:
                raise self.nesting_error()
            return code(self.frame.vars)
        except (TclError, TclSignal):
            raise
        except Exception as e:
            # an inlined command's Python exception (free until raised)
            raise self.internal_error(e) from None
        except CancelUnwind as u:
            # `interp cancel -unwind`: an error again once out of the outermost evaluation
            err = unwound(self, u)
            if err is None:
                raise
            raise err from None
        finally:
            self.depth -= 1

    def eval_body(self, script, what):
        """Evaluate a script on behalf of a command (eval, uplevel, ...): adds
        the `("what" body line N)` line to errorInfo as Tcl does.  `what` may
        instead be a whole format with one %d for the line."""
        try:
            return self.eval(script)
        except TclError as e:
            if e.errorline is not None:
                e.errorinfo += "\n    " + body_note(what, e.errorline)
            raise

    def nesting_error(self):
        return TclError("too many nested evaluations (infinite loop?)",
                        ("TCL", "LIMIT", "STACK"))

    def expr(self, expression):
        text = expression if type(expression) is str else to_str(expression)
        code = self.expr_cache.get(text)
        if code is None:
            from ..compile.expr import compile_expr
            code = compile_expr(self, text)
            if len(self.expr_cache) > 5000:
                self.expr_cache.clear()
            self.expr_cache[text] = code
        return code(self.frame.vars)

    def add_error_context(self, err, text, line):
        """Add the `while executing` / `invoked from within` lines."""
        if err.logged:
            # an already-logged error keeps the line last logged, as Tcl's
            # interp-wide errorLine does
            err.logged = False
            err.errorline = self.error_line
            return
        if not err.context_added:
            err.errorinfo += '\n    while executing\n"%s"' % _error_excerpt(text)
            err.context_added = True
            if err.errorstack is None:
                err.errorstack = TclList(["INNER", text])
        else:
            err.errorinfo += '\n    invoked from within\n"%s"' % _error_excerpt(text)
        err.errorline = self.error_line = line

    def internal_error(self, exc):
        """A Python exception that escaped a command, as a Tcl error."""
        from .pyerrors import tcl_error_for
        return tcl_error_for(exc, self.nesting_error)

    # ---- frames -----------------------------------------------------------------

    def push_frame(self, frame):
        self.frame = frame
        self.cur_ns = frame.ns

    def pop_frame(self, previous):
        self.frame = previous
        self.cur_ns = previous.ns

    def frame_at_level(self, level_value, current=None):
        """Resolve an uplevel/upvar level spec ("1", "#0"); returns a Frame."""
        frame = self.level_frame(level_value, current)
        if frame is None:
            raise TclError('bad level "%s"' % to_str(level_value), ("TCL", "VALUE", "LEVEL"))
        return frame

    def level_frame(self, level_value, current=None):
        """The frame a level spec names, or None when the value is not a level
        at all (then uplevel/upvar take it as their next argument), following
        TclObjGetFrame: an integer (read as a C int) is relative, "#N" is
        absolute, anything else starting with a digit is a bad level."""
        frame = current or self.frame
        spec = to_str(level_value)
        n = _c_int(spec)
        if n is not None:
            if n < 0:
                # a negative number is the command, unless it was written
                # with a digit first (0xffffffff), which is a bad level
                if spec[:1].isdigit():
                    raise TclError('bad level "%s"' % spec, ("TCL", "VALUE", "LEVEL"))
                return None
            target = frame.level - n
        elif spec[:1] == "#":
            target = _c_int(spec[1:])
            if target is None or target < 0:
                raise TclError('bad level "%s"' % spec, ("TCL", "VALUE", "LEVEL"))
        elif spec[:1].isdigit():
            raise TclError('bad level "%s"' % spec, ("TCL", "VALUE", "LEVEL"))
        else:
            return None
        if target < 0 or target > frame.level:
            raise TclError('bad level "%s"' % spec, ("TCL", "VALUE", "LEVEL"))
        f = frame
        while f.level > target:
            f = f.parent
        return f

    # ---- variables --------------------------------------------------------------

    def _table_for(self, name, create):
        """(variable table, simple name) for a variable name in the current frame."""
        if "::" in name:
            ns, tail = self._ns_and_tail(name, create=False)
            if ns is None:
                return None, tail
            return ns.vars, tail
        frame = self.frame
        table = frame.vars
        if not frame.is_proc and frame.ns is not self.global_ns:
            # a namespace variable unset and not declared by `variable` is
            # not there: the global variable of that name is used instead
            var = table.get(name)
            if var is not None and (var.__class__ is not Var or not var.is_unset()):
                return table, name
            gvar = self.global_ns.vars.get(name)
            if gvar is not None and not gvar.is_unset():
                return self.global_ns.vars, name
        return table, name

    def lookup_var(self, name, create=False):
        """The Var cell for a plain or qualified (non-element) name, or None."""
        table, tail = self._table_for(name, create)
        if table is None:
            if create:
                raise TclError('can\'t set "%s": parent namespace doesn\'t exist' % name,
                               ("TCL", "LOOKUP", "VARNAME", name))
            return None
        var = table.get(tail)
        if var is None and create:
            var = table[tail] = Var()
        return var

    def get_var(self, name):
        base, index = split_array_name(name)
        var = self.lookup_var(base)
        return self.read_var(var, base, index, name)

    def read_var(self, var, base, index, fullname=None):
        if index is None:
            if var is not None:
                if var.traces:
                    self.fire_traces(var, base, None, "read")
                v = var.value
                if v is not None:
                    return v
                if var.arr is not None:
                    raise TclError('can\'t read "%s": variable is array' % base,
                                   ("TCL", "READ", "VARNAME"))
            raise TclError('can\'t read "%s": no such variable' % base, ("TCL", "READ", "VARNAME"))
        name = fullname or "%s(%s)" % (base, index)
        if var is not None and var.traces:
            self.fire_traces(var, base, index, "read")
        if var is None or (var.arr is None and var.value is None):
            raise TclError('can\'t read "%s": no such variable' % name, ("TCL", "READ", "VARNAME"))
        if var.arr is None:
            raise TclError('can\'t read "%s": variable isn\'t array' % name,
                           ("TCL", "LOOKUP", "VARNAME", base))
        try:
            return var.arr[index]
        except KeyError:
            raise TclError('can\'t read "%s": no such element in array' % name,
                           ("TCL", "READ", "VARNAME")) from None

    def set_var(self, name, value):
        base, index = split_array_name(name)
        var = self.lookup_var(base, create=True)
        return self.write_var(var, base, index, value)

    def write_var(self, var, base, index, value):
        if index is None:
            if var.arr is not None:
                raise TclError('can\'t set "%s": variable is array' % base,
                               ("TCL", "WRITE", "VARNAME"))
            var.value = value
        else:
            if var.arr is None:
                # a link to an array element cannot itself become an array
                if var.value is not None or type(var) is ElementLink:
                    raise TclError('can\'t set "%s(%s)": variable isn\'t array' % (base, index),
                                   ("TCL", "LOOKUP", "VARNAME", base))
                var.arr = {}
            var.arr[index] = value
        if var.traces:
            self.fire_traces(var, base, index, "write")
        return value

    def unset_var(self, name, nocomplain=False):
        base, index = split_array_name(name)
        table, tail = self._table_for(base, False)
        var = table.get(tail) if table is not None else None
        if var is None or var.is_unset():
            if nocomplain:
                return
            raise TclError('can\'t unset "%s": no such variable' % name,
                           ("TCL", "UNSET", "VARNAME"))
        if index is None:
            # the cell stays in the table: upvar links to it must survive,
            # as in Tcl; an unset cell is invisible (is_unset)
            traces = var.traces
            elements = var.arr
            var.value = None
            var.arr = None
            var.traces = None
            if type(var) is DeclaredVar:
                var.__class__ = Var
            if table is not self.global_ns.vars and (not self.frame.is_proc or "::" in base) \
                    and sys.getrefcount(var) <= 3:
                # as Tcl frees an unset namespace variable nothing links to
                # (table, `var`, the argument): later lookups of the name in
                # the namespace fall back to the global variable
                if table.get(tail) is var:
                    del table[tail]
            if traces:
                self.fire_unset_traces(traces, base, elements)
            return
        if var.arr is None:
            if nocomplain:
                return
            raise TclError('can\'t unset "%s": variable isn\'t array' % name,
                           ("TCL", "LOOKUP", "VARNAME", base))
        if index not in var.arr:
            if nocomplain:
                return
            raise TclError('can\'t unset "%s": no such element in array' % name,
                           ("TCL", "UNSET", "VARNAME"))
        del var.arr[index]
        if var.traces:
            self.fire_traces(var, base, index, "unset")

    def var_exists(self, name):
        base, index = split_array_name(name)
        var = self.lookup_var(base)
        if var is None:
            return False
        if index is None:
            return not var.is_unset()
        return var.arr is not None and index in var.arr

    # Compiled code calls these when the fast path misses.
    def read_var_slow(self, name):
        return self.get_var(name)

    def read_elem(self, name, index):
        var = self.lookup_var(name)
        return self.read_var(var, name, index)

    def write_elem(self, name, index, value):
        var = self.lookup_var(name, create=True)
        return self.write_var(var, name, index, value)

    # ---- traces (variable traces; kept off the fast paths) ----------------------

    def fire_traces(self, var, base, index, op):
        self.fire_traces_list(var.traces, base, index, op)

    def fire_unset_traces(self, traces, base, elements):
        """A whole variable is gone: the traces on the variable fire first,
        then those on its elements in the array's order (as Tcl's
        UnsetVarStruct, then DeleteArray)."""
        own = [t for t in traces if getattr(t[1], "element", None) is None]
        if len(own) < len(traces):
            order = {key: i for i, key in enumerate(elements or ())}
            rest = [t for t in traces if getattr(t[1], "element", None) is not None]
            rest.sort(key=lambda t: order.get(t[1].element, len(order)))
            traces = own + rest
        self.fire_traces_list(traces, base, None, "unset")

    def fire_traces_list(self, traces, base, index, op):
        for ops, callback in list(traces):
            if op in ops:
                callback(self, base, index, op)

    # ---- helpers for commands ---------------------------------------------------

    def set_error_vars(self, err):
        self.last_errorstack = err.errorstack or TclList()
        gv = self.global_ns.vars
        info = gv.get("errorInfo")
        if info is None:
            info = gv["errorInfo"] = Var()
        info.value = err.errorinfo
        code = gv.get("errorCode")
        if code is None:
            code = gv["errorCode"] = Var()
        code.value = err.errorcode if type(err.errorcode) is str else _code_value(err.errorcode)


def _code_value(code):
    from .values import TclList
    return TclList(code)


__all__ = ["Interp", "CmdToken", "ImportedCmd", "TclError", "TclSignal", "BreakSignal", "ContinueSignal", "ReturnSignal",
           "split_array_name"]
