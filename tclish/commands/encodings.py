"""`encoding`: convertto, convertfrom, names, system and dirs."""

import os

from ..runtime import encodings
from ..runtime.errors import TclError
from ..runtime.interp import TCL_LIBRARY
from ..runtime.registry import command, wrong_args
from ..runtime.values import TclList, to_list, to_str

_SUBCOMMANDS = ("convertfrom", "convertto", "dirs", "names", "system")


def system_encoding(interp):
    return interp.extensions.get("encoding-system", "utf-8")


def _convert(interp, argv, sub, func):
    if len(argv) not in (3, 4):
        raise wrong_args("encoding " + sub, "?encoding? data")
    name = to_str(argv[2]) if len(argv) == 4 else system_encoding(interp)
    return func(name, to_str(argv[-1]))


@command("encoding", 0, None, "subcommand ?arg ...?")
def cmd_encoding(interp, argv):
    if len(argv) < 2:
        raise wrong_args("encoding", "subcommand ?arg ...?")
    word = to_str(argv[1])
    matches = [s for s in _SUBCOMMANDS if s.startswith(word)] if word else []
    if word in _SUBCOMMANDS:
        matches = [word]
    if len(matches) != 1:
        raise TclError('unknown or ambiguous subcommand "%s": must be convertfrom, convertto, '
                       'dirs, names, or system' % word, ("TCL", "LOOKUP", "SUBCOMMAND", word))
    sub = matches[0]
    if sub == "convertto":
        return _convert(interp, argv, sub, encodings.encode)
    if sub == "convertfrom":
        return _convert(interp, argv, sub, encodings.decode)
    if sub == "names":
        if len(argv) != 2:
            raise wrong_args("encoding names", "")
        return TclList(list(encodings.CODECS))
    if sub == "system":
        if len(argv) > 3:
            raise wrong_args("encoding system", "?encoding?")
        if len(argv) == 3:
            name = to_str(argv[2])
            encodings.codec_for(name)
            interp.extensions["encoding-system"] = name
            return ""
        return system_encoding(interp)
    # dirs
    if len(argv) > 3:
        raise wrong_args("encoding dirs", "?dirList?")
    if len(argv) == 3:
        try:
            dirs = to_list(argv[2])
        except TclError:
            raise TclError('expected directory list but got "%s"' % to_str(argv[2]),
                           ("TCL", "OPERATION", "ENCODING", "BADPATH")) from None
        interp.extensions["encoding-dirs"] = TclList(dirs)
        return ""
    return interp.extensions.get("encoding-dirs",
                                 TclList([os.path.join(TCL_LIBRARY, "encoding")]))
