"""Losses (loss_functions, extended_loss_functions): PyTorch's functional losses.

Every `reduction` accepts none/mean/sum and TCLIBTORCH's 0/1/2 for them.  Where
torch.nn.functional has the loss, the declaration points straight at it."""

from ..convert import BOOL, DOUBLE, OPTIONAL_TENSOR, REDUCTION, TENSOR, Choice, Double
from ..spec import CommandSpec, Param

_F = "torch.nn.functional:"
_K = ".kernels.losses:"
_V2 = "-data {{0.2 0.8} {0.6 0.4}} -dtype float32"
_V2B = "-data {{0.1 0.9} {0.7 0.2}} -dtype float32"
_CLASS = "-data {1 0} -dtype int64"
_SIGN = "-data {1.0 -1.0} -dtype float32"
_X = "-data {0.5 1.5 -1.0} -dtype float32"
_Y = "-data {1.0 1.0 0.0} -dtype float32"


def _reduction(keyword=True):
    return Param("reduction", REDUCTION, "mean", "none, mean or sum (or 0, 1, 2)",
                 keyword=keyword)


def _input(example=_X):
    return Param("input", TENSOR, help="predictions", aliases=("tensor",), example=example)


def _target(example=_Y):
    return Param("target", TENSOR, help="targets", example=example)


def _loss(name, params, func, help, example, legacy=()):
    return CommandSpec(name, params, func, help, legacy_names=legacy, example=example)


_EX = "set a [torch::tensor_create {0.5 1.5 -1.0}]\nset b [torch::tensor_create {1.0 1.0 0.0}]\n"
_EXC = ("set x [torch::tensor_create {{2.0 0.5} {0.1 1.5}}]\n"
        "set t [torch::tensor_create {0 1} int64]\n")

SPECS = [
    # ---- loss_functions ----
    _loss("mse_loss", [_input(), _target(), _reduction()], _K + "mse_loss",
          "Mean squared error.", _EX + "torch::tensor_item [torch::mse_loss $a $b]"),
    _loss("cross_entropy_loss",
          [_input(_V2), _target(_CLASS),
           Param("weight", OPTIONAL_TENSOR, None, "per-class weights"), _reduction()],
          _F + "cross_entropy", "Cross entropy of logits and class indices (or probabilities).",
          _EXC + "torch::tensor_item [torch::cross_entropy_loss $x $t]"),
    _loss("nll_loss",
          [_input(_V2), _target(_CLASS),
           Param("weight", OPTIONAL_TENSOR, None, "per-class weights"), _reduction()],
          _F + "nll_loss", "Negative log likelihood of log-probabilities and class indices.",
          "set lp [torch::tensor_create {{-0.3 -1.4} {-2.0 -0.15}}]\n"
          "torch::tensor_item [torch::nll_loss $lp [torch::tensor_create {0 1} int64]]"),
    _loss("bce_loss",
          [_input("-data {0.2 0.9 0.4} -dtype float32"), _target(),
           Param("weight", OPTIONAL_TENSOR, None, "per-element weights"), _reduction()],
          _F + "binary_cross_entropy", "Binary cross entropy of probabilities.",
          "set p [torch::tensor_create {0.2 0.9}]\nset y [torch::tensor_create {0.0 1.0}]\n"
          "torch::tensor_item [torch::bce_loss $p $y]"),
    # ---- extended_loss_functions ----
    _loss("l1_loss", [_input(), _target(), _reduction()], _K + "l1_loss",
          "Mean absolute error.", _EX + "torch::tensor_item [torch::l1_loss $a $b]"),
    _loss("smooth_l1_loss",
          [_input(), _target(), _reduction(),
           Param("beta", Double(0.0), 1.0, "where the loss turns from quadratic to linear",
                 keyword=True)],
          _K + "smooth_l1_loss", "Smooth L1 loss.",
          _EX + "torch::tensor_item [torch::smooth_l1_loss $a $b sum 0.5]"),
    _loss("huber_loss",
          [_input(), _target(), _reduction(),
           Param("delta", Double(0.0), 1.0, "where the loss turns from quadratic to linear",
                 keyword=True)],
          _K + "huber_loss", "Huber loss.",
          _EX + "torch::tensor_item [torch::huber_loss $a $b mean 0.5]"),
    _loss("kl_div_loss",
          [_input("-data {-1.2 -0.4 -2.0} -dtype float32"),
           _target("-data {0.3 0.5 0.2} -dtype float32"), _reduction(False),
           Param("log_target", BOOL, False, "the target is log-probabilities")],
          _K + "kl_div", "Kullback-Leibler divergence of log-probabilities from a target.",
          "set lp [torch::tensor_create {-1.2 -0.4 -2.0}]\n"
          "torch::tensor_item [torch::kl_div_loss $lp "
          "[torch::tensor_create {0.3 0.5 0.2}] sum]"),
    _loss("cosine_embedding_loss",
          [Param("input1", TENSOR, help="[N, D]", example=_V2),
           Param("input2", TENSOR, help="[N, D]", example=_V2B),
           _target(_SIGN), Param("margin", Double(-1.0, 1.0), 0.0, "margin for -1 pairs"),
           _reduction()],
          _F + "cosine_embedding_loss", "Cosine embedding loss of pairs labelled 1 / -1.",
          "set a [torch::tensor_create {{1.0 0.0} {0.0 1.0}}]\n"
          "set b [torch::tensor_create {{1.0 1.0} {1.0 0.0}}]\n"
          "torch::tensor_item [torch::cosine_embedding_loss $a $b "
          "[torch::tensor_create {1.0 -1.0}]]"),
    _loss("margin_ranking_loss",
          [Param("input1", TENSOR, help="scores", example=_X),
           Param("input2", TENSOR, help="scores", example=_Y),
           _target("-data {1.0 -1.0 1.0} -dtype float32"),
           Param("margin", DOUBLE, 0.0, "margin"), _reduction()],
          _F + "margin_ranking_loss", "max(0, -y (x1 - x2) + margin).",
          _EX + "torch::tensor_item [torch::margin_ranking_loss $a $b "
          "[torch::tensor_create {1.0 -1.0 1.0}]]"),
    _loss("hinge_embedding_loss",
          [_input(), _target("-data {1.0 -1.0 -1.0} -dtype float32"),
           Param("margin", DOUBLE, 1.0, "margin for -1 targets"), _reduction()],
          _F + "hinge_embedding_loss", "x for y = 1, max(0, margin - x) for y = -1.",
          "torch::tensor_item [torch::hinge_embedding_loss [torch::tensor_create {0.3 0.5}] "
          "[torch::tensor_create {1.0 -1.0}]]"),
    _loss("multi_margin_loss",
          [_input(_V2), _target(_CLASS), Param("p", Choice("1", "2"), "1", "norm degree 1 or 2"),
           Param("margin", DOUBLE, 1.0, "margin"), _reduction()],
          ".kernels.losses:multi_margin", "Multi-class hinge loss.",
          _EXC + "torch::tensor_item [torch::multi_margin_loss $x $t]"),
    _loss("multilabel_margin_loss",
          [_input(_V2), _target("-data {{1 -1} {0 -1}} -dtype int64"), _reduction()],
          _F + "multilabel_margin_loss",
          "Multi-label hinge loss; each target row lists class indices, ended by -1.",
          "torch::tensor_item [torch::multilabel_margin_loss "
          "[torch::tensor_create {{0.1 0.9 0.4}}] [torch::tensor_create {{1 -1 0}} int64]]"),
    _loss("multilabel_soft_margin_loss",
          [_input(_V2), _target("-data {{0.0 1.0} {1.0 0.0}} -dtype float32"), _reduction()],
          _F + "multilabel_soft_margin_loss", "Multi-label one-versus-all logistic loss.",
          "torch::tensor_item [torch::multilabel_soft_margin_loss "
          "[torch::tensor_create {{0.1 0.9}}] [torch::tensor_create {{0.0 1.0}}]]"),
    _loss("soft_margin_loss", [_input(), _target(_SIGN.replace("}", " 1.0}", 1)), _reduction()],
          _F + "soft_margin_loss", "Two-class logistic loss log(1 + exp(-y x)).",
          _EX + "torch::tensor_item [torch::soft_margin_loss $a "
          "[torch::tensor_create {1.0 -1.0 1.0}]]"),
    _loss("triplet_margin_loss",
          [Param("anchor", TENSOR, help="[N, D]", example=_V2),
           Param("positive", TENSOR, help="[N, D]", example=_V2B),
           Param("negative", TENSOR, help="[N, D]", example="-data {{1.0 0.0} {0.0 1.0}}"
                                                            " -dtype float32"),
           Param("margin", DOUBLE, 1.0, "margin"), Param("p", Double(0.0), 2.0, "norm degree"),
           _reduction()],
          _F + "triplet_margin_loss", "max(d(a, p) - d(a, n) + margin, 0).",
          "set a [torch::tensor_create {{0.0 1.0}}]\n"
          "torch::tensor_item [torch::triplet_margin_loss $a "
          "[torch::tensor_create {{0.0 0.9}}] [torch::tensor_create {{1.0 0.0}}]]"),
    _loss("triplet_margin_with_distance_loss",
          [Param("anchor", TENSOR, help="[N, D]", example=_V2),
           Param("positive", TENSOR, help="[N, D]", example=_V2B),
           Param("negative", TENSOR, help="[N, D]", example="-data {{1.0 0.0} {0.0 1.0}}"
                                                            " -dtype float32"),
           Param("distance_function", Choice("euclidean", "pairwise", "cosine"), "euclidean",
                 "distance", aliases=("distance",)),
           Param("margin", Double(0.0), 1.0, "margin"), _reduction(False)],
          _K + "triplet_with_distance", "Triplet loss with a named distance.",
          "set a [torch::tensor_create {{0.0 1.0}}]\n"
          "torch::tensor_item [torch::triplet_margin_with_distance_loss $a "
          "[torch::tensor_create {{0.0 0.9}}] [torch::tensor_create {{1.0 0.0}}] cosine]"),
    _loss("poisson_nll_loss",
          [_input(), _target("-data {1.0 2.0 0.0} -dtype float32"),
           Param("log_input", BOOL, True, "the input is log(rate)"),
           Param("full", BOOL, False, "add the Stirling term"), _reduction()],
          _F + "poisson_nll_loss", "Poisson negative log likelihood.",
          _EX + "torch::tensor_item [torch::poisson_nll_loss $a $b]"),
    _loss("gaussian_nll_loss",
          [_input(), _target(), Param("var", TENSOR, help="variances (positive)",
                                      example="-data {0.5 1.0 2.0} -dtype float32"),
           Param("full", BOOL, False, "add the constant term"),
           Param("eps", Double(0.0), 1e-6, "variance clamp"), _reduction(False)],
          _F + "gaussian_nll_loss", "Gaussian negative log likelihood.",
          _EX + "torch::tensor_item [torch::gaussian_nll_loss $a $b [torch::ones {3}]]"),
    _loss("focal_loss",
          [_input(_V2), _target(_CLASS), Param("alpha", DOUBLE, 1.0, "class balance weight"),
           Param("gamma", Double(0.0), 2.0, "focusing exponent"), _reduction(False)],
          _K + "focal", "Multi-class focal loss alpha (1 - p_t)^gamma CE of logits.",
          _EXC + "torch::tensor_item [torch::focal_loss $x $t]"),
    _loss("dice_loss",
          [_input(), _target(), Param("smooth", Double(0.0), 1.0, "smoothing"),
           _reduction(False)],
          _K + "dice", "1 - Dice coefficient of sigmoid(input) and a binary target.",
          _EX + "torch::tensor_item [torch::dice_loss $a $b]"),
    _loss("tversky_loss",
          [_input(), _target(), Param("alpha", Double(0.0), 0.7, "false-positive weight"),
           Param("beta", Double(0.0), 0.3, "false-negative weight"),
           Param("smooth", Double(0.0), 1.0, "smoothing"), _reduction(False)],
          _K + "tversky", "1 - Tversky index of sigmoid(input) and a binary target.",
          _EX + "torch::tensor_item [torch::tversky_loss $a $b]"),
]
