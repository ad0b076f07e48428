"""The generic dual-syntax binder, on toy specs (no torch needed)."""

import re
import subprocess
import sys

import pytest

from tclish.runtime.errors import TclError
from tclish.runtime.values import TclList
from tclish.torchbridge import messages
from tclish.torchbridge.binder import Binder
from tclish.torchbridge.convert import (BOOL, DOUBLE, HANDLES, INT, SHAPE, TENSOR, TENSORS, Choice,
                                        Size)
from tclish.torchbridge.handles import HandleRegistry
from tclish.torchbridge.install import make_command
from tclish.torchbridge.spec import CommandSpec, Param, camel

ALIGN = CommandSpec(
    "toy_align",
    [Param("input", TENSOR, help="feature map", aliases=("tensor",)),
     Param("boxes", TENSOR, help="boxes"),
     Param("output_size", Size(2, ("height", "width")), help="output size"),
     Param("spatial_scale", DOUBLE, 1.0, "scale"),
     Param("sampling_ratio", INT, -1, "samples"),
     Param("aligned", BOOL, True, "align")],
    "operator:add", "A toy with roi_align's signature.")

CREATE = CommandSpec(
    "toy_create",
    [Param("data", INT, help="a number"),
     Param("shape", SHAPE, None, "optional shape"),
     Param("mode", Choice("fast", "slow"), "fast", "a word"),
     Param("flag", BOOL, False, "a flag")],
    "operator:add", overloads=[("data", "mode", "flag")])

FREE = CommandSpec("toy_free", [Param("handles", HANDLES, "", "handles")], "operator:add")


@pytest.fixture
def reg():
    r = HandleRegistry()
    r.tensors["tensor1"] = "FEATURES"
    r.tensors["tensor2"] = "BOXES"
    return r


def bind(spec, reg, *args):
    return Binder(spec).bind(["torch::" + spec.name] + list(args), reg)


def error_of(spec, reg, *args):
    with pytest.raises(TclError) as e:
        bind(spec, reg, *args)
    return e.value.message


# --- names -------------------------------------------------------------------

def test_camel_case_is_derived_from_snake_case():
    assert camel("roi_align") == "roiAlign"
    assert camel("adaptive_avg_pool2d") == "adaptiveAvgPool2d"
    assert camel("cuda_is_available") == "cudaIsAvailable"
    assert camel("nms") == "nms"


def test_every_option_has_both_spellings_and_aliases():
    assert ALIGN.params[2].options == ("-outputSize", "-output_size")
    assert ALIGN.params[0].options == ("-input", "-tensor")
    assert ALIGN.names == ("torch::toy_align", "torch::toyAlign")
    assert CommandSpec("nms", [], "operator:add").names == ("torch::nms",)


# --- the three syntaxes ------------------------------------------------------

def test_positional_with_defaults(reg):
    assert bind(ALIGN, reg, "tensor1", "tensor2", "7 7") == ["FEATURES", "BOXES", [7, 7], 1.0, -1, True]


def test_positional_all_values_with_negative_numbers(reg):
    assert bind(ALIGN, reg, "tensor1", "tensor2", "3", "-0.5", "-1", "off") == [
        "FEATURES", "BOXES", [3, 3], -0.5, -1, False]


def test_named_camel_case_in_any_order(reg):
    got = bind(ALIGN, reg, "-outputSize", "2 4", "-aligned", "no", "-boxes", "tensor2",
               "-input", "tensor1", "-samplingRatio", "-1")
    assert got == ["FEATURES", "BOXES", [2, 4], 1.0, -1, False]


def test_named_snake_case_and_alias(reg):
    got = bind(ALIGN, reg, "-tensor", "tensor1", "-boxes", "tensor2", "-output_size", "5 6",
               "-spatial_scale", "0.0625", "-sampling_ratio", "2")
    assert got == ["FEATURES", "BOXES", [5, 6], 0.0625, 2, True]


def test_mixed_positional_then_named(reg):
    got = bind(ALIGN, reg, "tensor1", "tensor2", "-aligned", "false", "-outputSize", "7")
    assert got == ["FEATURES", "BOXES", [7, 7], 1.0, -1, False]


def test_values_may_be_non_string_tcl_values(reg):
    got = bind(ALIGN, reg, "tensor1", "tensor2", TclList([7, 7]), 0.25, 3, 1)
    assert got == ["FEATURES", "BOXES", [7, 7], 0.25, 3, True]


# what every bad value's message ends with (TCLIBTORCH's phrases, made from the name)
PHRASES = " (Invalid %s parameter; Required parameters missing or invalid; Error in toy_create)"
NAMED = (" (Invalid -%s parameter; Invalid %s parameter; Required parameters missing or invalid; "
         "Error in toy_create)")
NOT_FOUND = (" (Tensor not found; Invalid tensor handle; Required parameters missing or invalid; "
             "Error in toy_align)")


def align(phrases):
    """The toy_align form of PHRASES or NAMED."""
    return phrases.replace("toy_create", "toy_align")


def test_negative_number_lists_are_values_not_options(reg):
    assert bind(CREATE, reg, "-3", "") == [-3, None, "fast", False]
    # a value for shape (declared order) or mode (the overload): both readings fail
    assert error_of(CREATE, reg, "-3", "-1 -2") == (
        'Invalid shape value: negative dimension in "-1 -2"' + PHRASES % "shape" + '; '
        'or Invalid mode value: "-1 -2" is not one of fast, slow' + PHRASES % "mode")


def test_named_values_may_look_like_options(reg):
    got = bind(ALIGN, reg, "-input", "tensor1", "-boxes", "tensor2", "-outputSize", "1",
               "-spatialScale", "-Inf")
    assert got[3] == float("-inf")


def test_overload_picked_by_value(reg):
    assert bind(CREATE, reg, "5", "2 3", "slow") == [5, [2, 3], "slow", False]
    assert bind(CREATE, reg, "5", "slow", "yes") == [5, None, "slow", True]
    assert bind(CREATE, reg, "5", "-mode", "slow", "-shape", "1 5") == [5, [1, 5], "slow", False]


def test_empty_value_means_not_given_where_the_default_is_none(reg):
    assert bind(CREATE, reg, "5", "", "slow") == [5, None, "slow", False]
    assert bind(CREATE, reg, "-data", "5", "-shape", "") == [5, None, "fast", False]


def test_variadic_collects_the_rest(reg):
    assert bind(FREE, reg, "tensor1", "tensor2") == [["tensor1", "tensor2"]]
    assert bind(FREE, reg) == [[]]
    assert bind(FREE, reg, "-handles", "tensor2") == [["tensor2"]]


STACK = CommandSpec("toy_stack", [Param("dim", INT, help="a dim"),
                                  Param("handles", HANDLES, help="handles")], "operator:add")


def test_positional_variadic_calls_bind_as_the_general_path(reg):
    # bind's shortcut for a positional call that reaches the variadic parameter
    # gives what _bind_general gives, values and errors alike
    binder = Binder(STACK)
    calls = [("1", "tensor1"), ("1", "tensor1", "tensor2"), ("1", TclList(["tensor1"])),
             ("x", "tensor1"), ("1", "tensor9"), ("1", "tensor1", "-dim", "2"),
             ("-dim", "1", "tensor1"), ("1", "tensor1", "-nonsense"), ("-1", "tensor2")]
    for args in calls:
        argv = ["torch::toy_stack", *args]
        outcomes = []
        for method in (binder.bind, binder._bind_general):
            try:
                outcomes.append(("ok", method(argv, reg)))
            except TclError as e:
                outcomes.append(("error", e.message, e.errorcode))
        assert outcomes[0] == outcomes[1], args


def test_converted_defaults_are_not_shared_between_calls(reg):
    first = bind(ALIGN, reg, "tensor1", "tensor2", "7")
    first[3] = "changed"
    assert bind(ALIGN, reg, "tensor1", "tensor2", "7")[3] == 1.0


# --- errors ------------------------------------------------------------------

USAGE = ("Usage: torch::toy_align input boxes output_size ?spatial_scale? ?sampling_ratio? "
         "?aligned? | torch::toy_align -input tensor -boxes tensor -outputSize {height width} "
         "?-spatialScale double? ?-samplingRatio int? ?-aligned bool?")


SHOULD_BE = ('wrong # args: should be "torch::toy_align input boxes output_size ?spatial_scale? '
             '?sampling_ratio? ?aligned?" (Wrong number of arguments; Wrong number of positional '
             'arguments; Invalid number of arguments')
WRONG_ARGS = SHOULD_BE + '. %s)' % USAGE


def too_few(*missing):
    # TCLIBTORCH's words: each parameter with its kind when it is a handle
    words = ", ".join({"input": "input tensor", "boxes": "boxes tensor"}.get(m, m)
                      for m in missing)
    return SHOULD_BE + ("; Required parameters missing: %s required; Required parameter missing; "
                        "Required tensor parameter missing. %s)" % (words, USAGE))


def test_usage_text_comes_from_the_declaration():
    assert messages.usage(ALIGN) == USAGE


def test_too_few_positional_arguments_give_usage(reg):
    assert error_of(ALIGN, reg, "tensor1") == too_few("boxes", "output_size")
    assert error_of(ALIGN, reg) == too_few("input", "boxes", "output_size")
    # the count is checked before the values (a first word that is no handle)
    assert error_of(ALIGN, reg, "nosuch") == too_few("boxes", "output_size")


def test_too_many_positional_arguments_give_usage(reg):
    assert error_of(ALIGN, reg, "tensor1", "tensor2", "7", "1", "2", "1", "extra") == WRONG_ARGS


def test_named_call_missing_required_parameters(reg):
    msg = error_of(ALIGN, reg, "-input", "tensor1")
    assert msg == ("Missing required parameters: -boxes, -outputSize "
                   "(Required parameters missing or invalid; "
                   "Required parameters missing: boxes tensor, output_size required; "
                   "Required parameter missing: -boxes, -outputSize; "
                   "Required tensor parameter missing. %s)" % USAGE)
    # one of them: the singular, as TCLIBTORCH words it
    msg = error_of(ALIGN, reg, "-input", "tensor1", "-boxes", "tensor2")
    assert msg == ("Missing required parameter: -outputSize (Required parameters missing or "
                   "invalid; Required parameters missing: output_size required; Required "
                   "parameter missing: -outputSize. %s)" % USAGE)


def test_unknown_parameter(reg):
    msg = error_of(ALIGN, reg, "-input", "tensor1", "-bogus", "1")
    assert msg == "Unknown parameter: -bogus"      # TCLIBTORCH's whole message
    with pytest.raises(TclError) as e:
        Binder(ALIGN).bind(["torch::toy_align", "-input", "tensor1", "-bogus", "1"], reg)
    assert e.value.errorinfo.startswith(
        "Unknown parameter: -bogus\n    (valid parameters of torch::toy_align are: -input, "
        "-boxes, -outputSize, -spatialScale, -samplingRatio, -aligned)")


def test_unknown_parameter_suggests_a_close_name(reg):
    assert "Did you mean -spatialScale?" in error_of(ALIGN, reg, "-spatialScal", "1")


def test_unknown_first_word_means_named_syntax(reg):
    assert error_of(ALIGN, reg, "-x", "tensor1") == "Unknown parameter: -x"


def test_missing_value_for_parameter(reg):
    missing = ("Missing value for parameter: -boxes (wrong # args: Named parameters must come "
               "in pairs; Named parameter requires a value. %s)" % USAGE)
    assert error_of(ALIGN, reg, "-input", "tensor1", "-boxes") == missing
    # a dangling last word breaks the pairs, known or not
    assert error_of(ALIGN, reg, "-input", "tensor1", "-bogus").startswith(
        "Missing value for parameter: -bogus (wrong # args")


def test_binding_errors_name_the_command_as_the_call_spelled_it(reg):
    # Tcl's wrong # args names the word the user typed (an alias, a ::-qualified
    # name), not the command's declared name
    def error_as(name, *args):
        with pytest.raises(TclError) as e:
            Binder(ALIGN).bind([name] + list(args), reg)
        return e.value

    msg = error_as("torch::toyAlign", "tensor1").message
    assert msg == too_few("boxes", "output_size").replace("torch::toy_align", "torch::toyAlign")
    assert msg.startswith('wrong # args: should be "torch::toyAlign input boxes output_size')
    assert "torch::toy_align" not in msg
    assert error_as("::torch::toy_align", "a", "b", "c", "d", "e", "f", "g").message.startswith(
        'wrong # args: should be "::torch::toy_align input')
    assert "Usage: torch::toyAlign input" in error_as("torch::toyAlign", "-input").message
    assert "| torch::toyAlign -input tensor" in error_as("torch::toyAlign", "-aligned", "1").message
    assert "valid parameters of torch::toyAlign are" in error_as(
        "torch::toyAlign", "-bogus", "1").errorinfo
    # the declared name keeps the cached usage text
    assert error_as("torch::toy_align", "tensor1").message == too_few("boxes", "output_size")


def test_invalid_value_names_the_parameter_as_the_call_spelled_it(reg):
    msg = error_of(ALIGN, reg, "-input", "tensor1", "-boxes", "tensor2", "-outputSize", "7",
                   "-spatialScale", "invalid")
    assert msg == ('Invalid spatialScale value: expected floating-point number but got "invalid"'
                   + align(NAMED) % ("spatialScale", "spatialScale"))
    msg = error_of(ALIGN, reg, "tensor1", "tensor2", "7", "-spatial_scale", "x")
    assert msg == ('Invalid spatial_scale value: expected floating-point number but got "x"'
                   + align(NAMED) % ("spatial_scale", "spatial_scale"))
    # by position: the declared (snake_case) name
    msg = error_of(ALIGN, reg, "tensor1", "tensor2", "7", "1", "x")
    assert msg == 'Invalid sampling_ratio value: expected integer but got "x"' + align(PHRASES) % (
        "sampling_ratio")
    msg = error_of(ALIGN, reg, "tensor1", "tensor2", "7 7 7")
    assert msg == ('Invalid output_size value: expected 2 integers but got "7 7 7"'
                   + align(PHRASES) % "output_size")
    msg = error_of(ALIGN, reg, "tensor1", "tensor2", "7", "1", "2", "maybe")
    assert msg == ('Invalid aligned value: expected boolean value but got "maybe"'
                   + align(PHRASES) % "aligned")


def test_unknown_handles_are_named(reg):
    assert error_of(ALIGN, reg, "-input", "invalid", "-boxes", "tensor2", "-outputSize", "7") == \
        'Invalid input tensor name: Invalid tensor name "invalid"' + NOT_FOUND
    assert error_of(ALIGN, reg, "tensor1", "tensor9", "7") == \
        'Invalid boxes tensor name: Invalid tensor name "tensor9"' + NOT_FOUND
    assert error_of(ALIGN, reg, "tensor1", TclList(["a", "b"]), "7") == \
        'Invalid boxes tensor name: Invalid tensor name "a b"' + NOT_FOUND


def test_freed_handles_say_so(reg):
    reg._n_tensor = 2
    del reg.tensors["tensor2"]
    assert error_of(ALIGN, reg, "tensor1", "tensor2", "7").startswith(
        "Invalid boxes tensor name: tensor2 was freed")


def test_parameter_given_twice(reg):
    assert error_of(ALIGN, reg, "tensor1", "tensor2", "7", "-boxes", "tensor2") == \
        "Parameter -boxes given both by position and by name (%s)" % USAGE


def test_choice_error_lists_the_choices(reg):
    assert error_of(CREATE, reg, "-data", "1", "-mode", "medium") == \
        'Invalid mode value: "medium" is not one of fast, slow' + NAMED % ("mode", "mode")


def test_overload_error_reports_the_best_candidate(reg):
    # neither a shape nor a mode: both orders fail at the same word, so both
    # complaints are shown, the declared order's first
    assert error_of(CREATE, reg, "1", "medium") == (
        'Invalid shape value: expected a list of integers but got "medium"' + PHRASES % "shape"
        + '; or Invalid mode value: "medium" is not one of fast, slow' + PHRASES % "mode")
    text = error_of(CREATE, reg)
    assert text.startswith('wrong # args: should be "torch::toy_create data ?shape? ?mode? ?flag?"')
    assert ("Usage: torch::toy_create data ?shape? ?mode? ?flag? "
            "| torch::toy_create data ?mode? ?flag? | ") in text


def test_binding_errors_carry_an_errorcode(reg):
    with pytest.raises(TclError) as e:
        bind(ALIGN, reg, "tensor1")
    assert e.value.errorcode == ("TCL", "WRONGARGS")
    with pytest.raises(TclError) as e:
        bind(ALIGN, reg, "-q", "1")
    assert e.value.errorcode == ("TORCH", "ARGS", "UNKNOWN")


# --- declaration checks ------------------------------------------------------

@pytest.mark.parametrize("make,match", [
    (lambda: Param("outputSize", INT), "snake_case"),
    (lambda: Param("x", int), "convert.Kind"),
    (lambda: CommandSpec("toy", [Param("a", INT), Param("a", DOUBLE)], "m:f"), "declared twice"),
    (lambda: CommandSpec("toy", [], "no_colon"), "module:attr"),
    (lambda: CommandSpec("toy", [Param("a", INT)], "m:f", overloads=[("b",)]), "unknown parameter"),
    (lambda: CommandSpec("toy", [Param("a", HANDLES), Param("b", INT)], "m:f"), "must be last"),
    (lambda: CommandSpec("Toy", [], "m:f"), "snake_case"),
])
def test_bad_declarations_are_refused(make, match):
    with pytest.raises((ValueError, TypeError), match=match):
        make()


def test_help_lists_both_spellings_kinds_and_defaults():
    text = messages.help_text(ALIGN)
    assert "torch::toy_align (alias torch::toyAlign)" in text
    assert re.search(r"-spatialScale -spatial_scale +double, default 1.0. scale", text)
    assert "-input -tensor" in text and "required" in text
    assert USAGE in text


# --- a command built from a spec ---------------------------------------------

ADD = CommandSpec("toy_add", [Param("a", INT), Param("b", INT, 0)], "operator:add", returns="value")
DIV = CommandSpec("toy_div", [Param("a", DOUBLE), Param("b", DOUBLE)], "operator:truediv",
                  returns="value")


class _Interp:
    extensions = {}


def test_command_calls_its_function_under_both_names():
    cmd = make_command(ADD)
    assert cmd(_Interp(), ["torch::toy_add", "2", "3"]) == 5
    assert cmd(_Interp(), ["torch::toyAdd", "-b", "4", "-a", "1"]) == 5


def test_python_exceptions_become_tcl_errors_at_the_boundary():
    with pytest.raises(TclError) as e:
        make_command(DIV)(_Interp(), ["torch::toy_div", "1", "0"])
    assert e.value.message == "float division by zero"
    assert e.value.errorcode == ("TORCH", "ERROR", "ZeroDivisionError")


def test_declaring_and_binding_import_no_torch():
    code = ("import sys\n"
            "from tclish.torchbridge import install, binder, spec, convert, messages, handles, api\n"
            "from tclish.torchbridge.decls import ALL_SPECS\n"
            "class I:\n"
            "    def __init__(self): self.c = {}; self.extensions = {}\n"
            "    def register(self, n, f): self.c[n] = f\n"
            "i = I(); install.install(i)\n"
            "assert len(i.c) > 2 * 30, len(i.c)\n"
            "print('torch' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_tclibtorch_phrases_for_dims_and_empty_handles(reg):
    from tclish import Interp
    interp = Interp()
    interp.eval("set t [torch::tensor_create {1.0 2.0}]")
    msg = interp.eval('catch {torch::softmin $t abc} m; set m')
    assert msg == ('Invalid dim value: expected integer but got "abc" '
                   '(Invalid dim parameter; Invalid dimension; '
                   'Required parameters missing or invalid; Error in softmin)')
    msg = interp.eval('catch {torch::floor ""} m; set m')
    assert msg == ("Invalid input tensor name: empty tensor handle "
                   "(Required parameters missing or invalid; Required parameter missing: "
                   "input tensor; "
                   "Error in floor)")
    assert interp.eval("torch::tensor_to_list [torch::floor $t]") == "1.0 2.0"


STACK = CommandSpec("toy_stack", [Param("tensors", TENSORS, help="tensors")], "operator:add")


def test_a_required_variadic_parameter_shows_one_word_at_least():
    # not `?tensors ...?`, which says that none is fine
    text = messages.usage(STACK)
    assert text == ("Usage: torch::toy_stack tensors ?tensors ...? "
                    "| torch::toy_stack -tensors {tensor ?tensor ...?}")
    assert messages.usage(FREE) == ("Usage: torch::toy_free ?handles ...? "
                                    "| torch::toy_free ?-handles {handle ...}?")


def test_tclibtorch_phrases_are_generated_from_the_declaration():
    # each binding error leads with the problem and names the parameter; the
    # parenthesis carries TCLIBTORCH's phrases for it, made from the parameter's
    # name, kind and spelling (never written per command)
    from tclish import Interp
    interp = Interp()
    interp.eval("set t [torch::tensor_create {1.0 2.0}]")

    def msg(script):
        return interp.eval("catch {%s} m; set m" % script)

    assert msg("torch::cummax -dim 0").startswith(
        "Missing required parameter: -input (Required parameters missing or invalid; "
        "Required parameters missing: input tensor required; "
        "Required parameter missing: -input; Required tensor parameter missing. "
        "Usage: torch::cummax input dim")
    # positionally, too few words: the same words, under Tcl's wrong # args
    assert ("(Wrong number of arguments; Wrong number of positional arguments; Invalid number of "
            "arguments; Required parameters missing: input tensor required; Required parameter "
            "missing; Required tensor parameter missing. Usage: torch::hilbert input ?dim?"
            ) in msg("torch::hilbert")
    assert msg("torch::sin nosuch") == (
        'Invalid input tensor name: Invalid tensor name "nosuch" '
        "(Tensor not found; Invalid tensor handle; Required parameters missing or invalid; "
        "Error in sin)")
    # a handle parameter of another kind says what its name says
    assert "(Model not found; " in msg("torch::count_parameters nosuch")
    # a value: `Invalid x parameter`, with the option as spelled when given by name
    assert msg("torch::hann_window -length 8 -periodic maybe").endswith(
        "(Invalid -periodic parameter; Invalid periodic parameter; "
        "Required parameters missing or invalid; Error in hann_window)")
    assert msg("torch::hann_window 8 float32 cpu maybe").endswith(
        "(Invalid periodic parameter; Required parameters missing or invalid; "
        "Error in hann_window)")
    # the kind's own phrases (c10's words for a bad dtype or device string)
    text = msg("torch::rand {2 2} cpu nodtype")
    assert text.startswith('Invalid dtype value: unknown dtype "nodtype"')
    assert "(Unknown scalar type: nodtype; Unsupported dtype; Invalid dtype parameter; " in text
    assert "(Invalid device string: nodevice; " in msg("torch::zeros {2} float32 nodevice")
    # given twice: the usage says how to call it
    assert msg("torch::sin $t -input $t") == (
        "Parameter -input given both by position and by name "
        "(Usage: torch::sin input | torch::sin -input tensor)")
    # a handle of another kind named by a one-word parameter: the name says what it is
    assert msg("torch::model_eval nosuch").startswith(
        'Invalid model name: Invalid module name "nosuch" (Model not found; Invalid module '
        "handle; ")
    # names and pairs are checked before values, as TCLIBTORCH does
    assert msg("torch::sin -input nosuch -bogus 1") == "Unknown parameter: -bogus"
    assert msg("torch::sin -input nosuch -bogus").startswith(
        "Missing value for parameter: -bogus")
    # an empty list for a required list of tensors is a missing parameter
    assert msg("torch::dstack -tensors {}") == (
        "Invalid tensors value: no tensors given "
        "(Required parameters missing or invalid; Required parameter missing: tensors; "
        "Error in dstack)")
