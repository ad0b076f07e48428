"""Signal processing: FFTs, windows, convolution, spectrograms (TCLIBTORCH's signal_processing and advanced_signal_processing)."""

SPECS = []
