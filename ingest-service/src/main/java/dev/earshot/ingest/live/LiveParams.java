package dev.earshot.ingest.live;

import dev.earshot.audio.SampleRates;
import dev.earshot.audio.decode.RawPcmDecoder;
import java.util.function.Function;

/**
 * The format of a live stream, given as query parameters of the WebSocket URL: {@code sampleRate}
 * (required), {@code channels} (default 1), {@code format} (s16le default, u8, s24le, s32le,
 * f32le), optional {@code name} and {@code device}, and {@code captions} (true by default: the
 * stream's live captions come back on the connection; false: only the chunk notices).
 */
public record LiveParams(
    int sampleRate,
    int channels,
    RawPcmDecoder.Format format,
    String name,
    String device,
    boolean captions) {

  static final int MAX_CHANNELS = 64;

  /** Parses and validates; the message of the exception names the bad parameter and value. */
  public static LiveParams parse(Function<String, String> query) {
    String rate = query.apply("sampleRate");
    if (rate == null || rate.isBlank()) {
      throw new IllegalArgumentException("query parameter sampleRate is required, e.g. 16000");
    }
    int sampleRate = integer("sampleRate", rate);
    if (!SampleRates.isSupported(sampleRate)) {
      throw new IllegalArgumentException(SampleRates.describeUnsupported("sampleRate", sampleRate));
    }
    String ch = query.apply("channels");
    int channels = ch == null || ch.isBlank() ? 1 : integer("channels", ch);
    if (channels < 1 || channels > MAX_CHANNELS) {
      throw new IllegalArgumentException(
          "channels must be between 1 and " + MAX_CHANNELS + ", got " + channels);
    }
    String f = query.apply("format");
    RawPcmDecoder.Format format =
        f == null || f.isBlank() ? RawPcmDecoder.Format.S16LE : RawPcmDecoder.Format.parse(f);
    String c = query.apply("captions");
    boolean captions;
    if (c == null || c.isBlank() || c.strip().equalsIgnoreCase("true")) {
      captions = true;
    } else if (c.strip().equalsIgnoreCase("false")) {
      captions = false;
    } else {
      throw new IllegalArgumentException("captions must be true or false, got '" + c + "'");
    }
    return new LiveParams(
        sampleRate, channels, format, query.apply("name"), query.apply("device"), captions);
  }

  private static int integer(String name, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
    }
  }

  String describe() {
    return "raw PCM " + format.label() + ", " + sampleRate + " Hz, " + channels + " ch";
  }
}
