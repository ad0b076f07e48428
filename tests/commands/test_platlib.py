"""The script library's Python side: ::env writes through to the process
environment, the package database's version rules, lazily installed
commands renamed before their first call."""

import os

from tclish.commands import packages
from tclish.runtime.interp import Interp


def run(script):
    interp = Interp()
    return str(interp.eval(script))


def test_env_writes_through_to_the_process_and_is_shared():
    try:
        run("set env(TCLISH_PLATLIB_TEST) hello")
        assert os.environ["TCLISH_PLATLIB_TEST"] == "hello"
        assert run("set env(TCLISH_PLATLIB_TEST)") == "hello"      # a new interpreter
        run("unset env(TCLISH_PLATLIB_TEST)")
        assert "TCLISH_PLATLIB_TEST" not in os.environ
    finally:
        os.environ.pop("TCLISH_PLATLIB_TEST", None)


def test_version_rules():
    # the cases checked against tclsh 8.6.13
    cases = [("8.6a1", "8.6", True), ("8.6a1", "8.6.0", False), ("9.0a1", "8-9", False),
             ("8.6", "8.6-8.6", True), ("8.6a1", "8.6-8.6", False), ("8.6b1", "8.6a1-8.6b1", False),
             ("8.6", "8.6-8.6.0", True), ("8.9", "8-9", True), ("9a0", "8-", True),
             ("8.6", "8.6a2", True), ("1.0", "1-1", True)]
    for version, requirement, expected in cases:
        assert packages.satisfies(version, requirement) is expected, (version, requirement)
    assert packages.compare(packages.parse_version("1a1"), packages.parse_version("1")) == -1
    assert packages.compare(packages.parse_version("8.6"), packages.parse_version("8.6.0")) == 0


def test_renamed_lazy_command_still_runs_itself():
    assert run("rename package p0; p0 provide Tcl") == "8.6.13"
    assert run("rename clock c0; c0 format 0 -gmt 1 -format %Y") == "1970"


def test_package_unknown_finds_a_library_package():
    assert run("package require msgcat") == "1.7.1"
    assert run("package require platform") == "1.0.19"
