"""namespace: imports and their origins, deletion, error texts (namespace.test).

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


IMPORTS = """
    namespace eval e { namespace export c*; proc c1 {} {return c1} }
    namespace eval i { namespace import ::e::* }
"""


def test_import_follows_redefinition_and_rename_of_the_original():
    assert run(IMPORTS + """
        set r [list [namespace origin i::c1]]
        proc e::c1 {} {return new}
        lappend r [i::c1]
        rename e::c1 e::c2
        lappend r [namespace origin i::c1] [namespace which i::c1] [i::c1]
    """) == "::e::c1 new ::e::c2 ::i::c1 new"


def test_deleting_the_original_deletes_its_imports():
    assert run(IMPORTS + """
        namespace eval i { proc p {} {} }
        set r [list [lsort [info commands i::*]]]
        namespace delete e
        lappend r [info commands i::*]
    """) == "{::i::c1 ::i::p} ::i::p"


def test_indirect_import_origin_and_forget():
    assert run(IMPORTS + """
        namespace eval i { namespace export * }
        namespace eval j { namespace export *; namespace import ::i::* }
        namespace eval k { namespace import ::j::* }
        set r [list [namespace origin k::c1] [k::c1]]
        namespace eval k { namespace forget ::e::c1 }
        lappend r [info commands k::*]
    """) == "::e::c1 c1 {}"


def test_reimport_of_same_command_is_fine_but_other_is_refused():
    assert run(IMPORTS + """
        namespace eval i { namespace import ::e::* }
        namespace eval f { namespace export c1; proc c1 {} {} }
        list [catch {namespace eval i { namespace import ::f::c1 }} m] $m
    """) == '1 {can\'t import command "c1": already exists}'


@pytest.mark.parametrize("script,message", [
    ("namespace import {}", "empty import pattern"),
    ("namespace eval x {namespace import fred::x}", 'unknown namespace in import pattern "fred::x"'),
    ("namespace eval x {namespace import ::x::puts}",
     'import pattern "::x::puts" tries to import from namespace "x" into itself'),
    ("namespace import x", 'no namespace specified in import pattern "x"'),
    ("namespace export ::zzz", 'invalid export pattern "::zzz": pattern can\'t specify a namespace'),
    ("namespace which -fred x", 'wrong # args: should be "namespace which ?-command? ?-variable? name"'),
    ("namespace which a b", 'wrong # args: should be "namespace which ?-command? ?-variable? name"'),
    ("namespace delete nope", 'unknown namespace "nope" in namespace delete command'),
    ("namespace code", 'wrong # args: should be "namespace code arg"'),
    ("namespace inscope x", 'wrong # args: should be "namespace inscope name arg ?arg...?"'),
    ("namespace inscope nope {set v}", 'namespace "nope" not found in "::"'),
    ("namespace children ::nope", 'namespace "::nope" not found'),
    ("namespace eval a::b {}; namespace eval a {namespace children a}",
     'namespace "a" not found in "::a"'),
])
def test_error_messages(script, message):
    assert error_of(script) == message


def test_export_list_is_uniqued_and_inscope_level_zero():
    assert run("namespace eval q {namespace export a b a; namespace export}") == "a b"
    assert run("namespace eval q {}; namespace inscope q {info level 0}") == \
        "namespace inscope q {info level 0}"


def test_namespace_unknown_defaults():
    assert run("list [namespace unknown] [namespace eval foo {namespace unknown}]") == "::unknown {}"


def test_relative_qualified_command_falls_back_to_global():
    assert run("""
        namespace eval n2 { proc foo {} {return global} }
        namespace eval n1 { namespace eval n2 {}; proc t {} {n2::foo} }
        set r [n1::t]
        namespace eval n1::n2 { proc foo {} {return inner} }
        lappend r [n1::t]
    """) == "global inner"


def test_unknown_is_a_proc_and_namespace_unknown_handlers_run():
    assert run("""
        set r [list [info args unknown] [catch {nosuch 1} m] $m $::errorCode]
        namespace eval foo {
            namespace unknown {apply {args {return "handled $args"}}}
            lappend r [nosuch2 a b]
        }
        rename unknown {}
        lappend r [catch {nosuch3} m] $m
    """) == ('args 1 {invalid command name "nosuch"} {TCL LOOKUP COMMAND nosuch} '
             '{handled nosuch2 a b} 1 {invalid command name "nosuch3"}')


def test_ensemble_error_texts_and_option_prefixes():
    # checked against tclsh 8.6.13
    base = "namespace eval ns { proc a {} {}; proc b {} {}; namespace export a b; namespace ens cre }; "
    assert error_of(base + "ns x") == 'unknown or ambiguous subcommand "x": must be a, or b'
    assert error_of(base + "namespace ensemble configure ns -prefixes 0; ns x") == \
        'unknown subcommand "x": must be a, or b'
    assert error_of("namespace eval e { namespace ensemble create }; e x") == \
        'unknown subcommand "x": namespace ::e does not export any commands'
    assert error_of(base + "namespace ensemble configure ns -bogus") == (
        'bad option "-bogus": must be -map, -namespace, -parameters, -prefixes, -subcommands, '
        'or -unknown')
    assert run(base + "namespace ensemble configure ns") == \
        "-map {} -namespace ::ns -parameters {} -prefixes 1 -subcommands {} -unknown {}"
    assert run(base + "namespace ensemble config ns -pref") == "1"


def test_namespace_path_drops_deleted_namespaces_and_serves_qualified_names():
    assert run("""
        namespace eval ::n1 {}
        namespace eval ::n2 { namespace path ::n1; proc getpath {} {namespace path} }
        set r [list [::n2::getpath] [namespace delete ::n1] [::n2::getpath]]
        namespace eval ::t2 { proc foo {} {return 2} }
        namespace eval ::t1 {
            namespace eval t2 { proc foo {} {return 1_2} }
            namespace eval t3 { namespace path ::t1; lappend r [t2::foo] }
        }
        set r
    """) == "::n1 {} {} 1_2"


def test_ensemble_rewrites_wrong_args_with_its_own_words():
    assert run("""
        proc bb {c d {e f} args} {}
        proc target {x y} {}
        proc p {} {string is}
        namespace ensemble create -command a -map {b {bb foo} s {string is} pp p}
        namespace ensemble create -command e2 -map {s2 target}
        namespace ensemble create -command e1 -map {s1 e2} -parameters foo
        set s s
        set r {}
        foreach cmd {{a b} {a s boolean} {e1 s2 s1 a} {e1 $s $s a} {a pp} {e1}} {
            catch $cmd m
            lappend r $m
        }
        set r
    """) == ('{wrong # args: should be "a b d ?e? ?arg ...?"} '
             '{wrong # args: should be "a s class ?-strict? ?-failindex var? str"} '
             '{wrong # args: should be "e1 s2 s1 x y"} {wrong # args: should be "e1 s2 s1 x y"} '
             '{wrong # args: should be "string is class ?-strict? ?-failindex var? str"} '
             '{wrong # args: should be "e1 foo subcommand ?arg ...?"}')


def test_ensemble_parameters_and_unknown_handler_protocol():
    assert run("""
        namespace eval ns {
            namespace export x*
            proc x1 {a b} {list 1 $a $b}
            proc Make {ens sub args} { proc $sub args {llength $args}; list }
            namespace ensemble create -parameters p -unknown ::ns::Make
        }
        rename ns n
        list [n y x1 z] [catch {n a xnew b c} m] $m [lsort [info commands ns::*]]
    """) == ('{1 y z} 1 {unknown or ambiguous subcommand "xnew": must be x1} '
             '{::ns::Make ::ns::a ::ns::x1}')
    assert run("""
        namespace ensemble create -command foo -unknown bar
        proc bar args { set ::log $args; return -code break }
        list [catch {foo x} m] $m $::log $::errorInfo
    """) == ("1 {unknown subcommand handler returned bad code: break} {::foo x} "
             "{unknown subcommand handler returned bad code: break\n"
             "    result of ensemble unknown subcommand handler: bar ::foo x\n"
             "    invoked from within\n\"foo x\"}")


def test_ensemble_map_targets_and_deletion_with_namespace():
    assert run("""
        namespace eval ns {
            proc x {} {}
            namespace ensemble create -map {A x}
        }
        rename ns p
        set r [list [namespace ensemble configure p -map] [catch {namespace eval ns {
            namespace ensemble create -command q -map {x {}}}} m] $m]
        namespace delete ns
        lappend r [info commands p] [catch {namespace ensemble configure nope} m] $m
    """) == ("{A ::ns::x} 1 {ensemble subcommand implementations must be non-empty lists} "
             "{} 1 {unknown command \"nope\"}")


def test_unset_namespace_variable_falls_back_to_global():
    assert run("""
        set x global; set w gw; set y gy
        namespace eval n {variable x 1; unset x}
        set r [list [info vars n::*] [namespace eval n {set x}]]
        namespace eval n {variable w 1; variable y 2; unset y}
        proc q {} {namespace upvar n w w; unset w}
        q
        namespace eval n {set y 3}
        lappend r [info vars n::*] [namespace eval n {set w}] $y
        namespace eval n {variable v}
        lappend r [catch {namespace eval n {set v}} m] $m
    """) == "{} global {} gw 3 1 {can't read \"v\": no such variable}"


def test_namespace_eval_concatenates_and_rejects_empty_child_name():
    assert run("""
        set r [list [catch {namespace eval t "set a 1\\n" "\\nerror foo"} m] $m]
        lappend r [catch {uplevel 0 "set a 1\\n" "\\nerror foo"} m] $m
        namespace eval t {lappend ::r [catch {namespace eval {} {}} m] $m $::errorCode}
        lappend r [namespace eval {} {namespace current}]
    """) == ('1 {wrong # args: should be "set varName ?newValue?"} '
             '1 {wrong # args: should be "set varName ?newValue?"} '
             "1 {can't create namespace \"\": only global namespace can have empty name} "
             '{TCL OPERATION NAMESPACE CREATEGLOBAL} ::')


def test_namespace_unknown_refuses_a_non_list_and_keeps_the_handler():
    assert run("""
        namespace eval foo {
            namespace unknown ok
            list [catch {namespace unknown {{}{}{}}} m] $m [namespace unknown]
        }
    """) == '1 {list element in braces followed by "{}{}" instead of space} ok'


def test_alias_and_apply_rewrite_wrong_args_like_ensembles():
    assert run("""
        interp alias {} foo {} ::apply [list x {set x 1}]
        interp alias {} foo2 {} ::apply [list x {set x 1}] a
        interp alias {} s {} string is
        proc p {} {string is}
        interp alias {} pp {} p
        namespace ensemble create -command bar -map {boo {::apply {{self x} {}} ::bar}}
        set r {}
        foreach cmd {{apply {x {}}} {foo a b} {foo2 b} s pp {bar boo}} {
            catch $cmd m
            lappend r $m
        }
        set r
    """) == ('{wrong # args: should be "apply lambdaExpr x"} {wrong # args: should be "foo x"} '
             '{wrong # args: should be "foo2"} '
             '{wrong # args: should be "s class ?-strict? ?-failindex var? str"} '
             '{wrong # args: should be "string is class ?-strict? ?-failindex var? str"} '
             '{wrong # args: should be "bar boo x"}')


def test_variable_refuses_array_element_names():
    assert run("""
        set r {}
        foreach body {{variable a(1)} {variable b; set b(1) x; variable b(1) y} {variable (1)}} {
            lappend r [catch {namespace eval v $body} m] $m $::errorCode
        }
        set r
    """) == ('1 {can\'t define "a(1)": name refers to an element in an array} '
             '{TCL UPVAR LOCAL_ELEMENT} '
             '1 {can\'t define "b(1)": name refers to an element in an array} '
             '{TCL UPVAR LOCAL_ELEMENT} '
             '1 {can\'t define "(1)": name refers to an element in an array} '
             '{TCL UPVAR LOCAL_ELEMENT}')
