"""Child processes for `exec` and `open "|..."`: starting a pipeline, waiting
for it, and Tcl's rules for turning exit statuses into errors.

A pipeline is a list of argument lists; each process's output feeds the
next.  Where the first reads from and the last writes to are descriptors
chosen by the caller (see commands/exec.py, which parses Tcl's syntax).
Processes that nobody waits for (`exec ... &`, a non-blocking pipe closed)
are kept in a list and reaped whenever another pipeline starts, as Tcl's
Tcl_ReapDetachedProcs does, so none stays a zombie for long.
"""

import errno
import os
import signal
import subprocess

from .channel import os_tcl_error
from .errors import TclError

# Tcl_SignalMsg (tclPosixStr.c)
SIGNAL_TEXT = {
    "SIGABRT": "SIGABRT", "SIGALRM": "alarm clock", "SIGBUS": "bus error",
    "SIGCHLD": "child status changed", "SIGCONT": "continue after stop",
    "SIGFPE": "floating-point exception", "SIGHUP": "hangup", "SIGILL": "illegal instruction",
    "SIGINT": "interrupt", "SIGIO": "input/output possible on file", "SIGKILL": "kill signal",
    "SIGPIPE": "write on pipe with no readers", "SIGPROF": "profiling alarm",
    "SIGPWR": "power-fail restart", "SIGQUIT": "quit signal",
    "SIGSEGV": "segmentation violation", "SIGSTOP": "stop",
    "SIGSYS": "bad argument to system call", "SIGTERM": "software termination signal",
    "SIGTRAP": "trace trap", "SIGTSTP": "stop signal from tty",
    "SIGTTIN": "background tty read", "SIGTTOU": "background tty write",
    "SIGURG": "urgent I/O condition", "SIGUSR1": "user-defined signal 1",
    "SIGUSR2": "user-defined signal 2", "SIGVTALRM": "virtual time alarm",
    "SIGWINCH": "window changed", "SIGXCPU": "exceeded CPU time limit",
    "SIGXFSZ": "exceeded file size limit",
}

_detached = []


def reap_detached():
    """Collect the exit status of background children that have finished."""
    if _detached:
        _detached[:] = [p for p in _detached if p.poll() is None]


def detach(procs):
    _detached.extend(p for p in procs if p.returncode is None)


def signal_name(num):
    try:
        return signal.Signals(num).name
    except ValueError:
        return "SIG%d" % num


def spawn(commands, stdin, stdout, stderr, merge_stderr):
    """Start the processes of a pipeline.

    `stdin`/`stdout`/`stderr` are descriptors (or None to inherit); every
    process writes its errors to `stderr`; `merge_stderr[i]` sends process
    i's stderr into the next one's input (`|&`).  Returns the Popen objects;
    on failure the processes already started are left to the reaper and
    Tcl's `couldn't execute` error is raised."""
    reap_detached()
    procs = []
    prev_read = stdin
    try:
        for i, argv in enumerate(commands):
            last = i == len(commands) - 1
            if last:
                out_fd, next_read = stdout, None
            else:
                next_read, out_fd = os.pipe()
            err_fd = out_fd if (not last and merge_stderr[i]) else stderr
            if last and merge_stderr[i]:
                err_fd = out_fd
            try:
                proc = subprocess.Popen(argv, stdin=prev_read, stdout=out_fd, stderr=err_fd,
                                        close_fds=True)
            except OSError as e:
                if next_read is not None:
                    os.close(next_read)
                    os.close(out_fd)
                raise os_tcl_error('couldn\'t execute "%s"' % argv[0], _exec_errno(e)) from None
            except (ValueError, TypeError):
                raise TclError('couldn\'t execute "%s": invalid argument' % argv[0],
                               ("POSIX", "EINVAL", "invalid argument")) from None
            finally:
                if i > 0 and prev_read is not None:
                    os.close(prev_read)
            procs.append(proc)
            if not last:
                os.close(out_fd)
            prev_read = next_read
    except BaseException:
        # the processes already started lost their neighbour and usually end
        # at once: give them a moment, so a failed pipeline leaves no zombie
        for proc in procs:
            try:
                proc.wait(timeout=0.2)
            except (subprocess.TimeoutExpired, KeyboardInterrupt):
                pass
        detach(procs)
        raise
    return procs


def _exec_errno(e):
    if isinstance(e, PermissionError) or e.errno == errno.EISDIR:
        return errno.EACCES
    return e.errno or errno.ENOENT


def wait_all(procs):
    """Wait for every process; (error?, errorCode, message) by Tcl's rules:
    the last abnormal child sets errorCode; a killed child adds
    "child killed: ..." to the message."""
    abnormal = False
    code = None
    message = ""
    for proc in procs:
        while True:
            try:
                status = proc.wait()
                break
            except KeyboardInterrupt:
                # Ctrl-C reaches the children too; keep waiting for them
                continue
        pid = str(proc.pid)
        if status > 0:
            abnormal = True
            code = ("CHILDSTATUS", pid, str(status))
        elif status < 0:
            name = signal_name(-status)
            text = SIGNAL_TEXT.get(name, "unknown signal")
            code = ("CHILDKILLED", pid, name, text)
            message += "child killed: %s\n" % text
    return abnormal, code, message


def child_error(procs, stderr_text, stdout_text="", waited=None):
    """Wait for `procs` (unless `waited` holds wait_all's answer) and build
    Tcl's result: (text, errorCode or None); None when the pipeline
    succeeded."""
    abnormal, code, killed = waited if waited is not None else wait_all(procs)
    failed = bool(code) or bool(stderr_text)
    if stderr_text:
        extra = stderr_text
    elif abnormal:
        extra = "child process exited abnormally"
    else:
        extra = killed
    text = stdout_text + extra
    if not failed:
        return text, None
    return text, code or "NONE"
