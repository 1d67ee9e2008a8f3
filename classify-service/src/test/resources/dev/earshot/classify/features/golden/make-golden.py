#!/usr/bin/env python3
"""Golden values for SpectralTest, computed with numpy alone, independently of the Java code.

Definitions follow librosa 0.10: periodic Hann window, magnitude spectrum for centroid, bandwidth
and roll-off, power spectrum (with amin 1e-10) for flatness, Slaney-normalised mel filters over the
power spectrum, 10*log10(max(1e-10, mel)) without top_db, and an orthonormal DCT-II for MFCC.
Run: python3 make-golden.py > frame.json
"""
import json
import numpy as np

SR, N, MELS, MFCC = 16000, 512, 64, 13


def frame():
    n = np.arange(N)
    # The same deterministic signal the test builds: two partials and a wrapped ramp.
    return (0.5 * np.sin(2 * np.pi * 440 * n / SR)
            + 0.25 * np.sin(2 * np.pi * 1234.5 * n / SR + 0.3)
            + 0.1 * (((n * 7919) % 101) / 50.0 - 1.0)).astype(np.float32).astype(np.float64)


def hz_to_mel(f):
    f = np.asarray(f, dtype=np.float64)
    mel = f / (200.0 / 3)
    log = f >= 1000.0
    mel[log] = 15.0 + np.log(f[log] / 1000.0) / (np.log(6.4) / 27.0)
    return mel


def mel_to_hz(m):
    m = np.asarray(m, dtype=np.float64)
    f = m * (200.0 / 3)
    log = m >= 15.0
    f[log] = 1000.0 * np.exp((np.log(6.4) / 27.0) * (m[log] - 15.0))
    return f


def mel_filters():
    fft_freqs = np.linspace(0, SR / 2, N // 2 + 1)
    pts = mel_to_hz(np.linspace(hz_to_mel(np.array([0.0]))[0], hz_to_mel(np.array([SR / 2]))[0], MELS + 2))
    fdiff = np.diff(pts)
    ramps = pts[:, None] - fft_freqs[None, :]
    w = np.zeros((MELS, len(fft_freqs)))
    for i in range(MELS):
        lower = -ramps[i] / fdiff[i]
        upper = ramps[i + 2] / fdiff[i + 1]
        w[i] = np.maximum(0, np.minimum(lower, upper))
    w *= (2.0 / (pts[2:MELS + 2] - pts[:MELS]))[:, None]
    return w


def main():
    x = frame()
    window = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N) / N)
    spec = np.fft.rfft(x * window)
    power = np.abs(spec) ** 2
    mag = np.abs(spec)
    freqs = np.arange(N // 2 + 1) * SR / N
    centroid = np.sum(freqs * mag) / np.sum(mag)
    bandwidth = np.sqrt(np.sum(mag * (freqs - centroid) ** 2) / np.sum(mag))
    cum = np.cumsum(mag)
    rolloff = freqs[np.nonzero(cum >= 0.85 * cum[-1])[0][0]]
    p = np.maximum(1e-10, power)
    flatness = np.exp(np.mean(np.log(p))) / np.mean(p)
    log_mel = 10 * np.log10(np.maximum(1e-10, mel_filters() @ power))
    k = np.arange(MFCC)[:, None]
    m = np.arange(MELS)[None, :]
    dct = np.cos(np.pi * k * (2 * m + 1) / (2 * MELS)) * np.sqrt(2.0 / MELS)
    dct[0] *= np.sqrt(0.5)
    mfcc = dct @ log_mel
    rms = np.sqrt(np.mean(x ** 2))
    print(json.dumps({
        "centroid": centroid, "bandwidth": bandwidth, "rolloff": rolloff, "flatness": flatness,
        "rms": rms, "logMel": log_mel.tolist(), "mfcc": mfcc.tolist(),
    }, indent=1))


main()
