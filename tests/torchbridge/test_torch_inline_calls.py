"""Torch calls written out by generated proc bodies (compile/body_calls.py) and
by invocation closures (compile/inline_calls.py) give what calling the
command gives: the same values, names, errors and errorInfo.

Each script runs in two interpreters: one as tclish runs it, one with the
commands' `inline_form` taken away, so every call is an ordinary call of the
command.  Values are checked against torch itself where they are numbers."""

import pytest

torch = pytest.importorskip("torch")

from tclish import Interp  # noqa: E402
from tclish.torchbridge.install import commands  # noqa: E402

SETUP = """
set a [torch::tensor_create {1.0 -2.0 4.0}]
set b [torch::tensor_create {0.5 3.0 2.0}]
set m [torch::ones {2 2}]
"""

# each script's last command gives what is compared (a catch gives the
# message, the error code and errorInfo)
SCRIPTS = {
    "proc loop, result dropped": """
        proc f {a b} {for {set k 0} {$k < 3} {incr k} {torch::tensor_add $a $b}; return $k}
        list [f $a $b] [torch::ones 1]""",
    "proc: set, return": """
        proc f {a b} {set c [torch::tensor_add $a $b]; return [torch::tensor_mul $c $c]}
        set r [f $a $b]; list $r [torch::tensor_to_list $r]""",
    "proc: tail call": """
        proc f {a b} {torch::tensor_sub $a $b}
        set r [f $a $b]; list $r [torch::tensor_to_list $r]""",
    "proc: named syntax, either order": """
        proc f {a b} {
            set x [torch::tensor_sub -input $a -other $b]
            set y [torch::tensor_sub -other $b -input $a]
            list [torch::tensor_to_list $x] [torch::tensor_to_list $y] $x $y
        }
        f $a $b""",
    "proc: a value command": """
        proc f {a} {list [torch::tensor_shape $a] [torch::tensor_item [torch::tensor_sum $a]]}
        f $a""",
    "proc: names in strings": """
        proc f {a b} {torch::tensor_add "$a" [string trim " $b "]}
        torch::tensor_to_list [f $a $b]""",
    "proc: torch error": """
        proc f {a m} {set k 1; torch::tensor_add $a $m}
        list [catch {f $a $m} msg opts] $msg [dict get $opts -errorcode] \
            [dict get $opts -errorinfo]""",
    "proc: torch error in a loop": """
        proc f {a m} {for {set k 0} {$k < 3} {incr k} {torch::tensor_matmul $a $m}}
        list [catch {f $a $m} msg opts] $msg [dict get $opts -errorinfo] [torch::ones 1]""",
    "proc: freed tensor": """
        proc f {a} {torch::tensor_abs $a}
        set x [torch::tensor_abs $a]; set name "$x"; torch::tensor_free $name
        list [catch {f $x} msg opts] $msg [dict get $opts -errorinfo]""",
    "proc: the command redefined": """
        proc f {a b} {for {set k 0} {$k < 2} {incr k} {set r [torch::tensor_add $a $b]}; set r}
        f $a $b
        rename torch::tensor_add real_add
        proc torch::tensor_add {x y} {return "mine $x"}
        set r [f $a $b]; rename torch::tensor_add {}; rename real_add torch::tensor_add; set r""",
    "proc: execution trace": """
        proc f {a b} {torch::tensor_add $a $b; return done}
        set ::seen {}
        trace add execution torch::tensor_add enter {apply {{args} {lappend ::seen x}}}
        list [f $a $b] $::seen""",
    "top level loop and set": """
        for {set k 0} {$k < 3} {incr k} {torch::tensor_add $a $b}
        set c [torch::tensor_mul -input $a -other $b]
        foreach x {1 2} {torch::tensor_abs $c}
        list $c [torch::tensor_to_list $c] [torch::ones 1]""",
    "top level: torch error": """
        list [catch {for {set k 0} {$k < 3} {incr k} {torch::tensor_add $a $m}} msg opts] \
            $msg [dict get $opts -errorinfo]""",
    "top level: literal and list words": """
        list [catch {torch::tensor_add $a 1} r] [torch::tensor_to_list $r] \
            [catch {torch::tensor_add [list $a $b] $b} msg] $msg""",
    "top level: a substituted word": """
        set r [torch::tensor_add [torch::tensor_abs $a] $b]; torch::tensor_to_list $r""",
}


def run(script, written_out):
    interp = Interp()
    saved = {}
    if not written_out:
        for name, func in commands():
            if hasattr(func, "inline_form"):
                saved[name] = func.inline_form
                del func.inline_form
    try:
        interp.eval(SETUP)
        return interp.eval(script)
    finally:
        for name, func in commands():
            if name in saved:
                func.inline_form = saved[name]


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_same_as_calling_the_command(name):
    script = SCRIPTS[name]
    assert str(run(script, True)) == str(run(script, False))


def test_values_are_torch_s():
    interp = Interp()
    interp.eval(SETUP)
    got = interp.eval("""
        proc f {a b} {
            set s [torch::tensor_add $a $b]
            for {set k 0} {$k < 4} {incr k} {set s [torch::tensor_add $s $b]}
            torch::tensor_to_list [torch::tensor_mul -input $s -other $a]
        }
        f $a $b""")
    a = torch.tensor([1.0, -2.0, 4.0])
    b = torch.tensor([0.5, 3.0, 2.0])
    s = a + b
    for _ in range(4):
        s = s + b
    assert [float(x) for x in str(got).split()] == (s * a).tolist()


def test_a_dropped_result_still_takes_its_number():
    # tensor names follow the order tensors were made in, dropped or not
    interp = Interp()
    interp.eval(SETUP)
    interp.eval("proc f {a b} {for {set k 0} {$k < 5} {incr k} {torch::tensor_add $a $b}}")
    interp.eval("f $a $b")
    assert str(interp.eval("torch::ones 1")) == "tensor9"
    interp.eval("for {set k 0} {$k < 5} {incr k} {torch::tensor_add $a $b}")
    assert str(interp.eval("torch::ones 1")) == "tensor15"


def test_no_python_warning_text(capfd):
    # torch warns (an empty reduction's dtype, a deprecated call) at its caller's frame
    interp = Interp()
    interp.eval(SETUP)
    interp.eval("proc f {a} {torch::tensor_var $a}; f $a; torch::tensor_var $a")
    out, err = capfd.readouterr()
    assert "Warning" not in err and "warn" not in err


def command_calls(interp, script):
    """How many times a generated torch command's function ran for `script`."""
    import sys
    count = [0]

    def profile(frame, event, arg):
        if event == "call" and frame.f_code.co_filename == "<torch-command>" \
                and frame.f_code.co_name in ("command", "general"):
            count[0] += 1
    sys.setprofile(profile)
    try:
        interp.eval(script)
    finally:
        sys.setprofile(None)
    return count[0]


def test_calls_are_written_out_in_a_fresh_interpreter():
    # the commands are stand-ins until one runs (lazy.py): the loop is
    # compiled before that, and still writes out the real command's call
    interp = Interp()
    script = """
        set a [torch::ones 2]; set b [torch::ones 2]
        for {set k 0} {$k < 5} {incr k} {torch::tensor_add $a $b}
        proc f {a b} {for {set k 0} {$k < 5} {incr k} {torch::tensor_add -input $a -other $b}}
        f $a $b
        set c [torch::tensor_mul $a $b]
    """
    # the two torch::ones, and the first call at each site (which fills the
    # site's command cell); none of the other nine
    assert command_calls(interp, script) == 5
    # f's calls all written out now; a literal word is the command's own call
    # (its fast path, then its general one)
    assert command_calls(interp, "f $a $b; torch::tensor_add $a 1") == 2
