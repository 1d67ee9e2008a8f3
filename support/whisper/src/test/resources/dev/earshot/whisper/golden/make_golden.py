#!/usr/bin/env python3
"""Golden log-mel features for LogMelTest, from a numpy-only reference of Whisper's front end.

Written from the published definitions (OpenAI whisper/audio.py, librosa.filters.mel with
htk=False and norm='slaney', Hugging Face WhisperFeatureExtractor), not from the Java code, so the
Java test compares two independent implementations. Everything is computed in float64.

Usage: python3 make_golden.py /path/to/jfk.wav   (writes next to this script)

Feature files, <case>.bin, all little-endian:
    int32   n_mels
    int32   n_frames          total frames of the full feature matrix (3000)
    int32   audio_samples     length of the input signal before padding or trimming
    int32   count             number of stored frames
    int32   frame[count]      stored frame indices, ascending
    float32 value[count][n_mels]   log-mel values of each stored frame, mel 0 first
The stored frames are the first 50, every 37th, the frames around the end of the audio and the
last frame.

Filterbank files, mel_filters_<n_mels>.bin, little-endian:
    int32   n_mels
    int32   n_bins            1 + n_fft / 2 (201)
    int32   count             number of stored rows
    int32   row[count]        stored filter indices, ascending
    float64 weight[count][n_bins]

Inputs (the Java test regenerates the synthetic ones bit for bit):
    sine_440hz_5s        float32(0.5 * sin(2.0 * pi * 440.0 * n / 16000.0)), n < 5 * 16000
    lcg_noise_35s        x = (1664525 * x + 1013904223) mod 2**32 starting at x = 12345, each
                         sample float32(x / 2**32 - 0.5) * float32(0.2) using the updated x
    silence_10s          zeros
    jfk                  jfk.wav, 16-bit PCM mono 16 kHz, divided by 32768
    sine_440hz_5s_128mel the 440 Hz sine with 128 mel bins
"""

import os
import struct
import sys
import wave

import numpy as np

SAMPLE_RATE = 16000
N_FFT = 400
HOP = 160
N_SAMPLES = 30 * SAMPLE_RATE
OUT = os.path.dirname(os.path.abspath(__file__))


def hz_to_mel_slaney(f):
    """Slaney's auditory-toolbox scale: linear below 1 kHz, logarithmic above."""
    f = np.asarray(f, dtype=np.float64)
    f_sp = 200.0 / 3.0
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    mel = f / f_sp
    above = f >= min_log_hz
    mel[above] = min_log_mel + np.log(f[above] / min_log_hz) / logstep
    return mel


def mel_to_hz_slaney(m):
    m = np.asarray(m, dtype=np.float64)
    f_sp = 200.0 / 3.0
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    f = f_sp * m
    above = m >= min_log_mel
    f[above] = min_log_hz * np.exp(logstep * (m[above] - min_log_mel))
    return f


def mel_filters(n_mels, sr=SAMPLE_RATE, n_fft=N_FFT, fmin=0.0, fmax=None):
    """Triangular filters between n_mels + 2 points equally spaced in mel, area-normalised."""
    fmax = sr / 2.0 if fmax is None else fmax
    fft_freqs = np.linspace(0.0, sr / 2.0, 1 + n_fft // 2)
    mel_points = np.linspace(hz_to_mel_slaney(np.array([fmin]))[0],
                             hz_to_mel_slaney(np.array([fmax]))[0], n_mels + 2)
    hz_points = mel_to_hz_slaney(mel_points)
    widths = np.diff(hz_points)
    ramps = hz_points[:, None] - fft_freqs[None, :]
    weights = np.zeros((n_mels, len(fft_freqs)))
    for i in range(n_mels):
        rising = -ramps[i] / widths[i]
        falling = ramps[i + 2] / widths[i + 1]
        weights[i] = np.maximum(0.0, np.minimum(rising, falling))
    enorm = 2.0 / (hz_points[2:n_mels + 2] - hz_points[:n_mels])
    return weights * enorm[:, None]


def log_mel(audio, n_mels):
    audio = np.asarray(audio, dtype=np.float64)
    if len(audio) >= N_SAMPLES:
        audio = audio[:N_SAMPLES]
    else:
        audio = np.concatenate([audio, np.zeros(N_SAMPLES - len(audio))])
    # torch.stft(center=True, pad_mode='reflect'): mirror without repeating the edge sample
    padded = np.pad(audio, N_FFT // 2, mode="reflect")
    n = np.arange(N_FFT)
    window = 0.5 - 0.5 * np.cos(2.0 * np.pi * n / N_FFT)  # periodic Hann
    n_frames = 1 + (len(padded) - N_FFT) // HOP
    index = np.arange(N_FFT)[None, :] + HOP * np.arange(n_frames)[:, None]
    frames = padded[index] * window[None, :]
    spectrum = np.fft.rfft(frames, axis=1)  # [frames, 201]
    power = (spectrum.real ** 2 + spectrum.imag ** 2).T[:, :-1]  # [201, 3000], last frame dropped
    mel = mel_filters(n_mels) @ power
    log_spec = np.log10(np.maximum(mel, 1e-10))
    log_spec = np.maximum(log_spec, log_spec.max() - 8.0)
    return (log_spec + 4.0) / 4.0


def stored_frames(n_audio, n_frames):
    end = min(n_audio, N_SAMPLES) // HOP
    chosen = set(range(50)) | set(range(0, n_frames, 37)) | {n_frames - 1}
    chosen |= {f for f in range(end - 3, end + 4) if 0 <= f < n_frames}
    return sorted(chosen)


def write_features(name, audio, n_mels):
    features = log_mel(audio, n_mels)
    n_frames = features.shape[1]
    frames = stored_frames(len(audio), n_frames)
    with open(os.path.join(OUT, name + ".bin"), "wb") as out:
        out.write(struct.pack("<4i", n_mels, n_frames, len(audio), len(frames)))
        out.write(np.asarray(frames, dtype="<i4").tobytes())
        out.write(np.ascontiguousarray(features[:, frames].T).astype("<f4").tobytes())


def write_filters(n_mels):
    weights = mel_filters(n_mels)
    rows = sorted({0, 1, 2, n_mels // 4, n_mels // 2, n_mels - 2, n_mels - 1})
    with open(os.path.join(OUT, "mel_filters_%d.bin" % n_mels), "wb") as out:
        out.write(struct.pack("<3i", n_mels, weights.shape[1], len(rows)))
        out.write(np.asarray(rows, dtype="<i4").tobytes())
        out.write(weights[rows].astype("<f8").tobytes())


def sine(seconds):
    n = np.arange(seconds * SAMPLE_RATE, dtype=np.float64)
    return (0.5 * np.sin(2.0 * np.pi * 440.0 * n / 16000.0)).astype(np.float32)


def lcg_noise(seconds, seed=12345):
    out = np.empty(seconds * SAMPLE_RATE, dtype=np.float32)
    x = seed
    for i in range(len(out)):
        x = (1664525 * x + 1013904223) % 2**32
        out[i] = np.float32(x / 2**32 - 0.5) * np.float32(0.2)
    return out


def read_pcm16(path):
    with wave.open(path, "rb") as w:
        if w.getsampwidth() != 2 or w.getnchannels() != 1 or w.getframerate() != SAMPLE_RATE:
            sys.exit("expected 16-bit mono 16 kHz: " + path)
        data = w.readframes(w.getnframes())
    return (np.frombuffer(data, dtype="<i2").astype(np.float64) / 32768.0).astype(np.float32)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_golden.py /path/to/jfk.wav")
    write_features("sine_440hz_5s", sine(5), 80)
    write_features("lcg_noise_35s", lcg_noise(35), 80)
    write_features("silence_10s", np.zeros(10 * SAMPLE_RATE, dtype=np.float32), 80)
    write_features("jfk", read_pcm16(sys.argv[1]), 80)
    write_features("sine_440hz_5s_128mel", sine(5), 128)
    write_filters(80)
    write_filters(128)


if __name__ == "__main__":
    main()
