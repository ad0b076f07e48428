"""LR schedulers (learning_rate_schedulers and the schedulers of
extended_optimizers): torch.optim.lr_scheduler's, named with TCLIBTORCH's
prefixes (`step_scheduler3`).  lr_scheduler_step_update (or _step_advanced)
advances one, get_lr reads the optimizer's rate, get_lr_advanced the scheduler's."""

from ..convert import (DOUBLE, INT, INT_LIST, OPTIMIZER, SCHEDULER, SCRIPT, Choice, Double,
                       Int)
from ..spec import CommandSpec, Param

_K = ".kernels.schedulers:"
_OPT = "torch::optimizer_sgd {torch::linear 2 1} 0.1"
_SCHED = "torch::lr_scheduler_step {torch::optimizer_sgd {torch::linear 2 1} 0.1} 2"


def _optimizer():
    return Param("optimizer", OPTIMIZER, help="optimizer handle", aliases=("opt",),
                 example=_OPT)


def _sched(name, params, func, prefix, help, args="", context=False, legacy=()):
    example = ("set opt [torch::optimizer_sgd [torch::linear 2 1] 0.1]\n"
               "set s [torch::%s $opt%s]\n"
               "torch::lr_scheduler_step_update $s%s\ntorch::get_lr $opt"
               % (name, args, " 1.0" if "plateau" in func else ""))
    return CommandSpec(name, [_optimizer()] + params, _K + func, help, returns="handle",
                       handle=("scheduler", prefix), context=context, legacy_names=legacy,
                       example=example)


_ETA_MIN = Param("eta_min", DOUBLE, 0.0, "smallest learning rate")
# -T_max, -T_0, -T_mult: PyTorch's own spellings, which TCLIBTORCH's scripts use
_T_MAX = Param("t_max", Int(1), help="iterations of a half cosine period", aliases=("T_max",),
               example="10")
_LAST = Param("last_epoch", INT, -1, "the last step done (resuming); -1 to start")
_PLATEAU = [Param("mode", Choice("min", "max"), "min", "whether the metric should fall or rise"),
            # torch refuses only factor >= 1 (the kernel says so); 0 or less: min_lr
            Param("factor", DOUBLE, 0.1, "lr multiplier on a plateau (less than 1)"),
            Param("patience", Int(0), 10, "steps without improvement before reducing")]


SPECS = [
    # ---- learning_rate_schedulers ----
    _sched("lr_scheduler_step",
           [Param("step_size", Int(1), help="steps between decays", example="2"),
            Param("gamma", Double(0.0), 0.1, "decay factor")],
           "step", "step_scheduler", "StepLR: multiply the lr by gamma every step_size steps.",
           " 2 0.5"),
    _sched("lr_scheduler_multi_step",
           [Param("milestones", INT_LIST, help="steps at which to decay", example="2 4"),
            Param("gamma", Double(0.0), 0.1, "decay factor")],
           "multi_step", "multi_step_scheduler",
           "MultiStepLR: multiply the lr by gamma at each milestone.", " {1 3}"),
    _sched("lr_scheduler_exponential",
           [Param("gamma", Double(0.0), 0.95, "decay factor per step", aliases=("decay",))],
           "exponential", "exp_scheduler", "ExponentialLR: multiply the lr by gamma each step.",
           " 0.9"),
    _sched("lr_scheduler_cosine", [_T_MAX, _ETA_MIN], "cosine", "cosine_scheduler",
           "CosineAnnealingLR over T_max steps.", " 10"),
    _sched("lr_scheduler_cosine_annealing", [_T_MAX, _ETA_MIN], "cosine",
           "cosine_annealing_scheduler", "CosineAnnealingLR over T_max steps.", " 10"),
    _sched("lr_scheduler_cosine_annealing_warm_restarts",
           [Param("t0", Int(1), help="steps to the first restart", aliases=("t_0", "T_0", "T0"),
                  example="5"),
            Param("t_mult", Int(1), 1, "period growth factor after each restart",
                  aliases=("T_mult",)),
            _ETA_MIN],
           "cosine_warm_restarts", "cosine_warm_scheduler",
           "CosineAnnealingWarmRestarts (SGDR).", " 5 2"),
    _sched("lr_scheduler_multiplicative",
           [Param("lr_lambda", SCRIPT, 0.95,
                  "factor per step: a number, or a command prefix called with the epoch",
                  aliases=("factor",), example="0.9")],
           "multiplicative", "mult_scheduler",
           "MultiplicativeLR: each step multiplies the lr by the factor.", " 0.9", True),
    _sched("lr_scheduler_polynomial",
           [Param("total_iters", Int(1), help="steps of decay", example="10"),
            Param("power", DOUBLE, 1.0, "polynomial power"), _LAST],
           "polynomial", "poly_scheduler", "PolynomialLR: decay to 0 over total_iters steps.",
           " 10 2.0"),
    _sched("lr_scheduler_linear_with_warmup",
           [Param("num_warmup_steps", Int(0), help="warm-up steps", aliases=("warmup_steps",),
                  example="2"),
            Param("num_training_steps", Int(1), help="total steps",
                  aliases=("training_steps", "total_steps"), example="10"), _LAST],
           "linear_with_warmup", "linear_warmup_scheduler",
           "Linear warm-up from 0, then linear decay to 0.", " 2 10"),
    _sched("lr_scheduler_constant_with_warmup",
           [Param("num_warmup_steps", Int(0), help="warm-up steps", aliases=("warmup_steps",),
                  example="2"), _LAST],
           "constant_with_warmup", "constant_warmup_scheduler",
           "Linear warm-up from 0, then the base lr.", " 2"),
    _sched("lr_scheduler_plateau", list(_PLATEAU), "plateau", "plateau_scheduler",
           "ReduceLROnPlateau: step it with the metric it watches.", ""),
    _sched("lr_scheduler_inverse_sqrt",
           [Param("warmup_steps", Int(1), help="warm-up steps", example="4"),
            Param("decay_factor", Double(0.0), 1.0, "scale of the schedule")],
           "inverse_sqrt", "inverse_sqrt_scheduler",
           "Linear warm-up, then decay as 1/sqrt(step).", " 4"),
    _sched("lr_scheduler_noam",
           [Param("model_size", Int(1), help="d_model", example="16"),
            Param("warmup_steps", Int(1), 4000, "warm-up steps")],
           "noam", "noam_scheduler",
           "The Transformer schedule d^-0.5 min(s^-0.5, s w^-1.5) times the base lr.",
           " 16 4"),
    _sched("lr_scheduler_onecycle_advanced",
           [Param("max_lr", Double(0.0), help="peak learning rate", example="0.5"),
            Param("total_steps", Int(1), help="steps of the cycle", example="10"),
            Param("pct_start", Double(0.0, 1.0), 0.3, "share of the cycle spent rising"),
            Param("anneal_strategy", Choice("cos", "linear"), "cos", "annealing shape"),
            Param("div_factor", Double(0.0), 25.0, "initial lr = max_lr / div_factor"),
            Param("final_div_factor", Double(0.0), 1e4,
                  "final lr = initial lr / final_div_factor")],
           "one_cycle", "onecycle_adv_scheduler", "OneCycleLR.", " 0.5 10"),
    CommandSpec("lr_scheduler_step_update",
                [Param("scheduler", SCHEDULER, help="scheduler handle", example=_SCHED),
                 Param("metric", DOUBLE, None, "the watched metric (plateau schedulers)")],
                _K + "step_update", "Advance a scheduler one step; answers OK.",
                returns="value",
                example="set opt [torch::optimizer_sgd [torch::linear 2 1] 0.1]\n"
                        "set s [torch::lr_scheduler_step $opt 1 0.5]\n"
                        "torch::lr_scheduler_step_update $s\ntorch::get_lr $opt"),
    # ---- extended_optimizers' schedulers ----
    _sched("lr_scheduler_lambda",
           [Param("multiplier", SCRIPT, 1.0,
                  "lr = base lr * f(epoch): a number, or a command prefix called with the "
                  "epoch", aliases=("lambda", "lr_lambda"), example="0.5")],
           "lambda_lr", "lambda_scheduler",
           "LambdaLR with a constant factor or a Tcl command (`apply {e {expr {0.9**$e}}}`).",
           " {apply {e {expr {0.9 ** $e}}}}", True),
    _sched("lr_scheduler_exponential_decay",
           [Param("gamma", Double(0.0), 0.95, "decay factor per step", aliases=("decay",))],
           "exponential", "scheduler", "ExponentialLR.", " 0.9"),
    _sched("lr_scheduler_cyclic",
           [Param("base_lr", Double(0.0), help="lowest lr", example="0.01"),
            Param("max_lr", Double(0.0), help="highest lr", example="0.1"),
            Param("step_size", Int(1), 2000, "steps of half a cycle", example="2"),
            Param("mode", Choice("triangular", "triangular2", "exp_range"), "triangular",
                  "cycle shape"),
            Param("gamma", Double(0.0), 1.0, "exp_range decay")],
           "cyclic", "cyclic_scheduler", "CyclicLR.", " 0.01 0.1 2"),
    _sched("lr_scheduler_one_cycle",
           [Param("max_lr", Double(0.0), help="peak learning rate", example="0.5"),
            Param("total_steps", Int(1), help="steps of the cycle", example="10"),
            Param("pct_start", Double(0.0, 1.0), 0.3, "share of the cycle spent rising"),
            Param("anneal_strategy", Choice("cos", "linear"), "cos", "annealing shape"),
            Param("div_factor", Double(0.0), 25.0, "initial lr = max_lr / div_factor")],
           "one_cycle", "scheduler", "OneCycleLR.", " 0.5 10"),
    _sched("lr_scheduler_reduce_on_plateau",
           list(_PLATEAU) + [
               Param("threshold", Double(0.0), 1e-4, "least change that counts"),
               Param("threshold_mode", Choice("rel", "abs"), "rel", "relative or absolute"),
               Param("min_lr", Double(0.0), 0.0, "lowest lr")],
           "plateau", "scheduler", "ReduceLROnPlateau: step it with the metric it watches.", ""),
    CommandSpec("lr_scheduler_step_advanced",
                [Param("scheduler", SCHEDULER, help="scheduler handle", example=_SCHED),
                 Param("metric", DOUBLE, None, "the watched metric (plateau schedulers)")],
                _K + "step_update", "Advance a scheduler one step; answers OK.",
                returns="value",
                example="set opt [torch::optimizer_sgd [torch::linear 2 1] 0.1]\n"
                        "set s [torch::lr_scheduler_plateau $opt min 0.5 0]\n"
                        "torch::lr_scheduler_step_advanced $s 1.0\n"
                        "torch::lr_scheduler_step_advanced $s 2.0\ntorch::get_lr $opt"),
    CommandSpec("get_lr_advanced",
                [Param("scheduler", SCHEDULER, help="scheduler handle", example=_SCHED)],
                _K + "current_lr", "The learning rate the scheduler has set.",
                returns="value",
                example="set opt [torch::optimizer_sgd [torch::linear 2 1] 0.1]\n"
                        "torch::get_lr_advanced [torch::lr_scheduler_exponential $opt 0.9]"),
]
