"""clock format/scan/add and the time sources; expected values recorded from
tclsh 8.6.13.  Every case names -gmt or -timezone, so the host's zone never
matters."""

import time

import pytest

from tclish.runtime.errors import TclError
from tclish.runtime.interp import Interp
from tclish.runtime.values import to_str

T = 1700000000      # Tue Nov 14 22:13:20 2023 UTC


def ev(script):
    return to_str(Interp().eval(script))


def error_of(script):
    with pytest.raises(TclError) as info:
        ev(script)
    return info.value


@pytest.mark.parametrize("code,expected", [
    ("%Y", "2023"), ("%m", "11"), ("%d", "14"), ("%H", "22"), ("%M", "13"), ("%S", "20"),
    ("%y", "23"), ("%b", "Nov"), ("%B", "November"), ("%a", "Tue"), ("%A", "Tuesday"),
    ("%j", "318"), ("%Z", "GMT"), ("%z", "+0000"), ("%s", "1700000000"), ("%e", "14"),
    ("%p", "PM"), ("%I", "10"), ("%T", "22:13:20"), ("%D", "11/14/2023"), ("%R", "22:13"),
    ("%%", "%"), ("%h", "Nov"), ("%C", "20"), ("%u", "2"), ("%w", "2"), ("%U", "46"),
    ("%W", "46"), ("%V", "46"), ("%G", "2023"), ("%g", "23"), ("%k", "22"), ("%l", "10"),
    ("%n", "\n"), ("%t", "\t"), ("%c", "Tue Nov 14 22:13:20 2023"), ("%x", "11/14/2023"),
    ("%X", "22:13:20"), ("%r", "10:13:20 pm"), ("%N", "11"), ("%Q", "Stardate 77868.9"),
    ("%E", ""), ("%O", ""), ("%q", "%q"), ("%J", "2460263"), ("%i", "%i"),
    ("%+", "Tue Nov 14 22:13:20 GMT 2023"), ("%EY", "2023"), ("%Od", "14"),
    ("%Ey|%EC|%EE|%Oy|%Ej", "23|20|C.E.|23|%Ej"), ("%Ox %OY", "%Ox %OY"),
    ("abc%", "abc%"), ("%", "%"),
])
def test_format_codes(code, expected):
    assert ev("clock format %d -gmt 1 -format {%s}" % (T, code)) == expected


@pytest.mark.parametrize("seconds,fmt,expected", [
    (1678000000, "%N|%e|%k|%l|%P|%c|%C|%y", " 3| 5| 7| 7|am|Sun Mar  5 07:06:40 2023|20|23"),
    (0, "%e|%k|%l|%I|%p", " 1| 0|12|12|AM"),
    (46800, "%e|%k|%l|%I|%p", " 1|13| 1|01|PM"),
    (0, "%Oe %Ok %Ol %Om %OM %OS %Ou %Ow %Oy %OH %OI %Od", "01 00 12 01 00 00 04 04 70 00 12 01"),
    (1704067200, "%V %G %g %U %W %u %w %j", "01 2024 24 00 01 1 1 001"),
    (1735603200, "%V %G %g %U %W %u %w %j", "01 2025 25 52 53 2 2 366"),
    (-1, None, "Wed Dec 31 23:59:59 GMT 1969"),
    (253402300800, "%Y-%m-%d", "10000-01-01"),
    # before 1582-10-15 the calendar is Julian, as in Tcl
    (-62135596800, "%Y-%m-%d %j %C %y", "0001-01-03 003 00 01"),
    (-30000000000, "%Y-%m-%d %A", "1019-04-28 Tuesday"),
    (-62167219200, "%Y %EY %EE %C %y", "0001 0001 B.C.E. 00 01"),
])
def test_format_dates(seconds, fmt, expected):
    script = "clock format %d -gmt 1" % seconds
    if fmt is not None:
        script += " -format {%s}" % fmt
    assert ev(script) == expected


@pytest.mark.parametrize("zone,expected", [
    (":America/New_York", "2023-11-14 17:13:20 EST -0500"),
    (":Asia/Kolkata", "2023-11-15 03:43:20 IST +0530"),
    (":UTC", "2023-11-14 22:13:20 UTC +0000"),
    ("UTC", "2023-11-14 22:13:20 UTC +0000"),
    ("GMT", "2023-11-14 22:13:20 GMT +0000"),
    ("+0530", "2023-11-15 03:43:20 +0530 +0530"),
    ("-05:00", "2023-11-14 17:13:20 -05:00 -0500"),
    ("+053015", "2023-11-15 03:43:35 +053015 +053015"),
    ("EST5EDT", "2023-11-14 17:13:20 EST -0500"),
    ("EST+5", "2023-11-14 17:13:20 EST -0500"),
    ("XYZ-3", "2023-11-15 01:13:20 XYZ +0300"),
])
def test_format_time_zones(zone, expected):
    assert ev("clock format %d -timezone %s -format {%%Y-%%m-%%d %%H:%%M:%%S %%Z %%z}"
              % (T, zone)) == expected


def test_daylight_saving_in_zone():
    assert ev("clock format 1690000000 -format {%Z %z} -timezone :Europe/London") == "BST +0100"


@pytest.mark.parametrize("script,message", [
    ("clock format abc", 'expected integer but got "abc"'),
    ("clock format 1.5", 'expected integer but got "1.5"'),
    ("clock format 1 -foo x", 'bad option "-foo": must be -format, -gmt, -locale, or -timezone'),
    ("clock format", 'wrong # args: should be "clock format clockval ?-format string? '
                     '?-gmt boolean? ?-locale LOCALE? ?-timezone ZONE?"'),
    ("clock format 1 -gmt", 'wrong # args: should be "clock format clockval ?-format string? '
                            '?-gmt boolean? ?-locale LOCALE? ?-timezone ZONE?"'),
    ("clock format 1 -gmt abc", 'expected boolean value but got "abc"'),
    ("clock format 1 -gmt 1 -timezone UTC", "cannot use -gmt and -timezone in same call"),
    ("clock format 1 -timezone foo", "time zone foo not found"),
    ("clock format 1 -timezone :Foo/Bar", 'time zone ":Foo/Bar" not found'),
    ("clock", 'wrong # args: should be "clock subcommand ?arg ...?"'),
    ("clock foo", 'unknown or ambiguous subcommand "foo": must be add, clicks, format, '
                  'microseconds, milliseconds, scan, or seconds'),
    ("clock seconds 1", 'wrong # args: should be "clock seconds"'),
    ("clock clicks -foo", 'bad option "-foo": must be -milliseconds or -microseconds'),
])
def test_format_errors(script, message):
    assert error_of(script).message == message


def test_time_sources_are_current():
    now = time.time()
    values = ev("list [clock seconds] [clock milliseconds] [clock microseconds]"
                " [clock clicks -milli] [clock clicks]").split()
    seconds, millis, micros, click_ms, clicks = map(int, values)
    assert abs(seconds - now) < 5
    assert abs(millis / 1e3 - now) < 5 and abs(micros / 1e6 - now) < 5
    assert abs(click_ms / 1e3 - now) < 5 and clicks > click_ms


@pytest.mark.parametrize("text,options,expected", [
    ("2023-11-14 22:13:20", "", 1700000000),
    ("2023-11-14", "", 1699920000),
    ("20231114", "", 1699920000),
    ("20231114T221320", "", 1700000000),
    ("20231114 221320", "", 1700000000),
    ("11/14/2023", "", 1699920000),
    ("11/14/2023 10:13 pm", "", 1699999980),
    ("Nov 14, 2023", "", 1699920000),
    ("14 Nov 2023", "", 1699920000),
    ("14-Nov-2023", "", 1699920000),
    ("Tuesday, November 14, 2023", "", 1699920000),
    ("Tue Nov 14 22:13:20 GMT 2023", "", 1700000000),
    ("Tue Nov 14 22:13:20 UTC 2023", "", 1700000000),
    ("2023-11-14T22:13:20Z", "", 1700000000),
    ("2023-11-14 22:13:20 +0100", "", 1699996400),
    ("  2023-11-14  ", "", 1699920000),
    ("1 Jan 2000", "", 946684800),
    ("12/31/1999 23:59:59", "", 946684799),
    ("01/02/38", "", 2146003200),
    ("01/02/39", "", -978220800),
    ("1 Jan 70", "", 0),
    ("epoch", "", 0),
    ("22:13:20", "-base %d" % T, 1700000000),
    ("22:13", "-base %d" % T, 1699999980),
    ("1234", "-base %d" % T, 1699965240),
    ("3pm", "-base %d" % T, 1699974000),
    ("12am", "-base %d" % T, 1699920000),
    ("12pm", "-base %d" % T, 1699963200),
    ("10 a.m.", "-base %d" % T, 1699956000),
    ("13pm", "-base %d" % T, 1699919999),
    ("+1 day", "-base %d" % T, 1700006400),
    ("1 week ago", "-base %d" % T, 1699315200),
    ("tomorrow", "-base %d" % T, 1700006400),
    ("yesterday", "-base %d" % T, 1699833600),
    ("now", "-base %d" % T, 1700000000),
    ("today", "-base %d" % T, 1700000000),
    ("next week", "-base %d" % T, 1700524800),
    ("next hour", "-base %d" % T, 1700003600),
    ("next month", "-base %d" % T, 1702512000),
    ("1 year", "-base %d" % T, 1731542400),
    ("3 hours ago", "-base %d" % T, 1699989200),
    ("2 days ago 3pm", "-base %d" % T, 1699801200),
    ("2023-11-14 +2 hours", "", 1699927200),
    ("monday", "-base %d" % T, 1700438400),
    ("next monday", "-base %d" % T, 1701043200),
    ("last monday", "-base %d" % T, 1699833600),
    ("2 tuesday", "-base %d" % T, 1700524800),
    ("wednes", "-base %d" % T, 1700006400),
    ("Nov 14", "-base %d" % T, 1699920000),
    ("01/02", "-base %d" % T, 1672617600),
])
def test_free_form_scan(text, options, expected):
    assert ev("clock scan {%s} -gmt 1 %s" % (text, options)) == str(expected)


@pytest.mark.parametrize("text,expected", [
    ("15:00 EST", 1699992000),
    ("14:00 EDT", 1699984800),
    ("14:00 CEST", 1699963200),
    ("14:00 z", 1699970400),
    ("14:00 a", 1699966800),
    ("14:00 -0800", 1699999200),
])
def test_free_form_scan_zones(text, expected):
    assert ev("clock scan {%s} -base %d -gmt 1" % (text, T)) == str(expected)


def test_free_form_scan_in_a_named_zone():
    assert ev("clock scan {2023-11-14 22:13:20} -timezone :America/New_York") == "1700018000"


@pytest.mark.parametrize("text,message", [
    ("garbage", "syntax error (characters 0-6)"),
    ("2023-11-14 garbage", "syntax error (characters 10-17)"),
    ("2023-11-14 22:13:20.5", "syntax error (characters 19-19)"),
    ("@1700000000", "syntax error (characters 0-0)"),
    ("2023-11-14,", "syntax error (characters 10-10)"),
    ("2023-11-14 EST", "syntax error (characters 14-14)"),
    ("this tuesday", "syntax error (characters 0-3)"),
    ("a.m.", "syntax error (characters 0-3)"),
    ("2023 11 14", "more than one time of day in string"),
    ("Jan 1 2000 00:00:00", "more than one time of day in string"),
    ("Nov 14 Nov 15", "more than one date in string"),
    ("EST PST", "more than one time zone in string"),
    ("Mon Tue", "more than one weekday in string"),
])
def test_free_form_scan_errors(text, message):
    assert error_of("clock scan {%s} -gmt 1" % text).message == (
        'unable to convert date-time string "%s": %s' % (text, message))


@pytest.mark.parametrize("text,fmt,options,expected", [
    ("2023-11-14 22:13:20", "%Y-%m-%d %H:%M:%S", "", 1700000000),
    ("14/11/2023", "%d/%m/%Y", "", 1699920000),
    ("11", "%m", "-base %d" % T, 1699920000),
    ("Nov 14 2023", "%b %d %Y", "", 1699920000),
    ("nov 14 2023", "%b %d %Y", "", 1699920000),
    ("November 14 2023", "%B %d %Y", "", 1699920000),
    ("23-11-14", "%y-%m-%d", "", 1699920000),
    ("99-01-01", "%y-%m-%d", "", 915148800),
    ("37-01-01", "%y-%m-%d", "", 2114380800),
    ("38-01-01", "%y-%m-%d", "", -1009843200),
    ("1700000000", "%s", "", 1700000000),
    ("10:13:20 PM", "%I:%M:%S %p", "-base 0", 80000),
    ("2023-13-14", "%Y-%m-%d", "", 1705190400),
    ("2023-02-30", "%Y-%m-%d", "", 1677715200),
    ("2023-318", "%Y-%j", "", 1699920000),
    ("10:00", "%H:%M", "-base %d" % T, 1699956000),
    ("Tue", "%a", "-base %d" % T, 1699920000),
    ("2023 46 2", "%G %V %u", "", 1699920000),
    (" 2023-11-14", "%Y-%m-%d", "", 1699920000),
    ("2023-11-14 ", "%Y-%m-%d", "", 1699920000),
    ("2023-1-4", "%Y-%m-%d", "", 1672790400),
])
def test_scan_with_format(text, fmt, options, expected):
    assert ev("clock scan {%s} -format {%s} -gmt 1 %s" % (text, fmt, options)) == str(expected)


@pytest.mark.parametrize("script,message", [
    ("clock scan {2023-11-14 x} -format %Y-%m-%d", "input string does not match supplied format"),
    ("clock scan 2023-11-14 -format {%Y-%m-%d }", "input string does not match supplied format"),
    ("clock scan 23 -format %Y", "input string does not match supplied format"),
    ("clock scan 12345 -format %Y", "input string does not match supplied format"),
    ("clock scan x -format %Q", "input string does not match supplied format"),
    ("clock scan 2023-11-14 -foo x",
     'bad option "-foo", must be -base, -format, -gmt, -locale or -timezone'),
    ("clock scan", 'wrong # args: should be "clock scan string ?-base seconds? ?-format string? '
                   '?-gmt boolean? ?-locale LOCALE? ?-timezone ZONE?"'),
])
def test_scan_errors(script, message):
    assert error_of(script).message == message


def test_format_then_scan_round_trips():
    interp = Interp()
    for seconds in (0, 86399, 951782400, 1700000000, 2147483647, -2000000000):
        for fmt in ("%a %b %d %H:%M:%S %Z %Y", "%Y-%m-%dT%H:%M:%S", "%m/%d/%Y %I:%M:%S %p"):
            text = to_str(interp.eval("clock format %d -gmt 1 -format {%s}" % (seconds, fmt)))
            back = interp.eval("clock scan {%s} -format {%s} -gmt 1" % (text, fmt))
            assert int(to_str(back)) == seconds


@pytest.mark.parametrize("args,expected", [
    ("%d 1 day -gmt 1" % T, 1700086400),
    ("%d 1 month 2 days -gmt 1" % T, 1702764800),
    ("1675123200 1 month -gmt 1", 1677542400),
    ("%d -1 year -gmt 1" % T, 1668464000),
    ("%d 3 hours 10 minutes 5 seconds" % T, 1700011405),
    ("%d 2 years 1 week -timezone :Europe/Berlin" % T, 1763763200),
])
def test_add(args, expected):
    assert ev("clock add " + args) == str(expected)


@pytest.mark.parametrize("args,message", [
    ("%d 1 foo" % T, 'unknown unit "foo", must be  years, months, weeks, days, hours, minutes '
                     'or seconds'),
    ("%d 2 weekdays" % T, 'unknown unit "weekdays", must be  years, months, weeks, days, hours, '
                          'minutes or seconds'),
    ("%d x day" % T, 'bad option "x", must be -gmt, -locale or -timezone'),
    ("%d 1" % T, 'wrong # args: should be "clock add clockval ?number units?... ?-gmt boolean? '
                 '?-locale LOCALE? ?-timezone ZONE?"'),
    ("", 'wrong # args: should be "clock add clockval ?arg ...?"'),
])
def test_add_errors(args, message):
    assert error_of("clock add " + args).message == message
