"""The wheel ships every package and the grammars: pyproject's explicit
package list must name each folder of tclish/ that has an __init__.py."""

import os
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_every_package_is_listed():
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as f:
        listed = set(tomllib.load(f)["tool"]["setuptools"]["packages"])
    found = {"tclish.grammar"}
    for folder, _, files in os.walk(os.path.join(ROOT, "tclish")):
        if "__init__.py" in files:
            found.add(os.path.relpath(folder, ROOT).replace(os.sep, "."))
    assert listed == found


def test_grammars_are_package_data():
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as f:
        setuptools = tomllib.load(f)["tool"]["setuptools"]
    assert setuptools["package-dir"]["tclish.grammar"] == "grammar"
    assert setuptools["package-data"]["tclish.grammar"] == ["*.lark"]
    for name in ("tcl.lark", "expr.lark"):
        assert os.path.isfile(os.path.join(ROOT, "grammar", name))


def test_remote_tcl_package_is_package_data():
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as f:
        setuptools = tomllib.load(f)["tool"]["setuptools"]
    assert setuptools["package-data"]["tclish.remote"] == ["tcl/*.tcl"]
    folder = os.path.join(ROOT, "tclish", "remote", "tcl")
    assert sorted(os.listdir(folder)) == ["pkgIndex.tcl", "remote.tcl"]
def test_script_library_is_package_data():
    """Every file of $tcl_library (tclish/library) and of the Tcl modules beside
    it (tclish/tcl8, on the module path) matches a package-data glob."""
    import fnmatch
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as f:
        patterns = tomllib.load(f)["tool"]["setuptools"]["package-data"]["tclish"]
    files = [os.path.relpath(os.path.join(folder, name), os.path.join(ROOT, "tclish"))
             for top in ("library", "tcl8")
             for folder, _, names in os.walk(os.path.join(ROOT, "tclish", top))
             for name in names]
    assert files
    for path in files:
        assert any(fnmatch.fnmatch(path.replace(os.sep, "/"), p) for p in patterns), path
