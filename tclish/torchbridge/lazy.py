"""The torch:: commands in a new interpreter: names now, declarations when used.

Importing the ~500 declarations and building their commands is close to
half of an interpreter's start-up (`tclish -c {puts hi}`, the REPL's first
prompt), and most scripts never call a torch command.  So an interpreter
starts with one `LazyCommand` per name (the names come from names.py,
generated with docs/torch.md by scripts/gen_torch_docs.py): `info commands`,
`rename`, `namespace` and help see every command from the start.  The first
call of any of them builds the real commands (install.commands(), once per
process) and puts each in the place of its stand-in in that interpreter,
so later calls reach the real command directly.  A stand-in that was
renamed, or that carries command traces or imports, stays and passes its
calls on (replacing it would run its delete traces).

A stand-in's `spec` is the real declaration, so help, completion and the
REPL's toolbar read it as they read a real command's.
"""

from .names import NAMES


def _real():
    """{name: command} of every torch command (built once per process)."""
    global _REAL
    if _REAL is None:
        from .install import commands
        _REAL = dict(commands())
    return _REAL


_REAL = None


class LazyCommand:
    """The stand-in for one torch command until the first torch command runs."""

    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name

    def __call__(self, interp, argv):
        real = _real()
        materialize(interp, real)
        return real[self.name](interp, argv)

    def realize(self, interp):
        """Build the real commands and put them in place in `interp` now (the
        compiler writes out calls of the real ones: compile/inline_calls.py)."""
        materialize(interp)

    @property
    def spec(self):
        return _real()[self.name].spec

    def __repr__(self):
        return "<torch command %s, not yet built>" % self.name


def materialize(interp, real=None):
    """Put the real torch commands in the place of their stand-ins in `interp`."""
    real = real or _real()
    ns = interp.namespaces.get("::torch")
    if ns is not None:
        commands, tokens = ns.commands, ns.tokens
        for tail, func in list(commands.items()):
            # a stand-in under its own name and without traces or imports
            if (type(func) is LazyCommand and func.name == "torch::" + tail
                    and tail not in tokens):
                commands[tail] = real[func.name]
    # compiled command words cache their command against the epoch
    interp.epoch += 1
    # names declared since names.py was generated (until it is regenerated)
    for name, cmd in real.items():
        if name not in _NAME_SET and interp.resolve_command("::" + name) is None:
            interp.register(name, cmd)


_NAME_SET = frozenset(NAMES)


def cmd_load(interp, argv):
    """`load`: see install.cmd_load (imported when a script loads something)."""
    from .install import cmd_load as load
    return load(interp, argv)


def cmd_unload(interp, argv):
    """`unload`: see install.cmd_unload."""
    from .install import cmd_unload as unload
    return unload(interp, argv)


def install(interp):
    """Register a stand-in for every torch command, `load` and `unload`, in
    `interp` (a safe interpreter hides both, as Tcl's does)."""
    register = interp.register
    for name in NAMES:
        register(name, LazyCommand(name))
    register("load", cmd_load)
    register("unload", cmd_unload)
