"""The per-interpreter state of the tcltest package.

Everything tcltest remembers between commands lives on one `TestState`,
kept in ``interp.extensions["tcltest"]``, so two interpreters never share
counters or options.  Constraint values are the one exception: they live in
the Tcl array ``::tcltest::testConstraints`` because test files read and
write that array directly.
"""

import os

NAMESPACE = "::tcltest"
CONSTRAINTS_ARRAY = NAMESPACE + "::testConstraints"
COUNTERS = ("Total", "Passed", "Skipped", "Failed")


class TestState:
    """Counters, options and bookkeeping of one interpreter's tcltest."""

    def __init__(self, working_dir):
        self.counts = dict.fromkeys(COUNTERS, 0)
        # constraint (or constraint expression) -> tests it kept from running
        self.skipped_because = {}
        # nested `test` calls are run but not counted, as in tcltest
        self.level = 0
        self.current_failure = False
        self.working_dir = working_dir
        # option name -> value, filled by options.default_options
        self.options = {}
        # constraint -> script that computes it on first use
        self.initializers = {}
        # -match mode -> command prefix (a Tcl list value)
        self.custom_match = {
            "exact": "::string equal",
            "glob": "::string match",
            "regexp": "::regexp --",
        }
        self.files_made = []
        self.files_existed = None
        self.created_new_files = {}
        self.output_channel = "stdout"
        self.error_channel = "stderr"
        self.main_thread = 1
        self.saved_state = None
        self.out_data = ""
        self.err_data = ""

    def note_existing_files(self):
        """Remember what the scratch folder held before the first test, so
        cleanupTests can name the files a test file left behind."""
        if self.files_existed is not None:
            return
        self.files_existed = set(_listdir(self.options.get("-tmpdir", self.working_dir)))

    def reset_counts(self):
        for key in COUNTERS:
            self.counts[key] = 0


def _listdir(path):
    try:
        return os.listdir(path)
    except OSError:
        return []


def get_state(interp):
    """The TestState of `interp` (the package must have been loaded)."""
    return interp.extensions["tcltest"]
