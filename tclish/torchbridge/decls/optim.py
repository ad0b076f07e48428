"""Optimizers (basic_optimizers, additional_optimizers, the optimizers of
extended_optimizers): torch.optim's classes, plus LAMB and NovoGrad.

`parameters` is a module handle, one tensor handle or a list of them.  An
optimizer answers a handle `optimizer<N>`; optimizer_step runs one step
(LBFGS with a Tcl closure script), optimizer_zero_grad clears gradients, get_lr
and optimizer_set_lr read and write the learning rate of every parameter group.
"""

from ..convert import (BOOL, DOUBLE, DOUBLE_LIST, OPTIMIZER, PARAMETERS, SCRIPT, Choice,
                       Double, Int)
from ..spec import CommandSpec, Param

_K = ".kernels.optim:"
_PARAMS_EX = "-data {1.0 2.0} -requiresGrad 1"
_OPT = "torch::optimizer_sgd {torch::linear 2 1} 0.1"


def _params():
    return Param("parameters", PARAMETERS, help="module handle or list of tensor handles",
                 aliases=("params",), example=_PARAMS_EX)


def _lr(default, example=None):
    return Param("lr", Double(), default, "learning rate", aliases=("learning_rate",),
                 example=example)


def _optimizer(name, params, func, help, legacy=()):
    example = ("set fc [torch::linear 2 1]\nset opt [torch::%s [torch::layer_parameters $fc]"
               "%s]\ntorch::get_lr $opt" % (name, "" if not params[0].required else " 0.01"))
    return CommandSpec(name, [_params()] + params, _K + func, help, returns="handle",
                       handle=("optimizer", "optimizer"), legacy_names=legacy, example=example)


_EPS = Param("eps", Double(0.0), 1e-8, "added to the denominator", aliases=("epsilon",))
_WD = Param("weight_decay", Double(0.0), 0.0, "L2 penalty")
_B1 = Param("beta1", Double(0.0, 1.0), 0.9, "first-moment decay")
_B2 = Param("beta2", Double(0.0, 1.0), 0.999, "second-moment decay")
_BETAS = Param("betas", DOUBLE_LIST, None, "{beta1 beta2} (or give -beta1 and -beta2)")

SPECS = [
    # ---- basic_optimizers ----
    _optimizer("optimizer_sgd",
               [Param("lr", Double(), help="learning rate", aliases=("learning_rate",),
                      example="0.1"),
                Param("momentum", Double(0.0), 0.0, "momentum factor"),
                Param("dampening", Double(0.0), 0.0, "dampening of the momentum"),
                _WD, Param("nesterov", BOOL, False, "Nesterov momentum")],
               "sgd", "Stochastic gradient descent (torch.optim.SGD)."),
    _optimizer("optimizer_adam",
               [Param("lr", Double(), help="learning rate", aliases=("learning_rate",),
                      example="0.01"),
                _B1, _B2, _WD, _EPS, Param("amsgrad", BOOL, False, "the AMSGrad variant")],
               "adam", "Adam (torch.optim.Adam)."),
    CommandSpec("optimizer_step",
                [Param("optimizer", OPTIMIZER, help="optimizer handle", aliases=("opt",),
                       example=_OPT),
                 Param("closure", SCRIPT, None,
                       "script that recomputes the loss and answers its handle (LBFGS)")],
                _K + "step", "One optimization step; answers OK.", returns="value",
                context=True,
                example="set w [torch::tensor_create -data {1.0 2.0} -requiresGrad 1]\n"
                        "set opt [torch::optimizer_sgd [list $w] 0.1]\n"
                        "torch::tensor_backward [torch::tensor_sum [torch::tensor_mul $w $w]]\n"
                        "torch::optimizer_step $opt\ntorch::tensor_to_list $w"),
    CommandSpec("optimizer_zero_grad",
                [Param("optimizer", OPTIMIZER, help="optimizer handle", aliases=("opt",),
                       example=_OPT),
                 Param("set_to_none", BOOL, True, "drop the gradients instead of zeroing them")],
                _K + "zero_grad", "Clear the gradients of the optimizer's parameters; "
                "answers OK.", returns="value",
                example="set opt [torch::optimizer_sgd [torch::linear 2 1] 0.1]\n"
                        "torch::optimizer_zero_grad $opt"),
    CommandSpec("get_lr",
                [Param("optimizer", OPTIMIZER, help="optimizer handle", aliases=("opt",),
                       example=_OPT)],
                _K + "get_lr", "The learning rate (of the first parameter group).",
                returns="value",
                example="torch::get_lr [torch::optimizer_adam [torch::linear 2 1] 0.01]"),
    CommandSpec("optimizer_set_lr",
                [Param("optimizer", OPTIMIZER, help="optimizer handle", aliases=("opt",),
                       example=_OPT),
                 Param("lr", Double(0.0), help="new learning rate", aliases=("learning_rate",),
                       example="0.05")],
                _K + "set_lr", "Set the learning rate of every parameter group; answers it.",
                returns="value",
                example="set opt [torch::optimizer_sgd [torch::linear 2 1] 0.1]\n"
                        "torch::optimizer_set_lr $opt 0.05\ntorch::get_lr $opt"),
    # ---- additional_optimizers ----
    _optimizer("optimizer_adamw",
               [Param("lr", Double(), 1e-3, "learning rate", aliases=("learning_rate",)),
                Param("weight_decay", DOUBLE, 0.01, "decoupled weight decay"),
                _B1, _B2, _EPS, Param("amsgrad", BOOL, False, "the AMSGrad variant")],
               "adamw", "Adam with decoupled weight decay (torch.optim.AdamW).",
               legacy=("optimizerAdamW",)),
    _optimizer("optimizer_adagrad",
               [Param("lr", Double(), help="learning rate", aliases=("learning_rate",),
                      example="0.1"),
                Param("eps", Double(0.0), 1e-10, "added to the denominator",
                      aliases=("epsilon",)),
                _WD, Param("lr_decay", Double(0.0), 0.0, "learning-rate decay")],
               "adagrad", "Adagrad (torch.optim.Adagrad)."),
    _optimizer("optimizer_momentum_sgd",
               [Param("lr", Double(), help="learning rate", aliases=("learning_rate",),
                      example="0.1"),
                Param("momentum", Double(0.0), 0.9, "momentum factor"), _WD,
                Param("nesterov", BOOL, False, "Nesterov momentum")],
               "momentum_sgd", "SGD with momentum (torch.optim.SGD, momentum 0.9)."),
    _optimizer("optimizer_rmsprop",
               [Param("lr", Double(), help="learning rate", aliases=("learning_rate",),
                      example="0.01"),
                Param("alpha", Double(0.0), 0.99, "smoothing constant"), _EPS, _WD,
                Param("momentum", Double(0.0), 0.0, "momentum factor"),
                Param("centered", BOOL, False, "normalise by the gradient's variance")],
               "rmsprop", "RMSprop (torch.optim.RMSprop)."),
    # ---- extended_optimizers ----
    _optimizer("optimizer_lbfgs",
               [_lr(1.0), Param("max_iter", Int(1), 20, "iterations per step"),
                Param("max_eval", Int(1), None, "function evaluations per step "
                                                "(default max_iter * 5 / 4)"),
                Param("tolerance_grad", Double(0.0), 1e-7, "gradient tolerance"),
                Param("tolerance_change", Double(0.0), 1e-9, "change tolerance"),
                Param("history_size", Int(1), 100, "update history kept"),
                Param("line_search_fn", Choice("none", "strong_wolfe"), "none",
                      "line search")],
               "lbfgs", "L-BFGS (torch.optim.LBFGS); optimizer_step needs a closure script."),
    _optimizer("optimizer_rprop",
               [_lr(1e-2), Param("etas", DOUBLE_LIST, None, "{eta_minus eta_plus}"),
                Param("step_sizes", DOUBLE_LIST, None, "{min max} step size"),
                Param("eta_minus", Double(0.0, 1.0), 0.5, "step decrease factor"),
                Param("eta_plus", Double(1.0), 1.2, "step increase factor"),
                Param("step_size_min", Double(0.0), 1e-6, "smallest step"),
                Param("step_size_max", Double(0.0), 50.0, "largest step")],
               "rprop", "Resilient backpropagation (torch.optim.Rprop)."),
    _optimizer("optimizer_adamax",
               [_lr(2e-3), _BETAS, _EPS, _WD, _B1, _B2],
               "adamax", "Adamax, Adam with the infinity norm (torch.optim.Adamax)."),
    _optimizer("optimizer_nadam",
               [_lr(2e-3), _BETAS, _EPS, _WD,
                Param("momentum_decay", Double(0.0), 4e-3, "momentum decay psi"), _B1, _B2],
               "nadam", "Adam with Nesterov momentum (torch.optim.NAdam)."),
    _optimizer("optimizer_radam",
               [_lr(1e-3), _BETAS, _EPS, _WD, _B1, _B2],
               "radam", "Rectified Adam (torch.optim.RAdam).", legacy=("optimizerRAdam",)),
    _optimizer("optimizer_sparse_adam",
               [_lr(1e-3), _B1, _B2, _EPS, _WD],
               "sparse_adam", "Adam for sparse gradients (torch.optim.SparseAdam)."),
    _optimizer("optimizer_adafactor",
               [_lr(1e-2), Param("eps2", Double(0.0), None, "added to the squared gradient "
                                                            "(default: the dtype's eps)"),
                Param("clip_threshold", Double(0.0), 1.0, "update clipping threshold d"),
                Param("decay_rate", DOUBLE, -0.8, "second-moment decay exponent"),
                Param("beta1", DOUBLE, -1.0, "first moment: only -1 (none) is supported"),
                _WD],
               "adafactor", "Adafactor (torch.optim.Adafactor)."),
    _optimizer("optimizer_lamb",
               [_lr(1e-3), _BETAS,
                Param("eps", Double(0.0), 1e-6, "added to the denominator",
                      aliases=("epsilon",)),
                Param("weight_decay", Double(0.0), 0.01, "weight decay"), _B1, _B2],
               "lamb", "LAMB: Adam with a per-tensor trust ratio (You et al. 2019)."),
    _optimizer("optimizer_novograd",
               [_lr(1e-3), _BETAS, _EPS, _WD,
                Param("beta1", Double(0.0, 1.0), 0.95, "first-moment decay"),
                Param("beta2", Double(0.0, 1.0), 0.98, "second-moment decay")],
               "novograd", "NovoGrad: layer-wise second moments (Ginsburg et al. 2019)."),
]
