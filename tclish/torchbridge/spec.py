"""The declaration format for torch commands: `Param` and `CommandSpec`.

A command is declared once, as data: its TCLIBTORCH snake_case name, its
parameters in positional order (each with a kind from `convert.py`, a
default, a help line), and the function it calls, named by a
"module:attribute" string so that declaring never imports torch.  Everything
else -- the camelCase alias, both spellings of every option, usage and help
texts, the name→index maps the binder uses -- is derived here, once, when
the declaration is made.
"""

import re

from . import convert


class _Required:
    """Marks a parameter without a default."""

    __slots__ = ()

    def __repr__(self):
        return "REQUIRED"


REQUIRED = _Required()

_SNAKE_RE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*\Z")
# option aliases may keep TCLIBTORCH's capitals (-B, -LU_data)
_ALIAS_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*\Z")
_FUNC_RE = re.compile(r"\.?[A-Za-z_][\w.]*:[A-Za-z_][\w.]*\Z")

# What a command's result becomes in Tcl (see CommandSpec).
RETURNS = ("tensor", "value", "tensors", "handle")

# Torch command names live in this namespace, as in TCLIBTORCH.
NAMESPACE = "torch::"


def camel(snake):
    """The camelCase spelling of a snake_case name: roi_align -> roiAlign.

    The one place where the second spelling of every command and parameter
    comes from; nothing camelCase is ever typed by hand."""
    head, *rest = snake.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


class Param:
    """One parameter: its name, kind, default, help and extra spellings.

    `kind` is a converter from convert.py.  `aliases` are further snake_case
    names accepted as options (TCLIBTORCH's `-tensor` for `-input`).
    `keyword` passes the value to the function by keyword instead of by
    position.  `example` is a value the generated tests use (for a tensor:
    the arguments of torch::tensor_create)."""

    __slots__ = ("name", "kind", "default", "help", "aliases", "keyword", "example",
                 "camel", "options")

    def __init__(self, name, kind, default=REQUIRED, help="", aliases=(), keyword=False,
                 example=None):
        if not _SNAKE_RE.match(name):
            raise ValueError("parameter name %r is not snake_case" % name)
        if not isinstance(kind, convert.Kind):
            raise TypeError("parameter %r: kind must be a convert.Kind, not %r" % (name, kind))
        for alias in aliases:
            if not _ALIAS_RE.match(alias):
                raise ValueError("alias %r of %r is not snake_case" % (alias, name))
        self.name = name
        self.kind = kind
        self.default = default
        self.help = help
        self.aliases = tuple(aliases)
        self.keyword = keyword
        self.example = example
        self.camel = camel(name)
        spellings = [self.camel, name]
        for alias in self.aliases:
            spellings += [camel(alias), alias]
        # "-outputSize", "-output_size", ... without duplicates, camelCase first
        self.options = tuple(dict.fromkeys("-" + s for s in spellings))

    @property
    def required(self):
        return self.default is REQUIRED

    def __repr__(self):
        return "Param(%r, %s)" % (self.name, self.kind.name)


class CommandSpec:
    """One torch command.

    `func` is "module:attr" (a leading "." is relative to tclish.torchbridge);
    it is imported on the first call.  `returns` is "tensor" (the result is
    wrapped in a new handle), "value" (a plain Tcl value), "tensors" (any
    structure: tuples and lists become Tcl lists, dicts Tcl dicts, and every
    tensor in it a new handle; `handles.NewHandle` marks other objects that
    become handles) or "handle" (the result is an object of another kind,
    registered under `handle` = (kind, prefix): ("module", "linear")).  `overloads` are
    other positional orders, as tuples of parameter names, tried in turn
    when the declared order does not fit the arguments (TCLIBTORCH's
    `tensor_create data ?shape? ?dtype?` also takes `data dtype`).  A spec with
    `context=True` gets the interpreter's handle registry as first argument.
    `deterministic=False` marks results that differ from call to call.
    `legacy_names` are further names TCLIBTORCH registers that the camelCase
    rule does not give (its `torch::Nms`), so its scripts keep working.
    `bare_func` ("module:attr", optional) is what `func` amounts to when only
    the leading tensor arguments are given and every later parameter keeps its
    default (`torch:add` for tensor_add's kernel at alpha 1); the all-handles
    fast path calls it with the tensors alone.  `example` is a short Tcl script
    using the command (a few lines, self-contained): docs/torch.md shows it and
    the test suite runs it."""

    __slots__ = ("name", "params", "func", "help", "returns", "overloads", "context",
                 "deterministic", "camel", "qualified", "qualified_camel", "index",
                 "orders", "min_positional", "keyword_names", "n_positional_args",
                 "legacy_names", "bare_func", "handle", "example")

    def __init__(self, name, params, func, help="", returns="tensor", overloads=(),
                 context=False, deterministic=True, legacy_names=(), bare_func=None,
                 handle=None, example=""):
        if not _SNAKE_RE.match(name):
            raise ValueError("command name %r is not snake_case" % name)
        if not isinstance(func, str) or not _FUNC_RE.match(func):
            raise ValueError("%s: func must be a 'module:attr' string, not %r" % (name, func))
        if bare_func is not None and not _FUNC_RE.match(bare_func):
            raise ValueError("%s: bare_func must be a 'module:attr' string, not %r"
                             % (name, bare_func))
        if returns not in RETURNS:
            raise ValueError("%s: returns must be one of %s" % (name, ", ".join(RETURNS)))
        if (returns == "handle") != (handle is not None):
            raise ValueError("%s: returns='handle' goes with handle=(kind, prefix)" % name)
        self.name = name
        self.params = tuple(params)
        self.func = func
        self.bare_func = bare_func
        self.help = help
        self.returns = returns
        self.handle = tuple(handle) if handle is not None else None
        self.example = example
        self.context = context
        self.deterministic = deterministic
        self.camel = camel(name)
        self.qualified = NAMESPACE + name
        self.qualified_camel = NAMESPACE + self.camel
        self.legacy_names = tuple(NAMESPACE + n for n in legacy_names)

        index = {}
        for i, p in enumerate(self.params):
            for opt in p.options:
                if opt in index:
                    raise ValueError("%s: option %s declared twice" % (name, opt))
                index[opt] = i
        self.index = index

        seen_keyword = False
        for p in self.params:
            if p.keyword:
                seen_keyword = True
            elif seen_keyword:
                raise ValueError("%s: positional parameter %r after a keyword one" % (name, p.name))
        for p in self.params:
            if p.kind.variadic and p is not self.params[-1]:
                raise ValueError("%s: variadic parameter %r must be last" % (name, p.name))
        self.keyword_names = tuple(p.name for p in self.params if p.keyword)
        self.n_positional_args = len(self.params) - len(self.keyword_names)

        by_name = {p.name: i for i, p in enumerate(self.params)}
        orders = [tuple(range(len(self.params)))]
        for form in overloads:
            try:
                orders.append(tuple(by_name[n] for n in form))
            except KeyError as e:
                raise ValueError("%s: overload names unknown parameter %s" % (name, e)) from None
        self.overloads = tuple(tuple(form) for form in overloads)
        self.orders = tuple(orders)
        # the fewest positional arguments the declared order accepts
        required_at = [k for k, i in enumerate(orders[0]) if self.params[i].required]
        self.min_positional = required_at[-1] + 1 if required_at else 0

    @property
    def names(self):
        """Every Tcl name of the command: snake_case first, then camelCase if different,
        then any legacy names."""
        names = (self.qualified,) if self.camel == self.name else (self.qualified,
                                                                   self.qualified_camel)
        return names + self.legacy_names

    def __repr__(self):
        return "CommandSpec(%r)" % self.name
