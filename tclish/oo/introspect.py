"""`info object` and `info class`."""

from ..runtime.errors import TclError
from ..runtime.glob import glob_match
from ..runtime.registry import choice_list
from ..runtime.values import TclList, to_str
from .calls import chain_description, class_of, object_of, state_of
from .model import Obj, build_chain, first_record, method_names


def _wrong(argv, usage):
    return TclError('wrong # args: should be "%s %s %s"' % (
        to_str(argv[0]), to_str(argv[1]), usage), ("TCL", "WRONGARGS"))


def _method_type(m):
    if m.kind == "core":
        return 'core method: "%s"' % m.name
    return m.kind


def _definition(m, name):
    if m is None or m.kind is None:
        raise TclError('unknown method "%s"' % name, ("TCL", "LOOKUP", "METHOD", name))
    if m.kind != "method":
        raise TclError("definition not available for this kind of method",
                       ("TCL", "OO", "METHOD_TYPE", name))
    return TclList([_arglist(m.spec), m.spec.body])


def _arglist(spec):
    from ..runtime.values import to_list
    return TclList(to_list(spec.arglist))


def _forward(m, name):
    if m is None or m.kind is None:
        raise TclError('unknown method "%s"' % name, ("TCL", "LOOKUP", "METHOD", name))
    if m.kind != "forward":
        raise TclError("prefix argument list not available for this kind of method",
                       ("TCL", "OO", "METHOD_TYPE", name))
    return TclList(m.prefix)


def _own_methods(table, args, argv, usage):
    flags = [to_str(a) for a in args]
    all_ = private = False
    for f in flags:
        if "-all".startswith(f) and len(f) > 1:
            all_ = True
        elif "-private".startswith(f) and len(f) > 1:
            private = True
        else:
            raise TclError('bad option "%s": must be -all, -localprivate, or -private' % f,
                           ("TCL", "LOOKUP", "INDEX", "option", f))
    return all_, private


def _names(classes):
    return TclList([c.name() for c in classes])


def _pattern_filter(names, args):
    if args:
        pat = to_str(args[0])
        return TclList([n for n in names if glob_match(pat, n)])
    return TclList(names)


# ---- info object ------------------------------------------------------------------------

def _public_chain(obj, name):
    """The chain a call from outside the object runs, or None (unknown)."""
    rec = first_record(obj, name)
    if rec is None or not rec.exported:
        return None
    chain = build_chain(obj, name)
    return chain if chain.found else None


def obj_call(interp, obj, args, argv):
    if len(args) != 1:
        raise _wrong(argv, "objName methodName")
    name = to_str(args[0])
    chain = _public_chain(obj, name)
    if chain is None:
        return chain_description(build_chain(obj, "unknown"), True)
    return chain_description(chain)


def obj_class(interp, obj, args, argv):
    if not args:
        return obj.cls.name()
    if len(args) != 1:
        raise _wrong(argv, "objName ?className?")
    cls = class_of(interp, to_str(args[0]))
    return 1 if obj.cls.inherits(cls) else 0


def obj_definition(interp, obj, args, argv):
    if len(args) != 1:
        raise _wrong(argv, "objName methodName")
    name = to_str(args[0])
    return _definition(obj.methods.get(name), name)


def obj_filters(interp, obj, args, argv):
    return TclList(obj.filters)


def obj_forward(interp, obj, args, argv):
    if len(args) != 1:
        raise _wrong(argv, "objName methodName")
    name = to_str(args[0])
    return _forward(obj.methods.get(name), name)


def obj_methods(interp, obj, args, argv):
    all_, private = _own_methods(obj.methods, args, argv, "")
    if all_:
        return TclList(method_names(obj, not private))
    return TclList(sorted(n for n, m in obj.methods.items()
                          if m.kind is not None and (private or m.exported)))


def obj_methodtype(interp, obj, args, argv):
    if len(args) != 1:
        raise _wrong(argv, "objName methodName")
    name = to_str(args[0])
    m = obj.methods.get(name)
    if m is None or m.kind is None:
        raise TclError('unknown method "%s"' % name, ("TCL", "LOOKUP", "METHOD", name))
    return _method_type(m)


def obj_mixins(interp, obj, args, argv):
    return _names(obj.mixins)


def obj_namespace(interp, obj, args, argv):
    return obj.ns.name


def obj_variables(interp, obj, args, argv):
    return TclList(obj.variables)


def obj_vars(interp, obj, args, argv):
    names = [n for n, v in obj.ns.vars.items() if not v.is_unset()]
    return _pattern_filter(names, args)


def obj_creationid(interp, obj, args, argv):
    return obj.id


# subcommand -> (fixed words after the object's name, usage after the subcommand)
OBJECT_ARITY = {
    "call": ((1, 1), "objName methodName"), "class": ((0, 1), "objName ?className?"),
    "definition": ((1, 1), "objName methodName"), "filters": ((0, 0), "objName"),
    "forward": ((1, 1), "objName methodName"), "methods": ((0, 2), "objName ?-option value ...?"),
    "methodtype": ((1, 1), "objName methodName"), "mixins": ((0, 0), "objName"),
    "namespace": ((0, 0), "objName"), "variables": ((0, 0), "objName"),
    "vars": ((0, 1), "objName ?pattern?"),
}
CLASS_ARITY = {
    "call": ((1, 1), "className methodName"), "constructor": ((0, 0), "className"),
    "definition": ((1, 1), "className methodName"), "destructor": ((0, 0), "className"),
    "filters": ((0, 0), "className"), "forward": ((1, 1), "className methodName"),
    "instances": ((0, 1), "className ?pattern?"),
    "methods": ((0, 2), "className ?-option value ...?"),
    "methodtype": ((1, 1), "className methodName"), "mixins": ((0, 0), "className"),
    "subclasses": ((0, 1), "className ?pattern?"), "superclasses": ((0, 0), "className"),
    "variables": ((0, 0), "className"),
}


def _check_arity(argv, sub, table):
    (lo, hi), usage = table[sub]
    n = len(argv) - 4
    if n < lo or len(argv) < 4 or n > hi:
        raise TclError('wrong # args: should be "%s %s %s %s"' % (
            to_str(argv[0]), to_str(argv[1]), sub, usage), ("TCL", "WRONGARGS"))


OBJECT_SUBS = {
    "call": obj_call, "class": obj_class, "definition": obj_definition, "filters": obj_filters,
    "forward": obj_forward, "methods": obj_methods, "methodtype": obj_methodtype,
    "mixins": obj_mixins, "namespace": obj_namespace, "variables": obj_variables,
    "vars": obj_vars,
}
_OBJECT_CHOICES = sorted(list(OBJECT_SUBS) + ["isa"])


def isa(interp, args, argv):
    if not args:
        raise _wrong(argv, "category objName ?arg ...?")
    cats = ("class", "metaclass", "mixin", "object", "typeof")
    word = to_str(args[0])
    matches = [c for c in cats if c.startswith(word)] if word else []
    if len(matches) != 1:
        raise TclError('bad category "%s": must be %s' % (word, choice_list(cats)),
                       ("TCL", "LOOKUP", "INDEX", "category", word))
    cat = matches[0]
    rest = args[1:]
    need = 2 if cat in ("mixin", "typeof") else 1
    if len(rest) != need:
        raise _wrong(argv, "%s objName%s" % (cat, " className" if need == 2 else ""))
    obj = object_of(interp, to_str(rest[0]), required=False)
    if obj is None:
        return 0
    if cat == "object":
        return 1
    if cat == "class":
        return 1 if obj.is_class() else 0
    if cat == "metaclass":
        return 1 if obj.is_class() and obj.is_metaclass() else 0
    cls = object_of(interp, to_str(rest[1]), required=False)
    if cls is None or not cls.is_class():
        if cls is None:
            return 0
        raise TclError('"%s" is not a class' % to_str(rest[1]),
                       ("TCL", "LOOKUP", "CLASS", to_str(rest[1])))
    if cat == "mixin":
        return 1 if cls in obj.mixins else 0
    return 1 if _is_typeof(obj, cls) else 0


def _is_typeof(obj, cls):
    todo = [obj.cls] + list(obj.mixins)
    seen = set()
    while todo:
        c = todo.pop()
        if c is cls:
            return True
        if c in seen:
            continue
        seen.add(c)
        todo.extend(c.supers)
        todo.extend(c.cmixins)
    return False


def info_object(interp, argv):
    state_of(interp)
    if len(argv) < 3:
        raise TclError('wrong # args: should be "%s %s subcommand ?arg ...?"' % (
            to_str(argv[0]), to_str(argv[1])), ("TCL", "WRONGARGS"))
    word = to_str(argv[2])
    sub = _choose(word, _OBJECT_CHOICES)
    if sub == "isa":
        return isa(interp, argv[3:], [argv[0], to_str(argv[1]) + " isa"])
    _check_arity(argv, sub, OBJECT_ARITY)
    obj = object_of(interp, to_str(argv[3]))
    return OBJECT_SUBS[sub](interp, obj, argv[4:], [argv[0], to_str(argv[1]) + " " + sub])


def _choose(word, choices):
    if word in choices:
        return word
    matches = [c for c in choices if c.startswith(word)] if word else []
    if len(matches) != 1:
        raise TclError('unknown or ambiguous subcommand "%s": must be %s' % (
            word, choice_list(choices)), ("TCL", "LOOKUP", "SUBCOMMAND", word))
    return matches[0]


# ---- info class -------------------------------------------------------------------------

def _prototype(cls):
    """A stand-in instance for asking what a call on an instance would do."""
    proto = Obj.__new__(Obj)
    proto.state = cls.state
    proto.cls = cls
    proto.methods = {}
    proto.mixins = []
    proto.filters = []
    proto.filtering = 0
    return proto


def cls_call(interp, cls, args, argv):
    if len(args) != 1:
        raise _wrong(argv, "className methodName")
    name = to_str(args[0])
    chain = _public_chain(_prototype(cls), name)
    if chain is None:
        return chain_description(build_chain(_prototype(cls), "unknown"), True)
    return chain_description(chain)


def cls_constructor(interp, cls, args, argv):
    m = cls.constructor
    if m is None:
        return ""
    return TclList([_arglist(m.spec), m.spec.body])


def cls_destructor(interp, cls, args, argv):
    m = cls.destructor
    return "" if m is None else m.spec.body


def cls_definition(interp, cls, args, argv):
    if len(args) != 1:
        raise _wrong(argv, "className methodName")
    name = to_str(args[0])
    return _definition(cls.cmethods.get(name), name)


def cls_filters(interp, cls, args, argv):
    return TclList(cls.cfilters)


def cls_forward(interp, cls, args, argv):
    if len(args) != 1:
        raise _wrong(argv, "className methodName")
    name = to_str(args[0])
    return _forward(cls.cmethods.get(name), name)


def cls_instances(interp, cls, args, argv):
    return _pattern_filter([o.name() for o in cls.instances], args)


def cls_methods(interp, cls, args, argv):
    all_, private = _own_methods(cls.cmethods, args, argv, "")
    if all_:
        return TclList(method_names(_prototype(cls), not private))
    return TclList(sorted(n for n, m in cls.cmethods.items()
                          if m.kind is not None and (private or m.exported)))


def cls_methodtype(interp, cls, args, argv):
    if len(args) != 1:
        raise _wrong(argv, "className methodName")
    name = to_str(args[0])
    m = cls.cmethods.get(name)
    if m is None or m.kind is None:
        raise TclError('unknown method "%s"' % name, ("TCL", "LOOKUP", "METHOD", name))
    return _method_type(m)


def cls_mixins(interp, cls, args, argv):
    return _names(cls.cmixins)


def cls_subclasses(interp, cls, args, argv):
    return _pattern_filter([c.name() for c in cls.subs], args)


def cls_superclasses(interp, cls, args, argv):
    return _names(cls.supers)


def cls_variables(interp, cls, args, argv):
    return TclList(cls.cvariables)


CLASS_SUBS = {
    "call": cls_call, "constructor": cls_constructor, "definition": cls_definition,
    "destructor": cls_destructor, "filters": cls_filters, "forward": cls_forward,
    "instances": cls_instances, "methods": cls_methods, "methodtype": cls_methodtype,
    "mixins": cls_mixins, "subclasses": cls_subclasses, "superclasses": cls_superclasses,
    "variables": cls_variables,
}


def info_class(interp, argv):
    state_of(interp)
    if len(argv) < 3:
        raise TclError('wrong # args: should be "%s %s subcommand ?arg ...?"' % (
            to_str(argv[0]), to_str(argv[1])), ("TCL", "WRONGARGS"))
    sub = _choose(to_str(argv[2]), sorted(CLASS_SUBS))
    _check_arity(argv, sub, CLASS_ARITY)
    cls = class_of(interp, to_str(argv[3]))
    return CLASS_SUBS[sub](interp, cls, argv[4:], [argv[0], to_str(argv[1]) + " " + sub])
