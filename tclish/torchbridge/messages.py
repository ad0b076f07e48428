"""Every text a torch command shows its user, generated from the spec.

Usage lines, help, and the error messages of the binder all come from here,
so a parameter renamed in its declaration is renamed everywhere at once.
Binding errors carry the errorcode ("TORCH", "ARGS", <what>).
"""

import functools

from ..runtime.errors import TclError


def _positional_form(spec, order):
    words = []
    for i in order:
        p = spec.params[i]
        if p.kind.variadic:
            words.append("?%s ...?" % p.name)
        elif p.required:
            words.append(p.name)
        else:
            words.append("?%s?" % p.name)
    return " ".join([spec.qualified] + words)


def _named_form(spec):
    words = [spec.qualified]
    for p in spec.params:
        metavar = p.kind.metavar
        if p.kind.variadic:
            metavar = "{%s ...}" % metavar
        word = "%s %s" % (p.options[0], metavar)
        words.append(word if p.required else "?%s?" % word)
    return " ".join(words)


@functools.lru_cache(maxsize=None)
def usage(spec):
    """`Usage: torch::x a ?b? | torch::x -a tensor ?-b int?` (every positional form, then the named one)."""
    forms = [_positional_form(spec, order) for order in spec.orders]
    forms.append(_named_form(spec))
    return "Usage: " + " | ".join(dict.fromkeys(forms))


def _default_text(p):
    if p.required:
        return "required"
    if p.default is None:
        return "optional"
    d = p.default
    if d is True or d is False:
        d = "true" if d else "false"
    return "default %s" % d


@functools.lru_cache(maxsize=None)
def help_text(spec):
    """A multi-line description: summary, usage, one line per parameter."""
    lines = [spec.qualified + (" (alias %s)" % spec.qualified_camel
                               if spec.camel != spec.name else ""), ""]
    if spec.help:
        lines += [spec.help, ""]
    lines.append(usage(spec))
    lines.append("")
    width = max([len(" ".join(p.options)) for p in spec.params] + [0])
    for p in spec.params:
        lines.append("  %-*s  %s, %s. %s" % (width, " ".join(p.options), p.kind.name,
                                              _default_text(p), p.help))
    return "\n".join(line.rstrip() for line in lines)


def info(spec):
    """A plain dict describing the command (for docs and completion)."""
    return {
        "name": spec.qualified,
        "alias": spec.qualified_camel if spec.camel != spec.name else None,
        "help": spec.help,
        "usage": usage(spec),
        "returns": spec.returns,
        "params": [{
            "name": p.name, "options": list(p.options), "kind": p.kind.name,
            "required": p.required, "default": None if p.required else p.default,
            "help": p.help,
        } for p in spec.params],
    }


# --- binding errors ----------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _wrong_args_text(spec):
    # Tcl's own phrase first, then TCLIBTORCH's phrase and the full usage:
    # scripts written for either match on one of the three.
    first = _positional_form(spec, spec.orders[0]) if spec.orders else spec.qualified
    return 'wrong # args: should be "%s" (Wrong number of arguments. %s)' % (first, usage(spec))


def usage_error(spec):
    """Too few or too many positional arguments."""
    return TclError(_wrong_args_text(spec), ("TCL", "WRONGARGS"))


def missing_required(spec, indices):
    names = ", ".join(spec.params[i].options[0] for i in indices)
    # both phrasings: the seed page's, and the one TCLIBTORCH's tests look for
    return TclError("Missing required parameters: %s (Required parameters missing; %s)"
                    % (names, usage(spec)), ("TORCH", "ARGS", "MISSING"))


def unknown_parameter(spec, word):
    valid = [p.options[0] for p in spec.params]
    text = "Unknown parameter: %s." % word
    import difflib  # only on this error path: keeps install() cheap

    close = difflib.get_close_matches(word, list(spec.index), n=1, cutoff=0.75)
    if close:
        text += " Did you mean %s?" % close[0]
    if valid:
        text += " Valid parameters are: %s" % ", ".join(valid)
    else:
        text += " %s takes no parameters" % spec.qualified
    return TclError(text, ("TORCH", "ARGS", "UNKNOWN"))


def missing_value(word):
    return TclError("Missing value for parameter: %s" % word, ("TORCH", "ARGS", "NOVALUE"))


def given_twice(spec, i):
    return TclError("Parameter %s given both by position and by name" % spec.params[i].options[0],
                    ("TORCH", "ARGS", "TWICE"))


def invalid_value(param, detail):
    """`Invalid input tensor: ...` for handles, `Invalid spatialScale value: ...` otherwise."""
    kind = param.kind.handle_kind
    if kind is not None and not param.kind.variadic:
        what = kind if param.camel == kind else "%s %s" % (param.camel, kind)
        return TclError("Invalid %s: %s" % (what, detail), ("TORCH", "ARGS", "HANDLE"))
    return TclError("Invalid %s value: %s" % (param.camel, detail), ("TORCH", "ARGS", "VALUE"))
