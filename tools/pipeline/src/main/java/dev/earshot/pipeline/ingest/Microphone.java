package dev.earshot.pipeline.ingest;

import java.io.IOException;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;

/**
 * Records from a capture device into a {@link LiveStream}, so chunks reach Kafka while the
 * microphone is still open. Stops after the requested amount of captured audio or when asked.
 */
public final class Microphone {

  /** Formats tried in order; 16-bit little-endian PCM is what every sound card offers. */
  static final List<AudioFormat> PREFERRED =
      List.of(
          new AudioFormat(16000, 16, 1, true, false),
          new AudioFormat(48000, 16, 1, true, false),
          new AudioFormat(44100, 16, 1, true, false),
          new AudioFormat(48000, 16, 2, true, false),
          new AudioFormat(44100, 16, 2, true, false));

  private Microphone() {}

  /** The format the device will deliver, which is also what the live stream announces. */
  public static AudioFormat negotiate(CaptureDevices.Device device)
      throws LineUnavailableException {
    Mixer mixer = AudioSystem.getMixer(device.mixer());
    for (AudioFormat format : PREFERRED) {
      if (mixer.isLineSupported(new DataLine.Info(TargetDataLine.class, format))) {
        return format;
      }
    }
    throw new LineUnavailableException(
        device.name() + " offers none of the formats " + PREFERRED + " (16-bit PCM)");
  }

  /**
   * Captures until {@code maxSeconds} of audio were read (when positive) or {@code stop} says so;
   * returns the seconds captured. The caller finishes the stream.
   */
  public static double record(
      CaptureDevices.Device device,
      AudioFormat format,
      LiveStream stream,
      double maxSeconds,
      BooleanSupplier stop)
      throws IOException {
    Mixer mixer = AudioSystem.getMixer(device.mixer());
    int frameBytes = format.getFrameSize();
    long maxFrames =
        maxSeconds > 0 ? Math.round(maxSeconds * format.getSampleRate()) : Long.MAX_VALUE;
    // 100 ms reads keep latency low without a busy loop.
    byte[] buffer =
        new byte[Math.max(frameBytes, (int) (format.getSampleRate() / 10) * frameBytes)];
    TargetDataLine line;
    try {
      line = (TargetDataLine) mixer.getLine(new DataLine.Info(TargetDataLine.class, format));
      line.open(format, buffer.length * 4);
    } catch (LineUnavailableException | IllegalArgumentException | ClassCastException e) {
      throw new IOException("cannot open " + device.name() + ": " + e.getMessage(), e);
    }
    long frames = 0;
    try {
      line.start();
      while (frames < maxFrames && !stop.getAsBoolean()) {
        int want = (int) Math.min(buffer.length, (maxFrames - frames) * frameBytes);
        int n = line.read(buffer, 0, want);
        if (n <= 0) {
          if (!line.isOpen()) {
            break;
          }
          continue;
        }
        frames += n / frameBytes;
        stream.sendPcm16(buffer, 0, n - n % frameBytes);
      }
      line.stop();
    } finally {
      line.close();
    }
    return frames / (double) format.getSampleRate();
  }
}
