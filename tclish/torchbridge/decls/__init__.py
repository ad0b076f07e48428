"""All torch command declarations, one module per family; the one list to look at."""

from . import arithmetic, autograd, creation, info, manipulation, pooling, reduction, vision

FAMILIES = (creation, arithmetic, manipulation, reduction, info, autograd, pooling, vision)

ALL_SPECS = tuple(spec for family in FAMILIES for spec in family.SPECS)
