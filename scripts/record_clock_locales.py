"""Record the clock locale tables of the installed tclsh into
tclish/library/clock_locales.json.

tclsh's `clock format/scan -locale fr` reads month and day names, date
formats, numerals and eras from msgcat catalogs it ships (generated from
ICU's data).  tclish has no copy of those files: this script asks the real
tclsh for the values its catalogs set, locale by locale, and writes them as
one JSON object {locale: {KEY: value as a Tcl string}}, the form
commands/clocklocale.py reads beside msgcat's own catalogs.  Run it again
when the reference tclsh changes:

    python scripts/record_clock_locales.py [--tclsh tclsh]
"""

import argparse
import json
import os
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "tclish", "library", "clock_locales.json")

# Each catalog is sourced in ::tcl::clock as clock.tcl does; then every
# locale's entries of that namespace (msgcat keeps namespace -> locale -> key) are printed, one per line, as
# locale, key and value in hex-coded UTF-8 (no quoting question can arise).
DUMP = r"""
package require msgcat
fconfigure stdout -translation lf -encoding utf-8
proc hex {s} {binary scan [encoding convertto utf-8 $s] H* h; return $h}
foreach f [lsort [glob -directory [file join [info library] msgs] *.msg]] {
    namespace eval ::tcl::clock [list source -encoding utf-8 $f]
}
dict for {loc entries} [dict get $::msgcat::Msgs ::tcl::clock] {
    dict for {key value} $entries {
        puts "[hex $loc] [hex $key] [hex $value]"
    }
}
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tclsh", default="tclsh")
    args = ap.parse_args()
    out = subprocess.run([args.tclsh], input=DUMP, capture_output=True, text=True, check=True)
    tables = {}
    for line in out.stdout.splitlines():
        loc, key, value = (bytes.fromhex(h).decode("utf-8") for h in line.split(" "))
        tables.setdefault(loc, {})[key] = value
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(tables, f, ensure_ascii=False, sort_keys=True, indent=0)
        f.write("\n")
    print("%d locales, %d entries -> %s" % (len(tables), sum(map(len, tables.values())), OUT))


if __name__ == "__main__":
    main()
