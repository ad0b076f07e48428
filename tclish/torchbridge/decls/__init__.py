"""All torch command declarations, one module per family; the one list to look at."""

from . import (activation, advanced, advanced_ops, amp, arithmetic, autograd, basic, checkpoint,
               convolution, creation, creation_ext, devices, distributed, info, layers, linalg,
               losses, manipulation, manipulation_ext, math, memory, optim, padding, pooling,
               pooling_ext, quantization, random, reduction, schedulers, signal, sparse, vision,
               vision_ops)

FAMILIES = (creation, creation_ext, arithmetic, math, basic, manipulation, manipulation_ext,
            reduction, advanced, advanced_ops, linalg, signal, random, activation, padding,
            pooling, pooling_ext, convolution, info, autograd, vision, vision_ops, sparse,
            quantization, amp, distributed, memory, layers, losses, optim, schedulers,
            checkpoint, devices)

ALL_SPECS = tuple(spec for family in FAMILIES for spec in family.SPECS)
