"""The tcltest package: test forms, matching, constraints, reports, capture."""

import io

import pytest

from tclish.runtime.interp import Interp

PREAMBLE = "package require tcltest 2.5\nnamespace import -force ::tcltest::*\n"


def run(script):
    """Run `script` after the usual preamble; returns what it printed."""
    out = io.StringIO()
    interp = Interp(stdout=out, stderr=io.StringIO())
    interp.script_file = "demo.test"
    interp.eval(PREAMBLE + script)
    return out.getvalue()


def summary(script):
    """(total, passed, skipped, failed) from cleanupTests' summary line."""
    text = run(script + "\ncleanupTests\n")
    line = [ln for ln in text.splitlines() if ln.startswith("demo.test:")][-1]
    fields = line.split("\t")
    assert fields[0] == "demo.test:"
    assert fields[1::2] == ["Total", "Passed", "Skipped", "Failed"]
    return tuple(int(n) for n in fields[2::2])


def test_package_require_gives_version_and_exports():
    out = run("puts [package require tcltest 2.5]\n"
              "puts [expr {{::tcltest} in [namespace children]}]\n"
              "puts [lsort [namespace eval ::tcltest {namespace export}]]")
    version, present, exports = out.splitlines()
    assert version == "2.5.5"
    assert present == "1"
    for name in ("test", "testConstraint", "cleanupTests", "makeFile", "customMatch"):
        assert name in exports.split()


def test_old_form_with_and_without_constraints():
    assert summary("test t-1 {two args} {set x 1} 1\n"
                   "test t-2 {three args} unix {set x 2} 2\n"
                   "test t-3 {wrong} {set x 3} 4") == (3, 2, 0, 1)


def test_option_form_setup_body_cleanup_run_in_caller_frame():
    out = run("test t-1 {} -setup {set a 1} -body {incr a} -cleanup {set b $a} -result 2\n"
              "puts $b")
    assert out.splitlines()[-1] == "2"


def test_option_form_as_single_braced_list():
    assert summary("set v 7\n"
                   "test t-1 {single word} {\n    -body {\n\tset x $v\n    }\n"
                   "    -result 7\n}") == (1, 1, 0, 0)


@pytest.mark.parametrize("mode,pattern,passes", [
    ("exact", "abc", True), ("exact", "ab", False),
    ("glob", "a*", True), ("glob", "b*", False),
])
def test_match_modes(mode, pattern, passes):
    counts = summary("test t-1 {} -body {set x abc} -match %s -result {%s}" % (mode, pattern))
    assert counts == ((1, 1, 0, 0) if passes else (1, 0, 0, 1))


def test_custom_match_mode():
    assert summary("customMatch always {apply {{e a} {return 1}}}\n"
                   "test t-1 {} -body {set x 1} -match always -result 2") == (1, 1, 0, 0)


def test_bad_match_mode_is_an_error():
    out = run("catch {test t-1 {} -body {} -match nope} msg\nputs $msg")
    assert out.strip() == 'bad -match value "nope": must be exact, glob, or regexp'


def test_bad_option_is_an_error():
    out = run("catch {test t-1 {} -bogus 1} msg\nputs $msg")
    assert out.strip().startswith('bad option "-bogus": must be -body, -cleanup,')


def test_return_codes_and_error_code():
    assert summary("test t-1 {} -body {error boom} -returnCodes error -result boom\n"
                   "test t-2 {} -body {error x {} {A B}} -errorCode {A *} -result x\n"
                   "test t-3 {} -body {return 5} -result 5\n"
                   "test t-4 {} -body {break} -returnCodes 3\n"
                   "test t-5 {} -body {error boom} -result boom") == (5, 4, 0, 1)


def test_constraints_builtin_unknown_and_expressions():
    out = run("puts [testConstraint unix][testConstraint knownBug][testConstraint noSuchThing]\n"
              "testConstraint mine 1\nputs [testConstraint mine]")
    assert out.split() == ["100", "1"]
    text = run("test t-1 {} knownBug {set x 1} 1\n"
               "test t-2 {} {unix && !knownBug} {set x 1} 1\n"
               "test t-3 {} {!unix} {set x 1} 1\n"
               "test t-4 {} -constraints {unix missing} -body {set x 1} -result 1\n"
               "cleanupTests")
    lines = text.splitlines()
    assert lines[0] == "demo.test:\tTotal\t4\tPassed\t1\tSkipped\t3\tFailed\t0"
    assert lines[1] == "Number of tests skipped for each constraint:"
    assert lines[2:] == ["\t1\t!unix", "\t1\tknownBug", "\t1\tmissing"]


def test_constraint_initializer_runs_on_first_use():
    out = run("tcltest::ConstraintInitializer lazy {expr {1 + 1 == 2}}\n"
              "puts [testConstraint lazy]")
    assert out.strip() == "1"


def test_failure_report_format():
    text = run("test t-9 {  a description  } {set x got} want")
    assert text.splitlines() == [
        "", "",
        "==== t-9 a description FAILED",
        "==== Contents of test case:",
        "set x got",
        "---- Result was:",
        "got",
        "---- Result should have been (exact matching):",
        "want",
        "==== t-9 FAILED",
        "",
    ]


def test_output_capture():
    assert summary("test t-1 {} -body {puts hello; puts stderr oops} "
                   "-output \"hello\\n\" -errorOutput \"oops\\n\"\n"
                   "test t-2 {} -body {puts bye} -output \"hello\\n\"") == (2, 1, 0, 1)
    text = run("test t-1 {} -body {puts bye} -output hi")
    assert "---- Output was:\nbye\n\n---- Output should have been (exact matching):\nhi" in text


def test_setup_failure_is_reported_and_body_not_run():
    text = run("set ran 0\n"
               "test t-1 {} -setup {error nope} -body {set ran 1} -result 1\nputs ran=$ran")
    assert "---- Test setup failed:\nnope" in text
    assert text.splitlines()[-1] == "ran=0"


def test_nested_tests_are_not_counted():
    assert summary("test outer {} {test inner {} {set y 1} 2; set x 1} 1") == (1, 1, 0, 0)


def test_configure_match_and_skip():
    assert summary("configure -match {a-*} -skip {a-2}\n"
                   "test a-1 {} {set x 1} 1\ntest a-2 {} {set x 1} 1\n"
                   "test b-1 {} {set x 1} 1") == (3, 1, 2, 0)
    out = run("puts [configure -verbose]\nconfigure -verbose ps\nputs [verbose]")
    assert out.split("\n")[:2] == ["body error", "pass skip"]


def test_make_and_view_files(tmp_path):
    out = run("configure -tmpdir {%s}\n"
              "set f [makeFile {line one} data.txt]\n"
              "puts [viewFile data.txt]\nputs $f\nremoveFile data.txt" % tmp_path)
    lines = out.splitlines()
    assert lines[0] == "line one"
    assert lines[1] == str(tmp_path / "data.txt")
    assert not (tmp_path / "data.txt").exists()


def test_skip_command_counts_as_skipped():
    assert summary("test t-1 {} -body {tcltest::Skip later} -result 1") == (1, 0, 1, 0)


def test_python_exception_in_a_command_fails_only_that_test():
    out = io.StringIO()
    interp = Interp(stdout=out, stderr=io.StringIO())
    interp.script_file = "demo.test"

    def broken(interp, argv):
        raise ValueError("cannot convert float NaN to integer")

    interp.register("broken", broken)
    interp.eval(PREAMBLE + "test t-1 {} {broken} 1\ntest t-2 {} {set x 1} 1\ncleanupTests\n")
    assert "demo.test:\tTotal\t2\tPassed\t1\tSkipped\t0\tFailed\t1" in out.getvalue()


def test_failure_report_with_lone_surrogates_does_not_crash():
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="utf-8")
    interp = Interp(stdout=out, stderr=io.StringIO())
    interp.script_file = "demo.test"
    interp.eval(PREAMBLE + "test t-1 {} {set x \\uD83D} 1\ncleanupTests\n")
    out.flush()
    text = raw.getvalue()
    assert b"\xed\xa0\xbd" in text
    assert b"demo.test:\tTotal\t1\tPassed\t0\tSkipped\t0\tFailed\t1" in text


def test_get_matching_files_uses_file_and_notfile_patterns(tmp_path):
    for name in ("a.test", "b.test", "l.skip.test", "notes.txt"):
        (tmp_path / name).write_text("")
    out = run("configure -testdir {%s} -notfile {l.*.test}\n"
              "puts [lmap f [getMatchingFiles] {file tail $f}]" % tmp_path)
    assert out.strip() == "a.test b.test"


def test_interpreter_is_kept_in_the_tcltest_variable():
    # Tcl's tcltest keeps it in ::tcltest::tcltest; tcllib's test files run
    # child scripts with open "|[list $::tcltest::tcltest $file]"
    out = run("puts [expr {$::tcltest::tcltest eq [interpreter]}]\n"
              "puts [expr {$::tcltest::tcltest ne {}}]\n"
              "interpreter /bin/myshell\n"
              "puts $::tcltest::tcltest\n"
              "set ::tcltest::tcltest /bin/other\n"
              "puts [interpreter]")
    assert out.splitlines() == ["1", "1", "/bin/myshell", "/bin/other"]
