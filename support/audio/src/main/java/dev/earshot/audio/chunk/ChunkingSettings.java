package dev.earshot.audio.chunk;

/**
 * Where {@link Chunker} cuts: near {@code targetSeconds}, at the quietest point within {@code
 * searchSeconds} either side, never past {@code maxSeconds}.
 *
 * @param targetSeconds preferred chunk length
 * @param maxSeconds longest allowed chunk, at most {@link #WHISPER_WINDOW_SECONDS}
 * @param searchSeconds how far a cut may move from the target, less than the target
 * @param frameSeconds length of the energy window used to find the quietest point
 */
public record ChunkingSettings(
    double targetSeconds, double maxSeconds, double searchSeconds, double frameSeconds) {

  /** Whisper reads 30-second windows; a longer chunk would be cut off. */
  public static final double WHISPER_WINDOW_SECONDS = 30.0;

  public ChunkingSettings {
    requireFinite("target", targetSeconds);
    requireFinite("max", maxSeconds);
    requireFinite("search", searchSeconds);
    requireFinite("frame", frameSeconds);
    if (targetSeconds <= 0.0) {
      throw new IllegalArgumentException("target " + targetSeconds + " s must be positive");
    }
    if (searchSeconds < 0.0 || searchSeconds >= targetSeconds) {
      throw new IllegalArgumentException(
          "search "
              + searchSeconds
              + " s must be at least 0 and below the target "
              + targetSeconds
              + " s");
    }
    if (frameSeconds <= 0.0 || frameSeconds > targetSeconds) {
      throw new IllegalArgumentException(
          "frame "
              + frameSeconds
              + " s must be positive and at most the target "
              + targetSeconds
              + " s");
    }
    if (targetSeconds + searchSeconds > maxSeconds) {
      throw new IllegalArgumentException(
          "target "
              + targetSeconds
              + " s + search "
              + searchSeconds
              + " s exceeds max "
              + maxSeconds
              + " s");
    }
    if (maxSeconds > WHISPER_WINDOW_SECONDS) {
      throw new IllegalArgumentException(
          "max " + maxSeconds + " s exceeds Whisper's " + WHISPER_WINDOW_SECONDS + " s window");
    }
  }

  /** 10 s target, 30 s max, cuts within 2 s of the target, 20 ms energy frames. */
  public static ChunkingSettings defaults() {
    return new ChunkingSettings(10.0, 30.0, 2.0, 0.02);
  }

  private static void requireFinite(String name, double seconds) {
    if (!Double.isFinite(seconds)) {
      throw new IllegalArgumentException(name + " " + seconds + " s is not a finite duration");
    }
  }
}
