"""signal_processing and advanced_signal_processing against torch called directly, and
torchaudio's definitions (spectrogram, mel filter banks, MFCC, phase vocoder,
pitch shift) written out here as formulas (torchaudio itself is not installed)."""

import math

import pytest

torch = pytest.importorskip("torch")

from lib_check import assert_matches, interp_with, result_of  # noqa: E402
from tclish import TclError  # noqa: E402

F = torch.nn.functional
D = torch.float64
_n = torch.arange(32, dtype=D)
INPUTS = {
    "x": torch.tensor([[[1.0, 2.0, -1.0, 0.5, 3.0, 0.0]]], dtype=D),          # (N, C, L)
    "w": torch.tensor([[[1.0, -1.0, 0.5]], [[0.5, 0.5, 0.0]]], dtype=D),      # (out 2, in 1, k 3)
    "bias": torch.tensor([0.1, -0.2], dtype=D),
    "wt": torch.tensor([[[1.0, 0.5], [0.0, 1.0]]], dtype=D),                  # (in 1, out 2, k 2)
    "img": torch.arange(1.0, 10.0, dtype=D).reshape(1, 1, 3, 3),
    "wt2": torch.tensor([[[[1.0, 0.5], [0.25, 1.0]]]], dtype=D),
    "m": torch.tensor([[1.0, 2.0, 0.0], [3.0, -1.0, 4.0]], dtype=D),
    "sig": torch.sin(2 * math.pi * 3 * _n / 32) + 0.5 * torch.cos(2 * math.pi * 5 * _n / 32),
    "cosine": torch.cos(2 * math.pi * 3 * _n / 32),
    "win": torch.hann_window(8, dtype=D),
    "mel": torch.tensor([[1.0, 0.5, 2.0], [1e-12, 3.0, 0.25], [4.0, 1.0, 1e-3],
                         [0.5, 0.5, 8.0]], dtype=D),                           # (n_mels 4, time 3)
}
I = INPUTS
SPEC = torch.stft(I["sig"], 8, 2, 8, I["win"], return_complex=True)


CASES = [
    # signal_processing
    ("torch::tensor_conv1d $x $w", lambda: F.conv1d(I["x"], I["w"])),
    ("torch::tensor_conv1d $x $w $bias 2 1 1 1", lambda: F.conv1d(I["x"], I["w"], I["bias"], 2, 1)),
    ("torch::tensorConv1d -input $x -weight $w -dilation 2 -padding 2",
     lambda: F.conv1d(I["x"], I["w"], padding=2, dilation=2)),
    ("torch::tensor_conv_transpose1d $x $wt none 2 0 1",
     lambda: F.conv_transpose1d(I["x"], I["wt"], None, 2, 0, 1)),
    ("torch::tensor_conv_transpose2d -input $img -weight $wt2 -stride {2 1} -padding 1",
     lambda: F.conv_transpose2d(I["img"], I["wt2"], stride=(2, 1), padding=1)),
    ("torch::tensor_fft $m", lambda: torch.fft.fft(I["m"])),
    ("torch::tensor_fft -tensor $m -dim 0", lambda: torch.fft.fft(I["m"], dim=0)),
    ("torch::tensor_ifft $m 0", lambda: torch.fft.ifft(I["m"], dim=0)),
    ("torch::tensor_fft2d $m", lambda: torch.fft.fft2(I["m"])),
    ("torch::tensorIfft2d -tensor $m -dims {1 0}", lambda: torch.fft.ifft2(I["m"], dim=(1, 0))),
    ("torch::tensor_rfft $m", lambda: torch.fft.rfft(I["m"])),
    ("torch::tensor_rfft -input $m -n 4 -dim 1", lambda: torch.fft.rfft(I["m"], 4, 1)),
    ("torch::tensor_irfft $m 4", lambda: torch.fft.irfft(I["m"], 4)),
    ("torch::tensor_stft $sig 8 2 8 $win", lambda: SPEC),
    ("torch::tensorStft -tensor $sig -nfft 8", lambda: torch.stft(I["sig"], 8, return_complex=True)),
    ("torch::tensor_istft $spec 8 2 8 $win", lambda: torch.istft(SPEC, 8, 2, 8, I["win"])),
    ("torch::tensor_istft -input $spec -n_fft 8 -hop_length 2 -window $win -length 30",
     lambda: torch.istft(SPEC, 8, 2, window=I["win"], length=30)),
    # advanced_signal_processing
    ("torch::hann_window 8", lambda: torch.hann_window(8)),
    ("torch::hamming_window 7 float64 cpu 0", lambda: torch.hamming_window(7, False, dtype=D)),
    ("torch::hammingWindow -length 6 -periodic false", lambda: torch.hamming_window(6, False)),
    ("torch::bartlett_window -window_length 9 -dtype float64", lambda: torch.bartlett_window(9, dtype=D)),
    ("torch::blackman_window 5", lambda: torch.blackman_window(5)),
    ("torch::kaiser_window 8", lambda: torch.kaiser_window(8)),
    ("torch::kaiserWindow -windowLength 8 -beta 5.0 -periodic 0 -dtype float64",
     lambda: torch.kaiser_window(8, False, 5.0, dtype=D)),
    ("torch::fftshift $m", lambda: torch.fft.fftshift(I["m"])),
    ("torch::fftShift -input $m -dim 1", lambda: torch.fft.fftshift(I["m"], 1)),
    ("torch::ifftshift -tensor $m -dimension {0 1}", lambda: torch.fft.ifftshift(I["m"], (0, 1))),
    ("torch::spectrogram $sig 8", lambda: torch.stft(
        I["sig"], 8, 4, 8, torch.hann_window(8, dtype=D), center=True, pad_mode="reflect",
        return_complex=True).abs() ** 2),
    ("torch::spectrogram -input $sig -nFft 8 -hopLength 2 -winLength 6",
     lambda: torch.stft(I["sig"], 8, 2, 6, torch.hann_window(6, dtype=D),
                        return_complex=True).abs() ** 2),
]


@pytest.fixture(scope="module")
def interp():
    interp = interp_with(INPUTS)
    interp.eval("set spec [torch::tensor_stft $sig 8 2 8 $win]")     # complex: made by torch.stft
    return interp


@pytest.mark.parametrize("script,reference", CASES, ids=[c[0] for c in CASES])
def test_matches_torch(interp, script, reference):
    assert_matches(result_of(interp, script), reference(), 1e-9)


def test_kaiser_window_honours_periodic(interp):
    # the formula: I0(beta sqrt(1 - (2n/(N-1) - 1)^2)) / I0(beta); periodic: N+1 points, drop the last
    def kaiser(n_points, beta):
        n = torch.arange(n_points, dtype=D)
        return torch.special.i0(beta * torch.sqrt(1 - (2 * n / (n_points - 1) - 1) ** 2)) / \
            torch.special.i0(torch.tensor(beta, dtype=D))
    sym = result_of(interp, "torch::kaiser_window 8 6.0 -periodic 0 -dtype float64")
    per = result_of(interp, "torch::kaiser_window 8 6.0 -periodic 1 -dtype float64")
    torch.testing.assert_close(sym, kaiser(8, 6.0))
    torch.testing.assert_close(per, kaiser(9, 6.0)[:8])


def test_a_signal_just_long_enough_for_centred_frames_is_no_error(interp):
    # n_fft 62: 31 samples reflected at each end of 32 (torch's own limit)
    got = result_of(interp, "torch::spectrogram $sig 62")
    expected = torch.stft(I["sig"], 62, 31, 62, torch.hann_window(62, dtype=D),
                          return_complex=True).abs().pow(2)
    assert_matches(got, expected, 1e-9)
    got = result_of(interp, "torch::spectrogram $sig 32 -center 0")
    expected = torch.stft(I["sig"], 32, 16, 32, torch.hann_window(32, dtype=D), center=False,
                          return_complex=True).abs().pow(2)
    assert_matches(got, expected, 1e-9)


def test_hilbert_is_the_analytic_signal(interp):
    # cos(wt) -> exp(i wt): real part the signal, imaginary part its Hilbert transform sin(wt)
    z = result_of(interp, "torch::hilbert $cosine")
    n = torch.arange(32, dtype=D)
    expected = torch.exp(1j * 2 * math.pi * 3 * n / 32)
    torch.testing.assert_close(z, expected.to(torch.complex128))
    z = result_of(interp, "torch::hilbert -input $sig")
    torch.testing.assert_close(z.real, I["sig"])


def _hz_to_mel(f):
    return 2595.0 * math.log10(1.0 + f / 700.0)


def _mel_to_hz(m):
    return 700.0 * (10.0 ** (m / 2595.0) - 1.0)


def _fbanks_reference(n_freqs, n_mels, sample_rate, f_min, f_max):
    """torchaudio's definition: n_mels triangles with HTK-mel-spaced corners, evaluated at
    n_freqs bins from 0 to sample_rate//2; shape (n_freqs, n_mels)."""
    mels = [_hz_to_mel(f_min) + (_hz_to_mel(f_max) - _hz_to_mel(f_min)) * i / (n_mels + 1)
            for i in range(n_mels + 2)]
    corners = [_mel_to_hz(m) for m in mels]
    out = torch.zeros(n_freqs, n_mels, dtype=D)
    for k in range(n_freqs):
        f = (sample_rate // 2) * k / (n_freqs - 1)
        for j in range(n_mels):
            lo, mid, hi = corners[j], corners[j + 1], corners[j + 2]
            out[k, j] = max(0.0, min((f - lo) / (mid - lo), (hi - f) / (hi - mid)))
    return out


@pytest.mark.parametrize("script,args", [
    ("torch::melscale_fbanks 33 6 16000", (33, 6, 16000, 0.0, 8000.0)),
    ("torch::melscaleFbanks -nFreqs 17 -nMels 4 -sampleRate 8000 -fMin 100 -fMax 3000",
     (17, 4, 8000, 100.0, 3000.0)),
])
def test_melscale_fbanks_follow_torchaudio(interp, script, args):
    got = result_of(interp, script)
    torch.testing.assert_close(got.to(D), _fbanks_reference(*args), atol=1e-5, rtol=1e-4)


def test_mfcc_follows_torchaudio(interp):
    # decibels 10 log10(max(x, 1e-10)) floored at (max - 80), then the orthonormal DCT-II
    mel = I["mel"]
    db = 10 * torch.log10(mel.clamp(min=1e-10))
    db = torch.maximum(db, db.max() - 80.0)
    n_mels, n_mfcc = mel.shape[0], 3
    expected = torch.zeros(n_mfcc, mel.shape[1], dtype=D)
    for k in range(n_mfcc):
        scale = math.sqrt(1.0 / n_mels) if k == 0 else math.sqrt(2.0 / n_mels)
        for t in range(mel.shape[1]):
            expected[k, t] = scale * sum(db[n, t] * math.cos(math.pi / n_mels * (n + 0.5) * k)
                                         for n in range(n_mels))
    assert_matches(result_of(interp, "torch::mfcc $mel 3"), expected, 1e-9)
    assert_matches(result_of(interp, "torch::mfcc -spectrogram $mel -nMfcc 3 -dctType 2"),
                   expected, 1e-9)


def _vocoder_reference(spec, rate, hop):
    """torchaudio's phase vocoder, one output frame at a time."""
    n_freq, n_frames = spec.shape
    advance = torch.linspace(0, math.pi * hop, n_freq, dtype=D)
    padded = torch.cat([spec, torch.zeros(n_freq, 2, dtype=spec.dtype)], dim=1)
    out, phase = [], spec[:, 0].angle()
    t, first = 0.0, True
    while t < n_frames:
        i, alpha = int(t), t - int(t)
        a, b = padded[:, i], padded[:, i + 1]
        mag = alpha * b.abs() + (1 - alpha) * a.abs()
        if not first:
            pass
        out.append(torch.polar(mag, phase))
        d = b.angle() - a.angle() - advance
        d = d - 2 * math.pi * torch.round(d / (2 * math.pi))
        phase = phase + d + advance
        first = False
        t += rate
    return torch.stack(out, dim=1)


@pytest.mark.parametrize("rate", [1.0, 2.0, 0.75])
def test_time_stretch_is_torchaudios_phase_vocoder(interp, rate):
    got = result_of(interp, "torch::time_stretch $spec %s -hop_length 2" % rate)
    expected = SPEC if rate == 1.0 else _vocoder_reference(SPEC, rate, 2)
    torch.testing.assert_close(got, expected)


def test_pitch_shift_keeps_the_length_and_moves_the_pitch(interp):
    n = torch.arange(256, dtype=D)
    interp.eval("set tone [torch::tensor_create -data {%s} -dtype float64]"
                % " ".join(repr(v) for v in torch.sin(2 * math.pi * 8 * n / 256).tolist()))
    up = result_of(interp, "torch::pitch_shift $tone 256 12 -n_fft 64")
    assert up.shape == (256,)
    spectrum = torch.fft.rfft(up[64:192] * torch.hann_window(128, dtype=D)).abs()
    assert int(spectrum.argmax()) == 8          # 8 cycles per 128 samples: twice the pitch
    same = result_of(interp, "torch::pitchShift -waveform $tone -sampleRate 256 -nSteps 0 -n_fft 64")
    torch.testing.assert_close(same[32:-32], torch.sin(2 * math.pi * 8 * n / 256)[32:-32])


@pytest.mark.parametrize("script,phrase", [
    ("torch::tensor_fft nosuch", 'Invalid tensor name "nosuch"'),
    ("torch::tensor_fft $m 5", "out of range"),
    ("torch::tensor_conv1d $x $wt2", "weight"),
    ("torch::hann_window -length -3", "at least 0"),
    ("torch::hann_window 8 -dtype nosuch", "unknown dtype"),
    ("torch::tensor_istft $sig 8", "complex"),
    ("torch::time_stretch $spec 0", "positive"),
    ("torch::mfcc $mel -dct_type 3", "is not one of 2"),
    ("torch::melscale_fbanks -nFreqs 9 -nMels 3", "Missing required parameter"),
    # centred frames reflect n_fft/2 samples: torch.stft (torchaudio too) refuses a
    # signal of 32 samples for the default n_fft 400, with a message naming neither
    ("torch::spectrogram $sig", "a signal of 32 samples is too short for n_fft 400"),
    ("torch::tensor_stft $sig 64", "a signal of 32 samples is too short for n_fft 64"),
    ("torch::pitch_shift $sig 16000 2", "a signal of 32 samples is too short for n_fft 512"),
    ("torch::spectrogram $sig 33 -center 0", "too short for n_fft 33 without centring"),
])
def test_bad_input_is_a_tcl_error(interp, script, phrase):
    with pytest.raises(TclError) as e:
        interp.eval(script)
    assert phrase in str(e.value), str(e.value)
    assert interp.eval("expr {1 + 1}") == "2"
