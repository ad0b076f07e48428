"""A Jupyter kernel for tclish: cells are Tcl, with torch:: and pictures.

    pip install 'tclish[jupyter]'
    python -m tclish.jupyter install      # the kernel spec (--user, --prefix P)
    jupyter lab                           # then pick "Tcl (tclish)"

`kernel.py` is the kernel (ipykernel's Kernel base class does the protocol);
`__main__.py` installs its spec and is what the spec starts.
"""
