"""The one argument parser every torch command uses.

Three syntaxes, all driven by the spec:

* positional: `torch::roi_align $in $boxes {7 7} 0.0625 2 true`
* named, in any order, either spelling: `-outputSize {7 7}` / `-output_size {7 7}`
* mixed: positional first, then options: `torch::zeros {2 3} -dtype float64`

The arguments are split at the first word that is an option: a known
spelling, or a dash-word that is not a number (so `-1`, `-Inf` and the list
`-1 -2` stay values).  Positional arguments bind in the declared order, or in the first
of the spec's overload orders that converts cleanly.  `bind` returns the
list of converted values in declaration order, defaults filled in.
"""

from ..runtime.numbers import parse_number
from ..runtime.values import TclList
from . import messages
from .convert import BadValue, _Tensor, _TensorOrNone, _TensorOrScalar
from .handles import TensorValue


class _Missing:
    __slots__ = ()

    def __repr__(self):
        return "<missing>"


MISSING = _Missing()
# the kinds whose converter gives a live tensor handle's tensor, exactly
_TENSOR_KINDS = (_Tensor, _TensorOrScalar, _TensorOrNone)
_UNLIMITED = 1 << 30


def _has_space(word):
    return any(ch.isspace() for ch in word)


class Binder:
    """Precomputed tables for one spec, and the `bind` method that uses them."""

    __slots__ = ("spec", "params", "index", "convs", "none_ok", "order", "orders",
                 "min_pos", "max_pos", "variadic", "_defaults", "plans")

    def __init__(self, spec):
        self.spec = spec
        self.params = spec.params
        self.index = spec.index
        self.convs = tuple(p.kind.convert for p in spec.params)
        # an empty value stands for "not given" where the default is None
        self.none_ok = tuple(p.default is None for p in spec.params)
        self.order = spec.orders[0]
        self.orders = spec.orders
        self.min_pos = spec.min_positional
        self.variadic = bool(spec.params) and spec.params[-1].kind.variadic
        self.max_pos = _UNLIMITED if self.variadic else len(spec.params)
        self._defaults = None
        self.plans = self._plans()

    def _plans(self):
        """For a spec with one positional order: plans[len(argv)] lists
        (argv position, parameter index, converter, empty-means-None, handle
        first) for each positional call length the spec accepts; empty for
        other specs.  "Handle first": the kind gives a live tensor handle's
        tensor, so one look-up in the tensor table binds such an argument."""
        if len(self.orders) > 1 or self.variadic:
            return {}
        direct = tuple(type(p.kind) in _TENSOR_KINDS for p in self.params)
        return {npos + 1: tuple((k + 1, i, self.convs[i], self.none_ok[i], direct[i])
                                for k, i in enumerate(self.order[:npos]))
                for npos in range(self.min_pos, self.max_pos + 1)}

    def defaults(self):
        """Converted defaults (MISSING for required parameters), made on first use."""
        d = self._defaults
        if d is None:
            d = []
            for p in self.params:
                if p.required:
                    d.append(MISSING)
                elif p.default is None:
                    d.append(None)
                else:
                    d.append(p.kind.convert(p.default, None))
            self._defaults = d
        return d

    def _is_option(self, word):
        """A known spelling, or a dash-word that is no number: `-x` yes; `-1`, `-Inf`,
        `-1 -2` (a list of numbers) no."""
        if word in self.index:
            return True
        head = word[1:2]
        return (head.isalpha() or head == "_") and not _has_space(word) and parse_number(word) is None

    def bind(self, argv, registry):
        """The converted argument values of `argv` (argv[0] is the command word)."""
        plan = self.plans.get(len(argv))
        if plan is not None:
            # the fast path: a positional call of an accepted length
            values = (self._defaults or self.defaults())[:]
            tensors = registry.tensors
            for k, i, conv, none_ok, direct in plan:
                a = argv[k]
                if direct:
                    # a live handle: no option (its name starts with "tensor"), not
                    # empty, and what the kind's converter would give
                    try:
                        t = tensors.find(a) if isinstance(a, TensorValue) else tensors.get(a)
                    except TypeError:       # an unhashable value (a list) is no handle
                        t = None
                    if t is not None:
                        values[i] = t
                        continue
                if isinstance(a, str) and a[:1] == "-" and self._is_option(a):
                    return self._bind_general(argv, registry)
                if none_ok and a == "":
                    continue
                try:
                    values[i] = conv(a, registry)
                except BadValue as e:
                    raise messages.invalid_value(self.params[i], e, None, self.spec) from None
            return values
        if self.variadic and len(argv) > len(self.params) and len(self.orders) == 1:
            return self._bind_variadic(argv, registry)
        return self._bind_general(argv, registry)

    def _bind_variadic(self, argv, registry):
        """A positional call that reaches the variadic last parameter (`hstack $a $b`,
        `hstack [list $a $b]`): what _bind_general gives for it, without its named
        and several-orders machinery."""
        for j in range(1, len(argv)):
            a = argv[j]
            if isinstance(a, str) and a[:1] == "-" and self._is_option(a):
                return self._bind_general(argv, registry)
        bound, error, _ = self._try_order(argv, len(argv) - 1, self.order, {}, registry)
        if error is not None:
            raise error
        values = (self._defaults or self.defaults())[:]
        for i, v in bound.items():
            values[i] = v
        return values

    def _bind_general(self, argv, registry):
        n = len(argv)
        split = n
        for j in range(1, n):
            a = argv[j]
            if isinstance(a, str) and a[:1] == "-" and self._is_option(a):
                split = j
                break
        values = (self._defaults or self.defaults())[:]
        named = self._bind_named(argv, split, n, registry)
        self._bind_positional(argv, split, named, values, registry)
        for i, v in named.items():
            values[i] = v
        return values

    def _bind_named(self, argv, start, n, registry):
        named = {}
        index, convs, none_ok = self.index, self.convs, self.none_ok
        k = start
        while k < n:
            word = argv[k]
            i = index.get(word) if isinstance(word, str) else None
            if k + 1 >= n:
                # a dangling last word: the pairs are broken, whatever the word is
                raise messages.missing_value(self.spec, word, argv[0])
            if i is None:
                raise messages.unknown_parameter(self.spec, word, argv[0])
            a = argv[k + 1]
            if none_ok[i] and a == "":
                named[i] = None
            else:
                try:
                    named[i] = convs[i](a, registry)
                except BadValue as e:
                    self._check_names(argv, k + 2, n)
                    raise messages.invalid_value(self.params[i], e, word, self.spec) from None
            k += 2
        return named

    def _check_names(self, argv, k, n):
        """Before a bad value is reported: an unknown option or a broken pair later
        in the call is reported first, as TCLIBTORCH checks names before values."""
        index = self.index
        while k < n:
            word = argv[k]
            if k + 1 >= n:
                raise messages.missing_value(self.spec, word, argv[0])
            if not isinstance(word, str) or word not in index:
                raise messages.unknown_parameter(self.spec, word, argv[0])
            k += 2

    def _bind_positional(self, argv, split, named, values, registry):
        """Bind argv[1:split] in the first order that fits; fill `values`."""
        npos = split - 1
        if not named and npos < self.min_pos and len(self.orders) == 1:
            # too few words: the count is wrong before any value is (as Tcl checks it)
            raise messages.usage_error(self.spec, [
                i for i in self.order[npos:] if self.params[i].required], argv[0])
        best_error, best_progress = None, -1.0
        for order in self.orders:
            variadic_last = self.variadic and order[-1] == len(self.params) - 1
            if npos > len(order) and not variadic_last:
                continue
            bound, error, progress = self._try_order(argv, npos, order, named, registry)
            if error is None:
                missing = [i for i, p in enumerate(self.params)
                           if p.required and i not in bound and i not in named]
                if not missing:
                    for i, v in bound.items():
                        values[i] = v
                    return
                error = (messages.missing_required(self.spec, missing, argv[0]) if named
                         else messages.usage_error(self.spec, name=argv[0]))
                progress = npos + 0.5
            # the order that got furthest; at a tie both readings, the declared one
            # first (`rand {2 2} bad_device`: a bad device, and no dtype either)
            if progress > best_progress:
                best_error, best_progress = error, progress
            elif progress == best_progress:
                best_error = messages.either(best_error, error)
        raise best_error if best_error is not None else messages.usage_error(self.spec,
                                                                             name=argv[0])

    def _try_order(self, argv, npos, order, named, registry):
        bound = {}
        params, convs, none_ok = self.params, self.convs, self.none_ok
        last = len(order) - 1
        for k in range(npos):
            i = order[k]
            if i in named:
                return bound, messages.given_twice(self.spec, i, argv[0]), k
            if k == last and params[i].kind.variadic:
                a = TclList(argv[k + 1:npos + 1])
            else:
                a = argv[k + 1]
            if none_ok[i] and a == "":
                bound[i] = None
            else:
                try:
                    bound[i] = convs[i](a, registry)
                except BadValue as e:
                    return bound, messages.invalid_value(params[i], e, None, self.spec), k
            if k == last:
                break
        return bound, None, npos
