"""The locale tables `clock format` and `clock scan` read for -locale.

Tcl keeps a locale's words and formats as msgcat messages in the namespace
::tcl::clock (MONTHS_FULL, DATE_FORMAT, LOCALE_NUMERALS, LOCALE_ERAS ...).
ROOT holds the C locale's values; a named locale takes each key from the
first of its msgcat preferences (en_us_roman, en_us, en, {}) that sets it,
else from ROOT.  Tcl's own catalogs (library/msgs/*.msg in a Tcl install,
loaded by clock.tcl on first use) are not shipped as Tcl files: their values,
recorded from tclsh by scripts/record_clock_locales.py, are
library/clock_locales.json, read on first use; a script's own mcset for
the same locale and key wins over them.  `current` and `system` mean msgcat's current locale.
"""

import json
import os

from ..runtime.errors import TclError
from ..runtime.values import to_dict, to_list, to_str
from ..runtime.dates import DAY_NAMES, MONTH_NAMES

ROOT = {
    "AM": "AM", "PM": "PM", "BCE": "B.C.E.", "CE": "C.E.",
    "DATE_FORMAT": "%m/%d/%Y", "TIME_FORMAT": "%H:%M:%S",
    "DATE_TIME_FORMAT": "%a %b %e %H:%M:%S %Y",
    "LOCALE_DATE_FORMAT": "%m/%d/%Y", "LOCALE_TIME_FORMAT": "%H:%M:%S",
    "LOCALE_DATE_TIME_FORMAT": "%a %b %e %H:%M:%S %Y",
    "LOCALE_YEAR_FORMAT": "%EC%Ey",
    "TIME_FORMAT_12": "%I:%M:%S %P", "TIME_FORMAT_24": "%H:%M",
    "TIME_FORMAT_24_SECS": "%H:%M:%S",
    "MONTHS_FULL": list(MONTH_NAMES), "MONTHS_ABBREV": [m[:3] for m in MONTH_NAMES],
    "DAYS_OF_WEEK_FULL": list(DAY_NAMES), "DAYS_OF_WEEK_ABBREV": [d[:3] for d in DAY_NAMES],
    "LOCALE_NUMERALS": ["%02d" % i for i in range(100)],
    "LOCALE_ERAS": [],
}
_LIST_KEYS = ("MONTHS_FULL", "MONTHS_ABBREV", "DAYS_OF_WEEK_FULL", "DAYS_OF_WEEK_ABBREV",
              "LOCALE_NUMERALS")
_NAMESPACE = "::tcl::clock"


def _preferences(locale):
    parts = locale.split("_")
    chain = []
    for i in range(len(parts), 0, -1):
        word = "_".join(parts[:i])
        if word not in chain:
            chain.append(word)
    chain.append("")
    return chain


def _current_locale(interp):
    try:
        return to_str(interp.get_var("::msgcat::Locale")) or "c"
    except TclError:
        return "c"


def locale_table(interp, locale):
    """The table for a -locale value (ROOT for the C locale)."""
    if locale is None:
        return ROOT
    locale = locale.lower()
    if locale in ("current", "system"):
        locale = _current_locale(interp)
    if locale in ("c", "", "posix"):
        return ROOT
    try:
        msgs = interp.get_var("::msgcat::Msgs")     # locale -> namespace -> key
        catalogs = to_dict(msgs)
    except TclError:
        msgs, catalogs = None, {}
    cache = interp.extensions.setdefault("clock-locales", {})
    hit = cache.get(locale)
    if hit is not None and hit[0] is msgs:
        return hit[1]
    shipped = _shipped()
    table = dict(ROOT)
    for loc in reversed(_preferences(locale)):
        # Tcl's own catalog for the locale first, then what the script set
        # with msgcat for it, which wins as a later mcset would
        _apply(table, shipped.get(loc, {}))
        per_locale = catalogs.get(loc)
        entries = None if per_locale is None else to_dict(per_locale).get(_NAMESPACE)
        if entries is not None:
            _apply(table, to_dict(entries))
    cache[locale] = (msgs, table)
    return table


def _apply(table, entries):
    for key, value in entries.items():
        key = to_str(key)
        if key in _LIST_KEYS:
            table[key] = [to_str(v) for v in to_list(value)]
        elif key == "LOCALE_ERAS":
            table[key] = _eras(value)
        else:
            table[key] = to_str(value)


_SHIPPED = None


def _shipped():
    """Tcl's clock catalogs, {locale: {KEY: Tcl string}}, as recorded from
    tclsh by scripts/record_clock_locales.py; read on first use of a locale."""
    global _SHIPPED
    if _SHIPPED is None:
        path = os.path.join(os.path.dirname(os.path.dirname(__file__)), "library",
                            "clock_locales.json")
        try:
            with open(path, encoding="utf-8") as f:
                _SHIPPED = json.load(f)
        except (OSError, ValueError):
            _SHIPPED = {}
    return _SHIPPED


def _eras(value):
    eras = []
    for item in to_list(value):
        start, name, offset = (list(to_list(item)) + ["", "", "0"])[:3]
        try:
            eras.append((int(to_str(start)), to_str(name), int(to_str(offset))))
        except ValueError:
            continue
    eras.sort()
    return eras


def locale_era(table, local_seconds, year):
    """(era name, year within the era) for %EC/%Ey: the last LOCALE_ERAS
    entry starting at or before the moment, else the century and the year
    of the century."""
    found = None
    for era in table["LOCALE_ERAS"]:
        if era[0] <= local_seconds:
            found = era
        else:
            break
    if found is None:
        return "%02d" % (year // 100), year % 100
    return found[1], year - found[2]
