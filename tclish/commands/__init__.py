"""The built-in command families, listed explicitly: the one place to look."""

from .. import help as help_command
from ..runtime.registry import install_module
from . import (arrays, binary, channels, clock, control, dicts, errors, evaluation, files, format,
               globs, info, interps, io, lists, lists_core, mathops, misc, namespaces, procs,
               regexp, strings, traces, variables)

# core language first, then the library families
FAMILIES = [variables, control, procs, errors, evaluation, lists_core, io, info, namespaces, misc,
            strings, format, regexp, lists, dicts, arrays, binary, interps, mathops,
            channels, files, globs, clock, traces, help_command]


def install_all(interp):
    for module in FAMILIES:
        install_module(interp, module)
