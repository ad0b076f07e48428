"""The REPL, driven through prompt_toolkit's pipe input with a DummyOutput
(no terminal needed), and its parts tested on plain Documents."""

import io
import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.document import Document
from prompt_toolkit.history import FileHistory, InMemoryHistory
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.validation import ValidationError

import tclish.help
from tclish.frontends.repl import completer as completion
from tclish.frontends.repl.context import scan, variable_at_end
from tclish.frontends.repl.evaluator import Evaluator
from tclish.frontends.repl.history import history_path, open_history
from tclish.frontends.repl.keys import nesting_depth, new_line, submit_or_continue
from tclish.frontends.repl.session import Repl
from tclish.frontends.repl.toolbar import IDLE, hint_lines
from tclish.frontends.repl.validator import TclValidator, opener
from tclish.runtime.interp import Interp
from tclish.runtime.registry import install_module
from tclish.runtime.values import to_str

ENTER = "\r"
CTRL_C = "\x03"
CTRL_D = "\x04"
WAIT_S = 5.0


def _make_interp(with_torch=False):
    interp = Interp(stdout=io.StringIO(), stderr=io.StringIO())
    install_module(interp, tclish.help)
    if with_torch:
        pytest.importorskip("torch")
        from tclish.torchbridge.install import install
        install(interp)
    return interp


@pytest.fixture
def interp():
    return _make_interp()


@pytest.fixture
def torch_interp():
    return _make_interp(with_torch=True)


class Session:
    """One REPL run: what it printed and its exit status."""

    def __init__(self, interp, steps, history=None):
        self.interp = interp
        self.err = io.StringIO()
        self.timeouts = []
        with create_pipe_input() as pipe:
            self.repl = Repl(interp, input=pipe, output=DummyOutput(), stdout=interp.stdout,
                             stderr=self.err, history=history or InMemoryHistory())
            feeder = threading.Thread(target=self._feed, args=(pipe, steps), daemon=True)
            feeder.start()
            self.status = self.repl.run()
            feeder.join(WAIT_S)
        assert not self.timeouts, "waited in vain for %r" % self.timeouts

    def _feed(self, pipe, steps):
        """Send keys; a callable step waits until it holds of the Repl (the
        completion menu is filled asynchronously after Tab)."""
        for step in steps:
            if callable(step):
                deadline = time.monotonic() + WAIT_S
                while not step(self.repl):
                    if time.monotonic() > deadline:
                        self.timeouts.append(self.repl.prompt_session.default_buffer.text)
                        pipe.send_text(CTRL_C + CTRL_D)
                        return
                    time.sleep(0.002)
            else:
                pipe.send_text(step)

    @property
    def out(self):
        return self.interp.stdout.getvalue()


def run_keys(interp, *steps, **kw):
    return Session(interp, list(steps), **kw)


def buffer_is(text):
    return lambda repl: repl.prompt_session.default_buffer.text == text


# --- the session, end to end -----------------------------------------------------

def test_results_print_like_tclsh(interp):
    s = run_keys(interp, "set x 5" + ENTER, "set e {}" + ENTER, 'puts "x is $x"' + ENTER,
                 CTRL_D)
    assert s.out == "5\nx is 5\n"
    assert s.status == 0


def test_multiline_proc_continues_until_complete(interp):
    s = run_keys(interp, "proc double {a} {" + ENTER, "return [expr {$a * 2}]" + ENTER,
                 "}" + ENTER, "double 21" + ENTER, "info body double" + ENTER, CTRL_D)
    assert s.out.startswith("42\n")
    assert "return [expr {$a * 2}]" in s.out
    assert s.err.getvalue() == ""


def test_syntax_error_leaves_session_usable(interp):
    s = run_keys(interp, "set y {a}b" + ENTER, "set z [expr {1 +}]" + ENTER,
                 "set z 2" + ENTER, CTRL_D)
    errors = s.err.getvalue().splitlines()
    assert errors[0] == "extra characters after close-brace"
    assert len(errors) >= 2
    assert s.out == "2\n"


def test_error_prints_message_and_keeps_errorinfo(interp):
    s = run_keys(interp, "proc p {} {error boom}" + ENTER, "p" + ENTER, CTRL_D)
    assert s.err.getvalue() == "boom\n"
    info = interp.get_var("::errorInfo")
    assert info.startswith("boom\n    while executing\n\"error boom\"")
    assert 'procedure "p"' in info


def test_ctrl_c_abandons_the_input(interp):
    s = run_keys(interp, "set a 1" + ENTER, "set a 99", CTRL_C, "set a" + ENTER, CTRL_D)
    assert s.out == "1\n1\n"


def test_ctrl_c_interrupts_a_long_loop_and_keeps_variables(interp):
    def arm_sigint(interp, argv):
        # a real SIGINT, delivered while `while 1 {}` spins in the main thread
        threading.Timer(0.05, os.kill, (os.getpid(), signal.SIGINT)).start()
        return ""
    interp.register("arm_sigint", arm_sigint)
    s = run_keys(interp, "set x 5" + ENTER, "arm_sigint; while 1 {}" + ENTER,
                 "set x" + ENTER, "info level" + ENTER, CTRL_D)
    assert s.err.getvalue() == "interrupted\n"
    assert s.out == "5\n5\n0\n"
    assert s.status == 0


def test_ctrl_c_inside_nested_procs_restores_the_frames(interp):
    def sigint(interp, argv):
        signal.raise_signal(signal.SIGINT)
        return ""
    interp.register("sigint", sigint)
    script = ("proc spin {} {global n; while 1 {incr n; if {$n == 100} sigint}}; "
              "proc outer {} {set local 1; spin}")
    s = run_keys(interp, script + ENTER, "set n 0; outer" + ENTER, "set n" + ENTER,
                 "info level" + ENTER, "info exists local" + ENTER, CTRL_D)
    assert s.err.getvalue() == "interrupted\n"
    assert s.out == "100\n0\n0\n"
    assert interp.frame is interp.global_frame and interp.depth == 0


def test_exit_gives_the_status(interp):
    assert run_keys(interp, "exit 3" + ENTER).status == 3
    assert run_keys(interp, "set a 1" + ENTER, CTRL_D).status == 0


def test_tensor_result_shows_shape_dtype_device(torch_interp):
    s = run_keys(torch_interp, "torch::zeros {1 64 7 7}" + ENTER,
                 "torch::tensor_shape tensor1" + ENTER, CTRL_D)
    # the unnamed result stays alive, so the handle pasted as text still works
    assert s.out == "tensor1  float32[1, 64, 7, 7] cpu\n1 64 7 7\n"


def test_tab_completes_torch_command_and_parameters(torch_interp):
    s = run_keys(
        torch_interp,
        "set f [torch::ones {1 1 4 4}]; set b [torch::tensor_create {{0 0 0 2 2}}]; list" + ENTER,
        "torch::roi_al\t", buffer_is("torch::roi_align"),
        " $f $b -output_s\t", buffer_is("torch::roi_align $f $b -output_size"),
        " 2 -spatialS\t", buffer_is("torch::roi_align $f $b -output_size 2 -spatialScale"),
        " 0.5" + ENTER,
        "torch::roiA\t", buffer_is("torch::roiAlign"), CTRL_C,
        CTRL_D)
    assert s.out == "tensor3  float32[1, 1, 2, 2] cpu\n"
    assert s.err.getvalue() == ""


def test_tab_completes_variables(interp):
    s = run_keys(interp, "set longname 7" + ENTER, "puts $longn\t", buffer_is("puts $longname"),
                 ENTER, CTRL_D)
    assert s.out == "7\n7\n"


def test_history_persists_across_sessions(interp, tmp_path):
    path = str(tmp_path / "state" / "tclish" / "history")
    run_keys(interp, "set q 7" + ENTER, CTRL_D, history=open_history(path))
    assert "set q 7" in list(FileHistory(path).load_history_strings())
    s = run_keys(_make_interp(), recalled("set q 7"), ENTER, CTRL_D, history=open_history(path))
    assert s.out == "7\n"


def recalled(text):
    """Press Up until the history (loaded in a background thread) gives `text`."""
    def check(repl):
        buffer = repl.prompt_session.default_buffer
        if buffer.text == text:
            return True
        if buffer.text == "":
            repl.prompt_session.input.send_text("\x1b[A")
            time.sleep(0.02)
        return False
    return check


def test_history_path_follows_xdg_state_home(tmp_path):
    assert history_path({"XDG_STATE_HOME": str(tmp_path)}) == str(tmp_path / "tclish" / "history")
    home = os.path.expanduser("~")
    assert history_path({}) == os.path.join(home, ".local", "state", "tclish", "history")
    assert history_path({"XDG_STATE_HOME": "relative"}).startswith(home)


def test_runner_starts_the_repl_on_a_terminal(monkeypatch):
    from tclish.frontends import cli
    from tclish.frontends.repl import session
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(session, "run_repl", lambda interp: 7 if interp.get_var("tcl_interactive") else 0)
    assert cli.main([]) == 7


def test_importing_tclish_does_not_import_prompt_toolkit():
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "tclish", "-c", "puts hi"],
                          capture_output=True, text=True, timeout=60,
                          cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    assert proc.stdout == "hi\n"
    assert "prompt_toolkit" not in proc.stderr
    assert "import time:" in proc.stderr


# --- evaluation ----------------------------------------------------------------------

def test_evaluator_interrupt_restores_global_frame(interp):
    def interrupt(interp, argv):
        raise KeyboardInterrupt
    interp.register("interrupt", interrupt)
    ev = Evaluator(interp)
    ev.evaluate("proc p {} {uplevel #0 {namespace eval ns {interrupt}}}")
    outcome = ev.evaluate("p")
    assert outcome.status == "interrupted"
    assert (interp.frame, interp.cur_ns, interp.depth) == (interp.global_frame, interp.global_ns, 0)
    assert ev.evaluate("set v 3").text == "3"


def test_evaluator_top_level_return_break_and_error(interp):
    ev = Evaluator(interp)
    assert ev.evaluate("return hello").text == "hello"
    assert ev.evaluate("break").text == 'invoked "break" outside of a loop'
    outcome = ev.evaluate("return -code error -errorcode {A B} oops")
    assert (outcome.status, outcome.text) == ("error", "oops")
    assert to_str(interp.get_var("::errorCode")) == "A B"


def test_evaluator_keeps_the_last_results(interp):
    ev = Evaluator(interp, keep=2)
    for i in range(3):
        ev.evaluate("list %d" % i)
    assert [to_str(v) for v in ev.recent] == ["1", "2"]


# --- validator -------------------------------------------------------------------

@pytest.mark.parametrize("text, waits_for", [
    ("proc f {} {", "{"), ("set x [list a", "["), ('puts "abc', '"'),
    ("proc f {} {\n  if {1} {\n    puts x\n  }", "{"),
])
def test_validator_rejects_incomplete_input(text, waits_for):
    with pytest.raises(ValidationError) as info:
        TclValidator().validate(Document(text))
    assert opener(text) == waits_for
    assert "missing" in info.value.message


@pytest.mark.parametrize("text", ["", "set x 1", "proc f {} {\n  return 1\n}", "set y {a}b",
                                  "# comment {", "puts {a\\}b}"])
def test_validator_accepts_complete_input(text):
    TclValidator().validate(Document(text))
    assert opener(text) is None


def test_enter_continues_incomplete_input_without_typing_indent():
    """The indentation is drawn by the continuation prompt, not inserted: typed
    indentation never doubles, and none leaks into a proc's body."""
    buf = Buffer(multiline=True)
    buf.insert_text("proc f {} {")
    submit_or_continue(buf)
    assert buf.text == "proc f {} {\n"
    buf.insert_text("    if {1} {")
    new_line(buf)
    assert buf.text == "proc f {} {\n    if {1} {\n"
    assert nesting_depth(buf.text) == 2 and nesting_depth("set a \\{ [list {x}") == 1


def test_continuation_draws_the_indentation(interp):
    with create_pipe_input() as inp:
        repl = Repl(interp, input=inp, output=DummyOutput(), history=InMemoryHistory())
        repl.prompt_session.default_buffer.text = "proc f {} {\nset x 1\nif {1} {\nputs a\n}\n}"
        marks = ["".join(t for _, t in repl._continuation(2, n, 0)) for n in range(1, 6)]
    assert [m.count("    ") for m in marks] == [1, 1, 2, 1, 0]


def test_proc_body_gets_no_repl_whitespace(interp):
    s = run_keys(interp, "proc g {} {" + ENTER, "return 1" + ENTER, "}" + ENTER,
                 "info body g" + ENTER, CTRL_D)
    assert s.out == "\nreturn 1\n\n"


# --- completer ---------------------------------------------------------------------

def completions(interp, text):
    doc = Document(text, len(text))
    return [c.text for c in completion.TclCompleter(interp).get_completions(doc, None)]


def test_completes_builtins_procs_and_namespaces(interp):
    interp.eval("proc lookup_thing {} {}; namespace eval qgeo {proc area {} {}}")
    assert completions(interp, "lsor") == ["lsort"]
    assert completions(interp, "set x [looku") == ["lookup_thing"]
    assert completions(interp, "qge") == ["qgeo::"]
    assert completions(interp, "qgeo::") == ["qgeo::area"]
    assert completions(interp, "::qgeo::ar") == ["::qgeo::area"]
    assert completions(interp, "if {1} {\n    lsor") == ["lsort"]


def test_completes_torch_commands_and_aliases(torch_interp):
    assert completions(torch_interp, "torch::roi_a") == ["torch::roi_align"]
    assert completions(torch_interp, "torch::roiA") == ["torch::roiAlign"]
    assert "torch::" in completions(torch_interp, "tor")


def test_completes_torch_parameters_one_spelling_each(torch_interp):
    got = completions(torch_interp, "torch::roi_align -")
    assert got[:3] == ["-input", "-boxes", "-outputSize"], "one completion per parameter"
    assert "-output_size" not in got and "-tensor" not in got
    assert completions(torch_interp, "torch::roiAlign -input $x -sampling") == [
        "-samplingRatio"]
    assert completions(torch_interp, "torch::roiAlign -input $x -sampling_") == [
        "-sampling_ratio"]
    assert completions(torch_interp, "torch::roi_align -ten") == ["-tensor"]
    # parameters given already are not offered again
    assert "-input" not in completions(torch_interp, "torch::roi_align -tensor $x -")


def test_completes_torch_values_from_the_declaration(torch_interp):
    assert "float64" in completions(torch_interp, "torch::zeros {2 2} -dtype f")
    torch_interp.eval("set t [torch::ones {2}]")
    assert completions(torch_interp, "torch::tensor_shape ten") == ["tensor1"]
    assert completions(torch_interp, "torch::roi_align $t $t {2 2} 1.0 2 t") == ["true"]


def test_completes_variables_arrays_and_namespaces(interp):
    interp.eval("set alpha 1; set alps(one) 1; set alps(two) 2; namespace eval ns {variable deep 1}")
    assert completions(interp, "puts $al") == ["alpha", "alps"]
    assert completions(interp, "puts ${alp") == ["alpha}", "alps}"]
    assert completions(interp, "puts $alps(t") == ["two)"]
    assert completions(interp, "puts $::ns::d") == ["::ns::deep"]
    assert completions(interp, "puts \"x $alph") == ["alpha"]


def test_completes_subcommands_and_help_topics(interp):
    assert completions(interp, "string le") == ["length"]
    assert "lists" in completions(interp, "help li")
    assert completions(interp, "# lso") == []


# --- context and toolbar -------------------------------------------------------------

@pytest.mark.parametrize("text, words, partial", [
    ("", [], ""),
    ("set x [torch::zer", [], "torch::zer"),
    ("torch::roi_align $a -spa", ["torch::roi_align", "$a"], "-spa"),
    ("foo {a b} \"c d\" e", ["foo", "{a b}", '"c d"'], "e"),
    ("a; b c", ["b"], "c"),
    ("proc f {} {\n  puts $x\n  incr ", ["incr"], ""),
])
def test_context_finds_the_command_being_typed(text, words, partial):
    ctx = scan(text)
    assert (ctx.words, ctx.partial) == (words, partial)


def test_variable_reference_at_end_of_word():
    ref = variable_at_end("a$arr(ke")
    assert (ref.name, ref.key) == ("arr", "ke")
    assert variable_at_end("\\$x") is None and variable_at_end("plain") is None


def test_toolbar_shows_torch_signature_and_current_parameter(torch_interp):
    lines = hint_lines(torch_interp, "torch::roiAlign $f ")
    assert lines[0].startswith("torch::roi_align input boxes output_size ?spatial_scale?")
    assert lines[1].startswith("-boxes tensor, required.")
    lines = hint_lines(torch_interp, "torch::roi_align -input $f -spatialScale ")
    assert lines[0].startswith("torch::roi_align -input tensor -boxes tensor")
    assert lines[1] == ("-spatialScale -spatial_scale double, default 1.0. "
                        "multiplies the box coordinates")


def test_toolbar_shows_builtin_usage(interp):
    assert hint_lines(interp, "set ") == ["set varName ?newValue?  -- Read and write variables"]
    assert hint_lines(interp, "string length ") == ["string length string"]
    assert hint_lines(interp, "nosuchcommand ") == [IDLE]


# --- tclsh's interactive habits ------------------------------------------------------

def test_bang_bang_and_bang_n_rerun_earlier_commands(interp):
    s = run_keys(interp, "set n 1" + ENTER, "incr n" + ENTER, "!!" + ENTER, "!1" + ENTER,
                 "!inc" + ENTER, "!99" + ENTER, CTRL_D)
    assert s.out == "1\n2\nincr n\n3\nset n 1\n1\nincr n\n2\n"
    assert s.err.getvalue() == 'no event matches "99"\n'


def test_tcl_prompt1_is_a_script_whose_output_is_the_prompt(interp):
    from tclish.frontends.repl import habits
    assert habits.prompt_text(interp, "tcl_prompt1", "% ") == "% "
    interp.eval('set tcl_prompt1 {puts -nonewline "tclish [expr {1+1}]> "}')
    assert habits.prompt_text(interp, "tcl_prompt1", "% ") == "tclish 2> "
    assert interp.stdout.getvalue() == "", "the prompt script's output is the prompt only"


def test_rc_file_is_sourced_at_start(interp, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / ".tclshrc").write_text("set from_rc tclshrc\n")
    s = run_keys(interp, "set from_rc" + ENTER, CTRL_D)
    assert s.out == "tclshrc\n"
    (tmp_path / ".tclishrc").write_text("set from_rc tclishrc\nnosuch\n")
    s = run_keys(_make_interp(), "set from_rc" + ENTER, CTRL_D)
    assert s.out == "tclishrc\n"
    assert 'invalid command name "nosuch"' in s.err.getvalue()


def test_unknown_command_runs_a_program_on_path(interp, tmp_path):
    target = tmp_path / "made by touch"
    interp.eval("set where {%s}" % target)
    s = run_keys(interp, "touch $where" + ENTER, "false" + ENTER, "nosuch_program_xyz" + ENTER,
                 "proc p {} {touch /nonexistent/x}" + ENTER, CTRL_D)
    assert target.exists()
    errors = s.err.getvalue().splitlines()
    assert errors == ["child process exited abnormally",
                      'invalid command name "nosuch_program_xyz"']


def test_puts_nonewline_output_is_ended_before_the_next_prompt(interp):
    s = run_keys(interp, "puts -nonewline partial" + ENTER, "set x 1" + ENTER, CTRL_D)
    assert s.out == "partial\n1\n"
