"""info: levels, ::tcl::info::* commands, patterns across namespaces (info.test).

Expected values were checked against tclsh 8.6.13."""

import pytest

from tclish.runtime.errors import TclError
from tclish.runtime.interp import Interp
from tclish.runtime.values import to_str


def run(script):
    return to_str(Interp().eval(script))


def error_of(script):
    with pytest.raises(TclError) as info:
        Interp().eval(script)
    return info.value.message


@pytest.mark.parametrize("script,message", [
    ("info level 0", 'bad level "0"'),
    ("proc t1 {} {info level -1}; t1", 'bad level "-1"'),
    ("namespace eval foo {info level -1}", 'bad level "-1"'),
    ("info loaded gorp", 'could not find interpreter "gorp"'),
    ("set a(0) 88; proc t1 {a b} {}; info default t1 a a", 'can\'t set "a": variable is array'),
    ("unset tcl_patchLevel; info patchlevel", 'can\'t read "tcl_patchLevel": no such variable'),
    ("info gorp", 'unknown or ambiguous subcommand "gorp": must be args, body, class, cmdcount, '
     'commands, complete, coroutine, default, errorstack, exists, frame, functions, globals, '
     'hostname, level, library, loaded, locals, nameofexecutable, object, patchlevel, procs, '
     'script, sharedlibextension, tclversion, or vars'),
    ("info commands a b", 'wrong # args: should be "info commands ?pattern?"'),
    ("::tcl::info::args", 'wrong # args: should be "::tcl::info::args procname"'),
])
def test_errors(script, message):
    assert error_of(script) == message


def test_level_zero_in_namespace_eval():
    assert run("namespace eval foo {info level 0}") == "namespace eval foo {info level 0}"


def test_info_subcommands_are_commands_in_tcl_info():
    assert run("""
        set r [::tcl::info::exists tcl_version]
        rename ::tcl::info::commands ::infocommands
        lappend r [catch {info commands} m] $m [llength [infocommands ::tcl::info::comm*]]
        rename ::infocommands ::tcl::info::commands
        lappend r [info commands ::tcl::info::comm*]
    """) == '1 1 {invalid command name "::tcl::info::commands"} 0 ::tcl::info::commands'


def test_commands_and_procs_patterns_across_namespaces():
    assert run("""
        proc gp {} {}
        namespace eval a { proc ap {} {}; namespace export ap }
        namespace eval c { proc cp {} {} }
        namespace eval b { proc bp {} {}; namespace import ::a::ap; namespace path ::c }
        namespace eval b {
            list [lsort [info procs]] [lsort [info commands ?p]] [info commands a::*] \\
                [info procs ::a::*] [lsort [info procs ::b::*]]
        }
    """) == "{ap bp} {ap bp cp gp} {} ::a::ap {::b::ap ::b::bp}"


def test_globals_with_leading_qualifiers():
    assert run("set x 0; list [info globals x] [info globals :x] [info globals ::x] "
               "[info globals :::x]") == "x {} x x"


# ---- info frame (TIP 280); expectations from tclsh 8.6.13 ------------------------------

_FRAME_SCRIPT = r"""proc p {} { return [info frame 0] }
set r [list [p]]
if {1} {
  lappend r [info frame 0] [info frame]
}
apply {{} {
  lappend ::r [info frame 0]
}}
set s {lappend r [info frame 0]}
eval $s
eval {
  lappend r [info frame 0]
}
namespace eval foo {
  lappend ::r [info frame 0]
}
proc q {} {uplevel 1 {lappend r [info frame 0]}}
q
lappend r [subst {a
[info frame 0]}]
lappend r [catch {info frame 9} m] $m
namespace {*}{
    eval
    foo
    {lappend ::r [info frame 0]}
}
if {1} {
  lappend r \
     [info frame 0]
}
join $r \n
"""

_FRAME_EXPECTED = """type source line 1 file F cmd {info frame 0} proc ::p level 0
type source line 4 file F cmd {info frame 0} level 0
2
type source line 7 file F cmd {info frame 0} lambda {{} {
  lappend ::r [info frame 0]
}} level 0
type eval line 1 cmd {info frame 0} level 0
type source line 12 file F cmd {info frame 0} level 0
type source line 15 file F cmd {info frame 0} level 0
type eval line 1 cmd {info frame 0} proc ::q
a
type eval line 2 cmd {info frame 0} level 0
1
bad level "9"
type source line 25 file F cmd {info frame 0} level 0
type source line 29 file F cmd {info frame 0} level 0"""


def run_file(path, text):
    """Run `text` as the main script `path` (as `tclsh path` does)."""
    from tclish.commands.evaluation import source_text
    path.write_text(text)
    return to_str(source_text(Interp(), text, str(path)))


def test_frame_in_a_script_file(tmp_path):
    path = tmp_path / "frames.tcl"
    result = run_file(path, _FRAME_SCRIPT)
    assert result == _FRAME_EXPECTED.replace("file F", "file %s" % path)


def test_frame_stack_through_procs(tmp_path):
    path = tmp_path / "trace.tcl"
    result = run_file(path, """proc etrace {} {
    set res {}
    set level [info frame]
    while {$level} {
        lappend res [list $level [info frame $level]]
        incr level -1
    }
    return $res
}
proc a {} {
    foreach x {1} {
        return [etrace]
    }
}
join [a] \\n
""")
    f = "file %s" % path
    assert result == "\n".join([
        "3 {type source line 5 %s cmd {info frame $level} proc ::etrace level 0}" % f,
        "2 {type source line 12 %s cmd etrace proc ::a level 1}" % f,
        "1 {type source line 15 %s cmd a level 2}" % f,
    ])


@pytest.mark.parametrize("script,expected", [
    ("info frame", "1"),
    ("eval {info frame}", "2"),
    ("info frame 0", "type eval line 1 cmd {info frame 0} level 0"),
    ("set x 1\nset y [info frame 0]", "type eval line 2 cmd {info frame 0} level 0"),
    ("proc p {} {\n  info frame 0\n}; p", "type proc line 2 cmd {info frame 0} proc ::p level 0"),
    ("proc p {} {info frame -1}; p", "type eval line 1 cmd p level 1"),
    ("set b {set a 1\ninfo frame 0}; eval $b", "type eval line 2 cmd {info frame 0} level 0"),
    ("catch {info frame -1} m; set m", 'bad level "-1"'),
    ("catch {info frame 2} m; set m", 'bad level "2"'),
])
def test_frame_in_evaluated_scripts(script, expected):
    assert run(script) == expected
