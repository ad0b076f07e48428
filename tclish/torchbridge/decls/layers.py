"""Layers: module constructors (basic_layers, advanced_layers, recurrent_layers), the
forward pass, the training-workflow and model commands (layer_parameters,
model_train/eval, freeze, count_parameters, model_summary), and the functional
layers of those families (instance/batch/RMS norms, LRN, embeddings, transformer
pieces).

A constructor answers a module handle named with TCLIBTORCH's prefix (`linear3`,
`sequential4`); the module is PyTorch's own, initialised by PyTorch from the global
generator, so `torch::manual_seed N` gives the weights Python gets after
`torch.manual_seed(N)`.
"""

from ..convert import (BOOL, DOUBLE, INT, INT_LIST, MODULE, MODULE_LIST, MODULE_NAME,
                       OPTIONAL_TENSOR, TENSOR, TENSOR_LIST, Choice, Double, Int)
from ..spec import CommandSpec, Param

_K = ".kernels.layers:"
_LINEAR = "torch::linear 4 2"
_X4 = "-data {{1.0 2.0 3.0 4.0}} -dtype float32"
_IMG = "-data {1.0 2.0 3.0 4.0 5.0 6.0 7.0 8.0} -shape {1 2 2 2} -dtype float32"
_SEQ = "-data {1.0 2.0 3.0 4.0 5.0 6.0} -shape {3 1 2} -dtype float32"


def _module(name, params, func, prefix, help, example, legacy=()):
    return CommandSpec(name, params, func, help, returns="handle", handle=("module", prefix),
                       deterministic=False, legacy_names=legacy, example=example)


def _model(name, func, help, example, kind=MODULE, returns="value", context=False):
    return CommandSpec(name, [Param("model", kind, help="module handle",
                                    aliases=("module", "layer"), example=_LINEAR)],
                       _K + func, help, returns=returns, context=context, example=example)


def _recurrent(name, prefix, what, legacy=()):
    return _module(
        name,
        [Param("input_size", Int(1), help="features of each input step", example="2"),
         Param("hidden_size", Int(1), help="features of the hidden state", example="3"),
         Param("num_layers", Int(1), 1, "stacked recurrent layers"),
         Param("bias", BOOL, True, "use bias weights"),
         Param("batch_first", BOOL, False, "input and output are [batch, seq, feature]"),
         Param("dropout", Double(0.0, 1.0), 0.0, "dropout between stacked layers"),
         Param("bidirectional", BOOL, False, "run in both directions")],
        _K + name, prefix, what,
        "set m [torch::%s 2 3]\nset x [torch::randn {5 1 2}]\n"
        "lassign [torch::layer_forward $m $x] out h\ntorch::tensor_shape $out" % name, legacy)


_NORM_OPTS = [
    Param("eps", Double(0.0), 1e-5, "added to the variance", aliases=("epsilon",)),
    Param("momentum", Double(0.0, 1.0), 0.1, "running statistics momentum (0 to 1)"),
]


def _instance(dims, shape):
    name = "instance_norm%dd" % dims
    example = "-data {%s} -shape {%s} -dtype float32" % (
        " ".join(str(float(i)) for i in range(1, 1 + _prod(shape))), " ".join(map(str, shape)))
    return CommandSpec(
        name,
        [Param("input", TENSOR, help="[N, C, ...] input", aliases=("tensor",), example=example)]
        + _NORM_OPTS
        + [Param("affine", BOOL, False, "learnable per-channel scale and shift (start 1, 0)"),
           Param("track_running_stats", BOOL, False, "keep running statistics")],
        _K + name, "Instance normalisation (nn.InstanceNorm%dd made fresh, run once)." % dims,
        example="set x [torch::randn {%s}]\ntorch::tensor_shape [torch::%s $x]"
        % (" ".join(map(str, shape)), name))


def _prod(shape):
    n = 1
    for d in shape:
        n *= d
    return n


SPECS = [
    # ---- basic_layers ----
    _module("linear",
            [Param("in_features", Int(1), help="size of each input sample", example="4"),
             Param("out_features", Int(1), help="size of each output sample", example="2"),
             Param("bias", BOOL, True, "learn an additive bias")],
            "torch.nn:Linear", "linear", "A fully connected layer y = x W^T + b (nn.Linear).",
            "set fc [torch::linear 4 2]\ntorch::tensor_shape "
            "[torch::layer_forward $fc [torch::ones {3 4}]]", legacy=("linearLayer",)),
    _module("conv2d",
            [Param("in_channels", Int(1), help="input channels", example="2"),
             Param("out_channels", Int(1), help="output channels", example="1"),
             Param("kernel_size", Int(1), help="square kernel size", example="1"),
             Param("stride", Int(1), 1, "stride"),
             Param("padding", Int(0), 0, "zero padding on each side"),
             Param("bias", BOOL, True, "learn an additive bias", keyword=True)],
            "torch.nn:Conv2d", "conv2d", "A 2-D convolution layer (nn.Conv2d).",
            "set c [torch::conv2d 1 4 3 1 1]\ntorch::tensor_shape "
            "[torch::layer_forward $c [torch::ones {1 1 5 5}]]", legacy=("conv2dLayer",)),
    CommandSpec("conv2d_set_weights",
                [Param("layer", MODULE, help="a conv2d module handle",
                       example="torch::conv2d 1 1 1"),
                 Param("weight", TENSOR, help="[out, in, k, k] weight to copy in",
                       example="-data {0.5} -shape {1 1 1 1} -dtype float32"),
                 Param("bias", OPTIONAL_TENSOR, None, "[out] bias to copy in")],
                _K + "conv2d_set_weights", "Copy a weight (and bias) into a conv2d layer.",
                returns="value",
                example="set c [torch::conv2d 1 1 1]\n"
                        "torch::conv2d_set_weights $c [torch::ones {1 1 1 1}]"),
    _module("dropout",
            [Param("p", Double(0.0, 1.0), 0.5, "probability of zeroing an element"),
             Param("training", BOOL, True, "start in training mode (dropout active)"),
             Param("inplace", BOOL, False, "zero in place")],
            _K + "dropout", "dropout", "A dropout layer (nn.Dropout).",
            "set d [torch::dropout 0.5]\ntorch::model_eval $d\n"
            "torch::tensor_to_list [torch::layer_forward $d [torch::ones {3}]]"),
    _module("batchnorm2d",
            [Param("num_features", Int(1), help="channels C of [N, C, H, W]", example="2")]
            + _NORM_OPTS
            + [Param("affine", BOOL, True, "learnable scale and shift"),
               Param("track_running_stats", BOOL, True, "keep running mean and variance")],
            "torch.nn:BatchNorm2d", "batchnorm2d", "2-D batch normalisation (nn.BatchNorm2d).",
            "set bn [torch::batchnorm2d 2]\ntorch::tensor_shape "
            "[torch::layer_forward $bn [torch::randn {4 2 3 3}]]", legacy=("batchNorm2d",)),
    _module("maxpool1d",
            [Param("kernel_size", Int(1), help="window size", example="2"),
             Param("stride", Int(1), None, "stride (default: the kernel size)"),
             Param("padding", Int(0), 0, "implicit -inf padding"),
             Param("ceil_mode", BOOL, False, "round the output size up")],
            _K + "maxpool1d", "maxpool1d", "1-D max pooling layer (nn.MaxPool1d).",
            "set p [torch::maxpool1d 2]\ntorch::tensor_shape "
            "[torch::layer_forward $p [torch::ones {1 1 6}]]", legacy=("maxPool1d",)),
    _module("maxpool3d",
            [Param("kernel_size", Int(1), help="cubic window size", example="2"),
             Param("stride", Int(1), None, "stride (default: the kernel size)"),
             Param("padding", Int(0), 0, "implicit -inf padding"),
             Param("ceil_mode", BOOL, False, "round the output size up")],
            _K + "maxpool3d", "maxpool3d", "3-D max pooling layer (nn.MaxPool3d).",
            "set p [torch::maxpool3d 2]\ntorch::tensor_shape "
            "[torch::layer_forward $p [torch::ones {1 1 4 4 4}]]", legacy=("maxPool3d",)),
    _module("sequential",
            [Param("modules", MODULE_LIST, "", "child modules, run in order",
                   example=_LINEAR)],
            _K + "sequential", "sequential", "A container running its children in order "
            "(nn.Sequential).",
            "set m [torch::sequential [list [torch::linear 4 8] [torch::linear 8 1]]]\n"
            "torch::tensor_shape [torch::layer_forward $m [torch::ones {2 4}]]"),
    CommandSpec("layer_forward",
                [Param("layer", MODULE, help="module handle", aliases=("module", "model"),
                       example=_LINEAR),
                 Param("input", TENSOR, help="input tensor", aliases=("tensor",), example=_X4),
                 Param("hidden", TENSOR_LIST, None,
                       "recurrent modules: initial state {h0} ({h0 c0} for an LSTM)")],
                _K + "forward",
                "Run a module on a tensor.  Recurrent modules answer {output h_n} "
                "({output h_n c_n} for an LSTM).", returns="tensors",
                example="set fc [torch::linear 4 2]\n"
                        "torch::tensor_shape [torch::layer_forward $fc [torch::ones {3 4}]]"),
    # ---- advanced_layers: modules ----
    _module("batch_norm1d",
            [Param("num_features", Int(1), help="features C of [N, C] or [N, C, L]",
                   example="2")]
            + _NORM_OPTS
            + [Param("affine", BOOL, True, "learnable scale and shift"),
               Param("track_running_stats", BOOL, True, "keep running mean and variance")],
            "torch.nn:BatchNorm1d", "batchnorm1d", "1-D batch normalisation (nn.BatchNorm1d).",
            "set bn [torch::batch_norm1d 3]\ntorch::tensor_shape "
            "[torch::layer_forward $bn [torch::randn {4 3}]]", legacy=("batch_norm_1d",)),
    _module("layer_norm",
            [Param("normalized_shape", INT_LIST, help="trailing dimensions to normalise",
                   example="4"),
             Param("eps", Double(0.0), 1e-5, "added to the variance", aliases=("epsilon",))],
            "torch.nn:LayerNorm", "layernorm", "Layer normalisation (nn.LayerNorm).",
            "set ln [torch::layer_norm 4]\ntorch::tensor_shape "
            "[torch::layer_forward $ln [torch::randn {2 4}]]"),
    _module("group_norm",
            [Param("num_groups", Int(1), help="groups the channels are split into",
                   example="1"),
             Param("num_channels", Int(1), help="channels C", example="2"),
             Param("eps", Double(0.0), 1e-5, "added to the variance", aliases=("epsilon",))],
            "torch.nn:GroupNorm", "groupnorm", "Group normalisation (nn.GroupNorm).",
            "set gn [torch::group_norm 2 4]\ntorch::tensor_shape "
            "[torch::layer_forward $gn [torch::randn {3 4 5}]]"),
    # ---- advanced_layers: functional ----
    CommandSpec("batch_norm3d",
                [Param("input", TENSOR, help="[N, C, D, H, W]", aliases=("tensor",),
                       example="-data {1.0 2.0 3.0 4.0 5.0 6.0 7.0 8.0} -shape {2 1 2 2 1}"
                               " -dtype float32")]
                + _NORM_OPTS
                + [Param("affine", BOOL, True, "learnable scale and shift (start 1, 0)"),
                   Param("track_running_stats", BOOL, True, "keep running statistics")],
                _K + "batch_norm3d",
                "3-D batch normalisation of a batch (a fresh nn.BatchNorm3d, training mode).",
                example="torch::tensor_shape [torch::batch_norm3d [torch::randn {2 3 2 2 2}]]"),
    _instance(1, (2, 2, 3)),
    _instance(2, (1, 2, 2, 2)),
    _instance(3, (1, 2, 2, 2, 1)),
    CommandSpec("local_response_norm",
                [Param("input", TENSOR, help="[N, C, ...]", aliases=("tensor",),
                       example=_IMG),
                 Param("size", Int(1), help="channels in the window", example="2"),
                 Param("alpha", DOUBLE, 1e-4, "scale"),
                 Param("beta", DOUBLE, 0.75, "exponent"),
                 Param("k", DOUBLE, 1.0, "additive constant")],
                "torch.nn.functional:local_response_norm",
                "Local response normalisation across channels (F.local_response_norm).",
                example="torch::tensor_shape [torch::local_response_norm "
                        "[torch::ones {1 4 2 2}] 2]"),
    CommandSpec("cross_map_lrn2d",
                [Param("input", TENSOR, help="[N, C, H, W]", aliases=("tensor",), example=_IMG),
                 Param("size", Int(1), 5, "channels in the window", example="2"),
                 Param("alpha", DOUBLE, 1e-4, "scale"),
                 Param("beta", DOUBLE, 0.75, "exponent"),
                 Param("k", DOUBLE, 1.0, "additive constant")],
                "torch.nn.functional:local_response_norm",
                "Cross-channel LRN of a 4-D input (F.local_response_norm).",
                example="torch::tensor_shape [torch::cross_map_lrn2d [torch::ones {1 4 2 2}] 3]"),
    CommandSpec("rms_norm",
                [Param("input", TENSOR, help="input", aliases=("tensor",),
                       example="-data {{1.0 2.0} {3.0 4.0}} -dtype float32"),
                 Param("normalized_shape", INT_LIST, help="trailing dimensions", example="2"),
                 Param("eps", DOUBLE, None, "added to the mean square (default: the dtype's "
                                            "eps)", aliases=("epsilon",))],
                _K + "rms_norm", "Root-mean-square normalisation, no weight (F.rms_norm).",
                example="torch::tensor_to_list [torch::rms_norm [torch::ones {2 2}] {2}]"),
    CommandSpec("spectral_norm",
                [Param("input", TENSOR, help="weight, at least 2-D", aliases=("tensor",),
                       example="-data {{3.0 0.0} {0.0 1.0}} -dtype float32"),
                 Param("n_power_iterations", Int(1), 1, "kept for TCLIBTORCH; the norm is exact",
                       aliases=("power_iterations",))],
                _K + "spectral_norm", "The weight divided by its largest singular value.",
                example="torch::tensor_to_list [torch::spectral_norm "
                        "[torch::tensor_create {{3.0 0.0} {0.0 1.0}}]]"),
    CommandSpec("weight_norm",
                [Param("input", TENSOR, help="weight v", aliases=("tensor",),
                       example="-data {{3.0 4.0} {0.0 1.0}} -dtype float32"),
                 Param("dim", INT, 0, "dimension kept (norm over all the others)")],
                _K + "weight_norm", "v / ||v||: weight normalisation with g = 1.",
                example="torch::tensor_to_list [torch::weight_norm "
                        "[torch::tensor_create {{3.0 4.0}}]]"),
    # ---- embedding_layers ----
    CommandSpec("embedding",
                [Param("input", TENSOR, help="int64 indices", aliases=("tensor",),
                       example="-data {0 1 1} -dtype int64"),
                 Param("num_embeddings", Int(1), help="vocabulary size", example="3"),
                 Param("embedding_dim", Int(1), help="vector size", example="2"),
                 Param("padding_idx", INT, None, "index whose vector is zero")],
                _K + "embedding",
                "Look indices up in a fresh nn.Embedding (weights from the global generator).",
                deterministic=False, legacy_names=("Embedding",),
                example="torch::tensor_shape [torch::embedding "
                        "[torch::tensor_create {0 2 1} int64] 3 4]"),
    CommandSpec("sparse_embedding",
                [Param("input", TENSOR, help="int64 indices", aliases=("tensor",),
                       example="-data {0 1 1} -dtype int64"),
                 Param("num_embeddings", Int(1), help="vocabulary size", example="3"),
                 Param("embedding_dim", Int(1), help="vector size", example="2"),
                 Param("padding_idx", INT, None, "index whose vector is zero")],
                _K + "sparse_embedding",
                "embedding with a sparse-gradient nn.Embedding (the output is dense).",
                deterministic=False,
                example="torch::tensor_shape [torch::sparse_embedding "
                        "[torch::tensor_create {0 2} int64] 3 4]"),
    CommandSpec("embedding_bag",
                [Param("input", TENSOR, help="int64 indices", example="-data {0 1 2} -dtype int64"),
                 Param("weight", TENSOR, help="[num, dim] embedding matrix",
                       example="-data {{1.0 2.0} {3.0 4.0} {5.0 6.0}} -dtype float32"),
                 Param("offsets", TENSOR, help="start of each bag",
                       example="-data {0 2} -dtype int64"),
                 Param("mode", Choice("sum", "mean", "max", "0", "1", "2"), "mean",
                       "sum, mean or max (or 0, 1, 2)", example="sum"),
                 Param("per_sample_weights", OPTIONAL_TENSOR, None,
                       "weights (mode sum only)")],
                _K + "embedding_bag", "Sums, means or maxima of bags of embeddings.",
                example="set w [torch::tensor_create {{1.0 2.0} {3.0 4.0} {5.0 6.0}}]\n"
                        "torch::tensor_to_list [torch::embedding_bag "
                        "[torch::tensor_create {0 1 2} int64] $w "
                        "[torch::tensor_create {0 2} int64] sum]"),
    # ---- recurrent_layers ----
    _recurrent("lstm", "lstm", "A long short-term memory layer (nn.LSTM)."),
    _recurrent("gru", "gru", "A gated recurrent unit layer (nn.GRU).", legacy=("Gru",)),
    _recurrent("rnn_tanh", "rnn", "An Elman RNN layer with tanh (nn.RNN)."),
    _recurrent("rnn_relu", "rnn", "An Elman RNN layer with ReLU (nn.RNN)."),
    # ---- transformer_components ----
    CommandSpec("scaled_dot_product_attention",
                [Param("query", TENSOR, help="[..., L, E]",
                       example="-data {{1.0 0.0} {0.0 1.0}} -dtype float32"),
                 Param("key", TENSOR, help="[..., S, E]",
                       example="-data {{1.0 0.0} {0.0 1.0}} -dtype float32"),
                 Param("value", TENSOR, help="[..., S, Ev]",
                       example="-data {{1.0 2.0} {3.0 4.0}} -dtype float32")],
                "torch.nn.functional:scaled_dot_product_attention",
                "softmax(Q K^T / sqrt(E)) V (F.scaled_dot_product_attention).",
                example="set q [torch::randn {1 2 3 4}]\ntorch::tensor_shape "
                        "[torch::scaled_dot_product_attention $q $q $q]"),
    CommandSpec("multihead_attention",
                [Param("query", TENSOR, help="[L, N, E] or [L, E]", example=_SEQ),
                 Param("key", TENSOR, help="[S, N, E] or [S, E]", example=_SEQ),
                 Param("value", TENSOR, help="[S, N, E] or [S, E]", example=_SEQ),
                 Param("embed_dim", Int(1), help="E", example="2"),
                 Param("num_heads", Int(1), help="heads (divide E)", example="1")],
                _K + "multihead_attention",
                "Attention output of a fresh nn.MultiheadAttention(E, heads).",
                deterministic=False,
                example="set x [torch::randn {3 1 4}]\n"
                        "torch::tensor_shape [torch::multihead_attention $x $x $x 4 2]"),
    CommandSpec("positional_encoding",
                [Param("seq_len", Int(1), help="positions", example="3"),
                 Param("d_model", Int(1), help="features", example="4"),
                 Param("dropout", Double(0.0, 1.0), 0.0, "dropout probability")],
                _K + "positional_encoding", "The sinusoidal position table [seq_len, d_model].",
                example="torch::tensor_shape [torch::positional_encoding 5 8 0.0]"),
    CommandSpec("transformer_encoder_layer",
                [Param("src", TENSOR, help="[S, N, E] or [S, E]", example=_SEQ),
                 Param("d_model", Int(1), help="E", example="2"),
                 Param("nhead", Int(1), help="heads", example="1"),
                 Param("dim_feedforward", Int(1), help="feed-forward width", example="4"),
                 Param("dropout", Double(0.0, 1.0), 0.1, "dropout", example="0.0")],
                _K + "transformer_encoder_layer",
                "A fresh nn.TransformerEncoderLayer run on src.", deterministic=False,
                example="set x [torch::randn {3 1 4}]\n"
                        "torch::tensor_shape [torch::transformer_encoder_layer $x 4 2 8 0.0]"),
    CommandSpec("transformer_encoder",
                [Param("src", TENSOR, help="[S, N, E] or [S, E]", example=_SEQ),
                 Param("d_model", Int(1), help="E", example="2"),
                 Param("nhead", Int(1), help="heads", example="1"),
                 Param("num_layers", Int(1), help="layers", example="1"),
                 Param("dim_feedforward", Int(1), help="feed-forward width", example="4")],
                _K + "transformer_encoder",
                "A fresh nn.TransformerEncoder (no dropout) run on src.", deterministic=False,
                example="set x [torch::randn {3 1 4}]\n"
                        "torch::tensor_shape [torch::transformer_encoder $x 4 2 2 8]"),
    CommandSpec("transformer_decoder_layer",
                [Param("tgt", TENSOR, help="[T, N, E] or [T, E]", example=_SEQ),
                 Param("memory", TENSOR, help="[S, N, E] or [S, E]", example=_SEQ),
                 Param("d_model", Int(1), help="E", example="2"),
                 Param("nhead", Int(1), help="heads", example="1"),
                 Param("dim_feedforward", Int(1), help="feed-forward width", example="4"),
                 Param("dropout", Double(0.0, 1.0), 0.1, "dropout", example="0.0")],
                _K + "transformer_decoder_layer",
                "A fresh nn.TransformerDecoderLayer run on tgt and memory.",
                deterministic=False,
                example="set x [torch::randn {3 1 4}]\n"
                        "torch::tensor_shape [torch::transformer_decoder_layer $x $x 4 2 8 0.0]"),
    CommandSpec("transformer_decoder",
                [Param("tgt", TENSOR, help="[T, N, E] or [T, E]", example=_SEQ),
                 Param("memory", TENSOR, help="[S, N, E] or [S, E]", example=_SEQ),
                 Param("d_model", Int(1), help="E", example="2"),
                 Param("nhead", Int(1), help="heads", example="1"),
                 Param("num_layers", Int(1), help="layers", example="1"),
                 Param("dim_feedforward", Int(1), help="feed-forward width", example="4")],
                _K + "transformer_decoder",
                "A fresh nn.TransformerDecoder (no dropout) run on tgt and memory.",
                deterministic=False,
                example="set x [torch::randn {3 1 4}]\n"
                        "torch::tensor_shape [torch::transformer_decoder $x $x 4 2 2 8]"),
    # ---- training_workflow and model commands ----
    _model("layer_parameters", "parameters",
           "The module's parameters as tensor handles that alias them (weight before bias).",
           "set fc [torch::linear 4 2]\nllength [torch::layer_parameters $fc]",
           returns="tensors"),
    _model("model_train", "train", "Switch a module (and its children) to training mode; "
           "answers the handle.", "set d [torch::dropout 0.5]\ntorch::model_train $d",
           kind=MODULE_NAME, returns="tensors", context=True),
    _model("model_eval", "eval_", "Switch a module (and its children) to evaluation mode; "
           "answers the handle.", "set d [torch::dropout 0.5]\ntorch::model_eval $d",
           kind=MODULE_NAME, returns="tensors", context=True),
    _model("freeze_model", "freeze", "Stop every parameter from requiring gradients.",
           "set fc [torch::linear 4 2]\ntorch::freeze_model $fc"),
    _model("unfreeze_model", "unfreeze", "Make every parameter require gradients again.",
           "set fc [torch::linear 4 2]\ntorch::unfreeze_model $fc"),
    _model("count_parameters", "count", "The number of parameter elements.",
           "torch::count_parameters [torch::linear 10 5]"),
    _model("model_summary", "summary",
           "A per-layer table (name, type, parameter count and shapes) and totals.",
           "puts [torch::model_summary [torch::sequential [list [torch::linear 4 8] "
           "[torch::linear 8 1]]]]"),
]
