"""The TclOO commands (a lazily loaded family; the work is in tclish/oo/).

The first use of any of them builds the two root classes: oo::object
(whose instances are objects) and oo::class (whose instances are classes,
itself included), as TclOO does at start-up.
"""

from ..oo import calls, core, define, lifecycle
from ..oo.model import Cls, Method
from ..runtime.errors import TclError
from ..runtime.registry import command, load_lazy_family
from ..runtime.values import TclList, to_str


def ensure_loaded(interp):
    if "oo" not in interp.extensions:
        load_lazy_family(interp, __name__)


@command("::oo::class")
def cmd_oo_class(interp, argv):
    ensure_loaded(interp)
    return interp.resolve_command("::oo::class")(interp, argv)


@command("::oo::object")
def cmd_oo_object(interp, argv):
    ensure_loaded(interp)
    return interp.resolve_command("::oo::object")(interp, argv)


@command("::oo::define", 0, None, "")
def cmd_define(interp, argv):
    return define.cmd_define(interp, argv)


@command("::oo::objdefine", 0, None, "")
def cmd_objdefine(interp, argv):
    return define.cmd_define(interp, argv, objdefine=True)


@command("::oo::copy", 1, 3, "sourceName ?targetName? ?targetNamespace?")
def cmd_copy(interp, argv):
    calls.state_of(interp)
    src = calls.object_of(interp, to_str(argv[1]))
    name = to_str(argv[2]) if len(argv) > 2 and to_str(argv[2]) else None
    nsname = to_str(argv[3]) if len(argv) > 3 and to_str(argv[3]) else None
    return lifecycle.copy_object(interp, src, name, nsname)


@command("::oo::Helpers::self")
def cmd_self(interp, argv):
    return calls.cmd_self(interp, argv)


@command("::oo::Helpers::next")
def cmd_next(interp, argv):
    return calls.cmd_next(interp, argv)


@command("::oo::Helpers::nextto")
def cmd_nextto(interp, argv):
    return calls.cmd_nextto(interp, argv)


def _class_constructor(interp, ctx, index, argv, nwords):
    """oo::class's constructor: the optional definition script."""
    args = argv[nwords:]
    if len(args) > 1:
        words = " ".join(to_str(w) for w in argv[:nwords])
        raise TclError('wrong # args: should be "%s ?definitionScript?"' % words,
                       ("TCL", "WRONGARGS"))
    if args and to_str(args[0]):
        obj = ctx.obj
        define.run_definition(interp, obj, False, ["::oo::define", obj.name(), args[0]])
    return ""


def setup(interp):
    """Build oo::object and oo::class, and the definition namespaces."""
    if "oo" in interp.extensions:
        return
    st = interp.extensions["oo"] = calls.OOState(interp)
    st.helpers = interp.create_namespace("::oo::Helpers")
    ns_obj = interp.create_namespace("::oo::Obj1")
    ns_cls = interp.create_namespace("::oo::Obj2")
    oo_ns = interp.create_namespace("::oo")
    obj_cls = Cls.__new__(Cls)
    cls_cls = Cls.__new__(Cls)
    Cls.__init__(obj_cls, st, None, ns_obj, interp.command_token(oo_ns, "object"))
    Cls.__init__(cls_cls, st, None, ns_cls, interp.command_token(oo_ns, "class"))
    obj_cls.cls = cls_cls
    cls_cls.cls = cls_cls
    cls_cls.supers = [obj_cls]
    obj_cls.subs = [cls_cls]
    cls_cls.instances = [obj_cls, cls_cls]
    st.object_class, st.class_class = obj_cls, cls_cls
    for obj, ns in ((obj_cls, ns_obj), (cls_cls, ns_cls)):
        ns.path = [st.helpers]
        st.helpers.on_a_path = True
        st.objects[ns] = obj
        interp.set_command(ns, "my", calls.my_command(obj))
        obj.my_token = interp.command_token(ns, "my")
    core.install_core_methods(obj_cls, core.OBJECT_METHODS)
    core.install_core_methods(cls_cls, core.CLASS_METHODS)
    cls_cls.constructor = Method("<constructor>", "core", cls_cls, False,
                                 func=_class_constructor)
    interp.set_command(oo_ns, "object", calls.object_command(obj_cls))
    interp.set_command(oo_ns, "class", calls.object_command(cls_cls))
    for nsname, table in (("::oo::define", define.DEFINE_COMMANDS),
                          ("::oo::objdefine", define.OBJDEFINE_COMMANDS)):
        ns = interp.create_namespace(nsname)
        for name, func in table.items():
            interp.set_command(ns, name, define.in_mode(func, nsname == "::oo::objdefine"))
        ns.unknown = TclList(["::oo::UnknownDefinition"])
    interp.register("::oo::UnknownDefinition", define.unknown_definition)
    from ..oo import slots
    slots.install(interp, st)
    interp.set_var("::oo::version", "1.1")
    interp.set_var("::oo::patchlevel", "1.1.0")


def load(interp):
    """`package require TclOO`."""
    ensure_loaded(interp)
