"""C11: a directory that exists but can't be read or entered is Tcl's
POSIX error, as tclsh gives it to an unprivileged user (the tests may run
as root, which may read anything, so the refusal is simulated)."""

import errno
import os

import pytest

from tclish import Interp, TclError


@pytest.fixture
def locked(tmp_path, monkeypatch):
    """A directory whose listing and entry the OS refuses."""
    locked = tmp_path / "locked"
    (locked / "sub").mkdir(parents=True)
    real_listdir, real_chdir = os.listdir, os.chdir

    def listdir(path="."):
        if str(path).startswith(str(locked)):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_listdir(path)

    def chdir(path):
        if str(path).startswith(str(locked)):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_chdir(path)

    monkeypatch.setattr(os, "listdir", listdir)
    monkeypatch.setattr(os, "chdir", chdir)
    return locked


@pytest.mark.parametrize("options", ["", "-nocomplain"])
def test_glob_in_an_unreadable_directory(locked, options):
    with pytest.raises(TclError) as info:
        Interp().eval("glob %s {%s/*}" % (options, locked))
    assert info.value.message == 'couldn\'t read directory "%s/": permission denied' % locked
    assert info.value.errorcode == ("POSIX", "EACCES", "permission denied")


def test_glob_below_a_missing_directory_still_matches_nothing(tmp_path):
    ip = Interp()
    assert ip.eval("glob -nocomplain {%s/none/*}" % tmp_path) == ""


def test_cd_names_the_real_cause(locked, tmp_path):
    ip = Interp()
    for target, text in [(locked / "sub", "permission denied"),
                         (tmp_path / "none", "no such file or directory")]:
        with pytest.raises(TclError) as info:
            ip.eval("cd {%s}" % target)
        assert info.value.message == \
            'couldn\'t change working directory to "%s": %s' % (target, text)
    (tmp_path / "f").write_text("")
    with pytest.raises(TclError) as info:
        ip.eval("cd {%s}" % (tmp_path / "f"))
    assert info.value.message.endswith(": not a directory")
