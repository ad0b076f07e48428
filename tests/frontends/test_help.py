"""The `help` command: families, built-in synopses, torch help from the declarations."""

import io

import pytest

import tclish.help
from tclish.help import SYNOPSES, families
from tclish.runtime.errors import TclError
from tclish.runtime.interp import Interp
from tclish.runtime.registry import install_module


@pytest.fixture
def interp():
    interp = Interp(stdout=io.StringIO(), stderr=io.StringIO())
    install_module(interp, tclish.help)
    return interp


@pytest.fixture
def torch_interp(interp):
    from tclish.torchbridge.install import install
    install(interp)
    return interp


def ask(interp, script):
    """What `help ...` prints (it prints, and returns nothing)."""
    out = interp.stdout
    out.seek(0)
    out.truncate()
    assert interp.eval(script) == ""
    text = out.getvalue()
    assert text.endswith("\n")
    return text[:-1]


def test_help_is_a_registered_command():
    assert Interp().resolve_command("help") is not None


def test_help_lists_the_families(interp):
    interp.eval("proc mine {a} {}")
    listed = {}
    for line in ask(interp, "help").splitlines()[2:]:
        words = line.split()
        if line[:1].isalpha():
            family = words.pop(0)
        listed.setdefault(family, []).extend(words)
    assert "while" in listed["control"] and "lsort" in listed["lists"]
    assert listed["user"] == ["mine"]
    assert "tcl::dict::get" not in listed["dicts"]


def test_help_lists_torch_families_once_per_command(torch_interp):
    listing = ask(torch_interp, "help").split("\n\n")[1]
    assert "torch::roi_align" in listing and "torch::roiAlign" not in listing
    assert "torch.vision" in families(torch_interp)
    assert "camelCase" in ask(torch_interp, "help")


@pytest.mark.parametrize("name", ["torch::roi_align", "torch::roiAlign", "roi_align"])
def test_help_of_a_torch_command_is_its_declared_help(torch_interp, name):
    from tclish.torchbridge.messages import help_text
    spec = torch_interp.resolve_command("torch::roi_align").spec
    text = ask(torch_interp, ["help", name])
    assert text == help_text(spec)
    for p in spec.params:
        line = next(l for l in text.splitlines() if l.strip().startswith(p.options[0] + " "))
        assert p.kind.name in line and p.help in line
        assert ("required" in line) if p.required else ("default" in line)


def test_help_of_a_builtin_is_usage_and_synopsis(interp):
    assert ask(interp, "help set") == "set varName ?newValue?\n  Read and write variables"


def test_help_of_an_ensemble_lists_its_subcommands(interp):
    text = ask(interp, "help string")
    assert text.splitlines()[0] == "string subcommand ?arg ...?"
    assert "    string length string" in text.splitlines()
    assert ask(interp, "help string len") == "string length string"


def test_help_of_a_proc_is_its_argument_list(interp):
    interp.eval("proc area {w {h 1} args} {}")
    assert ask(interp, "help area").splitlines()[0] == "area w ?h? ?arg ...?"


def test_help_of_a_family_gives_one_synopsis_per_command(interp):
    lines = ask(interp, "help control").splitlines()
    assert any(line.split()[0] == "while" and "condition is met" in line for line in lines)


def test_help_of_a_family_group(torch_interp):
    text = ask(torch_interp, "help torch")
    assert "torch.vision:" in text and "torch.creation:" in text


def test_help_of_an_unknown_name_is_an_error(interp):
    with pytest.raises(TclError, match='no command, family or description mentions "nosuch"'):
        interp.eval("help nosuch")
    with pytest.raises(TclError, match='no subcommand "nosuch" of "string"'):
        interp.eval("help string nosuch")


def test_every_builtin_has_a_synopsis(interp):
    """A new built-in needs its one-line synopsis in tclish/help.py's SYNOPSES."""
    missing = [name for fam, names in families(interp).items()
               if not fam.startswith("torch") and fam != "user"
               for name in names if not tclish.help.synopsis(interp.resolve_command(name), name)]
    assert missing == []
    assert all(text and not text.endswith(".") for text in SYNOPSES.values())


def test_help_prints_in_a_script():
    import subprocess
    import sys
    out = subprocess.run([sys.executable, "-m", "tclish", "-c", "help set; puts done"],
                         capture_output=True, text=True)
    assert out.stdout == "set varName ?newValue?\n  Read and write variables\ndone\n"


def test_help_of_a_word_searches_names_and_descriptions(interp):
    text = ask(interp, "help increment")
    assert text.splitlines()[0] == 'Commands that mention "increment":'
    names = [line.split()[0] for line in text.splitlines()[1:]]
    assert "incr" in names
