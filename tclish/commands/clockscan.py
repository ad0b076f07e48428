"""`clock scan`: Tcl's free-form date grammar and -format scanning.

The free-form scanner follows tclGetDate.y: words are looked up in the
month/day, zone, unit and "other" tables, numbers of six or more digits are
ISO 8601 bases, and the items (time, zone, date, weekday, relative units,
bare numbers) may come in any order, each at most once.  The result is put
together as Tcl's clock.tcl does: the date (or the base date), then relative
months and days, then the weekday, then the time of day (midnight when a
date, weekday or day offset was given, else the base's), then relative
seconds.

-format scanning turns the format into one regular expression with a group
per %-code and combines the fields found, falling back on the base date.
"""

import re

from ..runtime import dates
from ..runtime.dates import DAY_NAMES, MONTH_NAMES, LocalFields
from ..runtime.errors import TclError

# ---- word tables (tclGetDate.y) --------------------------------------------------------

MER24, MER_AM, MER_PM = 0, 1, 2

_MONTHS = {name.lower(): i + 1 for i, name in enumerate(MONTH_NAMES)}
_MONTHS["sept"] = 9
_DAYS = {name.lower(): i for i, name in enumerate(DAY_NAMES)}
_DAYS.update({"tues": 2, "wednes": 3, "thur": 4, "thurs": 4})

# zone name -> (minutes west of UTC, daylight-saving zone?)
_ZONES = {
    "gmt": (0, False), "ut": (0, False), "utc": (0, False), "uct": (0, False),
    "wet": (0, False), "bst": (0, True), "wat": (60, False), "at": (120, False),
    "nft": (210, False), "nst": (210, False), "ndt": (210, True), "ast": (240, False),
    "adt": (240, True), "est": (300, False), "edt": (300, True), "cst": (360, False),
    "cdt": (360, True), "mst": (420, False), "mdt": (420, True), "pst": (480, False),
    "pdt": (480, True), "yst": (540, False), "ydt": (540, True), "akst": (540, False),
    "akdt": (540, True), "hst": (600, False), "hdt": (600, True), "cat": (600, False),
    "ahst": (600, False), "nt": (660, False), "idlw": (720, False), "cet": (-60, False),
    "cest": (-60, True), "met": (-60, False), "mewt": (-60, False), "mest": (-60, True),
    "swt": (-60, False), "sst": (-60, True), "fwt": (-60, False), "fst": (-60, True),
    "eet": (-120, False), "eest": (-120, True), "bt": (-180, False), "it": (-210, False),
    "zp4": (-240, False), "zp5": (-300, False), "ist": (-330, False), "zp6": (-360, False),
    "wast": (-420, False), "wadt": (-420, True), "jt": (-450, False), "cct": (-480, False),
    "jst": (-540, False), "jdt": (-540, True), "kst": (-540, False), "kdt": (-540, True),
    "cast": (-570, False), "cadt": (-570, True), "east": (-600, False), "eadt": (-600, True),
    "gst": (-600, False), "nzt": (-720, False), "nzst": (-720, False), "nzdt": (-720, True),
    "idle": (-720, False),
}
for _i, _c in enumerate("abcdefghiklm"):
    _ZONES[_c] = (-60 * (_i + 1), False)
for _i, _c in enumerate("nopqrstuvwxy"):
    _ZONES[_c] = (60 * (_i + 1), False)
_ZONES["z"] = (0, False)

# unit -> (kind, amount): kind is "month", "day" or "sec"
_UNITS = {
    "year": ("month", 12), "month": ("month", 1), "fortnight": ("day", 14),
    "week": ("day", 7), "day": ("day", 1), "hour": ("sec", 3600), "minute": ("sec", 60),
    "min": ("sec", 60), "second": ("sec", 1), "sec": ("sec", 1),
}
_OTHER_UNITS = {
    "tomorrow": ("day", 1), "yesterday": ("day", -1), "today": ("day", 0), "now": ("sec", 0),
}
_ORDINALS = {"last": -1}


class _Token:
    __slots__ = ("kind", "value", "start", "end", "digits")

    def __init__(self, kind, value, start, end, digits=0):
        # NUM ISO MONTH DAY ZONE DAYZONE DST UNIT MER NEXT AGO EPOCH ID EOF, or a character
        self.kind = kind
        self.value = value
        self.start = start      # where the whitespace before the token began
        self.end = end          # index of the token's last character
        self.digits = digits


def _lookup_word(word):
    w = word.lower()
    if w in ("am", "a.m."):
        return "MER", MER_AM
    if w in ("pm", "p.m."):
        return "MER", MER_PM
    abbrev = len(w) == 3 or (len(w) == 4 and w[3] == ".")
    key = w[:3] if abbrev else w
    if abbrev:
        for name, month in _MONTHS.items():
            if name.startswith(key):
                return "MONTH", month
        for name, day in _DAYS.items():
            if name.startswith(key):
                return "DAY", day
    else:
        if w in _MONTHS:
            return "MONTH", _MONTHS[w]
        if w in _DAYS:
            return "DAY", _DAYS[w]
    if w in _ZONES:
        minutes, dst = _ZONES[w]
        return ("DAYZONE" if dst else "ZONE"), minutes
    if w == "dst":
        return "DST", 0
    if w in _UNITS:
        return "UNIT", _UNITS[w]
    if w.endswith("s") and w[:-1] in _UNITS:
        return "UNIT", _UNITS[w[:-1]]
    if w in _OTHER_UNITS:
        return "UNIT", _OTHER_UNITS[w]
    if w in _ORDINALS:
        return "NUM", _ORDINALS[w]
    if w == "next":
        return "NEXT", 1
    if w == "ago":
        return "AGO", 1
    if w == "epoch":
        return "EPOCH", 0
    stripped = w.replace(".", "")
    if stripped != w and stripped in _ZONES:
        minutes, dst = _ZONES[stripped]
        return ("DAYZONE" if dst else "ZONE"), minutes
    return "ID", word


def _tokenize(text):
    tokens = []
    i = 0
    n = len(text)
    while True:
        start = i
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            tokens.append(_Token("EOF", None, start, n))
            return tokens
        c = text[i]
        if c.isdigit() and c.isascii():
            j = i
            while j < n and text[j].isdigit() and text[j].isascii():
                j += 1
            digits = j - i
            tokens.append(_Token("ISO" if digits >= 6 else "NUM", int(text[i:j]), start, j - 1,
                                 digits))
            i = j
        elif c.isalpha() and c.isascii():
            j = i
            while j < n and ((text[j].isalpha() and text[j].isascii()) or text[j] == "."):
                j += 1
            kind, value = _lookup_word(text[i:j])
            tokens.append(_Token(kind, value, start, j - 1))
            i = j
        elif c == "(":
            depth = 0
            while i < n:
                if text[i] == "(":
                    depth += 1
                elif text[i] == ")":
                    depth -= 1
                    if depth == 0:
                        i += 1
                        break
                i += 1
        else:
            tokens.append(_Token(c, c, start, i))
            i += 1


class _Syntax(Exception):
    def __init__(self, token):
        Exception.__init__(self)
        self.token = token


class _Parsed:
    """What the free-form grammar found."""

    def __init__(self):
        self.times = self.zones = self.dates = self.days = self.ord_months = 0
        self.have_rel = False
        self.hour = self.minute = self.second = 0
        self.meridian = MER24
        self.zone_minutes = None     # minutes west
        self.dst = False
        self.year = self.month = self.day = None
        self.day_ordinal = self.day_number = None
        self.month_ordinal = self.month_number = None
        self.rel_month = self.rel_day = self.rel_seconds = 0


class _Parser:
    def __init__(self, tokens):
        self.toks = tokens
        self.i = 0
        self.r = _Parsed()

    def peek(self, k=0):
        return self.toks[min(self.i + k, len(self.toks) - 1)]

    def kinds(self, *kinds):
        return all(self.peek(k).kind == kind for k, kind in enumerate(kinds))

    def take(self):
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def expect(self, kind):
        tok = self.peek()
        if tok.kind != kind:
            raise _Syntax(tok)
        return self.take()

    def parse(self):
        while self.peek().kind != "EOF":
            self.item()
        return self.r

    # -- items --

    def item(self):
        tok = self.peek()
        k = tok.kind
        r = self.r
        if k == "NUM":
            nxt = self.peek(1).kind
            if nxt == ":" or nxt == "MER":
                return self.time()
            if nxt == "/" or (nxt == "-" and self.peek(2).kind in ("NUM", "MONTH")) \
                    or nxt == "MONTH":
                return self.date()
            if nxt == "DAY":
                self.take()
                return self.weekday(tok.value)
            if nxt == "UNIT":
                return self.relative()
            return self.number(self.take())
        if k == "ISO":
            return self.iso()
        if k in ("ZONE", "DAYZONE"):
            self.take()
            r.zones += 1
            r.zone_minutes = tok.value
            r.dst = k == "DAYZONE"
            if k == "ZONE" and self.peek().kind == "DST":
                self.take()
                r.dst = True
            return None
        if k in ("+", "-"):
            sign = -1 if k == "-" else 1
            if self.peek(1).kind in ("NUM", "ISO"):
                if self.peek(2).kind == "UNIT":
                    return self.relative()
                if self.peek(2).kind == "DAY":
                    self.take()
                    num = self.take()
                    return self.weekday(sign * num.value)
                self.take()
                num = self.take()
                r.zones += 1
                r.zone_minutes = -sign * (num.value % 100 + (num.value // 100) * 60)
                r.dst = False
                return None
            raise _Syntax(tok)
        if k in ("MONTH", "EPOCH"):
            return self.date()
        if k == "DAY":
            self.take()
            if self.peek().kind == ",":
                self.take()
            return self.weekday(1, tok.value)
        if k == "NEXT":
            nxt = self.peek(1)
            if nxt.kind == "DAY":
                self.take()
                self.take()
                return self.weekday(2, nxt.value)
            if nxt.kind == "MONTH":
                self.take()
                self.take()
                r.ord_months += 1
                r.month_ordinal, r.month_number = 1, nxt.value
                return None
            if nxt.kind == "NUM" and self.peek(2).kind == "MONTH":
                self.take()
                num = self.take()
                month = self.take()
                r.ord_months += 1
                r.month_ordinal, r.month_number = num.value, month.value
                return None
            return self.relative()
        if k == "UNIT":
            return self.relative()
        raise _Syntax(tok)

    def weekday(self, ordinal, number=None):
        if number is None:
            number = self.expect("DAY").value
        self.r.days += 1
        self.r.day_ordinal, self.r.day_number = ordinal, number

    def time(self):
        r = self.r
        hour = self.take().value
        minute = second = 0
        mer = MER24
        if self.peek().kind == "MER":
            mer = self.take().value
        else:
            self.expect(":")
            minute = self.expect("NUM").value
            if self.peek().kind == ":":
                self.take()
                second = self.expect("NUM").value
            if self.peek().kind == "MER":
                mer = self.take().value
            elif self.peek().kind in ("+", "-") and self.peek(1).kind in ("NUM", "ISO") \
                    and self.peek(2).kind != "UNIT":
                sign = -1 if self.take().kind == "-" else 1
                num = self.take().value
                r.zones += 1
                r.zone_minutes = -sign * (num % 100 + (num // 100) * 60)
                r.dst = False
        r.times += 1
        r.hour, r.minute, r.second, r.meridian = hour, minute, second, mer

    def date(self):
        r = self.r
        tok = self.take()
        if tok.kind == "EPOCH":
            y, m, d = 1970, 1, 1
        elif tok.kind == "MONTH":
            m = tok.value
            d = self.expect("NUM").value
            y = None
            if self.peek().kind == "," and self.peek(1).kind == "NUM":
                self.take()
                y = self.take().value
        else:
            first = tok.value
            sep = self.peek().kind
            if sep == "/":
                self.take()
                second = self.expect("NUM").value
                y = None
                if self.peek().kind == "/":
                    self.take()
                    third = self.expect("NUM").value
                    if first >= 100:
                        y, m, d = first, second, third
                    else:
                        m, d, y = first, second, third
                else:
                    m, d = first, second
            elif sep == "-":
                self.take()
                if self.peek().kind == "MONTH":
                    m = self.take().value
                    self.expect("-")
                    d, y = first, self.expect("NUM").value
                else:
                    m = self.expect("NUM").value
                    self.expect("-")
                    y, d = first, self.expect("NUM").value
                    r.dates += 1
                    r.year, r.month, r.day = y, m, d
                    return self.iso_time_after_date()
            else:
                m = self.expect("MONTH").value
                d = first
                y = self.take().value if self.peek().kind == "NUM" else None
        r.dates += 1
        r.year, r.month, r.day = y, m, d

    def iso(self):
        r = self.r
        tok = self.take()
        n, digits = tok.value, tok.digits
        if digits == 14:
            r.dates += 1
            r.times += 1
            r.year, r.month, r.day = n // 10**10, n // 10**8 % 100, n // 10**6 % 100
            r.hour, r.minute, r.second, r.meridian = n // 10000 % 100, n // 100 % 100, n % 100, \
                MER24
            return None
        if digits == 6 and r.dates and not r.times:
            r.times += 1
            r.hour, r.minute, r.second, r.meridian = n // 10000, n // 100 % 100, n % 100, MER24
            return None
        r.dates += 1
        r.year, r.month, r.day = n // 10000, n // 100 % 100, n % 100
        return self.iso_time_after_date()

    def iso_time_after_date(self):
        """An ISO date may be followed by `T` (a zone letter to the lexer) and
        a time; any other zone right after it is a syntax error, as in Tcl."""
        if self.peek().kind not in ("ZONE", "DAYZONE"):
            return None
        self.take()
        t = self.peek()
        if t.kind == "ISO":
            self.take()
            r = self.r
            r.times += 1
            r.hour, r.minute, r.second = t.value // 10000, t.value // 100 % 100, t.value % 100
            r.meridian = MER24
            return None
        if t.kind == "NUM" and self.peek(1).kind == ":":
            return self.time()
        raise _Syntax(t)

    def relative(self):
        r = self.r
        tok = self.peek()
        if tok.kind in ("+", "-"):
            sign = -1 if self.take().kind == "-" else 1
            count = sign * self.take().value
        elif tok.kind in ("NUM", "ISO"):
            count = self.take().value
        elif tok.kind == "NEXT":
            self.take()
            count = 1
        else:
            count = 1
        kind, amount = self.expect("UNIT").value
        if kind == "month":
            r.rel_month += count * amount
        elif kind == "day":
            r.rel_day += count * amount
        else:
            r.rel_seconds += count * amount
        r.have_rel = True
        if self.peek().kind == "AGO":
            self.take()
            r.rel_month, r.rel_day, r.rel_seconds = -r.rel_month, -r.rel_day, -r.rel_seconds

    def number(self, tok):
        r = self.r
        if r.times and r.dates and not r.have_rel:
            r.year = tok.value
            return
        r.times += 1
        if tok.digits <= 2:
            r.hour, r.minute = tok.value, 0
        else:
            r.hour, r.minute = tok.value // 100, tok.value % 100
        r.second = 0
        r.meridian = MER24


def _to_seconds(hour, minute, second, meridian):
    if not (0 <= minute <= 59 and 0 <= second <= 59):
        return -1
    if meridian == MER24:
        if not 0 <= hour <= 23:
            return -1
    else:
        if not 1 <= hour <= 12:
            return -1
        hour = hour % 12 + (12 if meridian == MER_PM else 0)
    return hour * 3600 + minute * 60 + second


def free_scan(text, base, zone):
    """`clock scan` without -format."""
    try:
        r = _Parser(_tokenize(text)).parse()
    except _Syntax as e:
        tok = e.token
        raise TclError('unable to convert date-time string "%s": syntax error (characters '
                       '%d-%d)' % (text, tok.start, tok.end),
                       ("CLOCK", "badDateTimeString", text)) from None
    for count, what in ((r.times, "time of day"), (r.zones, "time zone"), (r.dates, "date"),
                        (r.days, "weekday"), (r.ord_months, "ordinal month")):
        if count > 1:
            raise TclError('unable to convert date-time string "%s": more than one %s in '
                           'string' % (text, what), ("CLOCK", "badDateTimeString", text))
    change = dates.BRITISH_CHANGE_JDN
    now = LocalFields(base, zone, change)
    if r.zones:
        offset = -r.zone_minutes * 60 + (3600 if r.dst else 0)
        zone = dates.FixedZone(offset, dates.format_offset(offset))
    if r.dates:
        year = now.year if r.year is None else r.year
        if year < 100:
            year += 1900 if year >= 39 else 2000
        jdn = dates.jdn_from_civil(year, r.month, r.day, change)
    else:
        jdn = now.jdn
    if r.rel_month:
        y, m, d = dates.civil_from_jdn(jdn, change)
        jdn = dates.add_months(y, m, d, r.rel_month, change)
    jdn += r.rel_day
    if r.days:
        jdn = dates.weekday_on_or_before(r.day_number, jdn + 6) + 7 * r.day_ordinal
        if r.day_ordinal > 0:
            jdn -= 7
    if r.ord_months:
        y, m, d = dates.civil_from_jdn(jdn, change)
        ordinal = r.month_ordinal
        diff = r.month_number - m
        if ordinal > 0:
            if diff <= 0:
                diff += 12
            ordinal -= 1
        elif diff >= 0:
            diff -= 12
            ordinal += 1
        jdn = dates.add_months(y, m, d, diff + 12 * ordinal, change)
    if r.times:
        sod = _to_seconds(r.hour, r.minute, r.second, r.meridian)
    elif r.dates or r.days or r.ord_months or r.rel_month or r.rel_day:
        sod = 0
    else:
        sod = now.second_of_day
    return zone.to_utc(dates.local_seconds(jdn, sod)) + r.rel_seconds


# ---- scanning with -format --------------------------------------------------------------

def _alternation(words):
    alts = sorted({w.lower() for w in words if w}, key=len, reverse=True)
    return "(" + "|".join(re.escape(a) for a in alts) + ")"


def _names_re(names):
    return _alternation(list(names) + [n[:3] for n in names])


_FIELD_RE = {
    "Y": r"(\d\d\d\d)", "y": r"(\d\d)", "C": r"(\d\d)", "m": r"(\d\d?)", "N": r"\s*(\d\d?)",
    "d": r"(\d\d?)", "e": r"\s*(\d\d?)", "H": r"(\d\d?)", "k": r"\s*(\d\d?)",
    "I": r"(\d\d?)", "l": r"\s*(\d\d?)", "M": r"(\d\d?)", "S": r"(\d\d?)",
    "j": r"(\d\d?\d?)", "s": r"([-+]?\d+)", "J": r"(\d+)", "G": r"(\d\d\d\d)", "g": r"(\d\d)",
    "V": r"(\d\d?)", "u": r"(\d)", "w": r"([0-6])", "U": r"(\d\d?)", "W": r"(\d\d?)",
    "z": r"([-+]\d\d:?\d\d(?::?\d\d)?)", "Z": r"([-+]\d\d:?\d\d(?::?\d\d)?|:?[A-Za-z][\w/+-]*)",
}
_COMPOSITE = {"D": "%m/%d/%Y", "+": "%a %b %e %H:%M:%S %Z %Y"}
_LOCALE_COMPOSITE = {"c": "DATE_TIME_FORMAT", "x": "DATE_FORMAT", "X": "TIME_FORMAT",
                     "r": "TIME_FORMAT_12", "R": "TIME_FORMAT_24", "T": "TIME_FORMAT_24_SECS"}
_E_COMPOSITE = {"c": "LOCALE_DATE_TIME_FORMAT", "x": "LOCALE_DATE_FORMAT",
                "X": "LOCALE_TIME_FORMAT", "Y": "LOCALE_YEAR_FORMAT"}
_O_CODES = frozenset("deHkIlmMSuwy")


def _locale_field(c, loc):
    """The regex for a code whose words come from the locale, or None."""
    if c in "bhB":
        return _alternation(loc["MONTHS_FULL"] + loc["MONTHS_ABBREV"])
    if c in "aA":
        return _alternation(loc["DAYS_OF_WEEK_FULL"] + loc["DAYS_OF_WEEK_ABBREV"])
    if c in "pP":
        return _alternation([loc["AM"], loc["PM"], "am", "pm", "a.m.", "p.m."])
    return None


def _format_regex(fmt, codes, loc):
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        if ch.isspace():
            while i < n and fmt[i].isspace():
                i += 1
            out.append(r"\s+")
            continue
        if ch != "%" or i + 1 >= n:
            out.append(re.escape(ch))
            i += 1
            continue
        c = fmt[i + 1]
        i += 2
        if c in "EO" and i < n:
            alt = fmt[i]
            i += 1
            if c == "O" and alt in _O_CODES:
                out.append(r"\s*" + _alternation(loc["LOCALE_NUMERALS"]))
                codes.append("O" + alt)
                continue
            if c == "E" and alt in _E_COMPOSITE:
                out.append(_format_regex(loc[_E_COMPOSITE[alt]], codes, loc))
                continue
            if c == "E" and alt == "C":
                eras = [e[1] for e in loc["LOCALE_ERAS"]]
                out.append(_alternation(eras) if eras else r"(\d\d)")
                codes.append("EC")
                continue
            if c == "E" and alt == "y":
                out.append(_alternation(loc["LOCALE_NUMERALS"]) if loc["LOCALE_ERAS"]
                           else r"(\d\d)")
                codes.append("Ey")
                continue
            if c == "E" and alt == "E":
                out.append(_alternation([loc["BCE"], loc["CE"], "BC", "AD", "BCE", "CE",
                                         "B.C.", "A.D.", "B.C.E.", "C.E."]))
                codes.append("EE")
                continue
            c = alt
        if c in _COMPOSITE:
            out.append(_format_regex(_COMPOSITE[c], codes, loc))
        elif c in _LOCALE_COMPOSITE:
            out.append(_format_regex(loc[_LOCALE_COMPOSITE[c]], codes, loc))
        elif c in _FIELD_RE:
            out.append(_FIELD_RE[c])
            codes.append(c)
        elif _locale_field(c, loc) is not None:
            out.append(_locale_field(c, loc))
            codes.append(c)
        elif c in "nt":
            out.append(r"\s*")
        elif c == "%":
            out.append("%")
        elif c == "Q":
            out.append("(?!)")
        else:
            out.append(re.escape("%" + c))
    return "".join(out)


def _name_index(full, abbrev, text):
    text = text.lower()
    for names in (full, abbrev):
        for i, name in enumerate(names):
            if name.lower() == text:
                return i
    for i, name in enumerate(full):
        if name.lower().startswith(text[:3]):
            return i
    return 0


def _numeral_value(loc, text):
    text = text.lower()
    for i, word in enumerate(loc["LOCALE_NUMERALS"]):
        if word.lower() == text:
            return i
    return 0


def scan_with_format(text, fmt, base, zone, zone_cache, loc=None):
    from .clocklocale import ROOT
    loc = ROOT if loc is None else loc
    codes = []
    pattern = r"^\s*" + _format_regex(fmt, codes, loc) + r"\s*$"
    m = re.match(pattern, text, re.IGNORECASE)
    if m is None:
        raise TclError("input string does not match supplied format",
                       ("CLOCK", "badInputString"))
    f = {}
    for code, value in zip(codes, m.groups()):
        if code[0] == "O":
            code, value = code[1], str(_numeral_value(loc, value))
        f[code] = value
    if "EC" in f or "Ey" in f:
        year = _era_year_from(loc, f.get("EC"), f.get("Ey"))
        if year is not None:
            f["Y"] = str(year)
    if "s" in f:
        value = int(f["s"])
        if not -(1 << 63) <= value < (1 << 63):
            raise TclError("integer value too large to represent",
                           ("ARITH", "IOVERFLOW", "integer value too large to represent"))
        return value
    if "z" in f or "Z" in f:
        zone = _zone_from_text(f.get("z") or f.get("Z"), zone_cache)
    now = LocalFields(base, zone)
    year = None
    if "Y" in f:
        year = int(f["Y"])
    elif "y" in f:
        yy = int(f["y"])
        year = int(f["C"]) * 100 + yy if "C" in f else (2000 + yy if yy < 38 else 1900 + yy)
    month = None
    if "m" in f or "N" in f:
        month = int(f.get("m") or f.get("N"))
    elif "b" in f or "h" in f or "B" in f:
        month = _name_index(loc["MONTHS_FULL"], loc["MONTHS_ABBREV"],
                            f.get("b") or f.get("h") or f.get("B")) + 1
    day = int(f.get("d") or f.get("e")) if ("d" in f or "e" in f) else None
    yday = int(f["j"]) if "j" in f else None
    wday = None
    if "u" in f:
        wday = int(f["u"])
        if wday > 7:
            raise TclError("day of week is greater than 7", ("CLOCK", "badDayOfWeek"))
    elif "w" in f:
        wday = int(f["w"]) or 7
    elif "a" in f or "A" in f:
        wday = _name_index(loc["DAYS_OF_WEEK_FULL"], loc["DAYS_OF_WEEK_ABBREV"],
                           f.get("a") or f.get("A")) or 7
    iso_year = None
    if "G" in f:
        iso_year = int(f["G"])
    elif "g" in f:
        gg = int(f["g"])
        iso_year = 2000 + gg if gg < 38 else 1900 + gg
    if "EE" in f and year is not None:
        era = f["EE"].lower()
        if era in (loc["BCE"].lower(), "bc", "bce", "b.c.", "b.c.e."):
            year = 1 - year
    if "J" in f:
        jdn = int(f["J"])
        if jdn > _LAST_JDN:
            raise TclError("requested date too large to represent", ("CLOCK", "dateTooLarge"))
    else:
        jdn = _pick_date(f, codes, now, year, month, day, yday, wday, iso_year)
    hour = 0
    if "H" in f or "k" in f:
        hour = int(f.get("H") or f.get("k"))
    elif "I" in f or "l" in f:
        hour = int(f.get("I") or f.get("l")) % 12
        mer = (f.get("p") or f.get("P") or "").lower()
        if mer == loc["PM"].lower() or mer.startswith("p"):
            hour += 12
    sod = hour * 3600 + int(f.get("M", 0)) * 60 + int(f.get("S", 0))
    return zone.to_utc(dates.local_seconds(jdn, sod))


_LAST_JDN = 5373484          # 9999-12-31, the last day clock can represent


def _pick_date(f, codes, now, year, month, day, yday, wday, iso_year):
    """The JDN from the date fields scanned.  Several complete sets of fields
    can compete (%Y%m%d%j): as in Tcl, the set whose fields come latest in
    the format wins, comparing the positions of each set from the right."""
    pos = {}
    for i, code in enumerate(codes):
        pos[code[1] if code[0] == "O" else code] = i

    def where(*names):
        found = [pos[n] for n in names if n in pos]
        return max(found) if found else None

    p_year = where("Y", "EC", "Ey") if "Y" in f else where("y")
    p_month = where("m", "N", "b", "h", "B", "Om")
    p_day = where("d", "e", "Od", "Oe")
    p_yday = where("j")
    p_week = where("V")
    p_wday = where("u", "w", "a", "A", "Ou", "Ow")
    p_iso = where("G", "g")
    base_iso_year, base_week = dates.iso_week(now.jdn)
    candidates = [
        ((p_year, p_month, p_day), lambda: dates.jdn_from_civil(year, month, day)),
        ((p_year, p_yday), lambda: dates.jdn_from_civil(year, 1, 1) + yday - 1),
        ((p_iso, p_week, p_wday), lambda: dates.jdn_from_iso_week(iso_year, int(f["V"]), wday)),
        ((p_month, p_day), lambda: dates.jdn_from_civil(now.year, month, day)),
        ((p_yday,), lambda: dates.jdn_from_civil(now.year, 1, 1) + yday - 1),
        ((p_week, p_wday), lambda: dates.jdn_from_iso_week(base_iso_year, int(f["V"]), wday)),
        ((p_day,), lambda: dates.jdn_from_civil(now.year, now.month, day)),
        ((p_wday,), lambda: dates.jdn_from_iso_week(base_iso_year, base_week, wday)),
    ]
    # a set with a year beats one without, a set of two fields one of one
    for level in (candidates[:3], candidates[3:6], candidates[6:]):
        best = None
        for positions, compute in level:
            if None in positions:
                continue
            key = sorted(positions, reverse=True)
            if best is None or key > best[0]:
                best = (key, compute)
        if best is not None:
            return best[1]()
    return now.jdn


def _era_year_from(loc, era, year_text):
    """The year named by %EC (an era of the locale, or a century) and %Ey."""
    eras = loc["LOCALE_ERAS"]
    if eras:
        year = _numeral_value(loc, year_text) if year_text is not None else 0
        for _start, name, offset in eras:
            if era is not None and name.lower() == era.lower():
                return offset + year
        return None
    if era is None or year_text is None:
        return None
    return int(era) * 100 + int(year_text)


def _zone_from_text(text, cache):
    key = text.lower()
    if key in _ZONES:
        minutes, dst = _ZONES[key]
        offset = -minutes * 60 + (3600 if dst else 0)
        return dates.FixedZone(offset, text)
    return dates.time_zone(text, cache)
