"""Every text a torch command shows its user, generated from the spec.

Usage lines, help, and the error messages of the binder all come from here,
so a parameter renamed in its declaration is renamed everywhere at once.
Binding errors carry the errorcode ("TORCH", "ARGS", <what>).
"""

import functools

from ..runtime.errors import TclError


def _positional_form(spec, order, name=None):
    words = []
    for i in order:
        p = spec.params[i]
        if p.kind.variadic:
            # a required variadic parameter needs one word at least
            words.append(("%s ?%s ...?" % (p.name, p.name)) if p.required else "?%s ...?" % p.name)
        elif p.required:
            words.append(p.name)
        else:
            words.append("?%s?" % p.name)
    return " ".join([name or spec.qualified] + words)


def _named_form(spec, name=None):
    words = [name or spec.qualified]
    for p in spec.params:
        metavar = p.kind.metavar
        if p.kind.variadic:
            # one list of them: `{tensor ?tensor ...?}` already says "several"
            metavar = "{%s}" % metavar if "..." in metavar else "{%s ...}" % metavar
        word = "%s %s" % (p.options[0], metavar)
        words.append(word if p.required else "?%s?" % word)
    return " ".join(words)


@functools.lru_cache(maxsize=None)
def usage(spec):
    """`Usage: torch::x a ?b? | torch::x -a tensor ?-b int?` (every positional form, then the named one)."""
    return _usage(spec, None)


def _usage(spec, name):
    forms = [_positional_form(spec, order, name) for order in spec.orders]
    forms.append(_named_form(spec, name))
    return "Usage: " + " | ".join(dict.fromkeys(forms))


def _called(spec, name):
    """The command word as the call spelled it (`torch::quantizePerTensor`,
    `::torch::x`): Tcl's wrong # args names the command the user typed, so the
    binding errors do too; None or the declared name means the declared name."""
    if name is None:
        return None
    name = str(name)
    return None if name == spec.qualified else name


def _usage_as_called(spec, name):
    return usage(spec) if name is None else _usage(spec, name)


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
#
# Each message leads with what went wrong, naming the parameter; a parenthesis
# then carries the phrases TCLIBTORCH uses for the same mistake ("Required
# parameters missing", "Named parameters must come in pairs", ...), because
# scripts written for it match on them with `string match`; the usage line
# comes last where the mistake is in the shape of the call.


def _wrong_args_text(spec, missing="", name=None):
    # Tcl's own phrase first, then TCLIBTORCH's phrases and the full usage:
    # scripts written for either match on one of them.
    first = (_positional_form(spec, spec.orders[0], name) if spec.orders
             else name or spec.qualified)
    return ('wrong # args: should be "%s" (Wrong number of arguments; Wrong number of positional '
            'arguments; Invalid number of arguments%s. %s)'
            % (first, missing, _usage_as_called(spec, name)))


def usage_error(spec, missing=(), name=None):
    """Too few or too many positional arguments; `missing` lists the required
    parameters not given (when there are too few).  `name` is the command word
    of the call (argv[0]), here and in the functions below."""
    names = ""
    if missing:
        names = "; %s; Required parameter missing%s" % _required(spec, missing)
    return TclError(_wrong_args_text(spec, names, _called(spec, name)), ("TCL", "WRONGARGS"))


def missing_required(spec, indices, name=None):
    """A named call without a required parameter: `Missing required parameter: -x`
    (`parameters: -x, -y` for several), then TCLIBTORCH's phrases naming them."""
    names = ", ".join(spec.params[i].options[0] for i in indices)
    words, of_kind = _required(spec, indices)
    return TclError("Missing required parameter%s: %s (%s; %s; Required parameter missing: %s%s. "
                    "%s)" % ("s" if len(indices) > 1 else "", names, _MISSING_OR_INVALID, words,
                             names, of_kind,
                       _usage_as_called(spec, _called(spec, name))),
                    ("TORCH", "ARGS", "MISSING"))


def _required(spec, indices):
    """TCLIBTORCH's words for missing parameters, made from their names and kinds:
    `Required parameters missing: input tensor, dim required` and, when the first
    is a handle, `; Required tensor parameter missing`."""
    words, kinds = [], []
    for i in indices:
        p = spec.params[i]
        kind = None if p.kind.variadic else p.kind.handle_kind
        words.append(p.name if kind is None or kind == p.name else "%s %s" % (p.name, kind))
        kinds.append(kind)
    return ("Required parameters missing: %s required" % ", ".join(words),
            "; Required %s parameter missing" % kinds[0] if kinds[0] else "")


def unknown_parameter(spec, word, name=None):
    """`Unknown parameter: -x` as TCLIBTORCH words it (its scripts compare the whole
    message), a suggestion when a spelling is close; the valid parameters go to
    errorInfo's first lines, where Tcl puts what explains an error."""
    text = "Unknown parameter: %s" % word
    import difflib  # only on this error path: keeps install() cheap

    close = difflib.get_close_matches(word, list(spec.index), n=1, cutoff=0.75)
    if close:
        text += ". Did you mean %s?" % close[0]
    e = TclError(text, ("TORCH", "ARGS", "UNKNOWN"))
    valid = [p.options[0] for p in spec.params]
    called = _called(spec, name) or spec.qualified
    e.errorinfo = text + ("\n    (valid parameters of %s are: %s)" % (called, ", ".join(valid))
                          if valid else "\n    (%s takes no parameters)" % called)
    return e


def missing_value(spec, word, name=None):
    """An option word with no value after it (the last word of the call)."""
    return TclError("Missing value for parameter: %s (wrong # args: Named parameters must come "
                    "in pairs; Named parameter requires a value. %s)"
                    % (word, _usage_as_called(spec, _called(spec, name))),
                    ("TORCH", "ARGS", "NOVALUE"))


def either(first, other):
    """Two overload orders failed at the same word: the declared reading's error,
    then the other's (`Invalid device value: ...; or Invalid dtype value: ...`)."""
    if first is None or other.message in first.message:
        return other if first is None else first
    return TclError("%s; or %s" % (first.message, other.message), first.errorcode)


def given_twice(spec, i, name=None):
    return TclError("Parameter %s given both by position and by name (%s)"
                    % (spec.params[i].options[0], _usage_as_called(spec, _called(spec, name))),
                    ("TORCH", "ARGS", "TWICE"))


def invalid_value(param, bad, word=None, spec=None):
    """`Invalid input tensor name: ...` for handles, `Invalid spatial_scale value: ...`
    otherwise.  The parameter is called as the call spelled it (`-spatialScale`
    gives spatialScale), by its declared snake_case name when given by position.
    A parenthesis then carries TCLIBTORCH's phrases for the same mistake, made
    from the declaration: for a handle `<Kind> not found; Invalid <kind> handle`
    (the parameter's own name where it names the thing: `Model not found`), for a
    value `Invalid gamma parameter` (and `Invalid -gamma parameter` when given so);
    then `Required parameters missing or invalid`, its commands' answer to any bad
    value, and last `Error in <command>` (its prefix for every error of a command)
    when the spec is given.  `bad` is the kind's BadValue (or its detail text); its
    own phrases (`Unknown scalar type: x` for a dtype) come first."""
    detail = getattr(bad, "detail", bad)
    name = word[1:] if word else param.name
    kind = param.kind.handle_kind
    if param.kind.variadic:
        kind = None             # a list of handles: its name says what it holds
    if param.required and detail.startswith(_EMPTY):
        # an empty word (or list) is no value: TCLIBTORCH calls it missing
        what = _handle_what(param, name, kind) if kind is not None else name
        phrases = "%s; Required parameter missing: %s" % (_MISSING_OR_INVALID, what)
    elif kind is not None:
        phrases = "%s not found; Invalid %s handle; %s" % (
            _found_noun(param, kind), kind, _MISSING_OR_INVALID)
    else:
        # `Invalid -src parameter` as the call spelled the option, and without the dash
        phrases = "%sInvalid %s parameter; %s%s" % (
            "Invalid %s parameter; " % word if word else "", name,
            "Invalid dimension; " if param.name in _DIM_NAMES else "", _MISSING_OR_INVALID)
    phrases = "; ".join(tuple(getattr(bad, "phrases", ())) + (phrases,) + (
        ("Error in %s" % spec.name,) if spec is not None else ()))
    if kind is not None:
        return TclError("Invalid %s name: %s (%s)" % (_handle_what(param, name, kind), detail,
                                                     phrases),
                        ("TORCH", "ARGS", "HANDLE"))
    return TclError("Invalid %s value: %s (%s)" % (name, detail, phrases),
                    ("TORCH", "ARGS", "VALUE"))


def _handle_what(param, name, kind):
    """`input tensor`, `tensor`; `layer`, not `layer module`: a handle parameter of
    a kind other than tensor whose name is one word names the thing itself."""
    if name == kind or _names_the_thing(param, kind):
        return name
    return "%s %s" % (name, kind)


def _names_the_thing(param, kind):
    return kind != "tensor" and "_" not in param.name


def _found_noun(param, kind):
    """`Tensor`, `Optimizer`, ...; or the parameter's own name where it names the
    thing (`Model`, `Layer`, `Scaler`)."""
    noun = param.name if _names_the_thing(param, kind) else kind
    return noun[:1].upper() + noun[1:]


_MISSING_OR_INVALID = "Required parameters missing or invalid"
# details that mean "no value at all" (an empty handle word, an empty list)
_EMPTY = ("empty ", "no tensors given")
_DIM_NAMES = frozenset(("dim", "dims", "dimension", "axis"))
