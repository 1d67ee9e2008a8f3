/**
 * Decoding WAV, FLAC, OGG Vorbis, MP3, AIFF and AU into interleaved float samples ({@link
 * dev.earshot.audio.decode.AudioDecoder}), with precise {@link
 * dev.earshot.audio.decode.AudioFormatException errors} for anything else.
 */
package dev.earshot.audio.decode;
