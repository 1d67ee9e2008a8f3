package dev.earshot.pipeline.ingest;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.Control;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineListener;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;
import javax.sound.sampled.spi.MixerProvider;

/**
 * A Java Sound capture device for tests without sound hardware: a 48 kHz stereo 16-bit microphone
 * hearing a 440 Hz tone with a short pause every 5 s, or, while the system property {@value
 * #SPEECH} names a 16 kHz mono WAV file, that recording (then silence). It exists only while the
 * system property {@value #ENABLED} is "true", so tests can also see a machine without any capture
 * device.
 */
public class SyntheticMicrophone extends MixerProvider {

  public static final String ENABLED = "earshot.test.synthetic-microphone";
  public static final String SPEECH = "earshot.test.synthetic-microphone.speech";
  public static final String NAME = "Earshot synthetic microphone";
  public static final AudioFormat FORMAT = new AudioFormat(48000, 16, 2, true, false);

  static final Mixer.Info INFO = new Mixer.Info(NAME, "Earshot tests", "440 Hz tone", "1") {};

  /** The 16-bit sample the microphone delivers for a frame and channel. */
  public static short sample(long frame, int channel) {
    double t = frame / 48000.0;
    double level = (t % 5.0) < 4.6 ? 0.5 : 0.005;
    double v = level * Math.sin(2 * Math.PI * 440 * t) * (channel == 0 ? 1.0 : 0.5);
    return (short) Math.round(v * 32767);
  }

  @Override
  public Mixer.Info[] getMixerInfo() {
    return Boolean.getBoolean(ENABLED) ? new Mixer.Info[] {INFO} : new Mixer.Info[0];
  }

  @Override
  public Mixer getMixer(Mixer.Info info) {
    if (info == null || info.equals(INFO)) {
      return new SyntheticMixer();
    }
    throw new IllegalArgumentException("not a synthetic mixer: " + info);
  }

  private static final DataLine.Info LINE = new DataLine.Info(TargetDataLine.class, FORMAT);

  private static final class SyntheticMixer extends NoControls implements Mixer {
    @Override
    public Info getMixerInfo() {
      return INFO;
    }

    @Override
    public Line.Info[] getSourceLineInfo() {
      return new Line.Info[0];
    }

    @Override
    public Line.Info[] getTargetLineInfo() {
      return new Line.Info[] {LINE};
    }

    @Override
    public Line.Info[] getSourceLineInfo(Line.Info info) {
      return new Line.Info[0];
    }

    @Override
    public Line.Info[] getTargetLineInfo(Line.Info info) {
      return isLineSupported(info) ? new Line.Info[] {LINE} : new Line.Info[0];
    }

    @Override
    public boolean isLineSupported(Line.Info info) {
      if (!(info instanceof DataLine.Info data)
          || !data.getLineClass().isAssignableFrom(TargetDataLine.class)) {
        return false;
      }
      for (AudioFormat wanted : data.getFormats()) {
        if (FORMAT.matches(wanted)) {
          return true;
        }
      }
      return data.getFormats().length == 0;
    }

    @Override
    public Line getLine(Line.Info info) {
      if (!isLineSupported(info)) {
        throw new IllegalArgumentException("unsupported line " + info);
      }
      return new SyntheticLine();
    }

    @Override
    public int getMaxLines(Line.Info info) {
      return 1;
    }

    @Override
    public Line[] getSourceLines() {
      return new Line[0];
    }

    @Override
    public Line[] getTargetLines() {
      return new Line[0];
    }

    @Override
    public void synchronize(Line[] lines, boolean maintainSync) {}

    @Override
    public void unsynchronize(Line[] lines) {}

    @Override
    public boolean isSynchronizationSupported(Line[] lines, boolean maintainSync) {
      return false;
    }

    @Override
    public Line.Info getLineInfo() {
      return new Line.Info(Mixer.class);
    }

    @Override
    public void open() {}

    @Override
    public void close() {}

    @Override
    public boolean isOpen() {
      return true;
    }
  }

  /** Delivers the tone as fast as it is read, so tests need not wait in real time. */
  private static final class SyntheticLine extends NoControls implements TargetDataLine {
    private float[] speech;
    private boolean open;
    private boolean running;
    private long frame;
    private int bufferSize = 48000;

    @Override
    public void open(AudioFormat format, int bufferSize) {
      open(format);
      this.bufferSize = bufferSize;
    }

    @Override
    public void open(AudioFormat format) {
      if (!FORMAT.matches(format)) {
        throw new IllegalArgumentException("unsupported format " + format);
      }
      open();
    }

    @Override
    public void open() {
      String file = System.getProperty(SPEECH);
      speech = file == null ? null : speech(java.nio.file.Path.of(file));
      open = true;
    }

    private static float[] speech(java.nio.file.Path file) {
      try (var pcm = dev.earshot.audio.decode.AudioDecoder.open(file)) {
        if (pcm.info().sampleRate() != 16000 || pcm.info().channels() != 1) {
          throw new IllegalArgumentException(file + " is not 16 kHz mono");
        }
        float[] buffer = new float[16000];
        var samples = new java.util.ArrayList<Float>();
        for (int n = pcm.read(buffer, 0, buffer.length);
            n >= 0;
            n = pcm.read(buffer, 0, buffer.length)) {
          for (int i = 0; i < n; i++) {
            samples.add(buffer[i]);
          }
        }
        float[] out = new float[samples.size()];
        for (int i = 0; i < out.length; i++) {
          out[i] = samples.get(i);
        }
        return out;
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    /** The speech at 48 kHz: 16 kHz samples interpolated linearly, silence after its end. */
    private short speechSample(long frame) {
      double at = frame / 3.0;
      int i = (int) at;
      if (i + 1 >= speech.length) {
        return 0;
      }
      double v = speech[i] + (speech[i + 1] - speech[i]) * (at - i);
      return (short) Math.round(Math.max(-1, Math.min(1, v)) * 32767);
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (!open) {
        return 0;
      }
      int frames = len / 4;
      for (int i = 0; i < frames; i++, frame++) {
        for (int c = 0; c < 2; c++) {
          short s = speech != null ? speechSample(frame) : sample(frame, c);
          b[off + 4 * i + 2 * c] = (byte) s;
          b[off + 4 * i + 2 * c + 1] = (byte) (s >> 8);
        }
      }
      return frames * 4;
    }

    @Override
    public void drain() {}

    @Override
    public void flush() {}

    @Override
    public void start() {
      running = true;
    }

    @Override
    public void stop() {
      running = false;
    }

    @Override
    public boolean isRunning() {
      return running;
    }

    @Override
    public boolean isActive() {
      return running;
    }

    @Override
    public AudioFormat getFormat() {
      return FORMAT;
    }

    @Override
    public int getBufferSize() {
      return bufferSize;
    }

    @Override
    public int available() {
      return bufferSize;
    }

    @Override
    public int getFramePosition() {
      return (int) frame;
    }

    @Override
    public long getLongFramePosition() {
      return frame;
    }

    @Override
    public long getMicrosecondPosition() {
      return frame * 1_000_000 / 48000;
    }

    @Override
    public float getLevel() {
      return AudioSystemLevel.UNKNOWN;
    }

    @Override
    public Line.Info getLineInfo() {
      return LINE;
    }

    @Override
    public void close() {
      open = false;
    }

    @Override
    public boolean isOpen() {
      return open;
    }
  }

  /** Neither the mixer nor its line has controls or listeners. */
  private abstract static class NoControls {
    public Control[] getControls() {
      return new Control[0];
    }

    public boolean isControlSupported(Control.Type control) {
      return false;
    }

    public Control getControl(Control.Type control) {
      throw new IllegalArgumentException("no controls");
    }

    public void addLineListener(LineListener listener) {}

    public void removeLineListener(LineListener listener) {}
  }

  private static final class AudioSystemLevel {
    static final float UNKNOWN = javax.sound.sampled.AudioSystem.NOT_SPECIFIED;
  }
}
