"""Where the input history lives: $XDG_STATE_HOME/tclish/history, else
~/.local/state/tclish/history.  History is a convenience: when the file
can't be made or written, the session goes on with the history it has."""

import os

from prompt_toolkit.history import FileHistory, InMemoryHistory, ThreadedHistory


def history_path(environ=None):
    env = os.environ if environ is None else environ
    base = env.get("XDG_STATE_HOME", "")
    if not os.path.isabs(base):      # the XDG spec says to ignore relative paths
        base = os.path.join(os.path.expanduser("~"), ".local", "state")
    return os.path.join(base, "tclish", "history")


class _SafeFileHistory(FileHistory):
    """A FileHistory that stops writing, instead of failing the prompt,
    when the file can't be written (a full disk, a read-only home)."""

    def __init__(self, filename):
        FileHistory.__init__(self, filename)
        self.failed = False

    def store_string(self, string):
        if self.failed:
            return
        try:
            FileHistory.store_string(self, string)
        except OSError:
            self.failed = True


def open_history(path=None):
    """The session's history: the file at `path` (default history_path())
    loaded in the background, or an in-memory one if it can't be had."""
    path = path or history_path()
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
    except OSError:
        return InMemoryHistory()
    return ThreadedHistory(_SafeFileHistory(path))
