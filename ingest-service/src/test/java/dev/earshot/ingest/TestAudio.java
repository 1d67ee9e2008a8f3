package dev.earshot.ingest;

import dev.earshot.audio.Signals;
import dev.earshot.audio.WavBytes;
import dev.earshot.audio.chunk.AudioLoader;
import dev.earshot.audio.chunk.PcmCodec;
import dev.earshot.audio.chunk.PcmEncoding;
import dev.earshot.audio.decode.AudioDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Audio for the service tests: generated WAVs, the audio module's codec fixtures, references. */
public final class TestAudio {

  private TestAudio() {}

  /** Speech-like stereo (right channel at half level), 16-bit PCM. */
  public static byte[] stereoWav(double seconds, int rate) {
    return WavBytes.of(WavBytes.Format.S16, 2, rate, stereo(seconds, rate)).build();
  }

  public static float[] stereo(double seconds, int rate) {
    float[] mono = Signals.speechLike(21, rate, (int) Math.round(seconds * rate));
    float[] stereo = new float[mono.length * 2];
    for (int i = 0; i < mono.length; i++) {
      stereo[2 * i] = mono[i];
      stereo[2 * i + 1] = mono[i] * 0.5f;
    }
    return stereo;
  }

  /** What ingest should publish for this audio: decoded, down-mixed, resampled, 16-bit encoded. */
  public static byte[] expectedPayload(byte[] audio) {
    try {
      return PcmCodec.encode(
          AudioLoader.loadMono(AudioDecoder.open(audio), 16000), PcmEncoding.PCM_S16LE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A codec fixture of the audio module (1 s of 440 Hz), e.g. "sine440-44k-stereo.flac". */
  public static byte[] fixture(String name) {
    try (InputStream in =
        TestAudio.class.getResourceAsStream("/dev/earshot/audio/decode/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no audio fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
