"""The built-in command families, listed explicitly: the one place to look."""

from ..runtime.registry import install_lazily, install_module
from . import (control, errors, evaluation, info, io, lists_core, mathops, misc, namespaces,
               procs, strings, variables)

# core language first, then the library families
FAMILIES = [variables, control, procs, errors, evaluation, lists_core, io, info, namespaces, misc,
            strings, mathops]

# families imported on first use (module -> the commands it defines); a test
# checks these lists against the modules
LAZY_FAMILIES = {
    "tclish.commands.lists": ("linsert", "lrepeat", "lreplace", "lreverse", "lsearch", "lset",
                              "lsort"),
    "tclish.commands.arrays": ("array",),
    "tclish.commands.dicts": ("dict",) + tuple("::tcl::dict::" + sub for sub in (
        "append", "create", "exists", "filter", "for", "get", "incr", "info", "keys", "lappend",
        "map", "merge", "remove", "replace", "set", "size", "unset", "update", "values", "with")),
    "tclish.commands.regexp": ("regexp", "regsub"),
    "tclish.commands.interps": ("interp",),
    "tclish.commands.format": ("format", "scan"),
    "tclish.commands.binary": ("binary",),
    "tclish.commands.channels": ("open", "close", "gets", "read", "eof", "seek", "tell",
                                 "fblocked", "fconfigure", "fcopy", "chan"),
    "tclish.commands.files": ("file",),
    "tclish.commands.globs": ("glob",),
    "tclish.commands.clock": ("clock", "::tcl::clock::ClearCaches"),
    "tclish.commands.packages": ("package", "::tcl::LoadBuiltin"),
    "tclish.commands.encodings": ("encoding",),
    "tclish.commands.zlibcmd": ("zlib", "::zlib::pkgconfig"),
    "tclish.commands.autoload": ("::tcl::AutoloadUnknown", "::tcl::UnknownTrace"),
    "tclish.commands.traces": ("trace",),
    "tclish.commands.coroutines": ("coroutine", "yield", "yieldto", "tailcall",
                                   "::tcl::unsupported::corotype", "::tcl::unsupported::inject"),
    "tclish.commands.oo": ("::oo::class", "::oo::object", "::oo::define", "::oo::objdefine",
                           "::oo::copy", "::oo::Helpers::self", "::oo::Helpers::next",
                           "::oo::Helpers::nextto"),
    "tclish.commands.events": ("after", "vwait", "update", "fileevent",
                               "::tcl::Bgerror"),
    "tclish.commands.exec": ("exec", "pid", "auto_execok"),
    "tclish.commands.sockets": ("socket",),
    "tclish.help": ("help",),
    "tclish.commands.plot": ("plot", "show"),
}


def install_all(interp):
    for module in FAMILIES:
        install_module(interp, module)
    for module_name, names in LAZY_FAMILIES.items():
        install_lazily(interp, module_name, names)
    from . import library
    library.install(interp)
