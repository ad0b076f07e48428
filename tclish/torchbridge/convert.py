"""Converters: one small class per kind of parameter value.

A kind turns a Tcl value into what the torch function wants, by Tcl's rules
(booleans 1/0/true/false/yes/no/on/off, integers, doubles, lists), and
raises `BadValue(detail)` naming what was given when it can't; the binder
adds which parameter it was.  Kinds that need torch (dtype, device) import it
on first use, never at import time.  Each kind also carries a `metavar` for
usage lines and an `example` value (a Tcl value, not source text) for the
generated tests.
"""

import re

from ..runtime.errors import TclError
from ..runtime.numbers import parse_number
from ..runtime.values import to_bool, to_float, to_int, to_list, to_str
from . import cuda_requests


class BadValue(Exception):
    """A value a kind can't accept; `detail` says what was wrong with it, `phrases`
    are TCLIBTORCH's words for the same mistake (messages.py adds them)."""

    def __init__(self, detail, phrases=()):
        Exception.__init__(self, detail)
        self.detail = detail
        self.phrases = phrases


_torch = None


TORCH_MISSING = ("torch is not installed: the torch:: commands need PyTorch "
                 "(pip install torch, or pip install 'tclish[torch]')")


def torch_module():
    """torch, imported on first use: the one place torch is imported, so that its
    import-time warnings (NumPy missing) never reach the user and its absence
    is a Tcl error saying what to install."""
    global _torch
    if _torch is None:
        import warnings
        try:
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message=".*NumPy.*")
                import torch
        except ImportError:
            raise TclError(TORCH_MISSING, ("TORCH", "MISSING")) from None
        # torch's run-time warnings (deprecations, sparse invariant checks, ...)
        # are Python's text, not Tcl's: the torch commands never show them.  The
        # filter covers warnings attributed to tclish's torch code and to torch's
        # own Python code, which is where a command's call makes them appear.
        warnings.filterwarnings("ignore", module=r"tclish\.torchbridge(\..*)?\Z")
        warnings.filterwarnings("ignore", module=r"torch(\..*)?\Z")
        _torch = torch
    return _torch


def _quote(value):
    return '"%s"' % to_str(value)


class Kind:
    """Base of all kinds.  `name` appears in help, `metavar` in usage lines,
    `example` is a Tcl value the generated tests use."""

    name = "value"
    metavar = "value"
    example = "x"
    variadic = False
    handle_kind = None          # "tensor" for kinds that look up handles
    handle_list = False         # True where the value is a list of such handles

    def convert(self, value, registry):
        raise NotImplementedError

    def __repr__(self):
        return "<kind %s>" % self.name


class _Tensor(Kind):
    name = "tensor"
    metavar = "tensor"
    example = "-data {1.0 2.0 3.0 4.0}"
    handle_kind = "tensor"

    def convert(self, value, registry):
        try:
            t = registry.tensors.find(value)
        except TypeError:           # an unhashable value (a list) is no handle
            t = None
        if t is None:
            raise BadValue(registry.why_missing(to_str(value), "tensor"))
        return t


class HandleOf(Kind):
    """A handle of another kind: a module, an optimizer, a scheduler, ...

    `kind` names the registry table (what `registry.new(kind, obj, prefix)`
    filled); `what` is the word used in messages ("module")."""

    def __init__(self, kind, what=None, example=""):
        self.handle_kind = kind
        self.name = self.metavar = what or kind
        self.example = example

    def convert(self, value, registry):
        table = registry.tables.get(self.handle_kind)
        try:
            obj = None if table is None else table.find(value)
        except TypeError:
            obj = None
        if obj is None:
            raise BadValue(registry.why_missing(to_str(value), self.handle_kind))
        return obj


class _TensorOrScalar(_Tensor):
    """A tensor handle, or a number used as a scalar operand."""

    name = "tensor or number"
    metavar = "tensor|number"

    def convert(self, value, registry):
        try:
            t = registry.tensors.find(value)
        except TypeError:
            t = None
        if t is not None:
            return t
        n = parse_number(to_str(value)) if not isinstance(value, (int, float)) else value
        if n is None:
            raise BadValue(registry.why_missing(to_str(value), "tensor") + ", nor a number")
        return n


class Int(Kind):
    name = "int"
    metavar = "int"
    example = "1"

    def __init__(self, minimum=None):
        self.minimum = minimum

    def convert(self, value, registry):
        try:
            v = to_int(value)
        except TclError as e:
            raise BadValue(e.message) from None
        if self.minimum is not None and v < self.minimum:
            raise BadValue("must be at least %d, got %d" % (self.minimum, v))
        return v


class Double(Kind):
    name = "double"
    metavar = "double"
    example = "0.5"

    def __init__(self, minimum=None, maximum=None, nonzero=False):
        self.minimum = minimum
        self.maximum = maximum
        self.nonzero = nonzero

    def convert(self, value, registry):
        try:
            v = to_float(value)
        except TclError as e:
            raise BadValue(e.message) from None
        if self.nonzero and v == 0:
            raise BadValue("must not be 0, got %s" % to_str(value))
        if (self.minimum is not None and v < self.minimum) or (
                self.maximum is not None and v > self.maximum):
            if self.maximum is None:
                raise BadValue("must be at least %s, got %s" % (self.minimum, to_str(value)))
            if self.minimum is None:
                raise BadValue("must be at most %s, got %s" % (self.maximum, to_str(value)))
            raise BadValue("must be between %s and %s, got %s" % (
                self.minimum, self.maximum, to_str(value)))
        return v


class _Bool(Kind):
    name = "bool"
    metavar = "bool"
    example = "1"

    def convert(self, value, registry):
        try:
            return to_bool(value)
        except TclError as e:
            raise BadValue(e.message) from None


class _String(Kind):
    name = "string"
    metavar = "string"
    example = "x"

    def convert(self, value, registry):
        return to_str(value)


class Choice(Kind):
    """One of a fixed set of words."""

    name = "choice"

    def __init__(self, *choices):
        self.choices = tuple(choices)
        self.metavar = "|".join(choices)
        self.example = choices[0]
        self._set = frozenset(choices)

    def convert(self, value, registry):
        s = to_str(value)
        if s in self._set:
            return s
        raise BadValue("%s is not one of %s" % (_quote(s), ", ".join(self.choices)))


def _int_items(value, what):
    try:
        items = to_list(value)
    except TclError as e:
        raise BadValue(e.message) from None
    out = []
    for x in items:
        try:
            out.append(to_int(x))
        except TclError:
            raise BadValue("expected a list of %s but got %s" % (what, _quote(value))) from None
    return out


class _Shape(Kind):
    """A tensor shape: a list of non-negative integers (empty: a scalar)."""

    name = "shape"
    metavar = "{d0 d1 ...}"
    example = "2 3"

    def convert(self, value, registry):
        dims = _int_items(value, "integers")
        for d in dims:
            if d < 0:
                raise BadValue("negative dimension in %s" % _quote(value))
        return dims


class Size(Kind):
    """A list of `n` positive integers; one integer stands for all n."""

    name = "size"

    def __init__(self, n, names):
        self.n = n
        self.metavar = "{%s}" % " ".join(names)
        self.example = " ".join(["2"] * n)

    def convert(self, value, registry):
        dims = _int_items(value, "integers")
        if len(dims) == 1:
            dims = dims * self.n
        if len(dims) != self.n:
            raise BadValue("expected %d integers but got %s" % (self.n, _quote(value)))
        for d in dims:
            if d <= 0:
                raise BadValue("sizes must be positive, got %s" % _quote(value))
        return dims


class _IntList(Kind):
    name = "int list"
    metavar = "{int ...}"
    example = "2 2"

    def convert(self, value, registry):
        return _int_items(value, "integers")


class _DoubleList(Kind):
    name = "double list"
    metavar = "{double ...}"
    example = "2.0 2.0"

    def convert(self, value, registry):
        try:
            items = to_list(value)
            return [to_float(x) for x in items]
        except TclError:
            raise BadValue("expected a list of numbers but got %s" % _quote(value)) from None


# dtype names: TCLIBTORCH's, torch's, and the capitalised forms tensor_dtype
# returns (looked up lower-cased, so Float32 and FLOAT32 work too)
_DTYPE_NAMES = {
    "float32": "float32", "float": "float32",
    "float64": "float64", "double": "float64",
    "float16": "float16", "half": "float16",
    "bfloat16": "bfloat16",
    "int32": "int32", "int": "int32",
    "int64": "int64", "long": "int64",
    "int16": "int16", "short": "int16",
    "int8": "int8",
    "uint8": "uint8", "byte": "uint8",
    "uint16": "uint16", "uint32": "uint32", "uint64": "uint64",
    "bool": "bool",
    "complex64": "complex64", "cfloat": "complex64",
    "complex128": "complex128", "cdouble": "complex128",
    "complex32": "complex32", "chalf": "complex32",
    "quint8": "quint8", "qint8": "qint8", "qint32": "qint32",
}
DTYPE_CHOICES = ("float32", "float64", "float16", "bfloat16", "int8", "int16", "int32",
                 "int64", "uint8", "uint16", "uint32", "uint64", "bool", "complex64",
                 "complex128", "complex32", "quint8", "qint8", "qint32", "float", "double",
                 "half", "byte", "short", "int", "long", "cfloat", "cdouble", "chalf")


def dtype_of(name):
    """The torch dtype a Tcl dtype name denotes, or None."""
    canonical = _DTYPE_NAMES.get(name) or _DTYPE_NAMES.get(name.lower())
    if canonical is None:
        # any other dtype by torch's own name (float8_e4m3fn, quint4x2, ...)
        torch = torch_module()
        found = getattr(torch, name.lower(), None) if name.isidentifier() else None
        return found if isinstance(found, torch.dtype) else None
    return getattr(torch_module(), canonical)


class _Dtype(Kind):
    name = "dtype"
    metavar = "dtype"
    example = "float64"

    def convert(self, value, registry):
        s = to_str(value)
        dtype = dtype_of(s)
        if dtype is None:
            raise BadValue("unknown dtype %s: must be one of %s"
                           % (_quote(s), ", ".join(DTYPE_CHOICES)),
                           ("Unknown scalar type: %s" % s, "Unsupported dtype"))
        return dtype


class _Device(Kind):
    name = "device"
    metavar = "cpu|cuda|cuda:N"
    example = "cpu"

    def convert(self, value, registry):
        s = to_str(value).strip().lower()
        if s == "cpu":
            return torch_module().device("cpu")
        if s == "gpu":
            s = "cuda"
        if s == "cuda" or (s.startswith("cuda:") and s[5:].isdigit()):
            cuda_requests.note(s)
            torch = torch_module()
            if not torch.cuda.is_available():
                raise BadValue("CUDA is not available (asked for %s)" % _quote(value))
            index = int(s[5:]) if s != "cuda" else torch.cuda.current_device()
            count = torch.cuda.device_count()
            if index >= count:
                raise BadValue("no CUDA device %d (there %s %d)" % (
                    index, "is" if count == 1 else "are", count))
            return torch.device("cuda", index)
        raise BadValue("unknown device %s: must be cpu, cuda or cuda:N" % _quote(value),
                       ("Invalid device string: %s" % to_str(value),))


def _leaf(x):
    """The number or boolean a list element denotes, or None if it is a list."""
    if type(x) is int or type(x) is float:
        return x
    s = to_str(x)
    n = parse_number(s)
    if n is not None:
        return n
    low = s.strip().lower()
    if low in ("true", "yes", "on"):
        return True
    if low in ("false", "no", "off"):
        return False
    return None


# torch.tensor takes nested lists at most this deep
MAX_DATA_DEPTH = 128
_NOT_BRACE = re.compile(r"[^{}]+")


def _brace_depth(text):
    """How deep the braces of `text` nest (a bound for its list nesting,
    found in one pass)."""
    depth = deepest = 0
    for c in _NOT_BRACE.sub("", text):
        if c == "{":
            depth += 1
            if depth > deepest:
                deepest = depth
        else:
            depth -= 1
    return deepest


def _too_deep():
    return BadValue("data nested more than %d levels deep (the most torch.tensor reads)"
                    % MAX_DATA_DEPTH)


def nested_data(value, depth=1):
    """A Tcl list of any depth as nested Python lists of numbers/booleans.

    The top level is always a list (so `5.0` is a one-element vector, as in
    TCLIBTORCH).  An element that is not a number is split again as a list.
    Each level splits its text again, so the depth is checked first, in one
    pass: 10,000 nested braces are refused at once, not after minutes."""
    if depth == 1 and not isinstance(value, list):
        text = to_str(value)
        if len(text) > 2 * MAX_DATA_DEPTH and _brace_depth(text) > MAX_DATA_DEPTH:
            raise _too_deep()
    elif depth > MAX_DATA_DEPTH:
        raise _too_deep()
    try:
        items = to_list(value)
    except TclError as e:
        raise BadValue(e.message) from None
    out = []
    nested = False
    for x in items:
        v = _leaf(x)
        if v is None:
            sub = to_list(x)
            if len(sub) == 1 and to_str(sub[0]) == to_str(x):
                raise BadValue("expected a number but got %s" % _quote(x))
            v = nested_data(x, depth + 1)
            nested = True
        out.append(v)
    if nested:
        # `{1 2} {3}`: the 3 is also the list {3}; as such torch reports the ragged row
        out = [v if isinstance(v, list) else [v] for v in out]
    return out


class _Data(Kind):
    name = "data"
    metavar = "{values ...}"
    example = "1.0 2.0 3.0 4.0"

    def convert(self, value, registry):
        return nested_data(value)


class _TensorList(Kind):
    """A Tcl list of tensor handles (torch::tensor_cat's `{$a $b}`)."""

    name = "tensor list"
    metavar = "{tensor ...}"
    example = ""
    handle_kind = "tensor"
    handle_list = True

    def convert(self, value, registry):
        try:
            items = to_list(value)
        except TclError as e:
            raise BadValue(e.message) from None
        out = []
        for x in items:
            try:
                t = registry.tensors.find(x)
            except TypeError:       # an unhashable element (a nested list) is no handle
                t = None
            if t is None:
                raise BadValue(registry.why_missing(to_str(x), "tensor"))
            out.append(t)
        return out


class _Handles(Kind):
    """Any number of handle names (a variadic last parameter)."""

    name = "handles"
    metavar = "handle"
    example = ""
    variadic = True
    handle_kind = "tensor"

    def convert(self, value, registry):
        names = [to_str(x) for x in to_list(value)]
        for n in names:
            if registry.tensors.find(n) is None:
                raise BadValue(registry.why_missing(n, "tensor"))
        return names


TENSOR = _Tensor()
TENSOR_OR_SCALAR = _TensorOrScalar()
TENSOR_LIST = _TensorList()
INT = Int()
DOUBLE = Double()
BOOL = _Bool()
STRING = _String()
SHAPE = _Shape()
INT_LIST = _IntList()
DOUBLE_LIST = _DoubleList()
DTYPE = _Dtype()
DEVICE = _Device()
DATA = _Data()
HANDLES = _Handles()


class _NormOrd(Kind):
    """A norm order: a number (inf, -inf too) or one of the words fro, nuc."""

    name = "norm order"
    metavar = "number|fro|nuc"
    example = "2"

    def convert(self, value, registry):
        s = to_str(value).strip()
        if s in ("fro", "nuc"):
            return s
        low = s.lower()
        if low in ("inf", "+inf", "-inf"):
            return float(low.replace("+", ""))
        try:
            v = to_float(value)
        except TclError:
            raise BadValue("expected a number, inf, fro or nuc but got %s" % _quote(value)) from None
        return int(v) if v == int(v) else v


NORM_ORD = _NormOrd()


class _TensorOrNone(_Tensor):
    """An optional tensor: a handle, or none/empty for no tensor (a conv's bias)."""

    name = "tensor or none"
    metavar = "tensor|none"

    def convert(self, value, registry):
        if to_str(value).strip().lower() in ("", "none", "null"):
            return None
        return _Tensor.convert(self, value, registry)


TENSOR_OR_NONE = _TensorOrNone()


class _Tensors(Kind):
    """Any number of tensor handles as the last parameter (`hstack $a $b`), where
    one argument may also be a list of handles (`hstack [list $a $b]`,
    `-tensors {$a $b}`); the function gets one flat list of tensors."""

    name = "tensors"
    metavar = "tensor ?tensor ...?"
    example = ""
    variadic = True
    handle_kind = "tensor"
    handle_list = True

    def convert(self, value, registry):
        try:
            items = to_list(value)
        except TclError as e:
            raise BadValue(e.message) from None
        out = []
        for x in items:
            try:
                t = registry.tensors.find(x)
            except TypeError:
                t = None
            if t is not None:
                out.append(t)
                continue
            try:
                sub = to_list(x)
            except TclError:
                sub = [x]
            if len(sub) == 1 and to_str(sub[0]) == to_str(x):
                raise BadValue(registry.why_missing(to_str(x), "tensor"))
            out.extend(self.convert(x, registry))
        if not out:
            raise BadValue("no tensors given")
        return out


class _Shapes(Kind):
    """Any number of shapes as the last parameter (`broadcast_shapes {2 1} {3}`); one
    argument may also be a list of shapes (`-shapes {{2 1} {3}}`)."""

    name = "shapes"
    metavar = "shape ?shape ...?"
    example = "{2 1} {1 3}"
    variadic = True

    def convert(self, value, registry):
        try:
            items = to_list(value)
        except TclError as e:
            raise BadValue(e.message) from None
        out = []
        for x in items:
            try:
                out.append(SHAPE.convert(x, registry))
            except BadValue:
                if len(to_list(x)) < 2:
                    raise
                out.extend(self.convert(x, registry))
        return out


TENSORS = _Tensors()
SHAPES = _Shapes()


# --- kinds added for the tensor library (activation, padding, pooling, convolution,
# manipulation families) ---

class IntOrList(Kind):
    """An integer or a list of integers (a kernel size, stride, padding): one integer
    stays an int, so torch repeats it over every spatial dimension.  `words` are
    further accepted strings (conv padding's `same` and `valid`); with `allow_empty`
    an empty list is passed on as one (torch's `int | tuple[int]` dims)."""

    name = "int or int list"
    example = "1"

    def __init__(self, words=(), minimum=None, allow_empty=False):
        self.words = frozenset(words)
        self.minimum = minimum
        self.allow_empty = allow_empty
        self.metavar = "int|{int ...}" + "".join("|" + w for w in sorted(words))

    def convert(self, value, registry):
        s = to_str(value).strip()
        if s in self.words:
            return s
        dims = _int_items(value, "integers")
        if not dims and self.allow_empty:
            return dims
        if not dims:
            raise BadValue("expected an integer or a list of integers but got %s" % _quote(value))
        if self.minimum is not None and min(dims) < self.minimum:
            raise BadValue("must be at least %d, got %s" % (self.minimum, _quote(value)))
        return dims[0] if len(dims) == 1 else dims


class DoubleOrList(Kind):
    """A number or a list of numbers (one number stays a float).  With `count` a
    list must have exactly that many (one per spatial dimension); with `open_range`
    (low, high) every number must lie strictly between them."""

    name = "double or double list"
    metavar = "double|{double ...}"
    example = "0.5"

    def __init__(self, count=None, open_range=None):
        self.count = count
        self.open_range = open_range

    def convert(self, value, registry):
        try:
            items = [to_float(x) for x in to_list(value)]
        except TclError:
            raise BadValue("expected a number or a list of numbers but got %s"
                           % _quote(value)) from None
        if not items:
            raise BadValue("expected a number or a list of numbers but got %s" % _quote(value))
        if self.count is not None and len(items) not in (1, self.count):
            raise BadValue("expected one number or a list of %d numbers but got %s"
                           % (self.count, _quote(value)))
        if self.open_range is not None:
            low, high = self.open_range
            if not all(low < x < high for x in items):
                raise BadValue("must lie between %s and %s (both excluded), got %s"
                               % (low, high, _quote(value)))
        return items[0] if len(items) == 1 else items


OPTIONAL_TENSOR = TENSOR_OR_NONE     # one kind, two names (both helpers' spellings)
INT_OR_LIST = IntOrList()
INT_OR_INTS = IntOrList(allow_empty=True)     # dims: one, several, or none given
DOUBLE_OR_LIST = DoubleOrList()


# ---- kinds of the nn and training commands (modules, optimizers, schedulers) ----

MODULE = HandleOf("module", "module")
OPTIMIZER = HandleOf("optimizer", "optimizer")
SCHEDULER = HandleOf("scheduler", "scheduler")


class _Parameters(Kind):
    """What an optimizer optimizes: a module handle (its parameters), one tensor
    handle, or a Tcl list of tensor handles (TCLIBTORCH accepts all three)."""

    name = "parameters"
    metavar = "{tensor ...}|module"
    example = ""
    handle_kind = "tensor"
    handle_list = True

    def convert(self, value, registry):
        modules = registry.tables.get("module")
        try:
            module = None if modules is None else modules.find(value)
            if module is None:
                t = registry.tensors.find(value)
                if t is not None:
                    return [t]
        except TypeError:
            module = None
        if module is not None:
            return list(module.parameters())
        out = _TensorList.convert(self, value, registry)
        if not out:
            raise BadValue("no parameters to optimize (an empty list)")
        return out


class _Reduction(Kind):
    """A loss reduction: none, mean or sum, or TCLIBTORCH's 0, 1, 2 for them."""

    name = "reduction"
    metavar = "none|mean|sum"
    example = "sum"
    _BY_NUMBER = {"0": "none", "1": "mean", "2": "sum"}

    def convert(self, value, registry):
        s = to_str(value)
        s = self._BY_NUMBER.get(s.strip(), s)
        if s in ("none", "mean", "sum"):
            return s
        raise BadValue("%s is not one of none, mean, sum (or 0, 1, 2)" % _quote(value))


class _Script(Kind):
    """A Tcl script or command prefix, evaluated later by the interpreter."""

    name = "script"
    metavar = "script"
    example = ""

    def convert(self, value, registry):
        return value


PARAMETERS = _Parameters()
REDUCTION = _Reduction()
SCRIPT = _Script()


class HandleName(HandleOf):
    """A handle of another kind, passed on as its name (the Tcl value itself),
    for commands that answer with the handle they were given (model_train)."""

    def convert(self, value, registry):
        HandleOf.convert(self, value, registry)
        return value


class _ModuleList(Kind):
    """A Tcl list of module handles (torch::sequential's children)."""

    name = "module list"
    metavar = "{module ...}"
    example = ""
    handle_kind = "module"
    handle_list = True

    def convert(self, value, registry):
        try:
            items = to_list(value)
        except TclError as e:
            raise BadValue(e.message) from None
        return [MODULE.convert(x, registry) for x in items]


MODULE_NAME = HandleName("module", "module")
MODULE_LIST = _ModuleList()


# A tensor handle passed on as its name, for commands that work in place and answer
# with the handle they were given (TCLIBTORCH's in-place forms, PyTorch's `x.add_()`
# returning x); the kernel looks the tensor up with registry.get(name).  Declare such
# commands returns="tensors": fast.py's all-handles shortcut (returns "tensor"/"value")
# hands any tensor-kind parameter over as the tensor itself.
TENSOR_NAME = HandleName("tensor", "tensor")
