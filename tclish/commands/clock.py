"""`clock`: seconds/milliseconds/microseconds/clicks, format, scan and add.

Formatting follows Tcl's C locale (English names, `%c` = `%a %b %e %H:%M:%S
%Y`).  Scanning takes either a -format (each %-code becomes a regex group)
or Tcl's free-form date grammar (tclish/commands/clockscan.py).  Calendar
arithmetic and time zones are in tclish/runtime/dates.py.
"""

import time

from ..runtime import dates
from ..runtime.dates import DAY_NAMES, MONTH_NAMES, LocalFields
from ..runtime.errors import TclError
from ..runtime.registry import command, ensemble, wrong_args
from ..runtime.values import to_bool, to_int, to_list, to_str
from . import clockscan
from .clocklocale import ROOT, locale_era, locale_table

_FORMAT_USAGE = "clockval ?-format string? ?-gmt boolean? ?-locale LOCALE? ?-timezone ZONE?"
_SCAN_USAGE = ("string ?-base seconds? ?-format string? ?-gmt boolean? ?-locale LOCALE? "
               "?-timezone ZONE?")
DEFAULT_FORMAT = "%a %b %d %H:%M:%S %Z %Y"


# ---- clock seconds, milliseconds, microseconds, clicks -------------------------------

def clock_seconds(interp, argv):
    return int(time.time())


def clock_milliseconds(interp, argv):
    return time.time_ns() // 1000000


def clock_microseconds(interp, argv):
    return time.time_ns() // 1000


def clock_clicks(interp, argv):
    if len(argv) > 2:
        word = to_str(argv[2])
        choices = ("-milliseconds", "-microseconds")
        matches = [c for c in choices if c.startswith(word)] if len(word) > 2 else []
        if len(matches) != 1:
            raise TclError('bad option "%s": must be -milliseconds or -microseconds' % word,
                           ("TCL", "LOOKUP", "INDEX", "option", word))
        if matches[0] == "-milliseconds":
            return time.time_ns() // 1000000
    return time.time_ns() // 1000


# ---- options shared by format, scan and add ---------------------------------------------

def _zone_for(interp, gmt, timezone):
    if gmt and timezone is not None:
        raise TclError("cannot use -gmt and -timezone in same call",
                       ("CLOCK", "gmtWithTimezone"))
    if gmt:
        return dates.GMT
    cache = interp.extensions.setdefault("clock-zones", {})
    if timezone is not None and timezone.startswith(":") and timezone not in cache:
        # a zone file in one of the folders of ::tcl::clock::ZoneinfoPaths
        zone = dates.zone_from_paths(timezone[1:], _zoneinfo_paths(interp))
        if zone is not None:
            cache[timezone] = zone
    return dates.time_zone("" if timezone is None else timezone, cache)


def _zoneinfo_paths(interp):
    try:
        return [to_str(p) for p in to_list(interp.get_var("::tcl::clock::ZoneinfoPaths"))]
    except TclError:
        return []


@command("::tcl::clock::ClearCaches", 0, 0, "")
def cmd_clear_caches(interp, argv):
    interp.extensions.pop("clock-zones", None)
    return ""


def _clock_value(value):
    try:
        seconds = to_int(value)
    except TclError:
        text = to_str(value)
        raise TclError('expected integer but got "%s"' % text,
                       ("CLOCK", "badValue", text)) from None
    if not -(1 << 63) <= seconds < (1 << 63):
        raise TclError("integer value too large to represent",
                       ("ARITH", "IOVERFLOW", "integer value too large to represent"))
    return seconds


def _clock_wrong_args(prefix, usage):
    """clock's usage errors carry errorCode {CLOCK wrongNumArgs}."""
    err = wrong_args(prefix, usage)
    err.errorcode = ("CLOCK", "wrongNumArgs")
    return err


def _parse_options(args, allowed, bad_option_text, usage_error):
    """{option: value} from `-opt value` pairs; options match exactly."""
    if len(args) % 2:
        raise usage_error()
    opts = {}
    for i in range(0, len(args), 2):
        opt = to_str(args[i])
        if opt not in allowed:
            # a unique prefix will do (-g for -gmt), as in Tcl
            matches = [a for a in allowed if a.startswith(opt)] if len(opt) > 1 else []
            if len(matches) != 1:
                raise TclError(bad_option_text % opt, ("CLOCK", "badOption", opt))
            opt = matches[0]
        opts[opt] = args[i + 1]
    return opts


# ---- clock format -------------------------------------------------------------------------

def _era_year(year):
    return (year, "C.E.") if year > 0 else (1 - year, "B.C.E.")


def _code(f, c, loc):
    """The text for format code `c` (without the %) of LocalFields `f` in
    locale table `loc`, or None for a code with no meaning."""
    if c == "Y":
        return "%04d" % _era_year(f.year)[0]
    if c == "m":
        return "%02d" % f.month
    if c == "d":
        return "%02d" % f.day
    if c == "H":
        return "%02d" % f.hour
    if c == "M":
        return "%02d" % f.minute
    if c == "S":
        return "%02d" % f.second
    if c == "y":
        return "%02d" % (_era_year(f.year)[0] % 100)
    if c == "C":
        return "%02d" % (_era_year(f.year)[0] // 100)
    if c in "bh":
        return loc["MONTHS_ABBREV"][f.month - 1]
    if c == "B":
        return loc["MONTHS_FULL"][f.month - 1]
    if c == "a":
        return loc["DAYS_OF_WEEK_ABBREV"][f.weekday]
    if c == "A":
        return loc["DAYS_OF_WEEK_FULL"][f.weekday]
    if c == "j":
        return "%03d" % f.day_of_year
    if c == "e":
        return "%2d" % f.day
    if c == "k":
        return "%2d" % f.hour
    if c == "l":
        return "%2d" % ((f.hour + 11) % 12 + 1)
    if c == "I":
        return "%02d" % ((f.hour + 11) % 12 + 1)
    if c == "p":
        return (loc["AM"] if f.hour < 12 else loc["PM"]).upper()
    if c == "P":
        return (loc["AM"] if f.hour < 12 else loc["PM"]).lower()
    if c == "N":
        return "%2d" % f.month
    if c == "s":
        return str(f.seconds)
    if c == "Z":
        return f.zone
    if c == "z":
        return dates.format_offset(f.offset)
    if c == "u":
        return str(f.weekday or 7)
    if c == "w":
        return str(f.weekday)
    if c == "U":
        return "%02d" % ((f.day_of_year - 1 + 7 - f.weekday) // 7)
    if c == "W":
        return "%02d" % ((f.day_of_year - 1 + 7 - (f.weekday + 6) % 7) // 7)
    if c in "VGg":
        iso_year, week = dates.iso_week(f.jdn)
        if c == "V":
            return "%02d" % week
        iso_year = _era_year(iso_year)[0]
        return "%04d" % iso_year if c == "G" else "%02d" % (iso_year % 100)
    if c == "J":
        return str(f.jdn)
    if c == "Q":
        doy = f.day_of_year - 1
        leap = dates.days_in_month(f.year, 2) == 29
        fraction = 1000 * doy // (366 if leap else 365)
        return "Stardate %02d%03d.%1d" % (_era_year(f.year)[0] - 1946, fraction,
                                          f.second_of_day // 8640)
    if c == "n":
        return "\n"
    if c == "t":
        return "\t"
    if c == "%":
        return "%"
    return None


# codes that are shorthand for a longer format: fixed ones, and locale keys
_COMPOSITE = {"D": "%m/%d/%Y", "+": "%a %b %e %H:%M:%S %Z %Y"}
_LOCALE_COMPOSITE = {"c": "DATE_TIME_FORMAT", "x": "DATE_FORMAT", "X": "TIME_FORMAT",
                     "r": "TIME_FORMAT_12", "R": "TIME_FORMAT_24", "T": "TIME_FORMAT_24_SECS"}
_E_COMPOSITE = {"c": "LOCALE_DATE_TIME_FORMAT", "x": "LOCALE_DATE_FORMAT",
                "X": "LOCALE_TIME_FORMAT", "Y": "LOCALE_YEAR_FORMAT"}
# %O codes: the value written with the locale's numerals
_O_VALUES = {
    "d": lambda f: f.day, "e": lambda f: f.day, "H": lambda f: f.hour, "k": lambda f: f.hour,
    "I": lambda f: (f.hour + 11) % 12 + 1, "l": lambda f: (f.hour + 11) % 12 + 1,
    "m": lambda f: f.month, "M": lambda f: f.minute, "S": lambda f: f.second,
    "u": lambda f: f.weekday or 7, "w": lambda f: f.weekday,
    "y": lambda f: _era_year(f.year)[0] % 100,
}


def format_clock(seconds, fmt, zone, loc=None):
    fields = LocalFields(seconds, zone)
    return _format_fields(fields, fmt, ROOT if loc is None else loc)


def _numeral(loc, value):
    numerals = loc["LOCALE_NUMERALS"]
    # a value past the locale's list writes nothing, as lindex does in Tcl
    return numerals[value] if 0 <= value < len(numerals) else ""


def _format_fields(fields, fmt, loc):
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        if ch != "%" or i + 1 >= n:
            out.append(ch)
            i += 1
            continue
        c = fmt[i + 1]
        i += 2
        if c in "EO":
            if i >= n:
                continue        # a trailing %E or %O writes nothing, as in Tcl
            alt = fmt[i]
            i += 1
            if c == "O" and alt in _O_VALUES:
                out.append(_numeral(loc, _O_VALUES[alt](fields)))
            elif c == "E" and alt == "E":
                out.append(loc["BCE"] if fields.year <= 0 else loc["CE"])
            elif c == "E" and alt in _E_COMPOSITE:
                out.append(_format_fields(fields, loc[_E_COMPOSITE[alt]], loc))
            elif c == "E" and alt in "Cy":
                era, year = dates_locale_era(loc, fields)
                out.append(era if alt == "C" else _numeral(loc, year))
            else:
                out.append("%" + c + alt)
            continue
        composite = _COMPOSITE.get(c)
        if composite is None and c in _LOCALE_COMPOSITE:
            composite = loc[_LOCALE_COMPOSITE[c]]
        if composite is not None:
            out.append(_format_fields(fields, composite, loc))
            continue
        text = _code(fields, c, loc)
        out.append("%" + c if text is None else text)
    return "".join(out)


def dates_locale_era(loc, fields):
    return locale_era(loc, fields.seconds + fields.offset, _era_year(fields.year)[0])


def clock_format(interp, argv):
    if len(argv) < 3:
        raise _clock_wrong_args("clock format", _FORMAT_USAGE)
    args = argv[3:]
    opts = _parse_options(
        args, ("-format", "-gmt", "-locale", "-timezone"),
        'bad option "%s": must be -format, -gmt, -locale, or -timezone',
        lambda: _clock_wrong_args("clock format", _FORMAT_USAGE))
    seconds = _clock_value(argv[2])
    gmt = to_bool(opts["-gmt"]) if "-gmt" in opts else False
    timezone = to_str(opts["-timezone"]) if "-timezone" in opts else None
    zone = _zone_for(interp, gmt, timezone)
    fmt = to_str(opts["-format"]) if "-format" in opts else DEFAULT_FORMAT
    loc = locale_table(interp, to_str(opts["-locale"])) if "-locale" in opts else ROOT
    return format_clock(seconds, fmt, zone, loc)


# ---- clock scan ----------------------------------------------------------------------------

def clock_scan(interp, argv):
    if len(argv) < 3:
        raise _clock_wrong_args("clock scan", _SCAN_USAGE)
    opts = _parse_options(
        argv[3:], ("-base", "-format", "-gmt", "-locale", "-timezone"),
        'bad option "%s", must be -base, -format, -gmt, -locale or -timezone',
        lambda: _clock_wrong_args("clock scan", _SCAN_USAGE))
    text = to_str(argv[2])
    base = _clock_value(opts["-base"]) if "-base" in opts else int(time.time())
    gmt = to_bool(opts["-gmt"]) if "-gmt" in opts else False
    timezone = to_str(opts["-timezone"]) if "-timezone" in opts else None
    zone = _zone_for(interp, gmt, timezone)
    cache = interp.extensions.setdefault("clock-zones", {})
    if "-format" in opts:
        loc = locale_table(interp, to_str(opts["-locale"])) if "-locale" in opts else ROOT
        return clockscan.scan_with_format(text, to_str(opts["-format"]), base, zone, cache, loc)
    return clockscan.free_scan(text, base, zone)


# ---- clock add -------------------------------------------------------------------------------

_UNITS = {
    "years": ("months", 12), "year": ("months", 12),
    "months": ("months", 1), "month": ("months", 1),
    "weeks": ("days", 7), "week": ("days", 7),
    "days": ("days", 1), "day": ("days", 1),
    "hours": ("seconds", 3600), "hour": ("seconds", 3600),
    "minutes": ("seconds", 60), "minute": ("seconds", 60),
    "seconds": ("seconds", 1), "second": ("seconds", 1),
}


def clock_add(interp, argv):
    seconds = _clock_value(argv[2])
    args = argv[3:]
    steps = []
    opts = {}
    i = 0
    while i < len(args):
        word = to_str(args[i])
        if i + 1 >= len(args):
            raise _clock_wrong_args("clock add", "clockval ?number units?... ?-gmt boolean? "
                             "?-locale LOCALE? ?-timezone ZONE?")
        if word.startswith("-") and word in ("-gmt", "-locale", "-timezone"):
            opts[word] = args[i + 1]
        else:
            try:
                count = to_int(args[i])
                if not -0xFFFFFFFF <= count <= 0xFFFFFFFF:
                    raise TclError("not a C int")  # `string is integer` refuses it too
            except TclError:
                raise TclError('bad option "%s", must be -gmt, -locale or -timezone' % word,
                               ("CLOCK", "badOption", word)) from None
            unit = to_str(args[i + 1])
            if unit.lower() not in _UNITS:
                raise TclError('unknown unit "%s", must be  years, months, weeks, days, hours, '
                               'minutes or seconds' % unit, ("CLOCK", "badUnit", unit))
            steps.append((count, _UNITS[unit.lower()]))
        i += 2
    gmt = to_bool(opts["-gmt"]) if "-gmt" in opts else False
    timezone = to_str(opts["-timezone"]) if "-timezone" in opts else None
    zone = _zone_for(interp, gmt, timezone)
    for count, (kind, scale) in steps:
        if kind == "seconds":
            seconds += count * scale
            continue
        fields = LocalFields(seconds, zone)
        if kind == "months":
            jdn = dates.add_months(fields.year, fields.month, fields.day, count * scale)
        else:
            jdn = fields.jdn + count * scale
        seconds = zone.to_utc(dates.local_seconds(jdn, fields.second_of_day))
    return seconds


CLOCK_SUBCOMMANDS = {
    "add": (clock_add, 1, None, "clockval ?arg ...?"),
    "clicks": (clock_clicks, 0, 1, "?-switch?"),
    "format": (clock_format, 0, None, _FORMAT_USAGE),
    "microseconds": (clock_microseconds, 0, 0, ""),
    "milliseconds": (clock_milliseconds, 0, 0, ""),
    "scan": (clock_scan, 0, None, _SCAN_USAGE),
    "seconds": (clock_seconds, 0, 0, ""),
}

cmd_clock = ensemble("clock", CLOCK_SUBCOMMANDS)

__all__ = ["cmd_clock", "cmd_clear_caches", "format_clock"]
