"""The file ensemble; expected values and error texts recorded from tclsh 8.6.13
(run as root with HOME=/root where ~ matters, so ~ cases use $env-free forms)."""

import os

import pytest

from tclish.runtime.errors import TclError
from tclish.runtime.interp import Interp
from tclish.runtime.values import to_str


@pytest.fixture
def tcl(tmp_path):
    interp = Interp()
    interp.set_var("dir", str(tmp_path))

    def ev(script):
        return to_str(interp.eval(script))
    return ev


def ev(script):
    return to_str(Interp().eval(script))


def error_of(run, script):
    with pytest.raises(TclError) as info:
        run(script)
    return info.value


@pytest.mark.parametrize("args,expected", [
    ("join a b c", "a/b/c"), ("join a /b c", "/b/c"), ("join /a b", "/a/b"),
    ("join a/ b", "a/b"), ("join a//b/ c", "a/b/c"), ('join ""', ""), ('join "" a', "a"),
    ("join ~user a", "~user/a"), ("join a ~b", "~b"), ("join a ./~b", "a/~b"),
    ("join a/./b", "a/./b"), ("join a .", "a/."), ("join /a/ /", "/"), ("join / a", "/a"),
    ("join . a", "./a"), ("join a/ ./~b/c", "a/~b/c"), ("join ~/ a", "~/a"), ("join a//", "a"),
    ('join a "" b', "a/b"), ("join a b/", "a/b"),
    ("split /a/b/c", "/ a b c"), ("split a/b", "a b"), ("split /", "/"), ("split a//b/", "a b"),
    ("split ~user/a", "~user a"), ("split a/~b/c", "a ./~b c"), ('split ""', ""),
    ("split //a", "/ a"), ("split ~/a/~b", "~ a ./~b"), ("split ./~a", ". ./~a"),
    ("split a/./b", "a . b"), ("split ../a", ".. a"), ("split ///", "/"),
    ("dirname /a/b", "/a"), ("dirname a", "."), ("dirname /", "/"), ("dirname a/b/", "a"),
    ("dirname a//b", "a"), ("dirname /a", "/"), ('dirname ""', "."), ("dirname ~/a", "~"),
    ("dirname .", "."), ("dirname ~user/a", "~user"), ("dirname a/./b", "a/."),
    ("dirname a/~b", "a"), ("dirname ./~b", "."), ("dirname /a/b//", "/a"), ("dirname ..", "."),
    ("tail /a/b", "b"), ("tail a/b/", "b"), ("tail /", ""), ('tail ""', ""), ("tail a", "a"),
    ("tail ~/a", "a"), ("tail a/~b", "./~b"), ("tail ./~b", "./~b"), ("tail a/.", "."),
    ("tail a//", "a"),
    ("extension a.b.c", ".c"), ("extension a", ""), ("extension a/b.c/d", ""),
    ("extension .bashrc", ".bashrc"), ("extension a/.b", ".b"), ("extension a.", "."),
    ("extension foo.b/", ""), ("extension .", "."), ("extension a/..", "."),
    ("extension /a.b", ".b"),
    ("rootname a.b.c", "a.b"), ("rootname a", "a"), ("rootname a.b/c", "a.b/c"),
    ("rootname .bashrc", ""), ("rootname a/.b", "a/"), ("rootname a.", "a"),
    ("rootname ~a.b", "~a"), ("rootname foo.b/", "foo.b/"), ("rootname a/b.c/d.e", "a/b.c/d"),
    ("pathtype /a", "absolute"), ("pathtype a", "relative"), ("pathtype ~a", "absolute"),
    ("pathtype ./a", "relative"), ('pathtype ""', "relative"),
    ("nativename a/b/", "a/b"), ("nativename /a//b", "/a/b"), ("nativename ./a", "./a"),
    ("separator", "/"), ("separator /a", "/"),
    ("normalize /a/b/../c/./d", "/a/c/d"), ("normalize /a//b/", "/a/b"), ("normalize /..", "/"),
    ("normalize /a/./../b/c/..", "/b"), ('normalize ""', ""),
])
def test_name_manipulation(args, expected):
    assert ev("file " + args) == expected


def test_tilde_expands_to_home(monkeypatch):
    monkeypatch.setenv("HOME", "/home/tcluser")
    assert ev("file normalize ~/x") == "/home/tcluser/x"
    assert ev("file tail ~") == "tcluser"
    assert ev("file dirname ~") == "/home"
    assert ev("file nativename ~/x") == "/home/tcluser/x"


def test_normalize_relative_uses_cwd(tcl, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert tcl("file normalize ./a/../b") == os.path.realpath(str(tmp_path)) + "/b"
    assert tcl("file normalize .") == os.path.realpath(str(tmp_path))


@pytest.mark.parametrize("args,message", [
    ("join", 'wrong # args: should be "file join name ?name ...?"'),
    ("dirname", 'wrong # args: should be "file dirname name"'),
    ("tail a b", 'wrong # args: should be "file tail name"'),
    ("copy", 'wrong # args: should be "file copy ?-option value ...? source ?source ...? '
             'target"'),
    ("rename a", 'wrong # args: should be "file rename ?-option value ...? source ?source '
                 '...? target"'),
    ("stat x", 'wrong # args: should be "file stat name varName"'),
    ("mtime", 'wrong # args: should be "file mtime name ?time?"'),
    ("tempfile a b c", 'wrong # args: should be "file tempfile ?nameVar? ?template?"'),
    ("separator a b", 'wrong # args: should be "file separator ?name?"'),
    ("link", 'wrong # args: should be "file link ?-linktype? linkname ?target?"'),
    ("", 'wrong # args: should be "file subcommand ?arg ...?"'),
    ("foo", 'unknown or ambiguous subcommand "foo": must be atime, attributes, channels, copy, '
            'delete, dirname, executable, exists, extension, isdirectory, isfile, join, link, '
            'lstat, mkdir, mtime, nativename, normalize, owned, pathtype, readable, readlink, '
            'rename, rootname, separator, size, split, stat, system, tail, tempfile, type, '
            'volumes, or writable'),
    ("normalize ~nouser/a", 'user "nouser" doesn\'t exist'),
])
def test_usage_errors(args, message):
    assert error_of(ev, "file " + args).message == message


def test_tests_and_metadata(tcl, tmp_path):
    (tmp_path / "x.txt").write_text("abc")
    assert tcl("list [file exists $dir/x.txt] [file exists $dir/nope] [file isfile $dir/x.txt]"
               " [file isfile $dir] [file isdirectory $dir] [file isdirectory $dir/x.txt]"
               ) == "1 0 1 0 1 0"
    assert tcl("list [file type $dir/x.txt] [file type $dir] [file size $dir/x.txt]") == (
        "file directory 3")
    assert tcl("list [file readable $dir/x.txt] [file writable $dir/nope]"
               " [file executable $dir/x.txt] [file owned $dir/x.txt]") == "1 0 0 1"
    assert tcl('list [file isfile ""] [file exists ""] [file exists ~nouser]') == "0 0 0"
    assert tcl("list [file system $dir] [file volumes]") == "native /"


def test_stat_fills_an_array(tcl, tmp_path):
    (tmp_path / "x.txt").write_text("abc")
    assert tcl("file stat $dir/x.txt s; lsort [array names s]") == (
        "atime blksize blocks ctime dev gid ino mode mtime nlink size type uid")
    assert tcl("list $s(type) $s(size)") == "file 3"


def test_mtime_and_atime_set_and_read(tcl, tmp_path):
    (tmp_path / "x.txt").write_text("abc")
    assert tcl("file mtime $dir/x.txt 1000000000") == "1000000000"
    assert tcl("file mtime $dir/x.txt") == "1000000000"
    assert tcl("file atime $dir/x.txt 999999999; file atime $dir/x.txt") == "999999999"
    assert error_of(tcl, "file mtime $dir/x.txt abc").message == 'expected integer but got "abc"'


@pytest.mark.parametrize("sub", ["type", "size", "mtime", "atime", "stat nope v", "lstat nope v",
                                 "attributes"])
def test_missing_file_errors(tcl, tmp_path, monkeypatch, sub):
    monkeypatch.chdir(tmp_path)
    script = "file " + (sub if " " in sub else sub + " nope")
    err = error_of(tcl, script)
    assert err.message == 'could not read "nope": no such file or directory'
    assert err.errorcode == ("POSIX", "ENOENT", "no such file or directory")


def test_mkdir_delete(tcl, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.txt").write_text("abc")
    assert tcl("file mkdir d1/d2; file mkdir d1/d2; file isdirectory d1/d2") == "1"
    assert error_of(tcl, "file mkdir x.txt/foo").message == (
        'can\'t create directory "x.txt": file already exists')
    assert error_of(tcl, 'file mkdir ""').message == (
        'can\'t create directory "": no such file or directory')
    err = error_of(tcl, "file delete d1")
    assert err.message == 'error deleting "d1": directory not empty'
    assert err.errorcode == ("POSIX", "EEXIST", "file already exists")
    assert tcl("file delete nope; file delete -- nope; file delete -force d1; file exists d1"
               ) == "0"
    assert error_of(tcl, "file delete -foo a").message == 'bad option "-foo": must be -force or --'
    assert tcl("file delete; file mkdir") == ""


def test_copy_and_rename(tcl, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.txt").write_text("abc")
    tcl("file copy x.txt x2.txt")
    assert error_of(tcl, "file copy x.txt x2.txt").message == (
        'error copying "x.txt" to "x2.txt": file already exists')
    assert error_of(tcl, "file copy nope x3.txt").message == (
        'error copying "nope": no such file or directory')
    assert tcl("file copy -force x.txt x2.txt; file rename x2.txt x3.txt;"
               " list [file exists x2.txt] [file exists x3.txt]") == "0 1"
    assert error_of(tcl, "file rename x3.txt x.txt").message == (
        'error renaming "x3.txt" to "x.txt": file already exists')
    assert tcl("file rename -force x3.txt x.txt; file exists x3.txt") == "0"
    tcl("file mkdir d1 d2; file copy x.txt d1; file copy -force x.txt d1/y.txt")
    assert tcl("lsort [glob d1/*]") == "d1/x.txt d1/y.txt"
    assert tcl("file copy d1 d2; lsort [glob -dir d2 *]") == "d2/d1"
    assert error_of(tcl, "file copy d1 d2").message == (
        'error copying "d1" to "d2/d1": file already exists')
    assert error_of(tcl, "file rename d1 d2").message == (
        'error renaming "d1" to "d2/d1": file already exists')
    assert error_of(tcl, "file copy x.txt d1/x.txt nodir").message == (
        'error copying: target "nodir" is not a directory')
    assert error_of(tcl, "file rename x.txt d1/x.txt nodir").message == (
        'error renaming: target "nodir" is not a directory')
    assert error_of(tcl, "file copy -foo a b").message == 'bad option "-foo": must be -force or --'
    assert tcl("file rename d1 d3; list [file exists d1] [file exists d3/y.txt]") == "0 1"


def test_attributes(tcl, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.txt").write_text("abc")
    tcl("file attributes x.txt -permissions 0644")
    assert tcl("lindex [file attributes x.txt] 4") == "-permissions"
    assert tcl("file attributes x.txt -permissions") == "00644"
    assert tcl("file attributes x.txt -permissions 0600; file attributes x.txt -perm") == "00600"
    assert tcl("file attributes x.txt -permissions u+x; file attributes x.txt -permissions"
               ) == "00700"
    assert tcl("file attributes x.txt -permissions rw-r--r--;"
               " file attributes x.txt -permissions") == "00644"
    assert error_of(tcl, "file attributes x.txt -foo").message == (
        'bad option "-foo": must be -group, -owner, or -permissions')


def test_links(tcl, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.txt").write_text("abc")
    assert tcl("file link -symbolic lnk x.txt") == "x.txt"
    assert tcl("list [file type lnk] [file readlink lnk] [file link lnk]") == "link x.txt x.txt"
    assert tcl("file lstat lnk s; set s(type)") == "link"
    assert error_of(tcl, "file readlink x.txt").message == (
        'could not read link "x.txt": invalid argument')


def test_tempfile_opens_a_channel(tcl):
    assert tcl("set f [file tempfile name]; puts $f hi; close $f; file size $name") == "3"
    assert tcl("string match */tcl_* $name") == "1"
    assert tcl("set f [file tempfile n2 $dir/abc.txt]; close $f;"
               " list [file extension $n2] [string match $dir/abc* $n2]") == ".txt 1"


def test_file_channels_lists_open_channels(tcl):
    assert tcl("file channels") == "stdin stdout stderr"
    assert tcl("set f [open $dir/x w]; file channels file*") == "file3"
