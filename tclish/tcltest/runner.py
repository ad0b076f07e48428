"""The `test` command: parse its two forms, run setup/body/cleanup in the
caller's frame, compare, tally, and report failures in tcltest's format."""

import io
import re

from ..commands.errors import capture, error_options
from ..commands.lists_core import concat_values
from ..parse.complete import is_complete
from ..runtime.errors import ERROR, OK, RETURN, TclError
from ..runtime.glob import glob_match
from ..runtime.values import TclList, to_bool, to_list, to_str
from .constraints import _NOT_TALLIED, skip_reason
from .report import report_failure, write_out
from .state import get_state

VALID_FLAGS = ("-body", "-cleanup", "-constraints", "-errorCode", "-errorOutput", "-match",
               "-output", "-result", "-returnCodes", "-setup")
_CODE_NAMES = (("ok", "0"), ("normal", "0"), ("error", "1"), ("return", "2"),
               ("break", "3"), ("continue", "4"))
_CODE_NAME_RE = re.compile("|".join(name for name, _ in _CODE_NAMES), re.IGNORECASE)
_SKIP_ERRORCODE = "BYPASS-SKIPPED-TEST"


class TestSpec:
    """One test's attributes, as given (absent ones keep tcltest's defaults)."""

    __slots__ = ("constraints", "setup", "body", "cleanup", "result", "returnCodes",
                 "errorCode", "match", "output", "errorOutput")

    def __init__(self):
        self.constraints = ""
        self.setup = ""
        self.body = ""
        self.cleanup = ""
        self.result = ""
        self.returnCodes = (0, 2)
        self.errorCode = "*"
        self.match = "exact"
        self.output = None
        self.errorOutput = None


def cmd_test(interp, argv):
    if len(argv) < 3:
        raise TclError('wrong # args: should be "%s name description ?arg ...?"' % to_str(argv[0]),
                       ("TCL", "WRONGARGS"))
    st = get_state(interp)
    st.note_existing_files()
    st.level += 1
    try:
        _run_test(interp, st, to_str(argv[1]), to_str(argv[2]), argv[3:])
    finally:
        st.level -= 1
    return ""


# ---- parsing the two forms ---------------------------------------------------------

def parse_test_args(interp, st, args):
    spec = TestSpec()
    if len(args) <= 1 or to_str(args[0]).startswith("-"):
        _parse_option_form(interp, st, spec, args)
    elif len(args) == 2:
        spec.body, spec.result = args
    elif len(args) == 3:
        spec.constraints, spec.body, spec.result = args
    else:
        raise TclError('wrong # args: should be "test name desc ?options?"')
    return spec


def _parse_option_form(interp, st, spec, args):
    if len(args) == 1:
        # the whole option list given as one braced word: substitute its words
        # in the caller's context, then trim each value as `concat` would
        words = to_list(interp.eval("::list " + " ".join(split_words(to_str(args[0])))))
        pairs = _pairs(words)
        pairs = {k: concat_values([v]) for k, v in pairs.items()}
    else:
        pairs = _pairs(args)
    for flag in pairs:
        if flag not in VALID_FLAGS:
            raise TclError('bad option "%s": must be %s, or %s'
                           % (flag, ", ".join(VALID_FLAGS[:-1]), VALID_FLAGS[-1]))
    for flag, value in pairs.items():
        setattr(spec, flag[1:], value)
    spec.match = to_str(spec.match)
    if spec.match not in st.custom_match:
        names = sorted(st.custom_match)
        raise TclError('bad -match value "%s": must be %s, or %s'
                       % (spec.match, ", ".join(names[:-1]), names[-1]))
    if "-returnCodes" in pairs:
        text = _CODE_NAME_RE.sub(lambda m: _code_number(m.group(0)), to_str(spec.returnCodes))
        spec.returnCodes = tuple(to_str(c) for c in to_list(text))
    spec.errorCode = to_str(spec.errorCode)
    if spec.errorCode != "*" and "1" not in [str(c) for c in spec.returnCodes]:
        spec.returnCodes = ("1",)


def _code_number(name):
    lowered = name.lower()
    for word, number in _CODE_NAMES:
        if word == lowered:
            return number
    return name


def _pairs(words):
    if len(words) % 2:
        raise TclError("list must have an even number of elements")
    pairs = {}
    for i in range(0, len(words), 2):
        pairs[to_str(words[i])] = words[i + 1]
    return pairs


def split_words(text):
    """Split `text` into the source texts of its words, as a command line's
    words (newlines separate words too): each word is a run of
    whitespace-separated pieces that together form a complete word."""
    words = []
    current = ""
    for piece in re.findall(r"\S+|\s+", text):
        if not current and piece.isspace():
            continue
        current += piece
        if not piece.isspace() and is_complete(current):
            words.append(current)
            current = ""
    if current.strip():
        words.append(current)
    return words


# ---- running -----------------------------------------------------------------------

def _run_test(interp, st, name, description, args):
    spec = parse_test_args(interp, st, args)
    reason = skip_reason(interp, name, spec.constraints)
    if reason is not None:
        if reason is not _NOT_TALLIED and "skip" in st.options["-verbose"]:
            write_out(interp, st, "++++ %s SKIPPED: %s\n" % (name, reason))
        return
    outcome = Outcome()
    setup_code, setup_value, setup_opts = _run_script(interp, spec.setup)
    skipped = False
    if setup_code == ERROR and _is_skip(setup_opts):
        _notice_skipped(interp, st, name, setup_value)
        skipped = True
        setup_code = OK
    outcome.setup_failure = setup_code != OK
    if setup_code != OK:
        outcome.setup_message = to_str(setup_value)
        if setup_code == ERROR:
            outcome.setup_errorinfo = _uplevel_info(setup_opts, "$setup")
            outcome.setup_errorcode = to_str(setup_opts.get("-errorcode", ""))
    if not skipped and not outcome.setup_failure:
        if "start" in st.options["-verbose"]:
            write_out(interp, st, "---- %s start\n" % name, flush=True)
        capture_output = spec.output is not None or spec.errorOutput is not None
        code, value, opts = _run_body(interp, st, spec.body, capture_output)
        outcome.answer = to_str(value)
        outcome.code = code
        if code == ERROR:
            outcome.errorinfo = _uplevel_info(opts, "$script")
            outcome.errorcode = to_str(opts.get("-errorcode", ""))
            if _is_skip(opts):
                _notice_skipped(interp, st, name, value)
                skipped = True
        if not skipped:
            _check(interp, st, spec, outcome)
    cleanup_code, cleanup_value, cleanup_opts = _run_script(interp, spec.cleanup)
    if cleanup_code != OK:
        outcome.cleanup_failure = True
        outcome.cleanup_message = to_str(cleanup_value)
        if cleanup_code == ERROR:
            outcome.cleanup_errorinfo = _uplevel_info(cleanup_opts, "$cleanup")
            outcome.cleanup_errorcode = to_str(cleanup_opts.get("-errorcode", ""))
    if skipped:
        return
    top = st.level == 1
    if not outcome.failed():
        if top:
            st.counts["Passed"] += 1
            if "pass" in st.options["-verbose"]:
                write_out(interp, st, "++++ %s PASSED\n" % name)
        return
    if top:
        st.counts["Failed"] += 1
    st.current_failure = True
    report_failure(interp, st, name, description, spec, outcome)


class Outcome:
    """What happened when a test ran, and which checks failed."""

    def __init__(self):
        self.setup_failure = self.cleanup_failure = False
        self.code_failure = self.errorcode_failure = False
        self.output_failure = self.error_failure = self.script_failure = False
        self.setup_message = self.cleanup_message = ""
        self.setup_errorinfo = self.setup_errorcode = None
        self.cleanup_errorinfo = self.cleanup_errorcode = None
        self.answer = ""
        self.code = 0
        self.errorinfo = self.errorcode = None
        self.out_data = self.err_data = ""
        # (raised, value): raised is the error text when the comparison failed to run
        self.output_compare = self.error_compare = self.script_compare = None

    def failed(self):
        return (self.setup_failure or self.cleanup_failure or self.code_failure
                or self.errorcode_failure or self.output_failure or self.error_failure
                or self.script_failure)


def _run_script(interp, script):
    """Run a setup or cleanup script as `catch {uplevel 1 $script}` would."""
    if type(script) is str and not script:
        return OK, "", None
    depth = interp.depth
    try:
        return capture(interp, script)
    except Exception as exc:  # a Python bug in a command fails this test, not the file
        err = interp.internal_error(exc)
        interp.set_error_vars(err)
        return ERROR, err.message, error_options(err)
    finally:
        interp.depth = depth


def _run_body(interp, st, body, capture_output):
    if not capture_output:
        return _run_script(interp, body)
    saved = interp.stdout, interp.stderr
    interp.stdout, interp.stderr = io.StringIO(), io.StringIO()
    try:
        return _run_script(interp, body)
    finally:
        st.out_data = interp.stdout.getvalue()
        st.err_data = interp.stderr.getvalue()
        interp.stdout, interp.stderr = saved


def _uplevel_info(opts, what):
    """errorInfo as tcltest reports it: the script ran under `uplevel 1`."""
    return '%s\n    ("uplevel" body line %s)\n    invoked from within\n"uplevel 1 %s"' % (
        to_str(opts.get("-errorinfo", "")), to_str(opts.get("-errorline", 1)), what)


def _is_skip(opts):
    return opts is not None and to_str(opts.get("-errorcode", "")) == _SKIP_ERRORCODE


def _notice_skipped(interp, st, name, reason):
    reason = to_str(reason)
    if "skip" in st.options["-verbose"]:
        write_out(interp, st, "++++ %s SKIPPED: %s\n" % (name, reason))
    if st.level == 1:
        st.counts["Skipped"] += 1
        st.skipped_because[reason] = st.skipped_because.get(reason, 0) + 1


def _check(interp, st, spec, outcome):
    codes = [str(c) for c in spec.returnCodes]
    outcome.code_failure = str(outcome.code) not in codes
    if (not outcome.code_failure and outcome.code == ERROR
            and not glob_match(spec.errorCode, outcome.errorcode or "")):
        outcome.errorcode_failure = True
    if spec.output is not None and not outcome.code_failure:
        outcome.out_data = st.out_data
        outcome.output_compare = compare(interp, st, st.out_data, spec.output, spec.match)
        outcome.output_failure = outcome.output_compare is not True
    if spec.errorOutput is not None and not outcome.code_failure:
        outcome.err_data = st.err_data
        outcome.error_compare = compare(interp, st, st.err_data, spec.errorOutput, spec.match)
        outcome.error_failure = outcome.error_compare is not True
    if not outcome.code_failure:
        outcome.script_compare = compare(interp, st, outcome.answer, spec.result, spec.match)
        outcome.script_failure = outcome.script_compare is not True


def compare(interp, st, actual, expected, mode):
    """True on a match, False on a mismatch, or the error text (a str) when
    the matching command itself failed."""
    expected = to_str(expected)
    script = st.custom_match.get(mode)
    if script is None:
        return "No matching command registered for `-match %s'" % mode
    if mode == "exact" and script == "::string equal":
        return actual == expected
    if mode == "glob" and script == "::string match":
        return glob_match(expected, actual)
    try:
        command = list(to_list(script)) + [expected, actual]
        match = interp.invoke(["::namespace", "eval", "::", TclList(command)])
    except TclError as e:
        return e.message
    try:
        return to_bool(match)
    except TclError as e:
        return "Invalid result from `-match %s' command: %s" % (mode, e.message)


def cmd_customMatch(interp, argv):
    if len(argv) != 3:
        raise TclError('wrong # args: should be "%s mode script"' % to_str(argv[0]),
                       ("TCL", "WRONGARGS"))
    if not is_complete(to_str(argv[2])):
        raise TclError("invalid customMatch script; can't evaluate after completion")
    get_state(interp).custom_match[to_str(argv[1])] = argv[2]
    return argv[2]


__all__ = ["cmd_test", "cmd_customMatch", "compare", "split_words", "RETURN"]
