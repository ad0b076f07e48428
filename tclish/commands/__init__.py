"""The built-in command families, listed explicitly: the one place to look."""

from .. import help as help_command
from ..runtime.registry import install_module
from . import (channels, clock, control, errors, evaluation, files, globs, info, io, lists_core,
               misc, namespaces, procs, traces, variables)

# core language first, then the library families
FAMILIES = [variables, control, procs, errors, evaluation, lists_core, io, info, namespaces, misc,
            channels, files, globs, clock, traces, help_command]


def _optional_families():
    mods = []
    for name in ("strings", "format", "regexp", "lists", "dicts", "arrays", "binary", "interps"):
        try:
            mods.append(__import__("tclish.commands." + name, fromlist=[name]))
        except ImportError:
            pass
    return mods


def install_all(interp):
    for module in FAMILIES + _optional_families():
        install_module(interp, module)
