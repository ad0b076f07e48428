"""`package`: Tcl's package database, with Tcl 8.6's version rules.

A version is integers separated by `.`, where `a` (alpha) or `b` (beta) may
stand for a dot: `8.6b2` reads as 8, 6, -1, 2 and `a` as -2, so betas sort
before the release.  Missing components count as 0 (`1` equals `1.0`).

A requirement is `min`, `min-` or `min-max`.  `min` alone means "min up to
the next major version".  The bounds compare as if `a0` were appended to
any bound without an a/b, so `8.6` admits `8.6a1` and `8.6-9` excludes `9a1`;
`min-max` with equal bounds admits exactly that version.

`package require` looks in the `ifneeded` table first; when nothing fits it
runs the `package unknown` handler (the library's tm and pkgIndex.tcl
scanners) and looks again.  Among several fitting versions it takes the
highest stable one unless `package prefer latest`.

The packages tclish implements in Python (tcltest, torch) are offered through
`ifneeded` scripts that call `::tcl::LoadBuiltin`.
"""

import importlib
import os

from ..runtime.errors import TclError
from ..runtime.registry import command, ensemble, wrong_args
from ..runtime.values import TclList, to_list, to_str

TCL_VERSION = "8.6.13"
DEFAULT_UNKNOWN = "::tcl::tm::UnknownHandler ::tclPkgUnknown"

# packages written in Python: name -> (version, module with `load(interp)` or None)
BUILTIN_PACKAGES = {
    "tcltest": ("2.5.5", "tclish.tcltest"),
    "torch": ("1.0", "tclish.torchbridge.api"),     # fails, saying so, without torch
    "TclOO": ("1.1.0", "tclish.commands.oo"),
    "tls": ("1.7.22", "tclish.commands.tls"),      # on the standard library's ssl
}


class PackageDB:
    """One interpreter's package state."""

    def __init__(self, interp):
        self.provided = interp.packages          # name -> version string
        self.ifneeded = {}                       # name -> {version: script}
        self.unknown = DEFAULT_UNKNOWN
        self.prefer = ("latest" if os.environ.get("TCL_PKG_PREFER_LATEST") is not None
                       else "stable")
        self.provided.setdefault("Tcl", TCL_VERSION)
        # built into Tcl itself, so present from the start
        self.provided.setdefault("zlib", "2.0.1")
        self.ifneeded["Tcl"] = {TCL_VERSION: ""}
        for name, (version, _module) in BUILTIN_PACKAGES.items():
            self.ifneeded[name] = {version: "::tcl::LoadBuiltin %s %s" % (name, version)}


def db(interp):
    state = interp.extensions.get("packages")
    if state is None:
        state = interp.extensions["packages"] = PackageDB(interp)
    return state


# ---- versions ---------------------------------------------------------------------------

def _bad_version(text):
    return TclError('expected version number but got "%s"' % text, ("TCL", "VALUE", "VERSION"))


def parse_version(text):
    """The list of integers of a version; a/b become -2/-1 separators."""
    parts = []
    number = ""
    prev_sep = True
    for ch in text:
        if ch.isdigit() and ch.isascii():
            number += ch
            prev_sep = False
            continue
        if prev_sep or ch not in ".ab":
            raise _bad_version(text)
        parts.append(int(number))
        number = ""
        if ch == "a":
            parts.append(-2)
        elif ch == "b":
            parts.append(-1)
        prev_sep = True
    if prev_sep:
        raise _bad_version(text)
    parts.append(int(number))
    if text.count("a") + text.count("b") > 1:
        raise _bad_version(text)
    return parts


def compare(v1, v2):
    """-1, 0 or 1 for two parsed versions (missing components are 0)."""
    n = max(len(v1), len(v2))
    a = v1 + [0] * (n - len(v1))
    b = v2 + [0] * (n - len(v2))
    return (a > b) - (a < b)


def _is_stable(text):
    return "a" not in text and "b" not in text


def _bound(text):
    """A requirement bound as compared: with an implicit a0 when stable."""
    parts = parse_version(text)
    return parts + [-2, 0] if _is_stable(text) else parts


def check_requirement(text):
    """Raise the Tcl error for a malformed requirement."""
    if text.count("-") > 1:
        raise TclError('expected versionMin-versionMax but got "%s"' % text,
                       ("TCL", "VALUE", "VERSIONRANGE"))
    lo, dash, hi = text.partition("-")
    parse_version(lo)
    if dash and hi:
        parse_version(hi)


def satisfies(version, requirement):
    """Whether a version string meets one requirement string."""
    have = parse_version(version)
    lo, dash, hi = requirement.partition("-")
    if not dash:
        low = _bound(lo)
        high = [parse_version(lo)[0] + 1, -2, 0]
        return compare(have, low) >= 0 and compare(have, high) < 0
    if not hi:
        return compare(have, _bound(lo)) >= 0
    if compare(parse_version(lo), parse_version(hi)) == 0:
        return compare(have, parse_version(lo)) == 0
    return compare(have, _bound(lo)) >= 0 and compare(have, _bound(hi)) < 0


def satisfies_all(version, requirements):
    return not requirements or any(satisfies(version, r) for r in requirements)


# ---- package require ---------------------------------------------------------------------

def _requirement_words(interp, argv, usage):
    args = [to_str(a) for a in argv[2:]]
    exact = bool(args) and args[0] == "-exact"
    if exact:
        args = args[1:]
        if len(args) != 2:
            raise wrong_args("package %s" % to_str(argv[1]), usage)
        parse_version(args[1])
        return args[0], ["%s-%s" % (args[1], args[1])], ["exactly", args[1]]
    if not args:
        raise wrong_args("package %s" % to_str(argv[1]), usage)
    for req in args[1:]:
        check_requirement(req)
    return args[0], args[1:], args[1:]


def _select(state, name, requirements):
    """The version to load from `ifneeded`, or None."""
    best = best_stable = None
    for version in state.ifneeded.get(name, {}):
        if not satisfies_all(version, requirements):
            continue
        parsed = parse_version(version)
        if best is None or compare(parsed, parse_version(best)) > 0:
            best = version
        if _is_stable(version) and (best_stable is None or
                                    compare(parsed, parse_version(best_stable)) > 0):
            best_stable = version
    if state.prefer == "stable" and best_stable is not None:
        return best_stable
    return best


def _conflict(name, have, shown):
    return TclError("version conflict for package \"%s\": have %s, need %s" % (
        name, have, " ".join(shown)), ("TCL", "PACKAGE", "VERSIONCONFLICT"))


def _run_script(interp, script, note, failure):
    """Run an ifneeded or unknown script at level #0: errors get `note` in
    errorInfo; break, continue, return and other codes are errors."""
    from ..runtime.errors import ReturnSignal, TclSignal
    try:
        _eval_global(interp, script)
    except TclError as e:
        e.errorinfo += note
        raise
    except TclSignal as sig:
        code = sig.code if sig.code is not None else 0
        if isinstance(sig, ReturnSignal) and sig.level > 0:
            code = 2
        if code == 0:
            return
        raise TclError("%sbad return code: %d" % (failure, code),
                       ("TCL", "PACKAGE", "BADRESULT")) from None


def require(interp, name, requirements, shown=None):
    """Load a package if needed; its version (the `package require` core)."""
    state = db(interp)
    shown = requirements if shown is None else shown
    have = state.provided.get(name)
    if have is not None:
        if satisfies_all(have, requirements):
            return have
        raise _conflict(name, have, shown)
    loading = interp.extensions.setdefault("packages-loading", set())
    if name in loading:
        raise TclError("circular package dependency: attempt to provide %s %s requires %s" % (
            name, " ".join(shown), name), ("TCL", "PACKAGE", "CIRCULARITY"))
    version = _select(state, name, requirements)
    if version is None and state.unknown:
        # the words are appended to the script's text, as Tcl does
        script = "%s %s" % (state.unknown, to_str(TclList([name] + (list(requirements) or ["0-"]))))
        _run_script(interp, script, '\n    ("package unknown" script)', "")
        have = state.provided.get(name)
        if have is not None:
            if satisfies_all(have, requirements):
                return have
            raise _conflict(name, have, shown)
        version = _select(state, name, requirements)
    if version is None:
        text = "can't find package %s" % name
        if requirements:
            text += " " + " ".join(shown)
        raise TclError(text, ("TCL", "PACKAGE", "UNFOUND"))
    script = state.ifneeded[name][version]
    loading.add(name)
    try:
        _run_script(interp, script, '\n    ("package ifneeded %s %s" script)' % (name, version),
                    "attempt to provide package %s %s failed: " % (name, version))
    except TclError:
        # a failed load leaves the package unprovided, whatever it said
        state.provided.pop(name, None)
        raise
    finally:
        loading.discard(name)
    have = state.provided.get(name)
    if have is None:
        raise TclError("attempt to provide package %s %s failed: no version of package %s "
                       "provided" % (name, version, name), ("TCL", "PACKAGE", "UNPROVIDED"))
    if compare(parse_version(have), parse_version(version)) != 0:
        raise TclError("attempt to provide package %s %s failed: package %s %s provided "
                       "instead" % (name, version, name, have), ("TCL", "PACKAGE", "WRONGPROVIDE"))
    return have


def _eval_global(interp, script):
    """Evaluate at level #0, as Tcl runs ifneeded and unknown scripts."""
    saved_frame, saved_ns = interp.frame, interp.cur_ns
    interp.frame, interp.cur_ns = interp.global_frame, interp.global_ns
    try:
        return interp.eval(script)
    finally:
        interp.frame, interp.cur_ns = saved_frame, saved_ns


_REQUIRE_USAGE = "?-exact? package ?requirement ...?"


def package_require(interp, argv):
    name, requirements, shown = _requirement_words(interp, argv, _REQUIRE_USAGE)
    return require(interp, name, requirements, shown)


def package_present(interp, argv):
    name, requirements, shown = _requirement_words(interp, argv, _REQUIRE_USAGE)
    have = db(interp).provided.get(name)
    if have is None:
        text = "package %s is not present" % name
        if shown:
            text = "package %s %s is not present" % (name, shown[-1] if shown[0] == "exactly"
                                                     else " ".join(shown))
        raise TclError(text, ("TCL", "PACKAGE", "UNFOUND"))
    if not satisfies_all(have, requirements):
        raise _conflict(name, have, shown)
    return have


def package_provide(interp, argv):
    name = to_str(argv[2])
    state = db(interp)
    if len(argv) == 3:
        return state.provided.get(name, "")
    version = to_str(argv[3])
    parse_version(version)
    have = state.provided.get(name)
    if have is not None and compare(parse_version(have), parse_version(version)) != 0:
        raise TclError('conflicting versions provided for package "%s": %s, then %s' % (
            name, have, version), ("TCL", "PACKAGE", "VERSIONCONFLICT"))
    state.provided[name] = version
    return ""


def package_ifneeded(interp, argv):
    name = to_str(argv[2])
    version = to_str(argv[3])
    parse_version(version)
    state = db(interp)
    table = state.ifneeded.get(name, {})
    if len(argv) == 4:
        for known, script in table.items():
            if compare(parse_version(known), parse_version(version)) == 0:
                return script
        return ""
    for known in list(table):
        if compare(parse_version(known), parse_version(version)) == 0:
            del table[known]
    state.ifneeded.setdefault(name, {})[version] = to_str(argv[4])
    return ""


def package_forget(interp, argv):
    state = db(interp)
    for word in argv[2:]:
        name = to_str(word)
        state.provided.pop(name, None)
        state.ifneeded.pop(name, None)
    return ""


def package_names(interp, argv):
    state = db(interp)
    names = list(state.ifneeded)
    names += [n for n in state.provided if n not in state.ifneeded]
    return TclList(names)


def package_versions(interp, argv):
    return TclList(list(db(interp).ifneeded.get(to_str(argv[2]), {})))


def package_vsatisfies(interp, argv):
    version = to_str(argv[2])
    parse_version(version)
    requirements = [to_str(r) for r in argv[3:]]
    for req in requirements:
        check_requirement(req)
    return int(satisfies_all(version, requirements))


def package_vcompare(interp, argv):
    return compare(parse_version(to_str(argv[2])), parse_version(to_str(argv[3])))


def package_unknown(interp, argv):
    state = db(interp)
    if len(argv) == 2:
        return state.unknown
    state.unknown = to_str(argv[2])
    return ""


def package_prefer(interp, argv):
    state = db(interp)
    if len(argv) == 3:
        word = to_str(argv[2])
        if word not in ("latest", "stable"):
            raise TclError('bad preference "%s": must be latest or stable' % word,
                           ("TCL", "LOOKUP", "INDEX", "preference", word))
        # Tcl lets a script move from stable to latest, never back
        if word == "latest":
            state.prefer = "latest"
    return state.prefer


_SUBCOMMANDS = ensemble("package", {
    "forget": (package_forget, 0, None, "?package package ...?"),
    "ifneeded": (package_ifneeded, 2, 3, "package version ?script?"),
    "names": (package_names, 0, 0, ""),
    "prefer": (package_prefer, 0, 1, "?latest|stable?"),
    "present": (package_present, 1, None, _REQUIRE_USAGE),
    "provide": (package_provide, 1, 2, "package ?version?"),
    "require": (package_require, 1, None, _REQUIRE_USAGE),
    "unknown": (package_unknown, 0, 1, "?command?"),
    "vcompare": (package_vcompare, 2, 2, "version1 version2"),
    "versions": (package_versions, 1, 1, "package"),
    "vsatisfies": (package_vsatisfies, 2, None, "version ?requirement ...?"),
}).subcommands


@command("package", 0, None, "option ?arg ...?")
def cmd_package(interp, argv):
    if len(argv) < 2:
        raise wrong_args("package", "option ?arg ...?")
    word = to_str(argv[1])
    entry = _SUBCOMMANDS.get(word)
    if entry is None:
        matches = [k for k in _SUBCOMMANDS if k.startswith(word)] if word else []
        if len(matches) != 1:
            names = sorted(_SUBCOMMANDS)
            raise TclError('%s option "%s": must be %s, or %s' % (
                "ambiguous" if matches else "bad", word, ", ".join(names[:-1]), names[-1]),
                ("TCL", "LOOKUP", "INDEX", "option", word))
        entry = _SUBCOMMANDS[matches[0]]
    func, lo, hi, usage, full = entry
    if not lo <= len(argv) - 2 <= hi:
        raise wrong_args("package " + full, usage)
    return func(interp, argv)


@command("::tcl::LoadBuiltin", 2, 2, "name version")
def cmd_load_builtin(interp, argv):
    """The ifneeded script of a package tclish implements in Python."""
    name, version = to_str(argv[1]), to_str(argv[2])
    if name not in BUILTIN_PACKAGES:
        raise TclError("can't find package %s" % name, ("TCL", "PACKAGE", "UNFOUND"))
    _version, module = BUILTIN_PACKAGES[name]
    loader = interp.extensions.get("package-loaders", {}).get(name)
    if loader is None and module is not None:
        loader = importlib.import_module(module).load
    if loader is not None:
        loader(interp)
    db(interp).provided[name] = version
    return ""
