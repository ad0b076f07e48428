"""package, pwd, cd, and tclish's `load` compatibility."""

import importlib
import os

from ..runtime.errors import TclError
from ..runtime.registry import command, ensemble
from ..runtime.values import TclList, to_str

# packages that tclish provides itself: name -> version
BUILTIN_PACKAGES = {
    "Tcl": "8.6.13",
    "tcltest": "2.5.5",
    "torch": "1.0",
}

# packages loaded by a Python module's `load(interp)`, imported on first require
PACKAGE_MODULES = {
    "tcltest": "tclish.tcltest",
}


def package_require(interp, argv):
    args = [to_str(a) for a in argv[2:]]
    if args and args[0] == "-exact":
        args = args[1:]
    if not args:
        raise TclError('wrong # args: should be "package require ?-exact? package ?requirement ...?"',
                       ("TCL", "WRONGARGS"))
    name = args[0]
    if name in interp.packages:
        return interp.packages[name]
    version = BUILTIN_PACKAGES.get(name)
    if version is None:
        raise TclError("can't find package %s" % name, ("TCL", "PACKAGE", "UNFOUND"))
    loader = interp.extensions.get("package-loaders", {}).get(name)
    if loader is None and name in PACKAGE_MODULES:
        loader = importlib.import_module(PACKAGE_MODULES[name]).load
    if loader is not None:
        loader(interp)
    interp.packages[name] = version
    return version


def package_provide(interp, argv):
    name = to_str(argv[2])
    if len(argv) == 3:
        return interp.packages.get(name, "")
    interp.packages[name] = to_str(argv[3])
    return ""


def package_present(interp, argv):
    args = [to_str(a) for a in argv[2:]]
    if args and args[0] == "-exact":
        args = args[1:]
    name = args[0]
    if name not in interp.packages:
        raise TclError("package %s is not present" % name, ("TCL", "PACKAGE", "UNFOUND"))
    return interp.packages[name]


def package_names(interp, argv):
    return TclList(sorted(set(interp.packages) | set(BUILTIN_PACKAGES)))


def package_versions(interp, argv):
    v = BUILTIN_PACKAGES.get(to_str(argv[2]))
    return TclList([v] if v else [])


def package_vsatisfies(interp, argv):
    have = [int(x) for x in to_str(argv[2]).split(".") if x.isdigit()]
    for req in argv[3:]:
        want = [int(x) for x in to_str(req).split("-")[0].split(".") if x.isdigit()]
        if have[:1] == want[:1] and have >= want:
            return 1
    return 0


def _ignored(interp, argv):
    return ""


cmd_package = ensemble("package", {
    "require": (package_require, 1, None, "?-exact? package ?requirement ...?"),
    "provide": (package_provide, 1, 2, "package ?version?"),
    "present": (package_present, 1, None, "?-exact? package ?requirement ...?"),
    "names": (package_names, 0, 0, ""),
    "versions": (package_versions, 1, 1, "package"),
    "vsatisfies": (package_vsatisfies, 2, None, "version ?requirement ...?"),
    "ifneeded": (_ignored, 1, 3, "package version ?script?"),
    "forget": (_ignored, 0, None, "?package package ...?"),
    "unknown": (_ignored, 0, 1, "?command?"),
    "prefer": (_ignored, 0, 1, "?latest|stable?"),
    "vcompare": (lambda i, a: (lambda x, y: (x > y) - (x < y))(
        [int(p) for p in to_str(a[2]).split(".")], [int(p) for p in to_str(a[3]).split(".")]),
        2, 2, "version1 version2"),
})


@command("pwd", 0, 0, "")
def cmd_pwd(interp, argv):
    return os.getcwd()


@command("cd", 0, 1, "?dirName?")
def cmd_cd(interp, argv):
    target = to_str(argv[1]) if len(argv) > 1 else os.path.expanduser("~")
    try:
        os.chdir(target)
    except OSError:
        raise TclError('couldn\'t change working directory to "%s": no such file or directory' % target,
                       ("POSIX", "ENOENT", "no such file or directory")) from None
    return ""
