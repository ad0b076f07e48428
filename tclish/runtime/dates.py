"""Calendar arithmetic and time zones for `clock`.

Dates are Julian Day Numbers (JDN), so any integer year works.  As Tcl does
by default, days before 15 October 1582 (JDN 2299161) are in the Julian
calendar and later days in the Gregorian.

A time zone maps UTC seconds to (offset, abbreviation) and local seconds
back to UTC: fixed offsets, the system's local zone (through `time`), and
IANA zones (through `zoneinfo`).
"""

import re
import time

from .errors import TclError

EPOCH_JDN = 2440588          # 1970-01-01
GREGORIAN_CHANGE_JDN = 2299161       # 1582-10-15, the C locale's changeover
BRITISH_CHANGE_JDN = 2361222         # 1752-09-14, used by free-form scanning

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
DAY_NAMES = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")


# ---- calendar ----------------------------------------------------------------------

def _gregorian_jdn(y, m, d):
    a = (14 - m) // 12
    yy = y + 4800 - a
    mm = m + 12 * a - 3
    return d + (153 * mm + 2) // 5 + 365 * yy + yy // 4 - yy // 100 + yy // 400 - 32045


def _julian_jdn(y, m, d):
    a = (14 - m) // 12
    yy = y + 4800 - a
    mm = m + 12 * a - 3
    return d + (153 * mm + 2) // 5 + 365 * yy + yy // 4 - 32083


def jdn_from_civil(year, month, day, change=GREGORIAN_CHANGE_JDN):
    """JDN of a (proleptic) date; months outside 1..12 roll into other years,
    days outside the month roll into other months.  `change` is the first
    Gregorian day (free-form scanning uses Britain's, 1752)."""
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    jdn = _gregorian_jdn(year, month, 1) + day - 1
    if jdn < change:
        jdn = _julian_jdn(year, month, 1) + day - 1
    return jdn


def civil_from_jdn(jdn, change=GREGORIAN_CHANGE_JDN):
    """(year, month, day) of a JDN; year 0 is 1 BCE."""
    if jdn >= change:
        a = jdn + 32044
        b = (4 * a + 3) // 146097
        c = a - 146097 * b // 4
    else:
        b = 0
        c = jdn + 32082
    d = (4 * c + 3) // 1461
    e = c - 1461 * d // 4
    m = (5 * e + 2) // 153
    day = e - (153 * m + 2) // 5 + 1
    month = m + 3 - 12 * (m // 10)
    year = 100 * b + d - 4800 + m // 10
    return year, month, day


def weekday(jdn):
    """0 = Sunday .. 6 = Saturday."""
    return (jdn + 1) % 7


def days_in_month(year, month, change=GREGORIAN_CHANGE_JDN):
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return jdn_from_civil(year, month + 1, 1, change) - jdn_from_civil(year, month, 1, change)


def add_months(year, month, day, months, change=GREGORIAN_CHANGE_JDN):
    """The JDN `months` calendar months after a date, the day clamped to the
    length of the target month (Jan 31 + 1 month = Feb 28)."""
    year, month0 = divmod(year * 12 + (month - 1) + months, 12)
    day = min(day, days_in_month(year, month0 + 1, change))
    return jdn_from_civil(year, month0 + 1, day, change)


def iso_week(jdn):
    """(ISO year, ISO week) of a JDN."""
    wd = jdn % 7 + 1                    # Monday = 1
    thursday = jdn - wd + 4
    year = civil_from_jdn(thursday)[0]
    return year, (thursday - jdn_from_civil(year, 1, 1)) // 7 + 1


def jdn_from_iso_week(year, week, wday):
    """JDN for an ISO year, week and weekday (Monday = 1 .. Sunday = 7)."""
    jan4 = jdn_from_civil(year, 1, 4)
    week1_monday = jan4 - (jan4 % 7)
    return week1_monday + (week - 1) * 7 + (wday - 1)


def weekday_on_or_before(wday, jdn):
    """The JDN of the last day with weekday `wday` (0 = Sunday) on or before jdn."""
    return jdn - ((weekday(jdn) - wday) % 7)


class LocalFields:
    """The calendar fields of a moment in a time zone (computed once)."""

    __slots__ = ("seconds", "offset", "zone", "jdn", "year", "month", "day", "second_of_day",
                 "hour", "minute", "second")

    def __init__(self, seconds, tz, change=GREGORIAN_CHANGE_JDN):
        self.seconds = seconds
        self.offset, self.zone = tz.utc_offset(seconds)
        local = seconds + self.offset
        days, self.second_of_day = divmod(local, 86400)
        self.jdn = days + EPOCH_JDN
        self.year, self.month, self.day = civil_from_jdn(self.jdn, change)
        self.hour, rest = divmod(self.second_of_day, 3600)
        self.minute, self.second = divmod(rest, 60)

    @property
    def day_of_year(self):
        return self.jdn - jdn_from_civil(self.year, 1, 1) + 1

    @property
    def weekday(self):
        return weekday(self.jdn)


def local_seconds(jdn, second_of_day):
    return (jdn - EPOCH_JDN) * 86400 + second_of_day


# ---- time zones ---------------------------------------------------------------------

class FixedZone:
    def __init__(self, offset, name):
        self.offset = offset
        self.name = name

    def utc_offset(self, seconds):
        return self.offset, self.name

    def to_utc(self, local):
        return local - self.offset


class LocalZone:
    """The system's zone, as Python's `time` module sees it (TZ respected)."""

    def utc_offset(self, seconds):
        try:
            tm = time.localtime(seconds)
        except (OverflowError, OSError, ValueError):
            tm = time.localtime(0)
        return tm.tm_gmtoff, tm.tm_zone

    def to_utc(self, local):
        guess = local - self.utc_offset(local)[0]
        return local - self.utc_offset(guess)[0]


class IanaZone:
    """A zone from the tz database (`:America/New_York`)."""

    def __init__(self, zone):
        self.zone = zone

    def _clamp(self, seconds):
        return max(-62104060800, min(seconds, 253402300799 - 86400 * 2))

    def utc_offset(self, seconds):
        from datetime import datetime, timezone
        dt = datetime.fromtimestamp(self._clamp(seconds), timezone.utc).astimezone(self.zone)
        return int(dt.utcoffset().total_seconds()), dt.tzname()

    def to_utc(self, local):
        guess = local - self.utc_offset(local)[0]
        return local - self.utc_offset(guess)[0]


class PosixZone:
    """A POSIX TZ rule (`EST5EDT,M3.2.0,M11.1.0`): standard and daylight
    offsets and the local times daylight time starts and ends each year.
    Offsets in the string count west of Greenwich; ours count east."""

    # Tcl's rule when a daylight zone is named without one (as in MET-1METDST)
    DEFAULT_RULES = (("M", 3, 5, 0, 7200), ("M", 10, 5, 0, 10800))

    def __init__(self, std_name, std_offset, dst_name, dst_offset, rules):
        self.std_name, self.std_offset = std_name, std_offset
        self.dst_name, self.dst_offset = dst_name, dst_offset
        self.rules = rules or self.DEFAULT_RULES
        self._years = {}

    def _rule_day(self, year, rule):
        kind = rule[0]
        if kind == "J":                     # 1..365, never counting Feb 29
            n = rule[1]
            leap = days_in_month(year, 2) == 29
            return jdn_from_civil(year, 1, 1) + n - 1 + (1 if leap and n >= 60 else 0)
        if kind == "D":                     # 0..365
            return jdn_from_civil(year, 1, 1) + rule[1]
        _, month, week, wday, _ = rule
        first = jdn_from_civil(year, month, 1)
        day = first + (wday - weekday(first)) % 7 + (week - 1) * 7
        last = first + days_in_month(year, month) - 1
        while day > last:
            day -= 7
        return day

    def _transitions(self, year):
        hit = self._years.get(year)
        if hit is None:
            start_rule, end_rule = self.rules
            start = local_seconds(self._rule_day(year, start_rule), start_rule[-1]) - self.std_offset
            end = local_seconds(self._rule_day(year, end_rule), end_rule[-1]) - self.dst_offset
            hit = self._years[year] = (start, end)
        return hit

    def utc_offset(self, seconds):
        if self.dst_name is None:
            return self.std_offset, self.std_name
        year = civil_from_jdn((seconds + self.std_offset) // 86400 + EPOCH_JDN)[0]
        start, end = self._transitions(year)
        if start < end:
            dst = start <= seconds < end
        else:
            dst = not (end <= seconds < start)
        return (self.dst_offset, self.dst_name) if dst else (self.std_offset, self.std_name)

    def to_utc(self, local):
        """An ambiguous local time (the hour repeated in autumn) is the
        earlier moment; one in the spring gap counts as standard time."""
        offsets = (self.std_offset,) if self.dst_name is None else (self.dst_offset,
                                                                     self.std_offset)
        valid = [local - o for o in offsets if self.utc_offset(local - o)[0] == o]
        return min(valid) if valid else local - self.std_offset


_POSIX_NAME = r"(<[^>]+>|[A-Za-z]{3,})"
_POSIX_OFFSET = r"([-+]?\d{1,2}(?::\d{1,2}(?::\d{1,2})?)?)"
_POSIX_RULE = r"(J\d{1,3}|\d{1,3}|M\d{1,2}\.\d\.\d)(?:/([-+]?\d{1,3}(?::\d{1,2}(?::\d{1,2})?)?))?"
_POSIX_FULL = re.compile("^" + _POSIX_NAME + _POSIX_OFFSET + "(?:" + _POSIX_NAME + _POSIX_OFFSET +
                         "?(?:," + _POSIX_RULE + "," + _POSIX_RULE + ")?)?$")


def _hms(text):
    sign = -1 if text.startswith("-") else 1
    parts = [int(p) for p in text.lstrip("+-").split(":")] + [0, 0]
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2])


def _posix_rule(date, time_text):
    at = _hms(time_text) if time_text else 7200
    if date.startswith("J"):
        return ("J", int(date[1:]), at)
    if date.startswith("M"):
        month, week, wday = (int(p) for p in date[1:].split("."))
        return ("M", month, week, wday, at)
    return ("D", int(date), at)


def posix_zone(spec):
    """A PosixZone for a POSIX TZ string, or None when it is not one."""
    m = _POSIX_FULL.match(spec)
    if m is None:
        return None
    std, std_off, dst, dst_off, d1, t1, d2, t2 = m.groups()
    std_offset = -_hms(std_off)
    rules = None
    if d1 is not None:
        rules = (_posix_rule(d1, t1), _posix_rule(d2, t2))
    dst_offset = None
    if dst is not None:
        dst_offset = -_hms(dst_off) if dst_off else std_offset + 3600
    return PosixZone(std.strip("<>"), std_offset, dst and dst.strip("<>"), dst_offset, rules)


GMT = FixedZone(0, "GMT")
_NUMERIC_ZONE = re.compile(r"^([-+])(\d\d):?(\d\d)?(?::?(\d\d))?$")
_POSIX_ZONE = re.compile(r"^([A-Za-z]{3,})([-+]?)(\d{1,2})(?::(\d\d))?(?::(\d\d))?")


def format_offset(offset):
    sign = "-" if offset < 0 else "+"
    offset = abs(offset)
    h, rest = divmod(offset, 3600)
    m, s = divmod(rest, 60)
    return "%s%02d%02d" % (sign, h, m) + ("%02d" % s if s else "")


def _iana(key):
    try:
        from zoneinfo import ZoneInfo
        return IanaZone(ZoneInfo(key))
    except Exception:       # zoneinfo raises several kinds for a bad key
        return None


def zone_from_paths(name, folders):
    """A zone read from a TZif file `name` under one of `folders`, or None."""
    import os
    if not name or name.startswith("/") or ".." in name.split("/"):
        return None
    for folder in folders:
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            try:
                from zoneinfo import ZoneInfo
                with open(path, "rb") as f:
                    return IanaZone(ZoneInfo.from_file(f, key=name))
            except Exception:       # not a TZif file: let the caller go on
                return None
    return None


def time_zone(spec, cache):
    """The zone for a -timezone value (cached per interpreter in `cache`)."""
    zone = cache.get(spec)
    if zone is not None:
        return zone
    zone = _make_zone(spec)
    cache[spec] = zone
    return zone


def _make_zone(spec):
    if spec in ("", ":localtime"):
        return LocalZone()
    if spec in (":GMT", ":UTC", ":Etc/GMT", ":Etc/UTC", "GMT", "UTC", "UCT", ":UCT"):
        return FixedZone(0, spec.lstrip(":").replace("Etc/", ""))
    m = _NUMERIC_ZONE.match(spec)
    if m:
        sign, hh, mm, ss = m.groups()
        offset = int(hh) * 3600 + int(mm or 0) * 60 + int(ss or 0)
        return FixedZone(-offset if sign == "-" else offset, spec)
    if spec.startswith(":"):
        zone = _iana(spec[1:])
        if zone is None:
            raise TclError('time zone "%s" not found' % spec, ("CLOCK", "badTimeZone", spec))
        return zone
    zone = _iana(spec)
    if zone is not None:
        return zone
    zone = posix_zone(spec)
    if zone is not None:
        return zone
    m = _POSIX_ZONE.match(spec)
    if m:
        name, sign, hh, mm, ss = m.groups()
        offset = int(hh) * 3600 + int(mm or 0) * 60 + int(ss or 0)
        return FixedZone(offset if sign == "-" else -offset, name)
    raise TclError("time zone %s not found" % spec, ("CLOCK", "badTimeZone", spec))
