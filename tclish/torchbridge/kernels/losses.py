"""Losses torch has no single function for, or whose call needs adapting: KL
divergence without its warning, triplet loss with a distance named by a word, and
TCLIBTORCH's home-made focal, Dice and Tversky losses (formulas below)."""

import warnings

import torch
import torch.nn.functional as F


def _reduce(loss, reduction):
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    return loss


def kl_div(input, target, reduction="mean", log_target=False):
    # torch warns that "mean" is not the mathematical KL divergence ("batchmean"
    # is); the value is PyTorch's, the warning is not for Tcl users
    if reduction != "mean":
        return F.kl_div(input, target, reduction=reduction, log_target=log_target)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return F.kl_div(input, target, reduction=reduction, log_target=log_target)


def _cosine_distance(x, y):
    return 1.0 - F.cosine_similarity(x, y)


_DISTANCES = {"euclidean": F.pairwise_distance, "pairwise": F.pairwise_distance,
              "cosine": _cosine_distance}


def triplet_with_distance(anchor, positive, negative, distance_function="euclidean",
                          margin=1.0, reduction="mean"):
    distance = _DISTANCES.get(distance_function)
    if distance is None:
        raise ValueError('distance function must be euclidean, pairwise or cosine, got "%s"'
                         % distance_function)
    return F.triplet_margin_with_distance_loss(anchor, positive, negative,
                                               distance_function=distance, margin=margin,
                                               reduction=reduction)


def focal(input, target, alpha=1.0, gamma=2.0, reduction="mean"):
    """Multi-class focal loss (Lin et al. 2017) on logits: with ce the per-sample
    cross entropy and p_t = exp(-ce), alpha * (1 - p_t)^gamma * ce."""
    ce = F.cross_entropy(input, target, reduction="none")
    pt = torch.exp(-ce)
    return _reduce(alpha * (1 - pt) ** gamma * ce, reduction)


def dice(input, target, smooth=1.0, reduction="mean"):
    """1 - (2 sum(p t) + smooth) / (sum(p) + sum(t) + smooth), p = sigmoid(input),
    sums over all elements: one value (shape [1] for reduction none)."""
    p = torch.sigmoid(input)
    intersection = (p * target).sum()
    loss = 1 - (2 * intersection + smooth) / (p.sum() + target.sum() + smooth)
    # TCLIBTORCH answers the one value as a 1-element tensor for "none"
    return loss.unsqueeze(0) if reduction == "none" else loss


def tversky(input, target, alpha=0.7, beta=0.3, smooth=1.0, reduction="mean"):
    """1 - (TP + smooth) / (TP + alpha FP + beta FN + smooth) with p = sigmoid(input),
    TP = sum(p t), FP = sum(p (1 - t)), FN = sum((1 - p) t), over all elements."""
    p = torch.sigmoid(input)
    tp = (p * target).sum()
    fp = (p * (1 - target)).sum()
    fn = ((1 - p) * target).sum()
    loss = 1 - (tp + smooth) / (tp + alpha * fp + beta * fn + smooth)
    return loss.unsqueeze(0) if reduction == "none" else loss


def multi_margin(input, target, p="1", margin=1.0, reduction="mean"):
    return F.multi_margin_loss(input, target, p=int(p), margin=margin, reduction=reduction)



def _quiet_on_broadcast(func):
    """func, silencing the warning torch gives when input and target shapes differ
    (they broadcast; the value is PyTorch's, the warning text is not for Tcl users).
    Equal shapes, the usual case, skip the cost of catching warnings."""
    def run(input, target, *args, **kwargs):
        if input.shape == target.shape:
            return func(input, target, *args, **kwargs)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return func(input, target, *args, **kwargs)
    run.__name__ = func.__name__
    return run


mse_loss = _quiet_on_broadcast(F.mse_loss)
l1_loss = _quiet_on_broadcast(F.l1_loss)
smooth_l1_loss = _quiet_on_broadcast(F.smooth_l1_loss)
huber_loss = _quiet_on_broadcast(F.huber_loss)
