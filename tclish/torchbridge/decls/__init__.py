"""All torch command declarations, one module per family; the one list to look at."""

from . import (activation, advanced, advanced_ops, arithmetic, autograd, basic, convolution,
               amp, creation, creation_ext, distributed, info, quantization, sparse, vision_ops, linalg, manipulation, manipulation_ext, math, padding,
               pooling, pooling_ext, random, reduction, signal, vision, memory)
from . import checkpoint, devices, layers, losses, optim, schedulers

FAMILIES = (creation, creation_ext, arithmetic, math, basic, manipulation, manipulation_ext,
            reduction, advanced, advanced_ops, linalg, signal, random, activation, padding,
            pooling, pooling_ext, convolution, info, autograd, vision, vision_ops, sparse,
            quantization, amp, distributed, memory, layers, losses, optim, schedulers,
            checkpoint, devices)

ALL_SPECS = tuple(spec for family in FAMILIES for spec in family.SPECS)
