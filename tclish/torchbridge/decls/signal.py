"""Signal processing (TCLIBTORCH's signal_processing and advanced_signal_processing).

FFTs, STFTs and windows are torch's own; spectrogram, melscale_fbanks, mfcc,
pitch_shift and time_stretch follow torchaudio's definitions, written in torch
(kernels/signal.py); hilbert returns the complex analytic signal."""

from ..convert import (BOOL, DEVICE, DOUBLE, DTYPE, INT, INT_OR_INTS, TENSOR, TENSOR_OR_NONE,
                       Choice, Double, Int)
from ..spec import CommandSpec, Param

_SIGNAL = "-data {0.0 1.0 0.0 -1.0 0.0 1.0 0.0 -1.0 0.0 1.0 0.0 -1.0 0.0 1.0 0.0 -1.0}"


def _input(example=_SIGNAL, help="input tensor"):
    return Param("input", TENSOR, help=help, aliases=("tensor",), example=example)


def _conv(name, transposed, dims, example):
    kind = INT_OR_INTS
    params = [_input("-data {{{1.0 2.0 3.0 4.0 5.0}}}", "input (N, C, L...)"),
              Param("weight", TENSOR, help="filters", example="-data {{{1.0 0.5}}}"
                    if dims == 1 else "-data {{{{1.0 0.5} {0.5 1.0}}}}"),
              Param("bias", TENSOR_OR_NONE, None, "bias per output channel, or none"),
              Param("stride", kind, 1, "stride"),
              Param("padding", kind, 0, "zero padding")]
    if transposed:
        params.append(Param("output_padding", kind, 0, "extra size added to one side of the output"))
        params += [Param("groups", Int(1), 1, "channel groups"), Param("dilation", kind, 1, "dilation")]
        func = "torch.nn.functional:conv_transpose%dd" % dims
        help = "A %d-D transposed convolution (torch.nn.functional.conv_transpose%dd)." % (dims, dims)
    else:
        params += [Param("dilation", kind, 1, "dilation"), Param("groups", Int(1), 1, "channel groups")]
        func = "torch.nn.functional:conv1d"
        help = "A 1-D convolution (torch.nn.functional.conv1d)."
    return CommandSpec(name, params, func, help, example=example)


def _fft(name, func, help, dims=False):
    if dims:
        extra = [Param("dims", INT_OR_INTS, "-2 -1", "the two dimensions", aliases=("dim",))]
        example = "set f [torch::%s [torch::tensor_create {{1.0 2.0} {3.0 4.0}}]]" % name
    else:
        extra = [Param("dim", INT, -1, "dimension")]
        example = "set f [torch::%s [torch::tensor_create {1.0 2.0 3.0 4.0}]]" % name
    return CommandSpec(name, [_input("-data {{1.0 2.0} {3.0 4.0}}")] + extra,
                       ".kernels.signal:" + func, help, example=example)


def _real_fft(name, help):
    return CommandSpec(
        name,
        [_input("-data {1.0 2.0 3.0 4.0}"), Param("n", Int(1), None, "signal length"),
         Param("dim", INT, -1, "dimension")],
        "torch.fft:" + name[len("tensor_"):], help,
        example="set f [torch::%s [torch::tensor_create {1.0 2.0 3.0 4.0}]]" % name)


def _stft_params():
    return [Param("n_fft", Int(1), help="FFT size", aliases=("nfft",), example="4"),
            Param("hop_length", Int(1), None, "samples between frames (default n_fft/4)"),
            Param("win_length", Int(1), None, "window size (default n_fft)"),
            Param("window", TENSOR_OR_NONE, None, "window tensor (default: rectangular, as torch)")]


def _window(name, torch_name, what):
    return CommandSpec(
        name,
        [Param("window_length", Int(0), help="number of points", aliases=("length",), example="8"),
         Param("dtype", DTYPE, "float32", "element type", keyword=True),
         Param("device", DEVICE, "cpu", "cpu, cuda or cuda:N", keyword=True),
         Param("periodic", BOOL, True, "periodic (for spectral analysis) rather than symmetric",
               keyword=True)],
        "torch:" + torch_name, "The %s window (torch.%s)." % (what, torch_name),
        example="set w [torch::%s 8 -periodic 0]" % name)


def _shift(name, func, help, legacy):
    return CommandSpec(
        name,
        [_input("-data {0.0 1.0 2.0 3.0 4.0}"),
         Param("dim", INT_OR_INTS, None, "dimensions to shift (default all)",
               aliases=("dimension",))],
        "torch.fft:" + func, help, legacy_names=(legacy,),
        example="set s [torch::%s [torch::tensor_create {0.0 1.0 2.0 3.0 4.0}]]" % name)


SPECS = [
    # signal_processing
    _conv("tensor_conv1d", False, 1,
          "set x [torch::tensor_create {{{1.0 2.0 3.0 4.0}}}]\n"
          "set y [torch::tensor_conv1d $x [torch::tensor_create {{{1.0 -1.0}}}]]"),
    _conv("tensor_conv_transpose1d", True, 1,
          "set x [torch::tensor_create {{{1.0 2.0 3.0}}}]\n"
          "set y [torch::tensor_conv_transpose1d $x [torch::tensor_create {{{1.0 1.0}}}] none 2]"),
    _conv("tensor_conv_transpose2d", True, 2,
          "set x [torch::tensor_create {{{{1.0 2.0} {3.0 4.0}}}}]\n"
          "set y [torch::tensor_conv_transpose2d $x [torch::tensor_create {{{{1.0 1.0} {1.0 1.0}}}}]]"),
    _fft("tensor_fft", "fft", "The discrete Fourier transform along dim (complex result)."),
    _fft("tensor_fft2d", "fft2", "The 2-D discrete Fourier transform (complex result).", dims=True),
    _fft("tensor_ifft", "ifft", "The inverse discrete Fourier transform along dim."),
    _fft("tensor_ifft2d", "ifft2", "The 2-D inverse discrete Fourier transform.", dims=True),
    _real_fft("tensor_rfft", "The one-sided FFT of a real signal (n//2+1 complex values)."),
    _real_fft("tensor_irfft", "The inverse of rfft: a real signal of length n (default 2*(m-1))."),
    CommandSpec(
        "tensor_stft", [_input()] + _stft_params() + [
            Param("center", BOOL, True, "pad the signal so frames are centred"),
            Param("normalized", BOOL, False, "scale by 1/sqrt(n_fft)"),
            Param("onesided", BOOL, None, "only the non-negative frequencies (default: real input)")],
        ".kernels.signal:stft",
        "The short-time Fourier transform (torch.stft, complex result of shape (freq, frames)).",
        example="set s [torch::tensor_stft [torch::tensor_create {0.0 1.0 0.0 -1.0 0.0 1.0 0.0 -1.0}] 4]"),
    CommandSpec(
        "tensor_istft", [_input("-data {{1.0 2.0} {3.0 4.0} {5.0 6.0}} -dtype complex64")]
        + _stft_params() + [
            Param("center", BOOL, True, "the STFT was centred"),
            Param("normalized", BOOL, False, "the STFT was normalized"),
            Param("onesided", BOOL, None, "the STFT was one-sided (default: from its shape)"),
            Param("length", Int(0), None, "trim or pad the signal to this length")],
        ".kernels.signal:istft", "The inverse short-time Fourier transform (torch.istft).",
        example="set x [torch::tensor_create {0.0 1.0 0.0 -1.0 0.0 1.0 0.0 -1.0}]\n"
                "set w [torch::hann_window 4]\n"
                "set y [torch::tensor_istft [torch::tensor_stft $x 4 1 4 $w] 4 1 4 $w]"),
    # advanced_signal_processing
    _window("bartlett_window", "bartlett_window", "Bartlett (triangular)"),
    _window("blackman_window", "blackman_window", "Blackman"),
    _window("hamming_window", "hamming_window", "Hamming"),
    _window("hann_window", "hann_window", "Hann"),
    CommandSpec(
        "kaiser_window",
        [Param("window_length", Int(0), help="number of points", aliases=("length",), example="8"),
         Param("beta", DOUBLE, 12.0, "shape parameter", keyword=True),
         Param("dtype", DTYPE, "float32", "element type", keyword=True),
         Param("device", DEVICE, "cpu", "cpu, cuda or cuda:N", keyword=True),
         Param("periodic", BOOL, True, "periodic (for spectral analysis) rather than symmetric",
               keyword=True)],
        "torch:kaiser_window", "The Kaiser window (torch.kaiser_window).",
        example="set w [torch::kaiser_window 8 5.0 -periodic 0]"),
    _shift("fftshift", "fftshift", "Move the zero-frequency term to the centre (torch.fft.fftshift).",
           "fftShift"),
    _shift("ifftshift", "ifftshift", "The inverse of fftshift (torch.fft.ifftshift).",
           "ifftShift"),
    CommandSpec(
        "hilbert",
        [_input("-data {0.0 1.0 0.0 -1.0}"), Param("dim", INT, -1, "dimension")],
        ".kernels.signal:hilbert",
        "The analytic signal x + i H(x) (complex), computed by FFT as scipy.signal.hilbert.",
        example="set a [torch::hilbert [torch::tensor_create {0.0 1.0 0.0 -1.0}]]"),
    CommandSpec(
        "melscale_fbanks",
        [Param("n_freqs", Int(1), help="frequency bins (n_fft//2+1)", example="9"),
         Param("n_mels", Int(1), help="mel filters", example="3"),
         Param("sample_rate", Double(0.0), help="sample rate in Hz", example="16000"),
         Param("f_min", Double(0.0), 0.0, "lowest frequency (Hz)"),
         Param("f_max", Double(0.0), None, "highest frequency (Hz; default sample_rate/2)"),
         Param("norm", Choice("none", "slaney"), "none", "slaney: divide by each band's width"),
         Param("mel_scale", Choice("htk", "slaney"), "htk", "mel scale")],
        ".kernels.signal:melscale_fbanks",
        "Triangular mel filter banks of shape (n_freqs, n_mels), as torchaudio.functional.melscale_fbanks.",
        example="set fb [torch::melscale_fbanks 9 3 16000]"),
    CommandSpec(
        "mfcc",
        [Param("spectrogram", TENSOR, help="mel spectrogram (..., n_mels, time)",
               aliases=("input", "tensor"), example="-data {{1.0 2.0} {3.0 4.0} {5.0 6.0} {7.0 8.0}}"),
         Param("n_mfcc", Int(1), 13, "coefficients to keep", example="3"),
         Param("dct_type", Choice("2"), "2", "DCT type (only 2, as torchaudio)"),
         Param("norm", Choice("ortho", "none"), "ortho", "DCT normalisation"),
         Param("log_mels", BOOL, False, "log(mel + 1e-6) instead of decibels")],
        ".kernels.signal:mfcc",
        "MFCCs of a mel spectrogram: decibels (top_db 80) then an orthonormal DCT-II, "
        "as torchaudio.transforms.MFCC after its MelSpectrogram.",
        example="set mel [torch::tensor_create {{1.0 2.0} {3.0 4.0} {5.0 6.0} {7.0 8.0}}]\n"
                "set c [torch::mfcc $mel 3]"),
    CommandSpec(
        "spectrogram",
        [_input(), Param("n_fft", Int(1), 400, "FFT size", example="4"),
         Param("hop_length", Int(1), None, "samples between frames (default win_length/2)"),
         Param("win_length", Int(1), None, "window size (default n_fft)"),
         Param("window", TENSOR_OR_NONE, None, "window tensor (default Hann of win_length)"),
         Param("power", Double(0.0), 2.0, "exponent of the magnitude (0: complex)"),
         Param("normalized", BOOL, False, "divide by the window's L2 norm"),
         Param("center", BOOL, True, "pad the signal so frames are centred"),
         Param("onesided", BOOL, True, "only the non-negative frequencies")],
        ".kernels.signal:spectrogram",
        "A power spectrogram (freq, frames), as torchaudio.functional.spectrogram.",
        example="set s [torch::spectrogram [torch::tensor_create "
                "{0.0 1.0 0.0 -1.0 0.0 1.0 0.0 -1.0}] 4]"),
    CommandSpec(
        "pitch_shift",
        [Param("waveform", TENSOR, help="signal (..., time)", aliases=("input", "tensor"),
               example=_SIGNAL),
         Param("sample_rate", Double(1.0), help="sample rate in Hz (a whole number)", example="16"),
         Param("n_steps", DOUBLE, help="semitones to shift (negative: down)", example="2"),
         Param("bins_per_octave", Int(1), 12, "steps per octave"),
         Param("n_fft", Int(1), 512, "FFT size", example="8"),
         Param("hop_length", Int(1), None, "default n_fft/4"),
         Param("win_length", Int(1), None, "default n_fft")],
        ".kernels.signal:pitch_shift",
        "Shift the pitch by n_steps keeping the duration (phase vocoder then sinc resampling), "
        "as torchaudio.functional.pitch_shift.",
        example="set x [torch::tensor_create {0.0 1.0 0.0 -1.0 0.0 1.0 0.0 -1.0 0.0 1.0 0.0 -1.0}]\n"
                "set y [torch::pitch_shift $x 16 2 -n_fft 8]"),
    CommandSpec(
        "time_stretch",
        [_input("-data {{1.0 2.0 3.0} {4.0 5.0 6.0}} -dtype complex64",
                "complex STFT (..., freq, frames); a real one has zero phase"),
         Param("rate", DOUBLE, help="speed-up factor (>1 faster)", example="2.0"),
         Param("hop_length", Int(1), None, "the STFT's hop (default n_fft/2, n_fft = 2(freq-1))")],
        ".kernels.signal:time_stretch",
        "Stretch an STFT in time by 1/rate keeping the pitch (the phase vocoder of "
        "torchaudio.transforms.TimeStretch).",
        example="set s [torch::tensor_stft [torch::tensor_create "
                "{0.0 1.0 0.0 -1.0 0.0 1.0 0.0 -1.0}] 4]\n"
                "set t [torch::time_stretch $s 2.0]"),
]
