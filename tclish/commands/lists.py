"""List commands beyond the core ones: linsert, lreplace, lset, lsearch,
lsort, lreverse and lrepeat.

The core list commands (list, lindex, lappend, ...) live in lists_core.py.
Behaviour and error texts follow Tcl 8.6's tclCmdIL.c; `lsort` and `lsearch`
share the `-index` machinery (`_encode_index_list`, `_select`).
"""

from ..runtime.errors import TclError
from ..runtime.glob import glob_matcher, is_literal, lower
from ..runtime.indices import index_form, parse_index, parse_index_end
from ..runtime.registry import command, frame_blind, resolve_prefix
from ..runtime.tclre import PREFIX, RegexError, get_regex
from ..runtime.values import (
    TclList, is_unshared, tcl_int, to_float, to_int, to_list, to_str,
)
from .strings import int32_arg as _int32     # Tcl_GetIntFromObj

# is_unshared's count when a value is held by one container slot (a variable,
# a list or dict entry) and one local name; the other two references are
# is_unshared's own parameter and getrefcount's argument.
_OWNED = 4

# Tcl's LIST_MAX on 64-bit builds
LIST_MAX = 536870909


def _too_large():
    return TclError("integer value too large to represent",
                    ("ARITH", "IOVERFLOW", "integer value too large to represent"))


_INT64_MIN, _INT64_MAX = -(1 << 63), (1 << 63) - 1


def _wide(v):
    """Tcl_GetWideIntFromObj: magnitudes up to 2**64-1 wrap to 64 bits."""
    n = tcl_int(v)
    if -(1 << 64) < n < (1 << 64):
        return ((n + (1 << 63)) & ((1 << 64) - 1)) - (1 << 63)
    raise _too_large()


def _double(v):
    """Tcl_GetDoubleFromObj, which refuses NaN."""
    f = to_float(v)
    if f != f:
        raise TclError("floating point value is Not a Number", ("ARITH", "DOMAIN", "NaN"))
    return f


# --- regexp --------------------------------------------------------------------

def _regexp_searcher(pattern, nocase):
    """A predicate `s -> bool`: does the ARE `pattern` match somewhere in s."""
    rx = compile_regexp(pattern, nocase)
    return lambda s: rx.match(s) is not None


def compile_regexp(pattern, nocase=False):
    """A compiled Tcl ARE, or Tcl's "couldn't compile" error."""
    try:
        return get_regex(pattern, nocase)
    except RegexError as e:
        msg = str(e)
        raise TclError(PREFIX + msg, ("REGEXP", "COMPILE", msg)) from None


# --- dictionary ordering -------------------------------------------------------

def dictionary_compare(left, right):
    """Tcl's DictionaryCompare: case-insensitive, with embedded decimal
    numbers compared by value.  Returns <0, 0 or >0."""
    i = j = 0
    nl, nr = len(left), len(right)
    secondary = 0
    while True:
        if i < nl and j < nr and "0" <= right[j] <= "9" and "0" <= left[i] <= "9":
            # embedded numbers: more leading zeros sorts later, as a tie-break
            zeros = 0
            while right[j] == "0" and j + 1 < nr and "0" <= right[j + 1] <= "9":
                j += 1
                zeros -= 1
            while left[i] == "0" and i + 1 < nl and "0" <= left[i + 1] <= "9":
                i += 1
                zeros += 1
            if secondary == 0:
                secondary = zeros
            diff = 0
            while True:
                if diff == 0:
                    diff = ord(left[i]) - ord(right[j])
                i += 1
                j += 1
                r_digit = j < nr and "0" <= right[j] <= "9"
                l_digit = i < nl and "0" <= left[i] <= "9"
                if not r_digit:
                    if l_digit:
                        return 1
                    if diff != 0:
                        return diff
                    break
                if not l_digit:
                    return -1
            continue
        if i >= nl or j >= nr:
            diff = (i < nl) - (j < nr)
            break
        cl = left[i]
        cr = right[j]
        i += 1
        j += 1
        ll = cl.lower()
        rl = cr.lower()
        if len(ll) != 1:
            ll = cl
        if len(rl) != 1:
            rl = cr
        diff = ord(ll) - ord(rl)
        if diff:
            return diff
        if secondary == 0:
            if cl.isupper() and cr.islower():
                secondary = -1
            elif cr.isupper() and cl.islower():
                secondary = 1
    if diff == 0:
        diff = secondary
    return diff


def dictionary_key(s):
    """A sort key that orders strings as `dictionary_compare` does: the
    primary part compares digit runs by value (placed among the characters
    where the digits are) and other characters case-insensitively; the
    secondary part breaks ties by leading zeros and case, first difference
    first."""
    primary = []
    secondary = []
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if "0" <= c <= "9":
            j = i + 1
            while j < n and "0" <= s[j] <= "9":
                j += 1
            run = s[i:j]
            digits = run.lstrip("0") or "0"
            primary.append((0x30, len(digits), digits))
            secondary.append(len(run) - len(digits))
            i = j
            continue
        low = c.lower()
        primary.append((ord(low if len(low) == 1 else c),))
        secondary.append(0 if c.isupper() else 1)
        i += 1
    return tuple(primary), tuple(secondary)


def _ascii_compare(a, b):
    return (a > b) - (a < b)


# --- -index handling (shared by lsort and lsearch) -----------------------------

def _encode_index_list(value):
    """Parse an -index argument into [(is_end, offset)], rejecting indices
    that could select nothing in any list, as TclIndexEncode does."""
    encoded = []
    for j, item in enumerate(to_list(value)):
        try:
            is_end, offset = index_form(item)
            if (offset > 0) if is_end else (offset < 0):
                raise TclError('index "%s" cannot select an element from any list' % to_str(item),
                               ("TCL", "VALUE", "INDEX", "OUTOFRANGE"))
        except TclError as e:
            e.errorinfo += "\n    (-index option item number %d)" % j
            raise
        encoded.append((is_end, offset))
    return encoded


def _decode(form, end_value):
    is_end, offset = form
    return end_value + offset if is_end else offset


def _select(value, indexv):
    """The element of nested list `value` that an -index path selects."""
    for form in indexv:
        items = to_list(value)
        k = _decode(form, len(items) - 1)
        if k < 0 or k >= len(items):
            raise TclError('element %d missing from sublist "%s"' % (k, to_str(value)),
                           ("TCL", "OPERATION", "LSORT", "INDEXFAILED"))
        value = items[k]
    return value


# --- linsert, lreplace, lreverse, lrepeat --------------------------------------

@frame_blind
@command("linsert", 2, None, "list index ?element ...?")
def cmd_linsert(interp, argv):
    items = to_list(argv[1])
    n = len(items)
    index = parse_index_end(argv[2], n)
    if index > n:
        index = n
    elif index < 0:
        index = 0
    result = TclList(items)
    result[index:index] = argv[3:]
    return result


@frame_blind
@command("lreplace", 3, None, "list first last ?element ...?")
def cmd_lreplace(interp, argv):
    items = to_list(argv[1])
    n = len(items)
    first = parse_index(argv[2], n)
    last = parse_index(argv[3], n)
    if first < 0:
        first = 0
    if first > n:
        first = n
    if last >= n:
        last = n - 1
    stop = last + 1 if first <= last else first
    result = TclList(items)
    result[first:stop] = argv[4:]
    return result


@frame_blind
@command("lreverse", 1, 1, "list")
def cmd_lreverse(interp, argv):
    items = to_list(argv[1])
    if not items:
        return argv[1]
    return TclList(reversed(items))


@frame_blind
@command("lrepeat", 1, None, "count ?value ...?")
def cmd_lrepeat(interp, argv):
    count = _int32(argv[1])
    if count < 0:
        raise TclError('bad count "%d": must be integer >= 0' % count,
                       ("TCL", "OPERATION", "LREPEAT", "NEGARG"))
    values = argv[2:]
    if count and len(values) > LIST_MAX // count:
        raise TclError("max length of a Tcl list (%d elements) exceeded" % LIST_MAX,
                       ("TCL", "MEMORY"))
    return TclList(values * count)


# --- lset ------------------------------------------------------------------------

def _out_of_range():
    return TclError("list index out of range", ("TCL", "OPERATION", "LSET", "BADINDEX"))


@command("lset", 2, None, "listVar ?index? ?index ...? value")
def cmd_lset(interp, argv):
    name = to_str(argv[1])
    top = interp.get_var(name)
    if len(argv) == 3:
        return interp.set_var(name, argv[2])
    if len(argv) == 4:
        # one index argument is a list of indices, or else a single index
        try:
            indices = to_list(argv[2])
        except TclError:
            indices = [argv[2]]
    else:
        indices = argv[2:-1]
    if not indices:
        return interp.set_var(name, argv[-1])
    # Walk the path read-only first, so that an error leaves the variable
    # untouched; note on the way which levels may be changed in place (an
    # unshared list whose ancestors are all unshared too).
    inplace = type(top) is TclList and is_unshared(top, _OWNED)
    path = []
    current = top
    for ix in indices:
        items = to_list(current)
        n = len(items)
        k = parse_index(ix, n)
        if k < 0 or k > n:
            raise _out_of_range()
        path.append((items, k, inplace))
        if k < n:
            child = items[k]
            inplace = inplace and type(child) is TclList and is_unshared(child, _OWNED)
            current = child
        else:
            current = ""
            inplace = False
    value = argv[-1]
    for items, k, inplace in reversed(path):
        target = items if inplace else TclList(items)
        if k == len(target):
            target.append(value)
        else:
            target[k] = value
        value = target
    return interp.set_var(name, value)


# --- lsort -----------------------------------------------------------------------

_LSORT_OPTIONS = {name: name for name in (
    "-ascii", "-command", "-decreasing", "-dictionary", "-increasing", "-index",
    "-indices", "-integer", "-nocase", "-real", "-stride", "-unique")}


def _missing_arg(text):
    return TclError(text, ("TCL", "ARGUMENT", "MISSING"))


class _SortSpec:
    __slots__ = ("mode", "decreasing", "indexv", "unique", "indices", "stride", "command",
                 "nocase")

    def __init__(self):
        self.mode = "ascii"
        self.decreasing = False
        self.indexv = None
        self.unique = False
        self.indices = False
        self.stride = 0
        self.command = None
        self.nocase = False


def _parse_lsort_options(argv):
    spec = _SortSpec()
    last = len(argv) - 1        # argv[last] is the list
    i = 1
    while i < last:
        opt = resolve_prefix(_LSORT_OPTIONS, to_str(argv[i]), "option")
        if opt == "-ascii":
            spec.mode = "ascii"
        elif opt == "-command":
            if i == last - 1:
                raise _missing_arg('"-command" option must be followed by comparison command')
            spec.mode = "command"
            i += 1
            spec.command = argv[i]
        elif opt == "-decreasing":
            spec.decreasing = True
        elif opt == "-dictionary":
            spec.mode = "dictionary"
        elif opt == "-increasing":
            spec.decreasing = False
        elif opt == "-index":
            if i == last - 1:
                raise _missing_arg('"-index" option must be followed by list index')
            i += 1
            spec.indexv = _encode_index_list(argv[i])
        elif opt == "-indices":
            spec.indices = True
        elif opt == "-integer":
            spec.mode = "integer"
        elif opt == "-nocase":
            spec.nocase = True
        elif opt == "-real":
            spec.mode = "real"
        elif opt == "-stride":
            if i == last - 1:
                raise _missing_arg('"-stride" option must be followed by stride length')
            i += 1
            spec.stride = _int32(argv[i])
            if spec.stride < 2:
                raise TclError("stride length must be at least 2",
                               ("TCL", "OPERATION", "LSORT", "BADSTRIDE"))
        else:  # -unique
            spec.unique = True
        i += 1
    return spec


def _command_comparator(interp, cmd):
    words = list(to_list(cmd))

    def compare(a, b):
        argv = words + [a, b]
        try:
            if interp.coroutine is None:
                result = interp.invoke(argv)
            else:
                # Tcl's lsort calls back from C: no yield in there
                from .coroutines import invoke_unyielding
                result = invoke_unyielding(interp, argv)
        except TclError as e:
            interp.add_error_context(e, to_str(TclList(argv)), e.errorline)
            e.errorinfo += "\n    (-compare command)"
            raise
        try:
            return _int32(result)
        except TclError:
            raise TclError("-compare command returned non-integer result",
                           ("TCL", "OPERATION", "LSORT", "COMPARISONFAILED")) from None

    return compare


def _key_converter(spec):
    mode = spec.mode
    if mode == "ascii":
        return (lambda v: lower(to_str(v))) if spec.nocase else to_str
    if mode == "integer":
        return _wide
    if mode == "real":
        return _double
    if mode == "dictionary":
        return lambda v: dictionary_key(to_str(v))
    return None


def _sort_order(interp, spec, keys):
    """Positions 0..len(keys)-1 in sorted order (stable), and a comparison
    function that tells equal keys (for -unique)."""
    positions = range(len(keys))
    if spec.mode != "command":
        return sorted(positions, key=keys.__getitem__, reverse=spec.decreasing), _ascii_compare
    # A -command comparator is a script: call it in the same order, with the
    # same arguments, as Tcl's merge sort does.
    compare = _command_comparator(interp, spec.command)
    sign = -1 if spec.decreasing else 1
    return _tcl_merge_sort(len(keys), lambda p, q: sign * compare(keys[p], keys[q]),
                           spec.unique), None


def _tcl_merge_sort(n, compare, unique):
    """Tcl's bottom-up merge sort (tclCmdIL.c) over positions 0..n-1; with
    `unique`, of equal elements only the later one is kept."""
    sublists = []
    for p in range(n):
        merged = [p]
        j = 0
        while j < len(sublists) and sublists[j] is not None:
            merged = _merge_lists(sublists[j], merged, compare, unique)
            sublists[j] = None
            j += 1
        if j == len(sublists):
            sublists.append(merged)
        else:
            sublists[j] = merged
    result = []
    for part in sublists:
        if part is not None:
            result = _merge_lists(part, result, compare, unique)
    return result


def _merge_lists(left, right, compare, unique):
    if not left:
        return right
    if not right:
        return left
    out = []
    i = j = 0
    nl, nr = len(left), len(right)
    while i < nl and j < nr:
        order = compare(left[i], right[j])
        if order > 0 or (order == 0 and unique):
            if order == 0:
                i += 1
            out.append(right[j])
            j += 1
        else:
            out.append(left[i])
            i += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


@command("lsort", 1, None, "?-option value ...? list")
def cmd_lsort(interp, argv):
    spec = _parse_lsort_options(argv)
    items = to_list(argv[-1])
    length = len(items)
    if length == 0:
        return ""
    stride = spec.stride or 1
    group_offset = 0
    indexv = spec.indexv
    if spec.stride:
        if length % stride:
            raise TclError("list size must be a multiple of the stride length",
                           ("TCL", "OPERATION", "LSORT", "BADSTRIDE"))
        length //= stride
        if indexv:
            group_offset = _decode(indexv[0], stride - 1)
            if group_offset < 0 or group_offset >= stride:
                raise TclError('when used with "-stride", the leading "-index" value must be '
                               'within the group', ("TCL", "OPERATION", "LSORT", "BADINDEX"))
            indexv = indexv[1:]
    # keys are extracted and converted element by element, so that the
    # first bad element is the one reported
    convert = _key_converter(spec)
    if stride == 1 and not indexv:
        # the common case, one comprehension; ints and strings as they are
        if convert is _wide:
            keys = [k if k.__class__ is int and _INT64_MIN <= k <= _INT64_MAX else _wide(k)
                    for k in items]
        elif convert is to_str:
            keys = [k if k.__class__ is str else to_str(k) for k in items]
        elif convert is not None:
            keys = [convert(k) for k in items]
        else:
            keys = list(items)
    else:
        keys = []
        for i in range(length):
            key = items[stride * i + group_offset]
            if indexv:
                key = _select(key, indexv)
            keys.append(convert(key) if convert else key)
    if spec.mode == "ascii" and any("\0" in k for k in keys):
        # Tcl compares the modified UTF-8 bytes, where NUL is C0 80
        keys = [k.encode("utf-8", "surrogatepass").replace(b"\0", b"\xc0\x80") for k in keys]
    order, compare = _sort_order(interp, spec, keys)
    if spec.unique and compare is not None:
        order = _last_of_equal_runs(order, keys, compare)
    result = TclList()
    if stride > 1:
        for p in order:
            start = stride * p
            if spec.indices:
                result.extend(range(start, start + stride))
            else:
                result.extend(items[start:start + stride])
    elif spec.indices:
        result.extend(order)
    else:
        result.extend([items[p] for p in order])
    return result


def _last_of_equal_runs(order, keys, compare):
    """Keep only the last (in list order) of each run of equal elements, as
    Tcl's merge sort does for -unique.  Runs are adjacent after sorting, and a
    stable sort puts the last-listed element of a run last."""
    kept = []
    n = len(order)
    for j in range(n):
        if j + 1 < n and compare(keys[order[j]], keys[order[j + 1]]) == 0:
            continue
        kept.append(order[j])
    return kept


# --- lsearch ---------------------------------------------------------------------

_LSEARCH_OPTIONS = {name: name for name in (
    "-all", "-ascii", "-bisect", "-decreasing", "-dictionary", "-exact", "-glob",
    "-increasing", "-index", "-inline", "-integer", "-nocase", "-not", "-real",
    "-regexp", "-sorted", "-start", "-subindices")}

_LSEARCH_MODES = {"-exact": "exact", "-glob": "glob", "-regexp": "regexp", "-sorted": "sorted"}
_LSEARCH_TYPES = {"-ascii": "ascii", "-dictionary": "dictionary", "-integer": "integer",
                  "-real": "real"}


class _SearchSpec:
    __slots__ = ("mode", "dtype", "increasing", "all", "inline", "negate", "subindices",
                 "nocase", "bisect", "start", "indexv")

    def __init__(self):
        self.mode = "glob"
        self.dtype = "ascii"
        self.increasing = True
        self.all = self.inline = self.negate = self.subindices = False
        self.nocase = self.bisect = False
        self.start = None
        self.indexv = None


def _parse_lsearch_options(argv):
    spec = _SearchSpec()
    n = len(argv)
    i = 1
    while i < n - 2:
        opt = resolve_prefix(_LSEARCH_OPTIONS, to_str(argv[i]), "option")
        if opt in _LSEARCH_MODES:
            spec.mode = _LSEARCH_MODES[opt]
        elif opt in _LSEARCH_TYPES:
            spec.dtype = _LSEARCH_TYPES[opt]
        elif opt == "-all":
            spec.all = True
        elif opt == "-bisect":
            spec.mode = "sorted"
            spec.bisect = True
        elif opt == "-decreasing":
            spec.increasing = False
        elif opt == "-increasing":
            spec.increasing = True
        elif opt == "-inline":
            spec.inline = True
        elif opt == "-nocase":
            spec.nocase = True
        elif opt == "-not":
            spec.negate = True
        elif opt == "-subindices":
            spec.subindices = True
        elif opt == "-start":
            if i > n - 4:
                raise _missing_arg("missing starting index")
            i += 1
            spec.start = argv[i]
        else:  # -index
            if i > n - 4:
                raise _missing_arg('"-index" option must be followed by list index')
            i += 1
            spec.indexv = _encode_index_list(argv[i]) or None
        i += 1
    if spec.subindices and not spec.indexv:
        raise TclError("-subindices cannot be used without -index option",
                       ("TCL", "OPERATION", "LSEARCH", "BAD_OPTION_MIX"))
    if spec.bisect and (spec.all or spec.negate):
        raise TclError("-bisect is not compatible with -all or -not",
                       ("TCL", "OPERATION", "LSEARCH", "BAD_OPTION_MIX"))
    return spec


def _ordering(spec, pattern):
    """compare(item) -> sign of (pattern - item), for the sorted search."""
    dtype = spec.dtype
    if dtype == "integer":
        pat = _wide(pattern)
        return lambda item: _ascii_compare(pat, _wide(item))
    if dtype == "real":
        pat = _double(pattern)
        return lambda item: _ascii_compare(pat, _double(item))
    pat = to_str(pattern)
    if dtype == "dictionary":
        return lambda item: dictionary_compare(pat, to_str(item))
    if spec.nocase:
        pat = lower(pat)
        return lambda item: _ascii_compare(pat, lower(to_str(item)))
    return lambda item: _ascii_compare(pat, to_str(item))


def _matcher(spec, pattern, regexp_test):
    """match(item) -> bool for the linear search."""
    mode = spec.mode
    if mode == "glob":
        test = glob_matcher(to_str(pattern), spec.nocase)
        return lambda item: test(to_str(item))
    if mode == "regexp":
        return lambda item: regexp_test(to_str(item))
    dtype = spec.dtype
    if dtype == "integer":
        pat = _wide(pattern)
        return lambda item: _wide(item) == pat
    if dtype == "real":
        pat = _double(pattern)
        return lambda item: _double(item) == pat
    pat = to_str(pattern)
    if dtype == "dictionary":
        return lambda item: dictionary_compare(to_str(item), pat) == 0
    if spec.nocase:
        pat = lower(pat)
        return lambda item: lower(to_str(item)) == pat
    return lambda item: to_str(item) == pat


def _plain_search(spec, pattern):
    """Whether the search is for the first element equal to the pattern's string."""
    return (spec.mode in ("exact", "glob") and spec.dtype == "ascii" and not spec.nocase
            and not spec.all and not spec.negate and not spec.bisect and not spec.indexv
            and (spec.mode == "exact" or is_literal(to_str(pattern))))


def _first_equal(items, pat, offset):
    """The index of the first item from `offset` whose string is `pat`, or -1:
    list.index when every item up to the one found is a str (the usual case),
    else the element-by-element loop (an int's string may equal the pattern)."""
    try:
        k = items.index(pat, offset)
        end = k + 1
    except ValueError:
        k, end = -1, len(items)
    try:
        # (join raises for anything but strings: the quickest check there is)
        "".join(items[offset:end])
        return k
    except TypeError:
        pass
    for i in range(offset, len(items)):
        if to_str(items[i]) == pat:
            return i
    return -1


def _binary_search(spec, items, offset, compare):
    indexv = spec.indexv
    index = -1
    lo, hi = offset - 1, len(items)
    while lo + 1 != hi:
        mid = (lo + hi) // 2
        item = _select(items[mid], indexv) if indexv else items[mid]
        match = compare(item)
        if match == 0:
            # leftmost of equals, or with -bisect the rightmost
            index = mid
            if spec.bisect:
                lo = mid
            else:
                hi = mid
        elif (match > 0) == spec.increasing:
            lo = mid
        else:
            hi = mid
    if spec.bisect and index < 0:
        index = lo
    return index


def _subindex_path(index, indexv, listc):
    # Tcl decodes `end` here against the length of the outer list
    return TclList([index] + [_decode(form, listc) for form in indexv])


@frame_blind
@command("lsearch", 2, None, "?-option value ...? list pattern")
def cmd_lsearch(interp, argv):
    spec = _parse_lsearch_options(argv)
    pattern = argv[-1]
    regexp_test = None
    if spec.mode == "regexp":
        regexp_test = _regexp_searcher(to_str(pattern), spec.nocase)
    items = to_list(argv[-2])
    listc = len(items)
    offset = 0
    if spec.start is not None:
        offset = max(parse_index(spec.start, listc), 0)
        if offset > listc - 1:
            return "" if spec.all or spec.inline else -1
    indexv = spec.indexv
    if spec.mode == "sorted" and not spec.all and not spec.negate:
        index = _binary_search(spec, items, offset, _ordering(spec, pattern))
    elif _plain_search(spec, pattern):
        index = _first_equal(items, to_str(pattern), offset)
    else:
        match = _matcher(spec, pattern, regexp_test)
        negate = spec.negate
        found = TclList() if spec.all else None
        index = -1
        for i in range(offset, listc):
            item = _select(items[i], indexv) if indexv else items[i]
            if match(item) == negate:
                continue
            if found is None:
                index = i
                break
            if spec.inline:
                found.append(item if spec.subindices else items[i])
            elif spec.subindices:
                found.append(_subindex_path(i, indexv, listc))
            else:
                found.append(i)
        if found is not None:
            return found
    if not spec.inline:
        if spec.subindices:
            return _subindex_path(index, indexv, listc)
        return index
    return items[index] if index >= 0 else ""
