"""Modules: construction where torch.nn's signature differs from TCLIBTORCH's, the
forward pass of every module kind, and looking at or changing a module.

A module handle names a real torch.nn.Module; its parameters are the module's own
tensors, so handles from layer_parameters alias them and an optimizer step is
visible through every handle.
"""

import warnings

import torch
from torch import nn

from ...runtime.values import TclList
from ..handles import NewHandle


def quiet(make, *args, **kwargs):
    """Call `make` with torch's user warnings silenced (an RNN with dropout and one
    layer warns that the dropout does nothing): no library warning reaches Tcl."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return make(*args, **kwargs)


def dropout(p=0.5, training=True, inplace=False):
    if not 0.0 <= p <= 1.0:
        raise ValueError("dropout probability has to be between 0 and 1, but got %s" % p)
    module = nn.Dropout(p, inplace)
    module.train(training)
    return module


def maxpool(dims):
    cls = {1: nn.MaxPool1d, 3: nn.MaxPool3d}[dims]

    def make(kernel_size, stride=None, padding=0, ceil_mode=False):
        return cls(kernel_size, stride, padding, ceil_mode=ceil_mode)
    return make


maxpool1d = maxpool(1)
maxpool3d = maxpool(3)


def sequential(modules=()):
    return nn.Sequential(*modules)


def _recurrent(cls, **fixed):
    def make(input_size, hidden_size, num_layers=1, bias=True, batch_first=False,
             dropout=0.0, bidirectional=False):
        return quiet(cls, input_size, hidden_size, num_layers=num_layers, bias=bias,
                     batch_first=batch_first, dropout=dropout, bidirectional=bidirectional,
                     **fixed)
    return make


lstm = _recurrent(nn.LSTM)
gru = _recurrent(nn.GRU)
rnn_tanh = _recurrent(nn.RNN, nonlinearity="tanh")
rnn_relu = _recurrent(nn.RNN, nonlinearity="relu")

RECURRENT = (nn.RNNBase,)


def forward(module, input, hidden=None):
    """Run a module.  Recurrent modules (LSTM, GRU, RNN) take an optional initial
    state -- {h0} or, for an LSTM, {h0 c0} -- and answer the list {output h_n} or
    {output h_n c_n}; every other module answers one tensor."""
    if isinstance(module, RECURRENT):
        state = None
        if hidden:
            if isinstance(module, nn.LSTM):
                if len(hidden) != 2:
                    raise ValueError("an LSTM's hidden state is the list {h0 c0}, got %d "
                                     "tensors" % len(hidden))
                state = (hidden[0], hidden[1])
            else:
                if len(hidden) != 1:
                    raise ValueError("a GRU's or RNN's hidden state is one tensor {h0}, "
                                     "got %d" % len(hidden))
                state = hidden[0]
        output, h = module(input, state)
        if isinstance(h, tuple):
            return [output, h[0], h[1]]
        return [output, h]
    if hidden:
        raise ValueError("only recurrent modules (lstm, gru, rnn) take a hidden state")
    return module(input)


def conv2d_set_weights(layer, weight, bias=None):
    if not isinstance(layer, nn.Conv2d):
        raise ValueError("layer is a %s, not a Conv2d" % type(layer).__name__)
    if tuple(weight.shape) != tuple(layer.weight.shape):
        raise ValueError("weight shape %s does not match the layer's %s"
                         % (list(weight.shape), list(layer.weight.shape)))
    if bias is not None:
        if layer.bias is None:
            raise ValueError("the layer was made without a bias")
        if tuple(bias.shape) != tuple(layer.bias.shape):
            raise ValueError("bias shape %s does not match the layer's %s"
                             % (list(bias.shape), list(layer.bias.shape)))
    with torch.no_grad():
        layer.weight.copy_(weight)
        if bias is not None:
            layer.bias.copy_(bias)
    return "OK"


def parameters(module):
    """The module's parameters themselves (not copies), in registration order."""
    return list(module.parameters())


def named_parameters(module):
    return {name: p for name, p in module.named_parameters()}


def train(registry, module, mode=True):
    registry.tables["module"].find(module).train(mode)
    return module


def eval_(registry, module):
    registry.tables["module"].find(module).eval()
    return module


def count(module, trainable_only=False):
    return sum(p.numel() for p in module.parameters()
               if p.requires_grad or not trainable_only)


def freeze(module):
    for p in module.parameters():
        p.requires_grad_(False)
    return "Model parameters frozen"


def unfreeze(module):
    for p in module.parameters():
        p.requires_grad_(True)
    return "Model parameters unfrozen"


def summary(module):
    """A per-layer table: name, type, output-independent shape of each parameter
    tensor, parameter count; then totals."""
    lines = ["Model Summary: %s" % type(module).__name__]
    rows = [(name or "(root)", sub) for name, sub in module.named_modules()
            if not list(sub.children()) or sub is module]
    width = max(len(r[0]) for r in rows)
    for name, sub in rows:
        own = list(sub.parameters(recurse=False))
        n = sum(p.numel() for p in own)
        shapes = ", ".join("x".join(map(str, p.shape)) for p in own)
        if sub is module and list(sub.children()):
            continue
        lines.append("  %-*s  %-16s params=%-8d %s" % (width, name, type(sub).__name__, n,
                                                      ("[" + shapes + "]") if shapes else ""))
    total = sum(p.numel() for p in module.parameters())
    trainable = sum(p.numel() for p in module.parameters() if p.requires_grad)
    lines.append("Total parameters: %d" % total)
    lines.append("Trainable parameters: %d" % trainable)
    lines.append("Mode: %s" % ("train" if module.training else "eval"))
    return "\n".join(lines)


def module_to(module, device, dtype=None):
    module.to(device=device, dtype=dtype)
    return "OK"


def new_module(obj, prefix):
    return NewHandle("module", obj, prefix)


def as_list(values):
    return TclList(values)


# ---- functional layers (tensor in, tensor out) ----

def batch_norm3d(input, eps=1e-5, momentum=0.1, affine=True, track_running_stats=True):
    """nn.BatchNorm3d freshly made with these options, run once in training mode
    (a new module's affine weight is 1 and bias 0, so that is batch statistics)."""
    if input.dim() != 5:
        raise ValueError("batch_norm3d expects a 5-D input [N, C, D, H, W], got %d-D"
                         % input.dim())
    return nn.BatchNorm3d(input.shape[1], eps, momentum, affine, track_running_stats)(input)


def instance_norm(dims):
    cls = {1: nn.InstanceNorm1d, 2: nn.InstanceNorm2d, 3: nn.InstanceNorm3d}[dims]

    def run(input, eps=1e-5, momentum=0.1, affine=False, track_running_stats=False):
        if input.dim() not in (dims + 1, dims + 2):
            raise ValueError("instance_norm%dd expects a %d-D or %d-D input, got %d-D"
                             % (dims, dims + 1, dims + 2, input.dim()))
        channels = input.shape[-dims - 1]
        return quiet(cls(channels, eps, momentum, affine, track_running_stats), input)
    return run


instance_norm1d = instance_norm(1)
instance_norm2d = instance_norm(2)
instance_norm3d = instance_norm(3)


def rms_norm(input, normalized_shape, eps=None):
    return torch.nn.functional.rms_norm(input, normalized_shape, None, eps)


def spectral_norm(input, n_power_iterations=1):
    """The weight divided by its largest singular value: the value torch's
    spectral_norm parametrisation converges to (computed exactly, not by power
    iteration from a random vector, so the answer is deterministic)."""
    if input.dim() < 2:
        raise ValueError("spectral_norm needs a tensor of at least 2 dimensions")
    if n_power_iterations < 1:
        raise ValueError("n_power_iterations must be positive, got %d" % n_power_iterations)
    matrix = input.reshape(input.shape[0], -1)
    return input / torch.linalg.matrix_norm(matrix, 2)


def weight_norm(input, dim=0):
    """v / ||v|| with the norm over every dimension but `dim` (the weight_norm
    reparametrisation with g = 1)."""
    return input / torch.norm_except_dim(input, 2, dim)


def embedding(input, num_embeddings, embedding_dim, padding_idx=None, sparse=False):
    """A fresh nn.Embedding (weights from the global generator) applied to `input`."""
    return nn.Embedding(num_embeddings, embedding_dim, padding_idx, sparse=sparse)(input)


def sparse_embedding(input, num_embeddings, embedding_dim, padding_idx=None):
    return embedding(input, num_embeddings, embedding_dim, padding_idx, True)


_BAG_MODES = {"0": "sum", "1": "mean", "2": "max", "sum": "sum", "mean": "mean", "max": "max"}


def embedding_bag(input, weight, offsets, mode="mean", per_sample_weights=None):
    m = _BAG_MODES.get(str(mode))
    if m is None:
        raise ValueError('mode must be sum, mean or max (or 0, 1, 2), got "%s"' % mode)
    return torch.nn.functional.embedding_bag(input, weight, offsets, mode=m,
                                             per_sample_weights=per_sample_weights)


# ---- transformer pieces: PyTorch's modules, made fresh and run once ----

def multihead_attention(query, key, value, embed_dim, num_heads):
    """nn.MultiheadAttention(embed_dim, num_heads) made now (weights from the global
    generator); answers the attention output."""
    module = _like(nn.MultiheadAttention(embed_dim, num_heads), query)
    return module(query, key, value, need_weights=False)[0]


def positional_encoding(seq_len, d_model, dropout=0.0):
    """The sinusoidal table of "Attention is all you need", [seq_len, d_model], with
    dropout p applied as in training."""
    position = torch.arange(seq_len, dtype=torch.float32).unsqueeze(1)
    div = torch.exp(torch.arange(0, d_model, 2, dtype=torch.float32)
                    * (-torch.log(torch.tensor(10000.0)) / d_model))
    pe = torch.zeros(seq_len, d_model)
    pe[:, 0::2] = torch.sin(position * div)
    pe[:, 1::2] = torch.cos(position * div)[:, :d_model // 2]
    return torch.nn.functional.dropout(pe, dropout, True) if dropout > 0 else pe


def _encoder_layer(d_model, nhead, dim_feedforward, dropout):
    return quiet(nn.TransformerEncoderLayer, d_model, nhead, dim_feedforward, dropout)


def _decoder_layer(d_model, nhead, dim_feedforward, dropout):
    return quiet(nn.TransformerDecoderLayer, d_model, nhead, dim_feedforward, dropout)


def _like(module, t):
    """A module made for this call, in the input's floating dtype and on its device
    (what a PyTorch user does with .to(dtype) for float64 input)."""
    if t.is_floating_point() and (t.dtype != torch.float32 or t.device.type != "cpu"):
        module.to(device=t.device, dtype=t.dtype)
    return module


def _tokens(module, *inputs):
    """Run a transformer module; a 1-D input is one token [d_model] (TCLIBTORCH's
    scripts pass those), run as a sequence of one and answered in the same shape."""
    _like(module, inputs[0])
    if all(t.dim() == 1 for t in inputs):
        return quiet(module, *(t.unsqueeze(0) for t in inputs)).squeeze(0)
    return quiet(module, *inputs)


def transformer_encoder_layer(src, d_model, nhead, dim_feedforward, dropout=0.1):
    return _tokens(_encoder_layer(d_model, nhead, dim_feedforward, dropout), src)


def transformer_encoder(src, d_model, nhead, num_layers, dim_feedforward):
    encoder = quiet(nn.TransformerEncoder, _encoder_layer(d_model, nhead, dim_feedforward, 0.0),
                    num_layers, enable_nested_tensor=False)
    return _tokens(encoder, src)


def transformer_decoder_layer(tgt, memory, d_model, nhead, dim_feedforward, dropout=0.1):
    return _tokens(_decoder_layer(d_model, nhead, dim_feedforward, dropout), tgt, memory)


def transformer_decoder(tgt, memory, d_model, nhead, num_layers, dim_feedforward):
    decoder = nn.TransformerDecoder(_decoder_layer(d_model, nhead, dim_feedforward, 0.0),
                                    num_layers)
    return _tokens(decoder, tgt, memory)
