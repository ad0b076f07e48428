"""plot and show: a line chart of numbers, a tensor as an image.

    plot {1 2 3 2.5} -title loss -xlabel step
    plot {{1 2 3} {3 2 1}} -legend {train test}   several series
    plot $tensor                                  a 1-d tensor, or each row of a 2-d one
    show $image                                   a 2-d tensor, or [C H W] / [H W C] with C 1, 3 or 4

In a Jupyter notebook (the tclish kernel sets interp.extensions["display"])
the picture appears under the cell; elsewhere it is written to a PNG file
(`-file NAME`, default plot.png / image.png) whose name is the result.
matplotlib draws it (an optional dependency: pip install 'tclish[plot]'),
imported on first use with its non-interactive Agg backend.
"""

import io

from ..runtime.errors import TclError
from ..runtime.lists import split_list
from ..runtime.numbers import parse_number
from ..runtime.registry import command
from ..runtime.values import to_float, to_list, to_str

_PLOT_OPTIONS = ("-title", "-xlabel", "-ylabel", "-file", "-legend")
_SHOW_OPTIONS = ("-title", "-file", "-cmap")


def _pyplot():
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise TclError("plot and show need matplotlib: pip install 'tclish[plot]'",
                       ("TCLISH", "MISSING", "matplotlib")) from None
    return plt


def _options(argv, allowed, usage):
    if len(argv) < 2 or len(argv) % 2:
        raise TclError('wrong # args: should be "%s"' % usage, ("TCL", "WRONGARGS"))
    opts = {}
    for k in range(2, len(argv), 2):
        word = to_str(argv[k])
        if word not in allowed:
            raise TclError('bad option "%s": must be %s' % (
                word, ", ".join(allowed[:-1]) + ", or " + allowed[-1]),
                ("TCL", "LOOKUP", "INDEX", "option", word))
        opts[word] = to_str(argv[k + 1])
    return opts


def _tensor(interp, word):
    """The tensor a word names, or None (without importing torch)."""
    reg = interp.extensions.get("torch")
    if reg is None:
        return None
    try:
        return reg.tensors.find(word)       # a name, or a command's tensor value
    except TypeError:                       # a list is no handle
        return None


def _series(interp, data):
    """A list of series (lists of floats) from a Tcl list, a list of lists or a tensor."""
    t = _tensor(interp, data)
    if t is not None:
        t = t.detach().to("cpu").double()
        if t.dim() == 0:
            t = t.reshape(1)
        if t.dim() > 2:
            raise TclError("plot takes a 1-d or 2-d tensor, not %d-d" % t.dim(),
                           ("TCLISH", "PLOT", "SHAPE"))
        rows = t.reshape(1, -1) if t.dim() == 1 else t
        return [row.tolist() for row in rows]
    items = to_list(data)
    if not items:
        raise TclError("nothing to plot", ("TCLISH", "PLOT", "EMPTY"))
    if all(parse_number(to_str(x)) is not None for x in items):
        return [[to_float(x) for x in items]]
    return [[to_float(x) for x in to_list(series)] for series in items]


def _emit(interp, figure, default_file, opts):
    """Show the figure in the notebook, or write it as a PNG; the result."""
    plt = _pyplot()
    buf = io.BytesIO()
    figure.savefig(buf, format="png", dpi=100, bbox_inches="tight")
    plt.close(figure)
    display = interp.extensions.get("display")
    if display is not None and "-file" not in opts:
        display({"image/png": buf.getvalue()})
        return ""
    path = opts.get("-file", default_file)
    try:
        with open(path, "wb") as f:
            f.write(buf.getvalue())
    except OSError as e:
        raise TclError('couldn\'t write "%s": %s' % (path, (e.strerror or str(e)).lower()),
                       ("POSIX", "EIO", str(e))) from None
    return path


@command("plot", 1, None, "data ?-title text? ?-xlabel text? ?-ylabel text? ?-legend names? "
         "?-file name?")
def cmd_plot(interp, argv):
    usage = "plot data ?-option value ...?"
    opts = _options(argv, _PLOT_OPTIONS, usage)
    series = _series(interp, argv[1])
    plt = _pyplot()
    figure, ax = plt.subplots(figsize=(6, 3.5))
    labels = split_list(opts["-legend"]) if "-legend" in opts else []
    for i, ys in enumerate(series):
        ax.plot(range(len(ys)), ys, label=to_str(labels[i]) if i < len(labels) else None)
    if labels:
        ax.legend()
    ax.set_title(opts.get("-title", ""))
    ax.set_xlabel(opts.get("-xlabel", ""))
    ax.set_ylabel(opts.get("-ylabel", ""))
    ax.grid(True, alpha=0.3)
    from matplotlib.ticker import MaxNLocator
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))     # x is a step count
    return _emit(interp, figure, "plot.png", opts)


def image_array(t):
    """A tensor as an [H W] or [H W C] numpy array for imshow, or an error."""
    import torch    # a tensor exists, so torch is already imported
    t = t.detach().to("cpu")
    if t.dim() == 3 and t.shape[0] in (1, 3, 4) and t.shape[-1] not in (3, 4):
        t = t.permute(1, 2, 0)
    if t.dim() == 3 and t.shape[-1] == 1:
        t = t[..., 0]
    if not (t.dim() == 2 or (t.dim() == 3 and t.shape[-1] in (3, 4))):
        raise TclError("show takes a 2-d tensor or an image [C H W] or [H W C] with C 1, 3 or 4;"
                       " got shape %s" % " ".join(str(d) for d in t.shape),
                       ("TCLISH", "SHOW", "SHAPE"))
    t = t.abs() if t.dtype.is_complex else t
    t = t.to(torch.float64)
    if t.dim() == 3:            # colour: matplotlib wants [0, 1] (0..255 pixels scaled)
        t = (t / 255.0 if t.max() > 1.0 else t).clamp(0.0, 1.0)
    return t.numpy()


@command("show", 1, None, "tensor ?-title text? ?-cmap name? ?-file name?")
def cmd_show(interp, argv):
    opts = _options(argv, _SHOW_OPTIONS, "show tensor ?-option value ...?")
    t = _tensor(interp, argv[1])
    if t is None:
        raise TclError('show needs a tensor handle, not "%s"' % to_str(argv[1]),
                       ("TCLISH", "SHOW", "HANDLE"))
    data = image_array(t)
    plt = _pyplot()
    figure, ax = plt.subplots(figsize=(4, 4))
    ax.imshow(data, cmap=opts.get("-cmap", "gray") if data.ndim == 2 else None)
    ax.set_title(opts.get("-title", ""))
    ax.axis("off")
    return _emit(interp, figure, "image.png", opts)
