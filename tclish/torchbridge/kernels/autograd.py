"""Autograd: queries, the backward pass, the grad mode (global, or around a Tcl
script), and torch.autograd.functional / torch.func driven by Tcl functions.

A "function" argument is a Tcl command prefix (a proc name, or `apply {x {...}}`):
it is called with one tensor handle per input appended and must answer a tensor
handle.  The interpreter evaluates it while torch records the graph, so the torch
commands it runs are differentiated as PyTorch code would be.
"""

import torch

from ...runtime.errors import TclError
from ...runtime.values import to_list, to_str


def requires_grad(input):
    return 1 if input.requires_grad else 0


def backward(input, gradient=None, retain_graph=False):
    if not input.requires_grad:
        raise ValueError("Tensor does not require gradients")
    if gradient is None and input.numel() != 1:
        raise ValueError("backward needs a one-element tensor (or a -gradient of shape %s), "
                         "got shape %s" % (list(input.shape), list(input.shape)))
    input.backward(gradient, retain_graph=retain_graph)
    return "OK"


def grad(input):
    """The accumulated gradient (the tensor itself, not a copy)."""
    if not input.requires_grad:
        raise ValueError("Tensor does not require gradients")
    if not input.is_leaf and not input.retains_grad:
        # torch would warn and answer None: the gradient of an intermediate result
        # is not kept unless asked for before backward
        raise ValueError("not a leaf tensor: its gradient is not kept (only tensors created "
                         "with -requiresGrad, and parameters, accumulate .grad)")
    if input.grad is None:
        raise ValueError("No gradient computed yet")
    return input.grad


# ---- grad mode ----

def scoped(registry, context, script):
    """Run a Tcl script inside a Python context manager (a grad mode, an autocast):
    whatever the script does, errors and break/return included, the context's
    exit restores the state that was there before."""
    with context:
        return registry.interp.eval(script)


def _mode(registry, enabled, script):
    if script is None:
        torch.set_grad_enabled(enabled)
        return "ok"
    return scoped(registry, torch.set_grad_enabled(enabled), script)


def no_grad(registry, script=None):
    """Turn gradient recording off (globally, as TCLIBTORCH), or only while `script`
    runs: the mode before is restored afterwards, also on error."""
    return _mode(registry, False, script)


def enable_grad(registry, script=None):
    return _mode(registry, True, script)


def set_grad_enabled(registry, enabled, script=None):
    return _mode(registry, enabled, script)


def is_grad_enabled():
    return 1 if torch.is_grad_enabled() else 0


# ---- functions given as Tcl command prefixes ----

def tcl_function(registry, func):
    """A Python function of tensors that calls the Tcl command prefix `func`."""
    interp = registry.interp
    prefix = list(to_list(func))
    if not prefix:
        # TCLIBTORCH's phrase first: its scripts look for it
        raise ValueError("Required parameters missing: the function is empty (a command "
                         "prefix or an apply lambda is required)")

    def f(*tensors):
        handles = [registry.new_tensor(t) for t in tensors]
        result = interp.invoke(prefix + handles)
        out = registry.tensors.find(to_str(result))
        if out is None:
            raise TclError('the function must answer a tensor handle, got "%s"'
                           % to_str(result))
        return out
    return f


def grad_of(outputs, inputs, grad_outputs=None, retain_graph=False, create_graph=False):
    """torch.autograd.grad: the gradients of `outputs` with respect to each input."""
    for t in inputs:
        if not t.requires_grad:
            raise ValueError("an input does not require gradients")
    grads = torch.autograd.grad(outputs, inputs, grad_outputs, retain_graph=retain_graph,
                                create_graph=create_graph, allow_unused=True)
    grads = [torch.zeros_like(t) if g is None else g for g, t in zip(grads, inputs)]
    return grads[0] if len(grads) == 1 else grads


def jacobian(registry, func, inputs):
    return torch.autograd.functional.jacobian(tcl_function(registry, func), inputs)


def hessian(registry, func, inputs):
    return torch.autograd.functional.hessian(tcl_function(registry, func), inputs)


def vjp(registry, func, inputs, v):
    """v^T J at `inputs` (torch.autograd.functional.vjp's second result)."""
    return torch.autograd.functional.vjp(tcl_function(registry, func), inputs, v)[1]


def jvp(registry, func, inputs, v):
    """J v at `inputs` (torch.autograd.functional.jvp's second result)."""
    return torch.autograd.functional.jvp(tcl_function(registry, func), inputs, v)[1]


def vmap(registry, func, inputs, in_dims=0, out_dims=0):
    return torch.func.vmap(tcl_function(registry, func), in_dims, out_dims)(inputs)


def functional_call(registry, module, parameters, args):
    """Run `module` with some parameters or buffers replaced: `parameters` is a Tcl
    dict {name tensor ...} (names as in the module's state dict)."""
    items = list(to_list(parameters))
    if len(items) % 2:
        raise ValueError("parameters must be a dict {name tensor ...}")
    names = dict(module.named_parameters())
    names.update(module.named_buffers())
    replacement = {}
    for name, handle in zip(items[::2], items[1::2]):
        name = to_str(name)
        if name not in names:
            raise ValueError('the module has no parameter "%s" (it has: %s)'
                             % (name, ", ".join(names)))
        t = registry.tensors.find(to_str(handle))
        if t is None:
            raise ValueError(registry.why_missing(to_str(handle)))
        replacement[name] = t
    return torch.func.functional_call(module, replacement, (args,))


def _check_inputs(inputs):
    # gradcheck compares with finite differences: it needs double precision
    return tuple(t.detach().to(torch.float64).requires_grad_(True) for t in inputs)


def grad_check(registry, func, inputs, eps=1e-6, atol=1e-5, rtol=1e-3):
    """1 if the function's analytical gradients match finite differences
    (torch.autograd.gradcheck, on float64 copies of the inputs), else 0."""
    ok = torch.autograd.gradcheck(tcl_function(registry, func), _check_inputs(inputs),
                                  eps=eps, atol=atol, rtol=rtol, raise_exception=False)
    return 1 if ok else 0
