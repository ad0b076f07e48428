"""oo::define and oo::objdefine, and the definition commands they run.

A definition script runs with ::oo::define (or ::oo::objdefine) as its
current namespace, in a DefineFrame that names the class or object being
defined, as TclOO does; the definition commands find their target there.
The list-valued definitions (superclass, mixin, filter, variable) are
"slots" taking -append, -clear, -set (and -remove) as in Tcl 8.6.
"""

from ..commands.procs import ProcSpec
from ..runtime.errors import TclError
from ..runtime.frames import Frame
from ..runtime.values import to_str
from .calls import class_of, object_of, state_of
from .model import Method, check_no_cycle, exported_by_default


class DefineFrame(Frame):
    __slots__ = ("target", "objdefine")


NOT_IN_CONTEXT = ("this command may only be called from within the context of an "
                  "::oo::define or ::oo::objdefine command")


def in_mode(func, objdefine):
    """The command `func` as registered in ::oo::define (objdefine False) or
    ::oo::objdefine: called in the other kind of context it is misused."""
    def definition_command(interp, argv):
        frame = interp.frame
        if type(frame) is DefineFrame and frame.objdefine != objdefine and \
                func is not def_self:
            raise TclError("attempt to misuse API", ("TCL", "OO", "MONKEY_BUSINESS"))
        return func(interp, argv)
    definition_command.synopsis = func.synopsis
    definition_command.__module__ = func.__module__
    return definition_command


def define_target(interp):
    frame = interp.frame
    if type(frame) is not DefineFrame:
        raise TclError(NOT_IN_CONTEXT, ("TCL", "OO", "MONKEY_BUSINESS"))
    target = frame.target
    if target.dead:
        raise TclError("this command cannot be called when the object has been deleted",
                       ("TCL", "OO", "MONKEY_BUSINESS"))
    return target, frame.objdefine


def class_target(interp, argv):
    target, objdefine = define_target(interp)
    if objdefine:
        return target, True
    if not target.is_class():
        raise TclError("attempt to misuse API", ("TCL", "OO", "MONKEY_BUSINESS"))
    return target, False


def run_definition(interp, target, objdefine, argv):
    """oo::define/objdefine NAME script, or NAME subcommand ?arg ...?."""
    st = target.state
    ns = interp.namespaces["::oo::objdefine" if objdefine else "::oo::define"]
    caller = interp.frame
    frame = DefineFrame(ns.vars, ns, caller.level + 1, caller, argv=argv)
    frame.is_proc = False
    frame.target = target
    frame.objdefine = objdefine
    interp.frame = frame
    interp.cur_ns = ns
    try:
        if len(argv) == 3:
            try:
                return interp.eval(argv[2])
            except TclError as e:
                if e.errorline is not None:
                    # the name the target has now (the script may rename it)
                    if not target.is_class():
                        what = "object"
                    else:
                        what = "class object" if objdefine else "class"
                    name = target.name()
                    if len(name) > 30:
                        name = name[:30] + "..."
                    e.errorinfo += '\n    (in definition script for %s "%s" line %d)' % (
                        what, name, e.errorline)
                raise
        words = list(argv[2:])
        func = interp.resolve_command(to_str(words[0]), ns)
        if func is None:
            return interp.unknown(words)
        # errors name the whole call: `oo::define C method name args body`
        shown = "%s %s %s" % (to_str(argv[0]), to_str(argv[1]), to_str(words[0]))
        return func(interp, [shown] + words[1:])
    finally:
        interp.frame = caller
        interp.cur_ns = caller.ns
        st.changed()


def cmd_define(interp, argv, objdefine=False):
    if len(argv) < 3:
        raise TclError('wrong # args: should be "%s %s"' % (
            to_str(argv[0]), "objectName subcommand ?arg ...?" if objdefine else
            "className arg ?arg ...?"), ("TCL", "WRONGARGS"))
    state_of(interp)
    name = to_str(argv[1])
    if objdefine:
        target = object_of(interp, name)
    else:
        target = object_of(interp, name)
        if not target.is_class():
            raise TclError('"%s" is not a class' % name, ("TCL", "LOOKUP", "CLASS", name))
    return run_definition(interp, target, objdefine, argv)


def unknown_definition(interp, argv):
    """The unknown handler of the definition namespaces: a unique prefix of
    a definition command stands for it."""
    words = argv[1:]
    if not words:
        raise TclError('wrong # args: should be "%s command ?arg ...?"' % to_str(argv[0]),
                       ("TCL", "WRONGARGS"))
    ns = interp.cur_ns
    word = to_str(words[0])
    matches = [n for n in ns.commands if n.startswith(word)] if word else []
    if len(matches) == 1:
        return ns.commands[matches[0]](interp, [matches[0]] + list(words[1:]))
    raise TclError('invalid command name "%s"' % word, ("TCL", "LOOKUP", "COMMAND", word))


# ---- methods ----------------------------------------------------------------------------

def _table(target, objdefine):
    return target.methods if objdefine else target.cmethods


def _wrong(argv, usage):
    return TclError('wrong # args: should be "%s %s"' % (to_str(argv[0]), usage),
                    ("TCL", "WRONGARGS"))


def def_method(interp, argv):
    target, objdefine = class_target(interp, argv)
    if len(argv) != 4:
        raise _wrong(argv, "name args body")
    name = to_str(argv[1])
    spec = ProcSpec(name, argv[2], argv[3], target.ns)
    table = _table(target, objdefine)
    # a new method is public by its name, whatever export said before
    table[name] = Method(name, "method", target, exported_by_default(name), spec=spec)
    target.state.changed()
    return ""


def def_forward(interp, argv):
    target, objdefine = class_target(interp, argv)
    if len(argv) < 3:
        raise _wrong(argv, "name cmdName ?arg ...?")
    name = to_str(argv[1])
    table = _table(target, objdefine)
    old = table.get(name)
    exported = old.exported if old is not None else exported_by_default(name)
    table[name] = Method(name, "forward", target, exported, prefix=list(argv[2:]))
    target.state.changed()
    return ""


def def_constructor(interp, argv):
    target, objdefine = class_target(interp, argv)
    if len(argv) != 3:
        raise _wrong(argv, "arguments body")
    # Tcl deletes the constructor only for an empty body: one of blanks
    # still replaces the superclass's (math::exact relies on this)
    if to_str(argv[2]):
        spec = ProcSpec("<constructor>", argv[1], argv[2], target.ns)
        target.constructor = Method("<constructor>", "method", target, False, spec=spec)
    else:
        target.constructor = None
    target.state.changed()
    return ""


def def_destructor(interp, argv):
    target, objdefine = class_target(interp, argv)
    if len(argv) != 2:
        raise _wrong(argv, "body")
    if to_str(argv[1]):            # as for the constructor: only "" deletes
        spec = ProcSpec("<destructor>", "", argv[1], target.ns)
        target.destructor = Method("<destructor>", "method", target, False, spec=spec)
    else:
        target.destructor = None
    target.state.changed()
    return ""


def def_deletemethod(interp, argv):
    target, objdefine = class_target(interp, argv)
    if len(argv) < 2:
        raise _wrong(argv, "name ?name ...?")
    table = _table(target, objdefine)
    for w in argv[1:]:
        name = to_str(w)
        m = table.get(name)
        if m is None or m.kind is None:
            raise TclError('method %s does not exist' % name,
                           ("TCL", "LOOKUP", "METHOD", name))
        del table[name]
    target.state.changed()
    return ""


def def_renamemethod(interp, argv):
    target, objdefine = class_target(interp, argv)
    if len(argv) != 3:
        raise _wrong(argv, "oldName newName")
    old, new = to_str(argv[1]), to_str(argv[2])
    table = _table(target, objdefine)
    m = table.get(old)
    if m is None or m.kind is None:
        raise TclError('method %s does not exist' % old, ("TCL", "LOOKUP", "METHOD", old))
    if new in table and table[new].kind is not None:
        raise TclError('method called %s already exists' % new,
                       ("TCL", "OO", "DUPLICATE_METHOD", new))
    del table[old]
    m.name = new
    table[new] = m
    target.state.changed()
    return ""


def _set_export(interp, argv, exported):
    target, objdefine = class_target(interp, argv)
    table = _table(target, objdefine)
    for w in argv[1:]:
        name = to_str(w)
        m = table.get(name)
        if m is None:
            table[name] = Method(name, None, target, exported)
        else:
            m.exported = exported
    target.state.changed()
    return ""


def def_export(interp, argv):
    return _set_export(interp, argv, True)


def def_unexport(interp, argv):
    return _set_export(interp, argv, False)


def def_self(interp, argv):
    target, objdefine = define_target(interp)
    if len(argv) == 1:
        return target.name()
    return run_definition(interp, target, True, [argv[0], target.name()] + list(argv[1:]))


def def_class(interp, argv):
    target, objdefine = define_target(interp)
    if len(argv) != 2:
        raise _wrong(argv, "className")
    cls = class_of(interp, to_str(argv[1]))
    st = target.state
    if target is st.class_class:
        raise TclError("may not modify the class of the class of classes",
                       ("TCL", "OO", "MONKEY_BUSINESS"))
    if target is st.object_class:
        raise TclError("may not modify the class of the root object class",
                       ("TCL", "OO", "MONKEY_BUSINESS"))
    if target is cls:
        raise TclError("may not change classes into an instance of themselves",
                       ("TCL", "OO", "MONKEY_BUSINESS"))
    if target in target.cls.instances:
        target.cls.instances.remove(target)
    if target.is_class() != cls.is_metaclass():
        _transmute(target, cls.is_metaclass())
    target.cls = cls
    cls.instances.append(target)
    st.changed()
    return ""


def _transmute(obj, to_class):
    """An object whose class changes between a metaclass and an ordinary
    class becomes a class, or stops being one, as in Tcl 8.6."""
    from .model import Cls, Obj
    st = obj.state
    if to_class:
        fresh = Cls.__new__(Cls)
        Cls.__init__(fresh, st, obj.cls, obj.ns, obj.token)
        for name in ("supers", "subs", "instances", "cmethods", "constructor", "destructor",
                     "cmixins", "cfilters", "cvariables", "mixed_into", "instance_cache",
                     "instance_cache_epoch"):
            setattr(obj, name, getattr(fresh, name))
        st.counter -= 1
        obj.__class__ = Cls
        obj.supers = [st.object_class]
        st.object_class.subs.append(obj)
    else:
        from .lifecycle import destroy
        for sub in reversed(list(obj.subs)):
            destroy(st.interp, sub)
        for inst in reversed(list(obj.instances)):
            destroy(st.interp, inst)
        for s in obj.supers:
            if obj in s.subs:
                s.subs.remove(obj)
        for user in obj.mixed_into:
            # what is no longer a class is no longer anybody's mixin
            if obj in user.mixins:
                user.mixins.remove(obj)
            if user.is_class() and obj in user.cmixins:
                user.cmixins.remove(obj)
        obj.mixed_into = []
        obj.__class__ = Obj


# ---- slots (the slot objects are in slots.py) -------------------------------------------

def slot_values(target, kind, objdefine):
    """The current list a slot holds, as names."""
    if kind == "superclass":
        return [c.name() for c in target.supers]
    if kind == "mixin":
        return [c.name() for c in (target.mixins if objdefine else target.cmixins)]
    if kind == "filter":
        return list(target.filters if objdefine else target.cfilters)
    return list(target.variables if objdefine else target.cvariables)


def slot_store(interp, target, kind, objdefine, names):
    if kind == "superclass":
        _store_superclasses(interp, target, names)
    elif kind == "mixin":
        _store_mixins(interp, target, "mixins" if objdefine else "cmixins", names)
    elif kind == "filter":
        out = []
        for n in names:
            if n not in out:
                out.append(n)
        setattr(target, "filters" if objdefine else "cfilters", out)
    else:
        out = []
        for n in names:
            if "::" in n:
                raise TclError('invalid declared variable name "%s": must not contain '
                               'namespace separators' % n, ("TCL", "OO", "BAD_DECLVAR"))
            if n.endswith(")") and "(" in n:
                raise TclError('invalid declared variable name "%s": must not refer to an '
                               'array element' % n, ("TCL", "OO", "BAD_DECLVAR"))
            if n not in out:
                out.append(n)
        setattr(target, "variables" if objdefine else "cvariables", out)
    target.state.changed()


def _naming_ns(interp):
    """Class names in a definition are resolved where oo::define was called."""
    frame = interp.frame
    if type(frame) is DefineFrame and frame.parent is not None:
        return frame.parent.ns
    return interp.cur_ns


def _store_superclasses(interp, target, names):
    st = target.state
    if target is st.object_class:
        raise TclError("may not modify the superclass of the root object",
                       ("TCL", "OO", "MONKEY_BUSINESS"))
    classes = []
    for n in names:
        c = class_of(interp, n, _naming_ns(interp))
        if c in classes:
            raise TclError("class should only be a direct superclass once",
                           ("TCL", "OO", "REPETITIOUS"))
        classes.append(c)
    if not classes:
        # a metaclass stays one
        classes = [st.class_class if target.is_metaclass() else st.object_class]
    check_no_cycle(target, classes)
    for s in target.supers:
        if target in s.subs:
            s.subs.remove(target)
    target.supers = classes
    for s in classes:
        s.subs.append(target)


def _store_mixins(interp, target, attr, names):
    classes = []
    for n in names:
        c = class_of(interp, n, _naming_ns(interp))
        if c not in classes:
            classes.append(c)
    if attr == "cmixins":
        for c in classes:
            if c.inherits(target):
                raise TclError("may not mix a class into itself", ("TCL", "OO", "SELF_MIXIN"))
    for c in getattr(target, attr):
        if target in c.mixed_into:
            c.mixed_into.remove(target)
    setattr(target, attr, classes)
    for c in classes:
        c.mixed_into.append(target)


DEFINE_COMMANDS = {
    "constructor": def_constructor,
    "deletemethod": def_deletemethod,
    "destructor": def_destructor,
    "export": def_export,
    "forward": def_forward,
    "method": def_method,
    "renamemethod": def_renamemethod,
    "self": def_self,
    "unexport": def_unexport,
}

OBJDEFINE_COMMANDS = {
    "class": def_class,
    "deletemethod": def_deletemethod,
    "export": def_export,
    "forward": def_forward,
    "method": def_method,
    "renamemethod": def_renamemethod,
    "unexport": def_unexport,
}


_SYNOPSES = {
    "constructor": "Set the constructor of the class being defined",
    "deletemethod": "Delete methods of the class or object being defined",
    "destructor": "Set the destructor of the class being defined",
    "export": "Make methods public",
    "forward": "Create a method that forwards to a command",
    "method": "Create a method",
    "renamemethod": "Rename a method",
    "self": "Define the class object itself",
    "unexport": "Make methods private",
    "class": "Change the class of the object being defined",
}
for _commands in (DEFINE_COMMANDS, OBJDEFINE_COMMANDS):
    for _name, _func in _commands.items():
        _func.synopsis = _SYNOPSES[_name]
unknown_definition.synopsis = "Resolve abbreviated oo::define commands"
