"""while/for loops whose condition compares integer variables, generated.

`for {set i 0} {$i < $n} {incr i} {...}` spends most of its time outside its
body: a call for the condition and one for the step per iteration.  When the
condition is `$a OP $b` or `$a OP N` (OP one of < <= > >= == !=) and the
step, if any, is `incr a ?N?`, the loop is generated as Python source with
both written inline: the variables are read from the frame's table, and
only while each is a plain untraced int (and `incr` is still the built-in)
is the inline form used; otherwise that iteration calls the compiled
condition or step, which has all of Tcl's semantics.  One source per shape
(operator, kind of right operand, kind of step) is made and cached.
"""

import re

from ..runtime.errors import BreakSignal, ContinueSignal, TclError

_NAME = r"([A-Za-z_][A-Za-z0-9_]*)"
_INT = r"(-?(?:0|[1-9][0-9]{0,17}))"
_COND = re.compile(r"\s*\$%s\s*(<=|>=|<|>|==|!=)\s*(?:\$%s|%s)\s*\Z" % (_NAME, _NAME, _INT))
_STEP = re.compile(r"\s*incr\s+%s(?:\s+%s)?\s*\Z" % (_NAME, _INT))

_MAKERS = {}


def counted_loop(interp, epoch, slow, on_error, start, cond_text, cond, step_text, step, body):
    """The generated loop, or None when the condition isn't of that shape."""
    m = _COND.match(cond_text)
    if m is None:
        return None
    left, op, right_name, right_int = m.groups()
    s = _STEP.match(step_text) if step_text is not None else None
    if s is not None and not interp.inlinable("incr"):
        s = None
    key = (op, right_name is not None, step is not None, s is not None)
    make = _MAKERS.get(key)
    if make is None:
        make = _MAKERS[key] = _generate(*key)
    right = right_name if right_name is not None else int(right_int)
    step_name, amount = (s.group(1), int(s.group(2) or 1)) if s is not None else (None, None)
    return make(interp, epoch, slow, on_error, start, cond, step, body, left, right,
                step_name, amount, BreakSignal, ContinueSignal, TclError)


def _generate(op, right_is_var, has_step, inline_step):
    test = "a.traces is None and av.__class__ is int"
    rhs = "%s"
    lines = ["def make(interp, epoch, slow, on_error, start, cond, step, body, left, right,",
             "         step_name, amount, BreakSignal, ContinueSignal, TclError):",
             "    def loop(fv):",
             "        if interp.core_epoch != epoch:",
             "            return slow(fv)",
             "        if start is not None:",
             "            start(fv)",
             "        while True:",
             "            a = fv.get(left)",
             "            av = a.value if a is not None else None"]
    if right_is_var:
        lines += ["            b = fv.get(right)",
                  "            bv = b.value if b is not None else None"]
        test += " and b is not None and b.traces is None and bv.__class__ is int"
        rhs = "bv"
    else:
        rhs = "right"
    lines += ["            if a is not None and %s:" % test,
              "                if not (av %s %s):" % (op, rhs),
              "                    break",
              "            else:",
              "                try:",
              "                    if not cond(fv):",
              "                        break",
              "                except TclError as e:",
              "                    on_error(e)",
              "                    raise",
              "            try:",
              "                body(fv)",
              "            except BreakSignal:",
              "                break",
              "            except ContinueSignal:",
              "                pass"]
    if inline_step:
        lines += ["            s = fv.get(step_name)",
                  "            if s is not None and s.traces is None and interp.core_epoch == epoch:",
                  "                sv = s.value",
                  "                if sv.__class__ is int:",
                  "                    s.value = sv + amount",
                  "                    continue",
                  "            try:",
                  "                step(fv)",
                  "            except BreakSignal:",
                  "                break"]
    elif has_step:
        lines += ["            try:",
                  "                step(fv)",
                  "            except BreakSignal:",
                  "                break"]
    lines += ["        return ''",
              "    return loop"]
    namespace = {}
    exec("\n".join(lines), namespace)
    return namespace["make"]
