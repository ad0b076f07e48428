"""What the REPL shows about the torch handles a result names.

The handle registry (torchbridge/handles.py) lives in
`interp.extensions["torch"]`; it exists only once a torch command ran, and
torch is imported only by then, so nothing here imports torch.
"""


def registry(interp):
    """The interpreter's handle registry, or None if no torch command ran yet."""
    return interp.extensions.get("torch")


def lookup(interp, name):
    """(kind, object) for a live handle name, or None."""
    reg = registry(interp)
    if reg is None:
        return None
    # (imported here: the REPL starts without the bridge; it imports no torch)
    from ...torchbridge.handles import TensorValue
    if isinstance(name, TensorValue):                 # a command's tensor result
        obj = reg.tensors.find(name)
        return None if obj is None else ("tensor", obj)
    if not isinstance(name, str):
        return None
    for kind, table in reg.tables.items():
        obj = table.get(name)
        if obj is not None:
            return kind, obj
    return None


def describe(obj):
    """`float32[1, 64, 7, 7] cpu` for a tensor; the type name for anything else."""
    shape = getattr(obj, "shape", None)
    dtype = getattr(obj, "dtype", None)
    if shape is None or dtype is None:
        return type(obj).__name__
    text = "%s%s %s" % (str(dtype).replace("torch.", ""), list(shape), obj.device)
    if getattr(obj, "requires_grad", False):
        text += " grad"
    return text


def describe_value(interp, value):
    """The description of the handle `value` names, or None if it names none."""
    found = lookup(interp, value)
    return None if found is None else describe(found[1])


def live_names(interp, kind):
    """The live handle names of a kind, oldest first."""
    reg = registry(interp)
    if reg is None:
        return []
    return [name for name, _ in reg.live(kind)]
