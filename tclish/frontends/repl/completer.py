"""Tab completion, from what the interpreter knows now.

The word under the cursor picks the source:

* `$name`, `${name`, `$arr(key`: variables of the current frame and
  namespaces, and array elements;
* the first word of a command: commands seen from the current namespace,
  qualified names (`torch::ro`), and namespaces (`tor` -> `torch::`);
* a `-word` after a torch command: that command's parameter names, both
  spellings, from its declaration, less those already given;
* another word of a torch command: the values its parameter takes (live
  handles for tensors, the choices of a choice, dtype names);
* the second word of an ensemble (`string`, `dict`, ...): its subcommands;
* the word after `help`: command and family names.
"""

from prompt_toolkit.completion import Completer, Completion

from ... import help as tcl_help
from . import handles
from .context import scan, variable_at_end

_BOOL_WORDS = ("true", "false")
_DEVICE_WORDS = ("cpu", "cuda")


class TclCompleter(Completer):
    def __init__(self, interp):
        self.interp = interp

    def get_completions(self, document, complete_event):
        ctx = scan(document.text_before_cursor)
        if ctx is None:
            return
        ref = variable_at_end(ctx.partial)
        if ref is not None:
            yield from variable_completions(self.interp, ref)
        elif not ctx.words:
            yield from command_completions(self.interp, ctx.partial)
        else:
            yield from argument_completions(self.interp, ctx.words, ctx.partial)


# --- commands ----------------------------------------------------------------

def find_namespace(interp, qualifier):
    """The namespace `qualifier` names ("" is the global one) from the current one."""
    path = qualifier.strip(":")
    if not path:
        return interp.global_ns
    if qualifier.startswith("::"):
        return interp.namespaces.get("::" + path)
    ns = interp.namespaces.get(interp.cur_ns.qualify(path))
    return ns if ns is not None else interp.namespaces.get("::" + path)


def _names_in(ns):
    return list(ns.commands) + list(ns.imports)


def command_names(interp, prefix):
    """(name, function or None for a namespace) for every command or
    namespace name that starts with `prefix`."""
    found = {}
    if "::" in prefix:
        qualifier, _, _ = prefix.rpartition("::")
        ns = find_namespace(interp, qualifier)
        if ns is None:
            return []
        base = qualifier + "::"
        for tail in _names_in(ns):
            found[base + tail] = ns.commands.get(tail) or ns.imports.get(tail)
        for child in ns.children:
            found.setdefault(base + child + "::", None)
    else:
        seen = [interp.cur_ns] + list(interp.cur_ns.path) + [interp.global_ns]
        for ns in seen:
            for tail in _names_in(ns):
                found.setdefault(tail, ns.commands.get(tail) or ns.imports.get(tail))
        for ns in (interp.cur_ns, interp.global_ns):
            for child in ns.children:
                found.setdefault(child + "::", None)
    return sorted((name, func) for name, func in found.items() if name.startswith(prefix))


def command_completions(interp, prefix):
    for name, func in command_names(interp, prefix):
        meta = "namespace" if func is None else tcl_help.synopsis(func, name)
        yield Completion(name, -len(prefix), display_meta=meta)


# --- arguments -----------------------------------------------------------------

def argument_completions(interp, words, partial):
    func = interp.resolve_command(words[0])
    if func is None:
        return
    spec = tcl_help.torch_spec(func)
    if spec is not None:
        yield from torch_argument_completions(interp, spec, words, partial)
        return
    if _takes_a_path(words):
        yield from path_completions(partial)
        return
    table = getattr(func, "subcommands", None)
    if table and len(words) == 1:
        for sub in sorted(table):
            if sub.startswith(partial):
                yield Completion(sub, -len(partial), display_meta=table[sub][3])
    elif getattr(func, "__wrapped__", func) is tcl_help.cmd_help and len(words) == 1:
        families = tcl_help.families(interp)
        for name, cmd in command_names(interp, partial):
            if cmd is not None:
                yield Completion(name, -len(partial))
        for fam in sorted(families):
            if fam.startswith(partial):
                yield Completion(fam, -len(partial), display_meta="family")


# commands whose next word is a file name: (command, subcommand or None)
_PATH_COMMANDS = {"source": None, "open": None, "cd": None, "load": None, "file": "any",
                  "glob": None, "exec": None}


def _takes_a_path(words):
    want = _PATH_COMMANDS.get(words[0], False)
    if want is None:
        return len(words) == 1 or words[0] in ("glob", "exec")
    return want == "any" and len(words) >= 2


def path_completions(partial):
    """File and folder names that complete `partial` (a folder gets a trailing /)."""
    import os
    folder, _, stem = partial.rpartition("/")
    where = os.path.expanduser(folder + "/" if folder or partial.startswith("/") else ".")
    try:
        names = sorted(os.listdir(where))
    except OSError:
        return
    for name in names:
        if name.startswith(stem) and (stem.startswith(".") or not name.startswith(".")):
            full = os.path.join(where, name)
            text = (folder + "/" if folder or partial.startswith("/") else "") + name
            yield Completion(text + ("/" if os.path.isdir(full) else ""), -len(partial),
                             display=name + ("/" if os.path.isdir(full) else ""))


def current_parameter(spec, words, partial=""):
    """The index of the parameter the word being typed gives a value to, or None.

    After an option (`-spatialScale |`) it is that option's parameter; before
    any option, the positional one at this place in the declared order."""
    if partial in spec.index:
        return spec.index[partial]
    if len(words) > 1 and words[-1] in spec.index:
        return spec.index[words[-1]]
    if any(w in spec.index for w in words[1:]) or partial.startswith("-"):
        return None
    position = len(words) - 1
    order = spec.orders[0]
    return order[position] if position < len(order) else None


def torch_argument_completions(interp, spec, words, partial):
    if partial.startswith("-"):
        given = {spec.index[w] for w in words[1:] if w in spec.index}
        for i, p in enumerate(spec.params):
            if i in given:
                continue
            meta = "%s, %s" % (p.kind.name, "required" if p.required else "optional")
            # one completion per parameter: the first spelling that fits what is typed
            for option in p.options:
                if option.startswith(partial):
                    yield Completion(option, -len(partial), display_meta=meta)
                    break
        return
    index = current_parameter(spec, words, partial)
    if index is None:
        return
    for value, meta in parameter_values(interp, spec.params[index]):
        if value.startswith(partial):
            yield Completion(value, -len(partial), display_meta=meta)


def parameter_values(interp, param):
    """(value, description) pairs a parameter can take, where they are few."""
    kind = param.kind
    if kind.handle_kind is not None:
        reg = handles.registry(interp)
        table = reg.tables.get(kind.handle_kind, {}) if reg is not None else {}
        return [(name, handles.describe(table[name]))
                for name in handles.live_names(interp, kind.handle_kind) if name in table]
    choices = getattr(kind, "choices", None)
    if choices:
        return [(c, kind.name) for c in choices]
    if kind.name == "dtype":
        from ...torchbridge.convert import DTYPE_CHOICES
        return [(c, "dtype") for c in DTYPE_CHOICES]
    if kind.name == "bool":
        return [(w, "bool") for w in _BOOL_WORDS]
    if kind.name == "device":
        return [(w, "device") for w in _DEVICE_WORDS]
    return []


# --- variables -----------------------------------------------------------------

def variable_completions(interp, ref):
    if ref.key is not None:
        var = interp.lookup_var(ref.name)
        if var is not None and var.arr is not None:
            for key in sorted(var.arr):
                if key.startswith(ref.key):
                    yield Completion(key + ")", -len(ref.key), display=key)
        return
    for name, var in variable_names(interp, ref.name):
        meta = "array" if var.arr is not None else "variable"
        yield Completion(name + ("}" if ref.braced else ""), -len(ref.name), display=name,
                         display_meta=meta)


def variable_names(interp, prefix):
    """(name, Var) for the set variables whose name starts with `prefix`."""
    if "::" in prefix:
        qualifier, _, _ = prefix.rpartition("::")
        ns = find_namespace(interp, qualifier)
        if ns is None:
            return []
        base = qualifier + "::"
        table = ns.vars
    else:
        base = ""
        table = dict(interp.frame.vars)
        if not interp.frame.is_proc and interp.cur_ns is not interp.global_ns:
            for name, var in interp.global_ns.vars.items():
                table.setdefault(name, var)
    out = [(base + name, var) for name, var in table.items()
           if not var.is_unset() and (base + name).startswith(prefix)]
    return sorted(out, key=lambda item: item[0])
