#!/usr/bin/env bash
# Regenerates the decoder test fixtures in this directory. Needs sox and ffmpeg (with libvorbis,
# libmp3lame and libopus); the tests only read the committed files, so CI needs neither tool.
# Every fixture is a 440 Hz sine at half of full scale (-6 dBFS peak), 1 second long unless noted.
set -euo pipefail
cd "$(dirname "$0")"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# 44.1 kHz stereo 16-bit source for the lossy and lossless codecs.
sox -D -n -r 44100 -c 2 -b 16 "$tmp/sine440-44k-stereo.wav" synth 1 sine 440 vol 0.5
# 22.05 kHz mono source for the MPEG-2 Layer III file.
sox -D -n -r 22050 -c 1 -b 16 "$tmp/sine440-22k-mono.wav" synth 1 sine 440 vol 0.5

# FLAC, 16-bit, default compression level 5.
ffmpeg -nostdin -v error -y -i "$tmp/sine440-44k-stereo.wav" -c:a flac \
  -map_metadata -1 sine440-44k-stereo.flac

# OGG Vorbis, quality 2 (about 96 kbit/s).
ffmpeg -nostdin -v error -y -i "$tmp/sine440-44k-stereo.wav" -c:a libvorbis -q:a 2 \
  -map_metadata -1 sine440-44k-stereo.ogg

# MP3 (MPEG-1 Layer III, CBR 64 kbit/s) with the Xing/LAME tag that carries delay and padding.
ffmpeg -nostdin -v error -y -i "$tmp/sine440-44k-stereo.wav" -c:a libmp3lame -b:a 64k \
  -map_metadata -1 sine440-44k-stereo.mp3

# MPEG-2 Layer III at 22.05 kHz mono, 32 kbit/s, with an ID3v2 tag in front.
ffmpeg -nostdin -v error -y -i "$tmp/sine440-22k-mono.wav" -c:a libmp3lame -b:a 32k \
  -metadata title="Earshot fixture" -id3v2_version 3 sine440-22k-mono.mp3

# Opus in OGG, which the decoder must refuse as an unsupported codec.
ffmpeg -nostdin -v error -y -i "$tmp/sine440-44k-stereo.wav" -c:a libopus -b:a 32k \
  -map_metadata -1 sine440-opus.ogg

# AIFF, 8 kHz mono 16-bit big-endian PCM.
sox -D -n -r 8000 -c 1 -b 16 sine440-8k-mono.aiff synth 1 sine 440 vol 0.5

# AU (Sun/NeXT .snd), 8 kHz mono G.711 mu-law.
sox -D -n -r 8000 -c 1 -e mu-law sine440-8k-mono.au synth 1 sine 440 vol 0.5

ls -l ./*.flac ./*.ogg ./*.mp3 ./*.aiff ./*.au
