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
