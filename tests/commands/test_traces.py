"""trace: variable traces (new and old forms) and execution traces; expected
values and error texts recorded from tclsh 8.6.13."""

import pytest

from tclish.runtime.errors import TclError
from tclish.runtime.interp import Interp
from tclish.runtime.values import to_str


@pytest.fixture
def tcl():
    interp = Interp()
    interp.eval("proc cb {args} { lappend ::log $args }; set log {}")

    def ev(script):
        return to_str(interp.eval(script))
    return ev


def error_of(run, script):
    with pytest.raises(TclError) as info:
        run(script)
    return info.value


def test_write_and_read_traces_get_name_index_op(tcl):
    assert tcl("trace add variable x write cb; set x 1; set log") == "{x {} write}"
    assert tcl("set log {}; trace add variable y read cb; set y 2; set y; set log"
               ) == "{y {} read}"


def test_info_lists_newest_first(tcl):
    assert tcl("trace add variable x read cb; trace add variable x write cb;"
               " trace info variable x") == "{write cb} {read cb}"
    assert tcl("trace add variable x {unset write array read} cb; trace info variable x"
               ) == "{{array read write unset} cb} {write cb} {read cb}"


def test_remove_matches_ops_and_command(tcl):
    tcl("trace add variable x write cb; trace add variable x read cb;"
        " trace add variable x {read write} cb")
    assert tcl("trace remove variable x read cb; trace info variable x") == (
        "{{read write} cb} {write cb}")
    assert tcl("trace remove variable x {write} nonexist; trace info variable x") == (
        "{{read write} cb} {write cb}")
    assert tcl("trace remove variable x {read write} cb; trace info variable x") == "{write cb}"
    assert tcl("trace remove variable nonexist write cb; trace info variable nonexist") == ""


def test_old_style_forms(tcl):
    assert tcl("set log {}; trace variable y rwu cb; set y 1; set y; unset y; set log") == (
        "{y {} w} {y {} r} {y {} u}")
    assert tcl("trace variable x w cb; trace variable x rw cb; trace vinfo x") == (
        "{rw cb} {w cb}")
    assert tcl("trace info variable x") == "{{read write} cb} {write cb}"
    assert tcl("trace vdelete x rw cb; trace vinfo x") == "{w cb}"
    assert tcl("trace add variable z {unset write array read} cb; trace vinfo z") == "{rwua cb}"
    assert tcl("trace variable q uawr cb; trace info variable q") == (
        "{{array read write unset} cb}")


def test_element_and_array_traces(tcl):
    assert tcl("trace add variable a(1) write cb; set a(1) x; set a(2) y; set log") == (
        "{a 1 write}")
    assert tcl("set log {}; trace add variable b write cb; set b(1) x; array set b {2 y};"
               " set log") == "{b 1 write} {b 2 write}"
    assert tcl("trace add variable s(1) write cb; trace add variable s write cb;"
               " list [trace info variable s] [trace info variable s(1)]") == (
        "{{write cb}} {{write cb}}")
    assert tcl("set log {}; set d(1) 1; set d(2) 2; trace add variable d unset cb; unset d(1);"
               " unset d; set log") == "{d 1 unset} {d {} unset}"
    assert tcl("set log {}; set ary(1) 1; trace add variable ary(1) unset cb;"
               " trace add variable ary unset cb; unset ary; set log") == (
        "{ary {} unset} {ary 1 unset}")


def test_element_trace_makes_an_array(tcl):
    assert tcl("trace add variable e1(1) write cb;"
               " list [info exists e1] [array exists e1] [array size e1]") == "1 1 0"


def test_trace_errors_become_access_errors(tcl):
    tcl("proc ro {n1 n2 op} {error {is readonly}}; set r 1; trace add variable r write ro")
    err = error_of(tcl, "set r 2")
    assert err.message == 'can\'t set "r": is readonly'
    assert tcl("set r") == "2"
    tcl("proc re {n1 n2 op} {error {no reading}}; set qq(1) 1; trace add variable qq read re")
    assert error_of(tcl, "set qq(1)").message == 'can\'t read "qq(1)": no reading'


def test_trace_error_info(tcl):
    tcl("trace add variable ww write {error oops;#}")
    assert tcl("catch {set ww 1} m; list $m $::errorInfo") == (
        "{can't set \"ww\": oops} {oops\n    while executing\n\"error oops\"\n"
        "    (write trace on \"ww\")\n    invoked from within\n\"set ww 1\"}")


def test_break_continue_return_in_traces(tcl):
    tcl("proc cbr {args} {return -code break}; set br 1; trace add variable br write cbr")
    assert error_of(tcl, "set br 2").message == 'can\'t set "br": '
    tcl("proc cbret {args} {return -code return xxx}; set rr 1;"
        " trace add variable rr write cbret")
    assert error_of(tcl, "set rr 2").message == 'can\'t set "rr": xxx'


def test_unset_trace_errors_are_ignored(tcl):
    assert tcl("set u 1; trace add variable u unset {error bad;#}; unset u") == ""


def test_traces_are_off_while_one_runs(tcl):
    assert tcl("proc dbl {n1 n2 op} {upvar $n1 v; set v [expr {$v*2}]}; set z 1;"
               " trace add variable z write dbl; set z 5; set z") == "10"
    assert tcl("incr z; set z") == "22"


def test_read_trace_can_supply_the_value(tcl):
    assert tcl("proc fill {n1 n2 op} {upvar $n1 v; set v filled};"
               " trace add variable fresh read fill; set fresh") == "filled"


def test_traces_through_upvar_and_global(tcl):
    assert tcl("set log {}; proc p2 {} {upvar #0 gg loc; set loc 1};"
               " trace add variable gg write cb; p2; set log") == "{loc {} write}"
    assert tcl("set log {}; proc pp {} {global gx; set gx 1}; trace add variable gx write cb;"
               " pp; set log") == "{gx {} write}"
    assert tcl("set log {}; namespace eval nn {variable v 1}; trace add variable nn::v write cb;"
               " set nn::v 2; set log") == "{nn::v {} write}"


def test_unset_removes_traces(tcl):
    assert tcl("set ex 1; trace add variable ex unset cb; unset ex; trace info variable ex"
               ) == ""


def test_command_prefix_gets_arguments_appended(tcl):
    assert tcl("set x 1; trace add variable x read {cb extra}; set log {}; set x; set log") == (
        "{extra x {} read}")


@pytest.mark.parametrize("script,message", [
    ("trace add variable x foo cb", 'bad operation "foo": must be array, read, unset, or write'),
    ("trace add variable x r cb", 'bad operation "r": must be array, read, unset, or write'),
    ("trace add variable x {read bad} cb",
     'bad operation "bad": must be array, read, unset, or write'),
    ("trace add variable x {} cb",
     'bad operation list "": must be one or more of array, read, unset, or write'),
    ("trace add variable x", 'wrong # args: should be "trace add variable name opList command"'),
    ("trace add", 'wrong # args: should be "trace add type ?arg ...?"'),
    ("trace", 'wrong # args: should be "trace option ?arg ...?"'),
    ("trace foo", 'bad option "foo": must be add, info, remove, variable, vdelete, or vinfo'),
    ("trace add foo x y z", 'bad option "foo": must be execution, command, or variable'),
    ("trace add command", 'wrong # args: should be "trace add command name opList command"'),
    ("trace info", 'wrong # args: should be "trace info type name"'),
    ("trace info variable", 'wrong # args: should be "trace info variable name"'),
    ("trace remove variable x",
     'wrong # args: should be "trace remove variable name opList command"'),
    ("trace variable x", 'wrong # args: should be "trace variable name ops command"'),
    ("trace variable x rz cb", 'bad operations "rz": should be one or more of rwua'),
    ('trace variable q "" cb', 'bad operations "": should be one or more of rwua'),
    ("set sc 1; trace add variable sc(1) write cb",
     'can\'t trace "sc(1)": variable isn\'t array'),
    ("trace add variable ::nons::v write cb",
     'can\'t trace "::nons::v": parent namespace doesn\'t exist'),
])
def test_errors(tcl, script, message):
    assert error_of(tcl, script).message == message


def test_execution_traces_enter_and_leave(tcl):
    tcl("proc hello {a} {return hi-$a}")
    tcl("trace add execution hello enter cb; trace add execution hello leave cb")
    assert tcl("set log {}; hello x; set log") == (
        "{{hello x} enter} {{hello x} 0 hi-x leave}")
    assert tcl("trace info execution hello") == "{leave cb} {enter cb}"
    assert tcl("trace remove execution hello enter cb; trace info execution hello") == (
        "{leave cb}")
    assert tcl("trace remove execution hello leave cb; set log {}; hello y; set log") == ""


def test_command_traces_run_on_rename_and_delete(tcl):
    # as tclsh: fully qualified names; during a rename trace both names exist;
    # redefinition by proc deletes the old command (its traces run, then are gone)
    assert tcl("""
        proc foo {} {}
        proc tr args {lappend ::log [list {*}$args [info commands foo*] [info commands ::ns::*]]}
        trace add command foo {delete rename} tr
        trace add command foo rename {tr 2}
        set r [list [trace info command foo]]
        namespace eval ns {}
        rename foo ns::bar
        trace remove command ns::bar rename {tr 2}
        lappend r [trace info command ns::bar]
        proc ns::bar {} {}
        lappend r [trace info command ns::bar] $log
    """) == ("{{rename {tr 2}} {{rename delete} tr}} {{{rename delete} tr}} {} "
             "{{2 ::foo ::ns::bar rename foo ::ns::bar} {::foo ::ns::bar rename foo ::ns::bar} "
             "{::ns::bar {} delete {} ::ns::bar}}")


def test_command_trace_errors(tcl):
    assert error_of(tcl, "trace add command nosuch delete cb").message == 'unknown command "nosuch"'
    assert error_of(tcl, "trace add command set bogus cb").message == \
        'bad operation "bogus": must be delete or rename'
    assert tcl("proc q {} {}; trace add command q delete {error boom}; rename q {}; "
               "info commands q") == ""
