package dev.earshot.ingest.mic;

import dev.earshot.audio.decode.RawPcmDecoder;
import dev.earshot.ingest.recording.ChunkPublisher;
import dev.earshot.ingest.recording.IngestException;
import dev.earshot.ingest.recording.LiveRecording;
import dev.earshot.ingest.recording.Rejection;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;

/**
 * Records from a capture device into a {@link LiveRecording}, so chunks are published while the
 * microphone is still open. Stops after the requested amount of captured audio or when asked.
 */
public final class MicrophoneRecorder {

  /** Formats tried in order; 16-bit little-endian PCM is what every sound card offers. */
  static final List<AudioFormat> PREFERRED =
      List.of(
          new AudioFormat(16000, 16, 1, true, false),
          new AudioFormat(48000, 16, 1, true, false),
          new AudioFormat(44100, 16, 1, true, false),
          new AudioFormat(48000, 16, 2, true, false),
          new AudioFormat(44100, 16, 2, true, false));

  private MicrophoneRecorder() {}

  /** The format the device will deliver, for the recording's description. */
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
   * Captures until {@code maxSeconds} of audio were read (when positive) or {@code stop} says so,
   * then finishes the recording.
   */
  public static ChunkPublisher.Totals record(
      CaptureDevices.Device device,
      AudioFormat format,
      LiveRecording recording,
      double maxSeconds,
      BooleanSupplier stop)
      throws IngestException {
    Mixer mixer = AudioSystem.getMixer(device.mixer());
    int frameBytes = format.getFrameSize();
    long maxFrames =
        maxSeconds > 0 ? Math.round(maxSeconds * format.getSampleRate()) : Long.MAX_VALUE;
    // 100 ms reads keep latency low without a busy loop.
    byte[] buffer =
        new byte[Math.max(frameBytes, (int) (format.getSampleRate() / 10) * frameBytes)];
    var decoder = new RawPcmDecoder(RawPcmDecoder.Format.S16LE, format.getChannels());
    TargetDataLine line;
    try {
      line = (TargetDataLine) mixer.getLine(new DataLine.Info(TargetDataLine.class, format));
      line.open(format, buffer.length * 4);
    } catch (LineUnavailableException | IllegalArgumentException | ClassCastException e) {
      recording.abort(
          Rejection.STREAM_ABORTED, "cannot open " + device.name() + ": " + e.getMessage());
      throw new IngestException(
          Rejection.STREAM_ABORTED,
          recording.recording().id(),
          "cannot open " + device.name() + ": " + e.getMessage(),
          e);
    }
    try {
      line.start();
      long frames = 0;
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
        float[] samples = decoder.decode(buffer, 0, n);
        recording.accept(samples, 0, samples.length);
      }
      line.stop();
    } catch (IngestException e) {
      recording.abort(e.rejection(), e.getMessage());
      throw e;
    } catch (RuntimeException e) {
      recording.interrupt("capture failed: " + e);
      throw e;
    } finally {
      line.close();
    }
    return recording.finish();
  }
}
