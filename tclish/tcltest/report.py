"""What tcltest prints: failure reports, and cleanupTests' summary."""

import os
import shutil

from ..runtime.errors import TclError
from ..runtime.values import to_str
from .state import COUNTERS, get_state

_CODE_MESSAGES = {
    0: "Test completed normally",
    1: "Test generated error",
    2: "Test generated return exception",
    3: "Test generated break exception",
    4: "Test generated continue exception",
}


def _channel_write(interp, channel, text, flush=False):
    if channel == "stdout":
        out = interp.stdout
    elif channel == "stderr":
        out = interp.stderr
    else:
        interp.invoke(["::puts", "-nonewline", channel, text])
        if flush:
            interp.invoke(["::flush", channel])
        return
    try:
        out.write(text)
    except UnicodeEncodeError:
        # lone surrogates (string.test has some): write them as Tcl does, as
        # 3-byte sequences, where the stream takes bytes
        buffer = getattr(out, "buffer", None)
        if buffer is None:
            out.write(text.encode("utf-8", "surrogatepass").decode("utf-8", "replace"))
        else:
            out.flush()
            buffer.write(text.encode("utf-8", "surrogatepass"))
    if flush:
        out.flush()


def write_out(interp, st, text, flush=False):
    _channel_write(interp, st.output_channel, text, flush)


def write_err(interp, st, text, flush=False):
    _channel_write(interp, st.error_channel, text, flush)


def report_failure(interp, st, name, description, spec, outcome):
    verbose = st.options["-verbose"]
    lines = ["\n", "==== %s %s FAILED" % (name, description.strip())]
    body = to_str(spec.body) if "body" in verbose else ""
    if body:
        lines += ["==== Contents of test case:", body]
    if outcome.setup_failure:
        lines.append("---- Test setup failed:\n%s" % outcome.setup_message)
        if outcome.setup_errorinfo is not None:
            lines.append("---- errorInfo(setup): %s" % outcome.setup_errorinfo)
            lines.append("---- errorCode(setup): %s" % outcome.setup_errorcode)
    if outcome.script_failure:
        if outcome.script_compare is not False:
            lines.append("---- Error testing result: %s" % outcome.script_compare)
        else:
            lines.append("---- Result was:\n%s" % outcome.answer)
            lines.append("---- Result should have been (%s matching):\n%s"
                         % (spec.match, to_str(spec.result)))
    if outcome.errorcode_failure:
        lines.append("---- Error code was: '%s'" % outcome.errorcode)
        lines.append("---- Error code should have been: '%s'" % spec.errorCode)
    if outcome.code_failure:
        message = _CODE_MESSAGES.get(outcome.code, "Test generated exception")
        lines.append("---- %s; Return code was: %s" % (message, outcome.code))
        lines.append("---- Return code should have been one of: %s"
                     % " ".join(str(c) for c in spec.returnCodes))
        if "error" in verbose and outcome.errorinfo is not None and \
                "1" not in [str(c) for c in spec.returnCodes]:
            lines.append("---- errorInfo: %s" % outcome.errorinfo)
            lines.append("---- errorCode: %s" % outcome.errorcode)
    if outcome.output_failure:
        _compare_lines(lines, "Output", "output", outcome.output_compare, outcome.out_data,
                       spec.match, spec.output)
    if outcome.error_failure:
        _compare_lines(lines, "Error output", "error output", outcome.error_compare,
                       outcome.err_data, spec.match, spec.errorOutput)
    if outcome.cleanup_failure:
        lines.append("---- Test cleanup failed:\n%s" % outcome.cleanup_message)
        if outcome.cleanup_errorinfo is not None:
            lines.append("---- errorInfo(cleanup): %s" % outcome.cleanup_errorinfo)
            lines.append("---- errorCode(cleanup): %s" % outcome.cleanup_errorcode)
    lines.append("==== %s FAILED\n" % name)
    write_out(interp, st, "\n".join(lines) + "\n")


def _compare_lines(lines, title, lower, compared, actual, match, expected):
    if compared is not False:
        lines.append("---- Error testing %s: %s" % (lower, compared))
    else:
        lines.append("---- %s was:\n%s" % (title, actual))
        lines.append("---- %s should have been (%s matching):\n%s"
                     % (title, match, to_str(expected)))


# ---- cleanupTests ------------------------------------------------------------------

def cmd_cleanupTests(interp, argv):
    if len(argv) > 2:
        raise TclError('wrong # args: should be "%s ?calledFromAllFile?"' % to_str(argv[0]),
                       ("TCL", "WRONGARGS"))
    st = get_state(interp)
    parent = getattr(st, "report_to", None)
    if parent is not None:
        # a child made by loadIntoChildInterpreter: the parent reports
        for key in COUNTERS:
            parent.counts[key] += st.counts[key]
        for reason, n in st.skipped_because.items():
            parent.skipped_because[reason] = parent.skipped_because.get(reason, 0) + n
        st.skipped_because.clear()
        st.reset_counts()
        return ""
    st.note_existing_files()
    _remove_made_files(st)
    file_name = os.path.basename(interp.script_file or "")
    new_files = _new_files(st)
    if new_files:
        st.created_new_files[file_name] = new_files
    out = ["%s:" % file_name]
    for key in COUNTERS:
        out.append("\t%s\t%d" % (key, st.counts[key]))
    lines = ["".join(out)]
    if st.skipped_because:
        lines.append("Number of tests skipped for each constraint:")
        for reason in sorted(st.skipped_because):
            lines.append("\t%d\t%s" % (st.skipped_because[reason], reason))
        st.skipped_because.clear()
    if st.created_new_files:
        lines.append("Warning: files left behind:")
        for name in sorted(st.created_new_files):
            lines.append("\t%s:\t%s" % (name, " ".join(st.created_new_files[name])))
        st.created_new_files.clear()
    st.files_made = []
    st.reset_counts()
    write_out(interp, st, "\n".join(lines) + "\n", flush=True)
    try:
        interp.stderr.flush()
    except (OSError, ValueError):
        pass
    return ""


def _remove_made_files(st):
    for path in st.files_made:
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)
        elif os.path.lexists(path):
            try:
                os.remove(path)
            except OSError:
                pass


def _new_files(st):
    try:
        current = os.listdir(st.options["-tmpdir"])
    except OSError:
        return []
    existed = st.files_existed or set()
    new = [name for name in current if name not in existed]
    st.files_existed = set(current)
    return new
