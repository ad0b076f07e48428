"""Signal processing kernels: torch's FFT/STFT with TCLIBTORCH's argument forms, and
torchaudio's definitions (spectrogram, mel filter banks, MFCC, phase vocoder,
pitch shift) written in torch, since torchaudio is not a dependency."""

import math
import warnings

import torch


def fft(input, dim):
    return torch.fft.fft(input, dim=dim)


def ifft(input, dim):
    return torch.fft.ifft(input, dim=dim)


def fft2(input, dims):
    return torch.fft.fft2(input, dim=dims)


def ifft2(input, dims):
    return torch.fft.ifft2(input, dim=dims)


def _check_signal_length(input, n_fft, center):
    """torch.stft centres its frames by reflecting n_fft // 2 samples at each end,
    which needs more samples than that, and without centring needs n_fft samples;
    torch's own errors ("Argument #4: Padding size should be less than ...",
    "stft(torch.DoubleTensor[1, 32], ...) : expected 0 < n_fft < 32") name
    neither the length nor the parameter."""
    length = input.size(-1) if input.dim() else 0
    if center and n_fft // 2 >= length:
        raise ValueError("a signal of %d samples is too short for n_fft %d: centring the "
                         "frames reflects n_fft/2 = %d samples at each end, which needs more "
                         "than %d samples (give a smaller n_fft, or a longer signal)"
                         % (length, n_fft, n_fft // 2, n_fft // 2))
    if not center and n_fft > length:
        raise ValueError("a signal of %d samples is too short for n_fft %d without centring "
                         "(a frame is n_fft samples)" % (length, n_fft))


def stft(input, n_fft, hop_length, win_length, window, center, normalized, onesided):
    _check_signal_length(input, n_fft, center)
    # torch warns when no window is given (a rectangular one is used): not for Tcl users
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return torch.stft(input, n_fft, hop_length=hop_length, win_length=win_length,
                          window=window, center=center, normalized=normalized,
                          onesided=onesided, return_complex=True)


def istft(input, n_fft, hop_length, win_length, window, center, normalized, onesided, length):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return torch.istft(input, n_fft, hop_length=hop_length, win_length=win_length,
                           window=window, center=center, normalized=normalized,
                           onesided=onesided, length=length)


def hilbert(input, dim):
    """The analytic signal: FFT, zero the negative frequencies, double the positive ones,
    inverse FFT (scipy.signal.hilbert's definition)."""
    if input.is_complex():
        raise ValueError("hilbert needs a real signal")
    n = input.shape[dim]
    spectrum = torch.fft.fft(input, dim=dim)
    h = torch.zeros(n, dtype=spectrum.real.dtype, device=input.device)
    if n % 2 == 0:
        h[0] = h[n // 2] = 1.0
        h[1:n // 2] = 2.0
    else:
        h[0] = 1.0
        h[1:(n + 1) // 2] = 2.0
    shape = [1] * input.dim()
    shape[dim] = n
    return torch.fft.ifft(spectrum * h.view(shape), dim=dim)


# --- torchaudio's mel scales ---

def _hz_to_mel(freq, mel_scale):
    if mel_scale == "htk":
        return 2595.0 * math.log10(1.0 + freq / 700.0)
    f_sp, min_log_hz = 200.0 / 3, 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = math.log(6.4) / 27.0
    if freq >= min_log_hz:
        return min_log_mel + math.log(freq / min_log_hz) / logstep
    return freq / f_sp


def _mel_to_hz(mels, mel_scale):
    if mel_scale == "htk":
        return 700.0 * (10.0 ** (mels / 2595.0) - 1.0)
    f_sp, min_log_hz = 200.0 / 3, 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = math.log(6.4) / 27.0
    freqs = f_sp * mels
    log_t = mels >= min_log_mel
    freqs[log_t] = min_log_hz * torch.exp(logstep * (mels[log_t] - min_log_mel))
    return freqs


def melscale_fbanks(n_freqs, n_mels, sample_rate, f_min, f_max, norm, mel_scale):
    if f_max is None:
        f_max = sample_rate / 2.0
    if f_min > f_max:
        raise ValueError("f_min (%s) must not exceed f_max (%s)" % (f_min, f_max))
    all_freqs = torch.linspace(0, sample_rate // 2, n_freqs)
    m_pts = torch.linspace(_hz_to_mel(f_min, mel_scale), _hz_to_mel(f_max, mel_scale), n_mels + 2)
    f_pts = _mel_to_hz(m_pts, mel_scale)
    f_diff = f_pts[1:] - f_pts[:-1]
    slopes = f_pts.unsqueeze(0) - all_freqs.unsqueeze(1)
    down = -slopes[:, :-2] / f_diff[:-1]
    up = slopes[:, 2:] / f_diff[1:]
    fb = torch.clamp(torch.min(down, up), min=0.0)
    if norm == "slaney":
        fb = fb * (2.0 / (f_pts[2:n_mels + 2] - f_pts[:n_mels])).unsqueeze(0)
    return fb


def _dct_matrix(n_mfcc, n_mels, norm, dtype):
    n = torch.arange(float(n_mels), dtype=dtype)
    k = torch.arange(float(n_mfcc), dtype=dtype).unsqueeze(1)
    dct = torch.cos(math.pi / float(n_mels) * (n + 0.5) * k)
    if norm == "ortho":
        dct[0] *= 1.0 / math.sqrt(2.0)
        dct *= math.sqrt(2.0 / float(n_mels))
    else:
        dct *= 2.0
    return dct.t()


def _amplitude_to_db(x, multiplier=10.0, amin=1e-10, top_db=80.0):
    """torchaudio.functional.amplitude_to_DB with ref 1 (db_multiplier 0)."""
    x_db = multiplier * torch.log10(torch.clamp(x, min=amin))
    shape = x_db.size()
    channels = shape[-3] if x_db.dim() > 2 else 1
    x_db = x_db.reshape(-1, channels, shape[-2], shape[-1])
    x_db = torch.max(x_db, (x_db.amax(dim=(-3, -2, -1)) - top_db).view(-1, 1, 1, 1))
    return x_db.reshape(shape)


def mfcc(spectrogram, n_mfcc, dct_type, norm, log_mels):
    if spectrogram.dim() < 2:
        raise ValueError("mfcc needs a mel spectrogram of shape (..., n_mels, time)")
    # more coefficients than mel bins: torchaudio's MFCC transform refuses, its create_dct
    # formula (used here) just continues the cosines; TCLIBTORCH scripts ask for 13 of 3
    n_mels = spectrogram.shape[-2]
    if not spectrogram.is_floating_point():
        spectrogram = spectrogram.to(torch.get_default_dtype())
    mel = torch.log(spectrogram + 1e-6) if log_mels else _amplitude_to_db(spectrogram)
    dct = _dct_matrix(n_mfcc, n_mels, None if norm == "none" else norm, mel.dtype)
    return torch.matmul(mel.transpose(-1, -2), dct).transpose(-1, -2)


def spectrogram(input, n_fft, hop_length, win_length, window, power, normalized, center,
                onesided):
    win_length = win_length or n_fft
    hop_length = hop_length or win_length // 2
    if window is None:
        window = torch.hann_window(win_length, dtype=input.dtype if input.is_floating_point()
                                   else None, device=input.device)
    _check_signal_length(input, n_fft, center)
    shape = input.size()
    x = input.reshape(-1, shape[-1])
    spec = torch.stft(x, n_fft, hop_length=hop_length, win_length=win_length, window=window,
                      center=center, pad_mode="reflect", normalized=False, onesided=onesided,
                      return_complex=True)
    spec = spec.reshape(shape[:-1] + spec.shape[-2:])
    if normalized:
        spec = spec / window.pow(2.0).sum().sqrt()
    if power == 0:
        return spec
    return spec.abs() if power == 1.0 else spec.abs().pow(power)


def _phase_vocoder(spec, rate, phase_advance):
    """torchaudio.functional.phase_vocoder."""
    if rate == 1.0:
        return spec
    shape = spec.size()
    spec = spec.reshape([-1] + list(shape[-2:]))
    real_dtype = torch.real(spec).dtype
    steps = torch.arange(0, spec.size(-1), rate, device=spec.device, dtype=real_dtype)
    alphas = steps % 1.0
    phase_0 = spec[..., :1].angle()
    spec = torch.nn.functional.pad(spec, [0, 2])
    spec_0 = spec.index_select(-1, steps.long())
    spec_1 = spec.index_select(-1, (steps + 1).long())
    phase = spec_1.angle() - spec_0.angle() - phase_advance
    phase = phase - 2 * math.pi * torch.round(phase / (2 * math.pi))
    phase = phase + phase_advance
    phase = torch.cat([phase_0, phase[..., :-1]], dim=-1)
    mag = alphas * spec_1.abs() + (1 - alphas) * spec_0.abs()
    out = torch.polar(mag, torch.cumsum(phase, -1))
    return out.reshape(shape[:-2] + out.shape[1:])


def time_stretch(input, rate, hop_length):
    if rate <= 0:
        raise ValueError("rate must be positive, got %s" % rate)
    if input.dim() < 2:
        raise ValueError("time_stretch needs an STFT of shape (..., freq, frames)")
    if not input.is_complex():
        input = input.to(torch.complex128 if input.dtype == torch.float64 else torch.complex64)
    n_freq = input.shape[-2]
    if hop_length is None:
        hop_length = (n_freq - 1) * 2 // 2
    phase_advance = torch.linspace(0, math.pi * hop_length, n_freq, dtype=input.real.dtype,
                                   device=input.device)[..., None]
    return _phase_vocoder(input, rate, phase_advance)


def _resample(x, orig_freq, new_freq, width_factor=6, rolloff=0.99):
    """torchaudio.functional.resample (sinc_interp_hann)."""
    if orig_freq == new_freq:
        return x
    gcd = math.gcd(int(orig_freq), int(new_freq))
    orig, new = int(orig_freq) // gcd, int(new_freq) // gcd
    base = min(orig, new) * rolloff
    width = math.ceil(width_factor * orig / base)
    idx = torch.arange(-width, width + orig, dtype=x.dtype, device=x.device)[None, None] / orig
    t = torch.arange(0, -new, -1, dtype=x.dtype, device=x.device)[:, None, None] / new + idx
    t = (t * base).clamp(-width_factor, width_factor)
    window = torch.cos(t * math.pi / width_factor / 2) ** 2
    t = t * math.pi
    kernel = torch.where(t == 0, torch.tensor(1.0).to(t), t.sin() / t) * window * (base / orig)
    shape = x.size()
    x = x.reshape(-1, shape[-1])
    n, length = x.shape
    x = torch.nn.functional.pad(x, (width, width + orig))
    out = torch.nn.functional.conv1d(x[:, None], kernel, stride=orig)
    out = out.transpose(1, 2).reshape(n, -1)
    out = out[..., :math.ceil(new * length / orig)]
    return out.view(shape[:-1] + out.shape[-1:])


def pitch_shift(waveform, sample_rate, n_steps, bins_per_octave, n_fft, hop_length, win_length):
    if sample_rate != int(sample_rate):
        raise ValueError("sample_rate must be a whole number of Hz, got %s" % sample_rate)
    sample_rate = int(sample_rate)
    if not waveform.is_floating_point():
        waveform = waveform.to(torch.get_default_dtype())
    hop_length = hop_length or n_fft // 4
    win_length = win_length or n_fft
    window = torch.hann_window(win_length, dtype=waveform.dtype, device=waveform.device)
    _check_signal_length(waveform, n_fft, True)
    shape = waveform.size()
    length = shape[-1]
    x = waveform.reshape(-1, length)
    rate = 2.0 ** (-float(n_steps) / bins_per_octave)
    spec = torch.stft(x, n_fft, hop_length, win_length, window, center=True, pad_mode="reflect",
                      normalized=False, onesided=True, return_complex=True)
    phase_advance = torch.linspace(0, math.pi * hop_length, spec.shape[-2], dtype=x.dtype,
                                   device=x.device)[..., None]
    stretched = torch.istft(_phase_vocoder(spec, rate, phase_advance), n_fft=n_fft,
                            hop_length=hop_length, win_length=win_length, window=window,
                            length=int(round(length / rate)))
    shifted = _resample(stretched, int(sample_rate / rate), sample_rate)
    if shifted.size(-1) > length:
        shifted = shifted[..., :length]
    else:
        shifted = torch.nn.functional.pad(shifted, [0, length - shifted.size(-1)])
    return shifted.view(shape[:-1] + shifted.shape[-1:])
