"""glob; expected values and error texts recorded from tclsh 8.6.13 (results are
sorted here: glob itself returns directory order)."""

import pytest

from tclish.runtime.errors import TclError
from tclish.runtime.interp import Interp
from tclish.runtime.values import to_str


@pytest.fixture
def tcl(tmp_path, monkeypatch):
    """A fresh interpreter run inside a folder holding:
    a.txt b.txt c.tcl .hidden sub/x.txt sub2/"""
    for name in ("a.txt", "b.txt", "c.tcl", ".hidden"):
        (tmp_path / name).write_text("")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub2").mkdir()
    (tmp_path / "sub" / "x.txt").write_text("")
    monkeypatch.chdir(tmp_path)
    interp = Interp()
    interp.set_var("dir", str(tmp_path))

    def ev(script):
        return to_str(interp.eval(script))
    return ev


def glob_sorted(tcl, args):
    return tcl("lsort [glob %s]" % args)


@pytest.mark.parametrize("args,expected", [
    ("*", "a.txt b.txt c.tcl sub sub2"),
    ("*.txt", "a.txt b.txt"),
    ("-nocomplain *.foo", ""),
    ("{{a,b}.txt}", "a.txt b.txt"),
    ("*.{txt,tcl}", "a.txt b.txt c.tcl"),
    ("{{a,b,}.txt}", "a.txt b.txt"),
    ("{{,a}*}", "a.txt a.txt b.txt c.tcl sub sub2"),
    ("{{a,{b,c}}.t*}", "a.txt b.txt c.tcl"),
    ("{{a,x}.txt}", "a.txt"),
    ("-directory sub *", "sub/x.txt"),
    ("-dir sub -tails *", "x.txt"),
    ("-types d *", "sub sub2"),
    ("-types f *", "a.txt b.txt c.tcl"),
    ("-types {d f} *", "a.txt b.txt c.tcl sub sub2"),
    ("-type {f hidden} *", ".hidden"),
    ("-types {hidden d} *", ". .."),
    ("-types {r w} *.txt", "a.txt b.txt"),
    (".*", ". .. .hidden"),
    ("*/*", "sub/x.txt"),
    ("-join sub *.txt", "sub/x.txt"),
    ("-join * *.txt", "sub/x.txt"),
    ("-tails -directory . *", "a.txt b.txt c.tcl sub sub2"),
    ("-types d -dir . *", "./sub ./sub2"),
    ("-dir {} *.txt", "a.txt b.txt"),
    ("-path sub/ *", "sub/x.txt"),
    ("-path sub/x *", "sub/x.txt"),
    ("-path sub/x -tails *", "x.txt"),
    ("-path s *", "sub sub2"),
    ("-path s -tails *", "sub sub2"),
    ("-dir sub/ *", "sub/x.txt"),
    ("sub", "sub"),
    ("a.txt nope", "a.txt"),
    ("-- *.txt", "a.txt b.txt"),
    ("a\\\\.txt", "a.txt"),
    ("{[ab].txt}", "a.txt b.txt"),
    ("?.txt", "a.txt b.txt"),
    ("{}", "."),
    ("sub/", "sub/"),
    ("*/", "sub/ sub2/"),
    ("a.txt/", "a.txt/"),
    ("sub/.", "sub/."),
    ("*/.", "sub/. sub2/."),
    ("{sub\\/*}", "sub/x.txt"),
    ("-nocomplain -dir nodir *", ""),
    ("-directory sub -join . *", "sub/./x.txt"),
    ("{sub/*.txt} *.tcl", "c.tcl sub/x.txt"),
    ("-nocomplain", ""),
    ("-n x", ""),
    ("-join -nocomplain x y", ""),
])
def test_glob_matches(tcl, args, expected):
    assert glob_sorted(tcl, args) == expected


def test_absolute_patterns(tcl, tmp_path):
    assert tcl("lsort [glob $dir/*.txt]") == "%s/a.txt %s/b.txt" % (tmp_path, tmp_path)


@pytest.mark.parametrize("args,message", [
    ("*.foo", 'no files matched glob pattern "*.foo"'),
    ("nope", 'no files matched glob pattern "nope"'),
    ("nope1 nope2", 'no files matched glob patterns "nope1 nope2"'),
    ("", 'no files matched glob patterns ""'),
    ("{{x,y}.txt}", 'no files matched glob pattern "{x,y}.txt"'),
    ("-foo *", 'bad option "-foo": must be -directory, -join, -nocomplain, -path, -tails, '
               '-types, or --'),
    ("-t d *", 'ambiguous option "-t": must be -directory, -join, -nocomplain, -path, -tails, '
               '-types, or --'),
    ("-directory", 'missing argument to "-directory"'),
    ("-types", 'missing argument to "-types"'),
    ("-types foo *", 'bad argument to "-types": foo'),
    ("-tails *", '"-tails" must be used with either "-directory" or "-path"'),
    ("-path x -dir sub *", '"-directory" cannot be used with "-path"'),
    ("-dir sub -path x *", '"-path" cannot be used with "-dictionary"'),
    ('"a}"', "unmatched close-brace in file name"),
    ('"{a"', "unmatched open-brace in file name"),
    ("-types l *", 'no files matched glob pattern "*"'),
    ("-dir nodir *", 'no files matched glob pattern "*"'),
    ("-types f -join sub2 *", 'no files matched glob pattern "sub2/*"'),
    ("-types d sub/*", 'no files matched glob pattern "sub/*"'),
    ("*/*/", 'no files matched glob pattern "*/*/"'),
    ("{~nouser}", 'user "nouser" doesn\'t exist'),
])
def test_glob_errors(tcl, args, message):
    with pytest.raises(TclError) as info:
        tcl("glob " + args)
    assert info.value.message == message
