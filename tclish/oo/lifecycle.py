"""Making, copying and destroying TclOO objects.

An object is a command (calls.object_command) and a namespace ::oo::ObjN holding
its variables and its `my`; destroying one runs its destructors once, then
takes the namespace and both commands away, and a class takes its
subclasses, instances and the objects it is mixed into with it.
"""

from ..runtime.errors import TclError
from ..runtime.frames import Var
from .calls import CallContext, invoke, my_command, object_command
from .model import Cls, Method, Obj, chain_for, lifecycle_chain


def make_object(interp, cls, name=None, nsname=None):
    """A new object of class `cls` (a class when cls is a metaclass), with
    its command (`name`, or ::oo::ObjN) and namespace; no constructor run."""
    st = cls.state
    klass = Cls if cls.is_metaclass() else Obj
    if klass is Cls:
        # a new class changes no chain either, but is cheap to be safe about;
        # a plain object changes nothing cached (chains are per class or per
        # object), so making objects keeps every cache
        st.changed()
    n = st.counter + 1
    if nsname is None:
        nsname = "::oo::Obj%d" % n
        while nsname in interp.namespaces:
            st.counter += 1
            n = st.counter + 1
            nsname = "::oo::Obj%d" % n
    else:
        nsname = nsname if nsname.startswith("::") else interp.cur_ns.qualify(nsname)
        if nsname in interp.namespaces:
            raise TclError("%s refers to an existing namespace" % nsname,
                           ("TCL", "OO", "OVERWRITE_OBJECT"))
    if name is None:
        qualified = "::oo::Obj%d" % n
        while interp.resolve_command(qualified) is not None:
            n += 1
            qualified = "::oo::Obj%d" % n
    else:
        qualified = name if name.startswith("::") else interp.cur_ns.qualify(name)
        if interp.resolve_command(qualified) is not None and \
                interp.locate_command(qualified)[0] is not None:
            raise TclError('can\'t create object "%s": command already exists with that name'
                           % name, ("TCL", "OO", "OVERWRITE_OBJECT"))
    ns = interp.create_namespace(nsname)
    ns.path = [st.helpers]
    st.helpers.on_a_path = True
    cmd_ns, tail = interp._ns_and_tail(qualified, create=True)
    token = interp.command_token(cmd_ns, tail)
    obj = klass(st, cls, ns, token)
    st.objects[ns] = obj
    if klass is Cls:
        obj.supers = [st.object_class]
        st.object_class.subs.append(obj)
    cls.instances.append(obj)
    interp.set_command(cmd_ns, tail, object_command(obj))
    interp.set_command(ns, "my", my_command(obj))
    obj.my_token = interp.command_token(ns, "my")
    return obj


def construct(interp, obj, argv, nwords):
    """Run the constructor chain; on error the object is destroyed."""
    chain = lifecycle_chain(obj, "constructor")
    if not chain.entries:
        return ""
    ctx = CallContext(obj, chain, False, argv, nwords)
    try:
        invoke(interp, ctx, 0, argv, nwords)
    except TclError:
        # Tcl 8.6 runs the destructor of an object whose constructor failed
        destroy(interp, obj)
        raise
    except Exception:
        destroy(interp, obj, run_destructor=False)
        raise
    if obj.dead:
        raise TclError("object deleted in constructor", ("TCL", "OO", "STILLBORN"))
    return ""


def destroy(interp, obj, run_destructor=True, report=False):
    """Destroy an object: destructors (once), then its namespace and
    command; a class takes its instances, subclasses and the classes and
    objects it is mixed into with it.  A destructor's error is the result
    only of the `destroy` method (`report`); otherwise it goes to bgerror."""
    if obj.dead:
        return
    obj.dead = True
    st = obj.state
    if obj.is_class():
        # its subclasses, instances and users go too: their chains change
        st.changed()
    error = None
    if run_destructor:
        chain = lifecycle_chain(obj, "destructor")
        if chain.entries:
            ctx = CallContext(obj, chain, False, [obj.name(), "destroy"], 2)
            try:
                invoke(interp, ctx, 0, [obj.name(), "destroy"], 2)
            except TclError as e:
                error = e
    if obj.is_class():
        # as Tcl does: subclasses first, then instances, newest first
        for sub in reversed(list(obj.subs)):
            destroy(interp, sub)
        for inst in reversed(list(obj.instances)):
            destroy(interp, inst)
        for user in list(obj.mixed_into):
            destroy(interp, user)
        for s in obj.supers:
            if obj in s.subs:
                s.subs.remove(obj)
        for user in list(obj.mixed_into):
            if obj in user.mixins:
                user.mixins.remove(obj)
            if user.is_class() and obj in user.cmixins:
                user.cmixins.remove(obj)
    for mx in obj.mixins + (obj.cmixins if obj.is_class() else []):
        if obj in mx.mixed_into:
            mx.mixed_into.remove(obj)
    if obj in obj.cls.instances:
        obj.cls.instances.remove(obj)
    st.objects.pop(obj.ns, None)
    if not obj.ns.deleted and not obj.keep_namespace:
        _delete_object_namespace(interp, obj.ns)
    for tok in (obj.token, obj.my_token):
        func = tok.ns.commands.get(tok.tail)
        if getattr(func, "oo_object", None) is obj:
            interp.discard_command(tok.ns, tok.tail)
    if error is not None:
        if report:
            raise error
        background_error(interp, error)


def _delete_object_namespace(interp, ns):
    """Delete an object's namespace (delete_namespace bumps core_epoch only
    for a command that could shadow an inlined one, so destroying objects
    keeps compiled code fast)."""
    from ..commands.namespaces import delete_namespace
    delete_namespace(interp, ns)


def background_error(interp, error):
    """An error nobody can receive (a destructor run by rename or namespace
    delete): handed to bgerror when there is one, as Tcl does."""
    func = interp.resolve_command("::bgerror", interp.global_ns)
    if func is None:
        return
    try:
        func(interp, ["bgerror", error.message])
    except TclError:
        pass



def copy_object(interp, src, new_name=None, new_ns=None):
    """oo::copy: a new object of the same class with copies of the
    source's own methods, mixins, filters and variables; then <cloned>."""
    st = src.state
    obj = make_object(interp, src.cls, new_name, new_ns)
    for name, m in src.methods.items():
        obj.methods[name] = Method(name, m.kind, obj, m.exported, m.spec, m.prefix, m.func)
    obj.mixins = list(src.mixins)
    for mx in obj.mixins:
        mx.mixed_into.append(obj)
    obj.filters = list(src.filters)
    obj.variables = list(src.variables)
    if src.is_class():
        obj.supers = list(src.supers)
        st.object_class.subs.remove(obj) if obj in st.object_class.subs else None
        for s in obj.supers:
            s.subs.append(obj)
        for name, m in src.cmethods.items():
            obj.cmethods[name] = Method(name, m.kind, obj, m.exported, m.spec, m.prefix, m.func)
        for attr in ("constructor", "destructor"):
            m = getattr(src, attr)
            if m is not None:
                setattr(obj, attr, Method(m.name, m.kind, obj, m.exported, m.spec, m.prefix,
                                          m.func))
        obj.cmixins = list(src.cmixins)
        for mx in obj.cmixins:
            mx.mixed_into.append(obj)
        obj.cfilters = list(src.cfilters)
        obj.cvariables = list(src.cvariables)
    for cname, func in list(src.ns.commands.items()):
        spec = getattr(func, "proc_spec", None)
        if spec is not None:
            interp.invoke(["proc", obj.ns.qualify(cname), spec.arglist, spec.body])
    for vname, var in src.ns.vars.items():
        if var.is_unset() or vname in src.ns.links:
            continue
        nv = Var(var.value)
        if var.arr is not None:
            nv.arr = dict(var.arr)
        obj.ns.vars[vname] = nv
    st.changed()
    chain = chain_for(obj, "<cloned>", False)
    if chain is not None:
        words = [obj.name(), "<cloned>", src.name()]
        try:
            invoke(interp, CallContext(obj, chain, False, words, 2), 0, words, 2)
        except TclError:
            destroy(interp, obj, run_destructor=False)
            raise
    return obj.name()
