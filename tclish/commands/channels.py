"""Channel commands: open, close, gets, read, eof, seek, tell, fconfigure,
fblocked, fcopy and the `chan` ensemble.

The per-interpreter channel table is `interp.channels` (name -> channel);
`io.channel` and `puts` look file channels up there.  stdin, stdout and
stderr join the table the first time a channel command needs it.
"""

import os

from ..runtime.channel import (BUFFERINGS, TRANSLATIONS, Channel, StdChannel, os_tcl_error)
from ..runtime.errors import TclError
from ..runtime.glob import glob_match
from ..runtime.paths import native_path
from ..runtime.registry import command, ensemble, resolve_prefix, wrong_args
from ..runtime.values import TclList, to_bool, to_int, to_list, to_str
from . import io
from .strings import int32_arg

STD_NAMES = ("stdin", "stdout", "stderr")


# ---- the channel table ---------------------------------------------------------------

def channel_table(interp):
    """interp.channels, with the standard channels entered on first use."""
    table = interp.channels
    if "std-channels" not in interp.extensions:
        interp.extensions["std-channels"] = True
        others = list(table.items())
        table.clear()
        for name in STD_NAMES:
            table[name] = StdChannel(interp, name)
        fd_stdin = _real_stdin(interp)
        if fd_stdin is not None:
            table["stdin"] = fd_stdin
        table.update(others)
    return table


def _real_stdin(interp):
    """stdin as a file channel on descriptor 0 when the interpreter reads the
    process's own standard input: then it can be non-blocking and have
    readable events, as in tclsh (a child reading its pipe needs both)."""
    import sys
    if interp.extensions.get("stdin") is not None:
        return None
    try:
        if sys.stdin is None or sys.stdin.fileno() != 0:
            return None
        os.fstat(0)
    except (AttributeError, OSError, ValueError):
        return None
    ch = Channel("stdin", 0, True, False)
    ch.buffering = "line"
    return ch


def get_channel(interp, name):
    """The channel object called `name`, or Tcl's lookup error."""
    ch = interp.channels.get(name)
    if ch is not None:
        return ch
    ch = channel_table(interp).get(name)
    if ch is None:
        raise TclError('can not find channel named "%s"' % name,
                       ("TCL", "LOOKUP", "CHANNEL", name))
    return ch


def add_channel(interp, fd, readable, writable):
    """Enter a new file channel for `fd` under the next free name fileN."""
    return add_named_channel(interp, Channel("", fd, readable, writable), "file")


def add_named_channel(interp, ch, prefix):
    """Enter channel `ch` under the next free name prefixN (fileN, sockN)."""
    table = channel_table(interp)
    n = 3
    while "%s%d" % (prefix, n) in table:
        n += 1
    ch.name = "%s%d" % (prefix, n)
    table[ch.name] = ch
    return ch


# ---- open ------------------------------------------------------------------------------

_FLAG_NAMES = ("RDONLY", "WRONLY", "RDWR", "APPEND", "BINARY", "CREAT", "EXCL", "NOCTTY",
               "NONBLOCK", "TRUNC")
_FLAGS = {
    "RDONLY": os.O_RDONLY, "WRONLY": os.O_WRONLY, "RDWR": os.O_RDWR, "APPEND": os.O_APPEND,
    "BINARY": 0, "CREAT": os.O_CREAT, "EXCL": os.O_EXCL, "NOCTTY": getattr(os, "O_NOCTTY", 0),
    "NONBLOCK": getattr(os, "O_NONBLOCK", 0), "TRUNC": os.O_TRUNC,
}
_MODES = {
    "r": (os.O_RDONLY, False), "r+": (os.O_RDWR, False),
    "w": (os.O_WRONLY | os.O_CREAT | os.O_TRUNC, False),
    "w+": (os.O_RDWR | os.O_CREAT | os.O_TRUNC, False),
    "a": (os.O_WRONLY | os.O_CREAT | os.O_APPEND, True),
    "a+": (os.O_RDWR | os.O_CREAT, True),
}


def parse_access(access):
    """(os flags, seek to end?, binary?) for an open access argument."""
    if access[:1].isascii() and access[:1].islower():
        # Tcl's rule: a lowercase first letter is the r/w/a syntax
        if access[0] not in "rwa" or len(access) > 3:
            raise TclError('illegal access mode "%s"' % access)
        binary = "b" in access[1:]
        key = access[0] + ("+" if "+" in access[1:] else "")
        rest = access[1:].replace("+", "", 1).replace("b", "", 1)
        if not rest and key in _MODES:
            flags, seek_end = _MODES[key]
            return flags, seek_end, binary
        raise TclError('illegal access mode "%s"' % access)
    try:
        words = to_list(access)
    except TclError as e:
        e.errorinfo = e.message + '\n    while processing open access modes "%s"' % access
        e.context_added = True
        raise
    access_kind = None
    if words and not (len(words) == 1 and words[0] == access and access[:1] in "rwa"):
        flags = 0
        access_kind = None
        binary = False
        for w in words:
            w = to_str(w)
            if w not in _FLAGS:
                raise TclError('invalid access mode "%s": must be %s, or TRUNC' % (
                    w, ", ".join(_FLAG_NAMES[:-1])))
            if w in ("RDONLY", "WRONLY", "RDWR"):
                access_kind = w
            binary = binary or w == "BINARY"
            flags |= _FLAGS[w]
        if access_kind is not None:
            return flags, False, binary
    if not words or (access_kind is None and not (len(words) == 1 and words[0] == access
                                                  and access[:1] in "rwa")):
        raise TclError("access mode must include either RDONLY, WRONLY, or RDWR")
    raise TclError('illegal access mode "%s"' % access)


@command("open", 1, 3, "fileName ?access? ?permissions?")
def cmd_open(interp, argv):
    name = to_str(argv[1])
    access = to_str(argv[2]) if len(argv) > 2 else "r"
    flags, seek_end, binary = parse_access(access)
    perms = to_int(argv[3]) if len(argv) > 3 else 0o666
    if name.startswith("|"):
        from .exec import open_pipeline
        ch = open_pipeline(interp, name[1:], flags)
        if binary:
            ch.set_translation("binary", "binary")
        return ch.name
    path = native_path(name)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0), perms)
    except OSError as e:
        raise os_tcl_error('couldn\'t open "%s"' % name, e) from None
    if seek_end:
        os.lseek(fd, 0, os.SEEK_END)
    mode = flags & (os.O_RDONLY | os.O_WRONLY | os.O_RDWR)
    ch = add_channel(interp, fd, mode != os.O_WRONLY, mode != os.O_RDONLY)
    if binary:
        ch.set_translation("binary", "binary")
    else:
        # a new file channel takes the system encoding, as in Tcl
        system = interp.extensions.get("encoding-system", "utf-8")
        if system != "utf-8":
            ch.set_encoding(system)
    return ch.name


# ---- close, gets, read, eof, seek, tell, flush, fblocked ----------------------------------

def close_channel(interp, name, direction=None):
    ch = get_channel(interp, name)
    if direction is not None:
        if direction not in ("read", "write"):
            raise TclError('bad direction "%s": must be read or write' % direction,
                           ("TCL", "LOOKUP", "INDEX", "direction", direction))
        attr = "readable" if direction == "read" else "writable"
        if not getattr(ch, attr):
            raise TclError("Half-close of %s-side not possible, side not opened or already closed"
                           % direction, ("TCL", "OPERATION", "CLOSE", "HALF"))
        other = "writable" if direction == "read" else "readable"
        if getattr(ch, other):
            if hasattr(ch, "close_half"):
                ch.close_half(direction)
            else:
                if direction == "write":
                    ch.flush()
                setattr(ch, attr, False)
            return ""
    del interp.channels[name]
    if getattr(ch, "transforms", None):
        try:
            _refl().pop_all(ch)
        except TclError:
            ch.close()
            raise
    ch.close()
    return ""


@command("close", 1, 2, "channelId ?direction?")
def cmd_close(interp, argv):
    return close_channel(interp, to_str(argv[1]), to_str(argv[2]) if len(argv) > 2 else None)


@command("gets", 1, 2, "channelId ?varName?")
def cmd_gets(interp, argv):
    ch = get_channel(interp, to_str(argv[1]))
    line = ch.gets()
    if len(argv) == 2:
        return "" if line is None else line
    interp.set_var(to_str(argv[2]), "" if line is None else line)
    return -1 if line is None else len(line)


def _read_usage(cmd_name):
    return 'channelId ?numChars?" or "%s ?-nonewline? channelId' % cmd_name


@command("read", 1, 2, _read_usage("read"))
def cmd_read(interp, argv):
    return _read(interp, argv, to_str(argv[0]))


def _read(interp, argv, cmd_name):
    first = to_str(argv[1])
    nonewline = False
    count = None
    if first == "-nonewline":
        if len(argv) != 3:
            raise wrong_args(cmd_name, _read_usage(cmd_name))
        nonewline = True
        ch = get_channel(interp, to_str(argv[2]))
    else:
        ch = get_channel(interp, first)
        if len(argv) == 3:
            arg = to_str(argv[2])
            ch._check_readable()
            if arg == "nonewline":
                nonewline = True
            else:
                try:
                    count = int32_arg(arg)      # a C int, as Tcl_GetIntFromObj reads it
                except TclError:
                    count = -1
                if count < 0:
                    raise TclError('expected non-negative integer but got "%s"' % arg,
                                   ("TCL", "VALUE", "NUMBER"))
    text = ch.read(count)
    if count is not None and getattr(ch, "closed", False):
        # a reflected channel's handler closed the channel under a counted
        # read: tclsh fails the read (a read to end of file or gets does not)
        raise TclError('error reading "%s": invalid argument' % ch.name,
                       ("POSIX", "EINVAL", "invalid argument"))
    if nonewline and text.endswith("\n"):
        text = text[:-1]
    return text


@command("eof", 1, 1, "channelId")
def cmd_eof(interp, argv):
    return 1 if get_channel(interp, to_str(argv[1])).eof() else 0


_ORIGINS = {"start": os.SEEK_SET, "current": os.SEEK_CUR, "end": os.SEEK_END}


@command("seek", 2, 3, "channelId offset ?origin?")
def cmd_seek(interp, argv):
    ch = get_channel(interp, to_str(argv[1]))
    offset = to_int(argv[2])
    whence = os.SEEK_SET
    if len(argv) > 3:
        word = to_str(argv[3])
        matches = [k for k in _ORIGINS if k.startswith(word)] if word else []
        if len(matches) != 1:
            raise TclError('%s origin "%s": must be start, current, or end' % (
                "ambiguous" if matches else "bad", word),
                ("TCL", "LOOKUP", "INDEX", "origin", word))
        whence = _ORIGINS[matches[0]]
    for transform in reversed(getattr(ch, "transforms", None) or ()):
        before = getattr(transform, "before_seek", None)
        if before is not None:
            before()
    ch.seek(offset, whence)
    return ""


@command("tell", 1, 1, "channelId")
def cmd_tell(interp, argv):
    return get_channel(interp, to_str(argv[1])).tell()


@command("fblocked", 1, 1, "channelId")
def cmd_fblocked(interp, argv):
    ch = get_channel(interp, to_str(argv[1]))
    if not ch.readable:
        raise TclError('channel "%s" wasn\'t opened for reading' % ch.name, "NONE")
    blocked = getattr(ch, "blocked", None)
    return 1 if blocked is not None and blocked() else 0


def chan_flush(interp, argv):
    ch = get_channel(interp, to_str(argv[2]))
    if not ch.writable:
        raise TclError('channel "%s" wasn\'t opened for writing' % ch.name,
                       "NONE")
    ch.flush()
    return ""


# ---- fconfigure / chan configure ---------------------------------------------------------

_OPTIONS = ("-blocking", "-buffering", "-buffersize", "-encoding", "-eofchar", "-translation")


def _pair(ch, values):
    """One value for a one-way channel, a two-element list for a two-way one."""
    vin, vout = values
    if ch.readable and ch.writable:
        return TclList([vin, vout])
    return vin if ch.readable else vout


def _get_option(ch, opt, listing=False):
    if opt == "-blocking":
        return ch.blocking
    if opt == "-buffering":
        return ch.buffering
    if opt == "-buffersize":
        return ch.buffersize
    if opt == "-encoding":
        return ch.encoding
    if opt == "-eofchar":
        if ch.readable and ch.writable:
            return TclList(ch.eofchar)
        value = ch.eofchar[0] if ch.readable else ch.eofchar[1]
        return value if listing else TclList([value])
    return _pair(ch, (ch.trans_in, ch.trans_out))


def _split_two(ch, value, what, bad_text):
    items = [to_str(v) for v in to_list(value)]
    if len(items) == 1 or (len(items) == 0 and what == "-eofchar"):
        v = items[0] if items else ""
        return (v if ch.readable else None, v if ch.writable else None)
    if len(items) == 2:
        if ch.readable and ch.writable:
            return items[0], items[1]
        return (items[0], None) if ch.readable else (None, items[1])
    raise TclError("bad value for %s: %s" % (what, bad_text), ("TCL", "VALUE", "CHANNEL"))


def _set_option(ch, opt, value):
    if opt == "-blocking":
        if hasattr(ch, "set_blocking"):
            ch.set_blocking(to_bool(value))
        else:
            ch.blocking = 1 if to_bool(value) else 0
    elif opt == "-buffering":
        v = to_str(value)
        if v not in BUFFERINGS:
            raise TclError("bad value for -buffering: must be one of full, line, or none",
                           ("TCL", "VALUE", "CHANNEL"))
        ch.buffering = v
    elif opt == "-buffersize":
        ch.buffersize = max(1, min(int32_arg(value), 1 << 20))
    elif opt == "-encoding":
        ch.set_encoding(to_str(value))
    elif opt == "-eofchar":
        vin, vout = _split_two(ch, value, "-eofchar",
                               "should be a list of zero, one, or two elements")
        # as Tcl, only the first character of each value counts
        vin = vin[:1] if vin else vin
        vout = vout[:1] if vout else vout
        for v in (vin, vout):
            if v and not 0 < ord(v) < 0x80:
                raise TclError("bad value for -eofchar: must be non-NUL ASCII character",
                               ("TCL", "VALUE", "CHANNEL"))
        old_in, old_out = ch.eofchar
        ch.eofchar = (old_in if vin is None else vin, old_out if vout is None else vout)
        if hasattr(ch, "_eofchar_seen"):
            # a new end-of-file character resets the end-of-file state
            ch._eofchar_seen = False
            ch._eof = False
    else:
        vin, vout = _split_two(ch, value, "-translation", "must be a one or two element list")
        for v in (vin, vout):
            if v is not None and v not in TRANSLATIONS:
                raise TclError("bad value for -translation: must be one of auto, binary, cr, "
                               "lf, crlf, or platform", ("TCL", "VALUE", "CHANNEL"))
        ch.set_translation(vin, vout)


def _option_name(word, ch=None):
    extras = tuple(ch.extra_options()) if hasattr(ch, "extra_options") else ()
    known = _OPTIONS + extras + (("-error",) if extras else ())
    matches = [o for o in known if o.startswith(word)] if len(word) > 1 else []
    if word in known:
        return word
    if len(matches) == 1:
        return matches[0]
    names = list(_OPTIONS + extras)
    raise TclError('bad option "%s": should be one of %s, or %s' % (
        word, ", ".join(names[:-1]), names[-1]),
        ("TCL", "OPERATION", "FCONFIGURE", "BADOPTION"))


def _zlib_options(ch):
    """The zlib transform whose options the channel shows, if any
    (commands/zlibpush.py)."""
    if not getattr(ch, "transforms", None):
        return None
    from .zlibpush import top_options
    return top_options(ch)


def _bad_option(word, names):
    names = list(names)
    return TclError('bad option "%s": should be one of %s, or %s' % (
        word, ", ".join(names[:-1]), names[-1]),
        ("TCL", "OPERATION", "FCONFIGURE", "BADOPTION"))


def _configure_transformed(ch, zt, args, cmd_name):
    """chan configure on a channel under `zlib push`: the transform's own
    options come after the channel's (exact names only, as in Tcl)."""
    if not args:
        out = configure_plain(ch, args)
        for opt in zt.option_names():
            out.append(opt)
            out.append(zt.get_option(opt))
        return out
    if len(args) == 1:
        word = to_str(args[0])
        if word in zt.option_names():
            return zt.get_option(word)
        if word in zt.bad_get_names() or not any(o.startswith(word) for o in _OPTIONS) \
                or len(word) < 2:
            raise _bad_option(word, _OPTIONS + tuple(zt.bad_get_names()))
        return configure_plain(ch, args)
    if len(args) % 2:
        raise wrong_args(cmd_name, "channelId ?-option value ...?")
    for i in range(0, len(args), 2):
        word = to_str(args[i])
        if word in zt.set_names():
            zt.set_option(word, args[i + 1])
        elif len(word) > 1 and any(o.startswith(word) for o in _OPTIONS):
            _set_option(ch, _option_name(word), args[i + 1])
        else:
            raise _bad_option(word, _OPTIONS + tuple(zt.set_names()))
    return ""


def configure(interp, argv, cmd_name):
    if len(argv) > 3 and len(argv) % 2:
        raise wrong_args(cmd_name, "channelId ?-option value ...?")
    ch = get_channel(interp, to_str(argv[1]))
    zt = _zlib_options(ch)
    if zt is not None:
        return _configure_transformed(ch, zt, argv[2:], cmd_name)
    return configure_plain(ch, argv[2:], cmd_name)


def _standard_option(word):
    """The standard option `word` names (exactly or by a unique prefix), or None."""
    if word in _OPTIONS:
        return word
    matches = [o for o in _OPTIONS if o.startswith(word)] if len(word) > 1 else []
    return matches[0] if len(matches) == 1 else None


def _configure_reflected(ch, args, cmd_name):
    """chan configure on a reflected channel: options other than the
    standard ones go to the handler's cgetall, cget and configure."""
    if not args:
        out = TclList()
        for opt in _OPTIONS:
            out.append(opt)
            out.append(_get_option(ch, opt, True))
        for opt, value in ch.all_extras():
            out.append(opt)
            out.append(value)
        return out
    if len(args) == 1:
        word = to_str(args[0])
        opt = _standard_option(word)
        if opt is not None:
            return _get_option(ch, opt)
        value = ch.get_extra(word)
        if value is None:
            raise _bad_option(word, _OPTIONS)
        return value
    if len(args) % 2:
        raise wrong_args(cmd_name, "channelId ?-option value ...?")
    for i in range(0, len(args), 2):
        word = to_str(args[i])
        opt = _standard_option(word)
        if opt is not None:
            _set_option(ch, opt, args[i + 1])
        elif not ch.set_extra(word, args[i + 1]):
            raise _bad_option(word, _OPTIONS)
    return ""


def configure_plain(ch, args, cmd_name="fconfigure"):
    if getattr(ch, "reflected_options", False):
        return _configure_reflected(ch, args, cmd_name)
    if not args:
        out = TclList()
        for opt in _OPTIONS:
            out.append(opt)
            out.append(_get_option(ch, opt, True))
        for opt in getattr(ch, "listed_extras", lambda: ())():
            out.append(opt)
            out.append(ch.get_extra(opt))
        return out
    if len(args) == 1:
        opt = _option_name(to_str(args[0]), ch)
        if opt not in _OPTIONS:
            return ch.get_extra(opt)
        return _get_option(ch, opt)
    if len(args) % 2:
        raise wrong_args(cmd_name, "channelId ?-option value ...?")
    for i in range(0, len(args), 2):
        opt = _option_name(to_str(args[i]), ch)
        if opt not in _OPTIONS:
            raise TclError('option "%s" is read-only' % opt,
                           ("TCL", "OPERATION", "FCONFIGURE", "READONLY"))
        _set_option(ch, opt, args[i + 1])
    return ""


@command("fconfigure", 1, None, "channelId ?-option value ...?")
def cmd_fconfigure(interp, argv):
    return configure(interp, argv, to_str(argv[0]))


# ---- fcopy ----------------------------------------------------------------------------

def copy_channel(interp, args, cmd_name):
    if len(args) < 2 or len(args) % 2:
        raise wrong_args(cmd_name, "input output ?-size size? ?-command callback?")
    src = get_channel(interp, to_str(args[0]))
    dst = get_channel(interp, to_str(args[1]))
    size = None
    callback = None
    for i in range(2, len(args), 2):
        opt = to_str(args[i])
        if opt == "-size":
            size = to_int(args[i + 1])
            size = None if size < 0 else size
        elif opt == "-command":
            callback = args[i + 1]
        else:
            raise TclError('bad option "%s": must be -size or -command' % opt,
                           ("TCL", "LOOKUP", "INDEX", "option", opt))
    if not dst.writable:
        raise TclError('channel "%s" wasn\'t opened for writing' % dst.name,
                       "NONE")
    # as Tcl: a channel being read by a background fcopy can't be read by
    # another, nor one being written be written (both ways at once is fine)
    for ch, side in ((src, "copy_reading"), (dst, "copy_writing")):
        if getattr(ch, side, False):
            raise TclError('channel "%s" is busy' % ch.name, ("TCL", "OPERATION", "BUSY"))
    if callback is not None:
        from .events import background_copy
        return background_copy(interp, src, dst, size, callback)
    text = src.read(size)
    dst.write(text)
    total = len(text.encode("utf-8")) if dst.encoding != "binary" else len(text)
    return total


@command("fcopy", 2, 6, "input output ?-size size? ?-command callback?")
def cmd_fcopy(interp, argv):
    return copy_channel(interp, argv[1:], to_str(argv[0]))


# ---- chan ------------------------------------------------------------------------------

def channel_names(interp, pattern=None):
    names = list(channel_table(interp))
    if pattern is not None:
        names = [n for n in names if glob_match(pattern, n)]
    return TclList(names)


def _chan_sub(func):
    """Adapt a plain command to a `chan` subcommand (drops the word "chan")."""
    return lambda interp, argv: func(interp, argv[1:])


def chan_names(interp, argv):
    return channel_names(interp, to_str(argv[2]) if len(argv) > 2 else None)


def chan_read(interp, argv):
    return _read(interp, argv[1:], "chan read")


def chan_configure(interp, argv):
    return configure(interp, argv[1:], "chan configure")


def chan_copy(interp, argv):
    return copy_channel(interp, argv[2:], "chan copy")


def chan_pending(interp, argv):
    mode = resolve_prefix({"input": 0, "output": 1}, to_str(argv[2]), "mode")
    ch = get_channel(interp, to_str(argv[3]))
    if mode == 0:
        return ch.pending_input() if ch.readable else -1
    if not ch.writable:
        return -1
    return len(getattr(ch, "_out", b""))


def chan_truncate(interp, argv):
    ch = get_channel(interp, to_str(argv[2]))
    ch.truncate(to_int(argv[3]) if len(argv) > 3 else None)
    return ""


def chan_event(interp, argv):
    from .events import channel_event
    return channel_event(interp, argv[1:], "chan event")


def chan_pipe(interp, argv):
    if len(argv) > 2:
        # Tcl's usage text here ends in a space
        raise TclError('wrong # args: should be "chan pipe "', ("TCL", "WRONGARGS"))
    r, w = os.pipe()
    os.set_inheritable(r, False)
    os.set_inheritable(w, False)
    rch = add_channel(interp, r, True, False)
    wch = add_channel(interp, w, False, True)
    return TclList([rch.name, wch.name])


def _refl():
    from . import reflected
    return reflected


def _unsupported(what):
    def fail(interp, argv):
        raise TclError('"chan %s" is not supported by tclish' % what,
                       ("TCL", "UNSUPPORTED", "CHAN", what))
    return fail


CHAN_SUBCOMMANDS = {
    "blocked": (_chan_sub(cmd_fblocked), 1, 1, "channelId"),
    "close": (_chan_sub(cmd_close), 1, 2, "channelId ?direction?"),
    "configure": (chan_configure, 1, None, "channelId ?-option value ...?"),
    "copy": (chan_copy, 2, 6, "input output ?-size size? ?-command callback?"),
    "create": (lambda interp, argv: __import__("tclish.commands.reflected", fromlist=["x"])
               .chan_create(interp, argv), 0, None, "mode cmdprefix"),
    "eof": (_chan_sub(cmd_eof), 1, 1, "channelId"),
    "event": (chan_event, 2, 3, "channelId event ?script?"),
    "flush": (chan_flush, 1, 1, "channelId"),
    "gets": (_chan_sub(cmd_gets), 1, 2, "channelId ?varName?"),
    "names": (chan_names, 0, 1, "?pattern?"),
    "pending": (chan_pending, 2, 2, "mode channelId"),
    "pipe": (chan_pipe, 0, None, ""),
    "pop": (lambda interp, argv: _refl().chan_pop(interp, argv), 1, 1, "channelId"),
    "postevent": (lambda interp, argv: _refl().chan_postevent(interp, argv), 2, 2,
                  "channelId eventSpec"),
    "push": (lambda interp, argv: _refl().chan_push(interp, argv), 0, None,
             "channel cmdprefix"),
    "puts": (_chan_sub(io.cmd_puts), 1, 3, "?-nonewline? ?channelId? string"),
    "read": (chan_read, 1, 2, _read_usage("chan read")),
    "seek": (_chan_sub(cmd_seek), 2, 3, "channelId offset ?origin?"),
    "tell": (_chan_sub(cmd_tell), 1, 1, "channelId"),
    "truncate": (chan_truncate, 1, 2, "channelId ?length?"),
}

cmd_chan = ensemble("chan", CHAN_SUBCOMMANDS)
