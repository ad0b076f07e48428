"""Fractional max pooling: one ratio stands for every spatial dimension (torch's
functional form wants a tuple there, its module form takes a number)."""

import torch.nn.functional as F


def _fractional(n):
    pool = getattr(F, "fractional_max_pool%dd" % n)

    def fractional(input, kernel_size, output_ratio, output_size, return_indices):
        if output_size is not None:
            output_ratio = None
        elif isinstance(output_ratio, float):
            output_ratio = (output_ratio,) * n
        return pool(input, kernel_size, output_size=output_size, output_ratio=output_ratio,
                    return_indices=return_indices)
    return fractional


fractional_max_pool2d = _fractional(2)
fractional_max_pool3d = _fractional(3)
