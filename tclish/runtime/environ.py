"""The ::env array: one element table over os.environ, shared by every
interpreter of the process as Tcl's is.  Setting or unsetting an element
changes the process environment, so child processes and later interpreters
see it."""

import os

from .values import to_str


class EnvDict(dict):
    """A dict of the environment that writes through to os.environ."""

    def __init__(self):
        dict.__init__(self, os.environ)

    def __setitem__(self, key, value):
        text = to_str(value)
        try:
            os.environ[key] = text
        except (ValueError, OSError):       # a NUL or '=' in the name
            pass
        dict.__setitem__(self, key, value)

    def __delitem__(self, key):
        os.environ.pop(key, None)
        dict.__delitem__(self, key)

    def pop(self, key, *default):
        os.environ.pop(key, None)
        return dict.pop(self, key, *default)

    def setdefault(self, key, value=None):
        if key not in self:
            self[key] = value
        return dict.__getitem__(self, key)

    def update(self, *args, **kwargs):
        for key, value in dict(*args, **kwargs).items():
            self[key] = value

    def clear(self):
        for key in list(self):
            os.environ.pop(key, None)
        dict.clear(self)

    def popitem(self):
        key, value = dict.popitem(self)
        os.environ.pop(key, None)
        return key, value


_SHARED = None


def shared_env():
    """The process's one EnvDict (made on first use)."""
    global _SHARED
    if _SHARED is None:
        _SHARED = EnvDict()
    return _SHARED


def install_env(interp):
    var = interp.lookup_var("::env", create=True)
    var.arr = shared_env()
    var.value = None
