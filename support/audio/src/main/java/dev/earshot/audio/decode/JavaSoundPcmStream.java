package dev.earshot.audio.decode;

import dev.earshot.audio.SampleRates;
import dev.earshot.audio.decode.AudioFormatException.Reason;
import java.io.IOException;
import java.util.ServiceLoader;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioFormat.Encoding;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import javax.sound.sampled.spi.AudioFileReader;

/** AIFF and AU decoded through the JDK's own JavaSound file readers. */
final class JavaSoundPcmStream extends AbstractPcmStream {

  private static final int READ_BYTES = 64 * 1024;

  private final AudioInputStream audio;
  private final SampleEncoding encoding;
  private final int frameSize;
  private final int channels;
  private final long totalFrames;
  private long framesRead;
  private boolean ended;
  private AudioFormatException pending;
  private byte[] bytes = new byte[0];

  private JavaSoundPcmStream(
      AudioInfo info, Source source, AudioInputStream audio, SampleEncoding encoding) {
    super(info, source);
    this.audio = audio;
    this.encoding = encoding;
    this.frameSize = audio.getFormat().getFrameSize();
    this.channels = info.channels();
    this.totalFrames = info.totalFrames();
  }

  static JavaSoundPcmStream open(Source source, Container container) throws IOException {
    TrackingInputStream input = new TrackingInputStream(source.stream());
    AudioInputStream audio = null;
    UnsupportedAudioFileException rejection = null;
    // Only the JDK's readers, never third-party ones on the class path: some of those (mp3spi's)
    // claim streams that are not theirs.
    for (AudioFileReader reader : ServiceLoader.load(ModuleLayer.boot(), AudioFileReader.class)) {
      try {
        audio = reader.getAudioInputStream(input);
        break;
      } catch (UnsupportedAudioFileException e) {
        rejection = e;
      } catch (IOException e) {
        if (input.failure() != null) {
          throw e;
        }
        throw new AudioFormatException(
            Reason.CORRUPT, container.label() + " header is corrupt: " + e.getMessage(), e);
      } catch (RuntimeException e) {
        throw new AudioFormatException(
            Reason.CORRUPT, container.label() + " header is corrupt: " + e, e);
      }
    }
    if (audio == null) {
      throw new AudioFormatException(
          Reason.UNSUPPORTED_CODEC,
          container.label()
              + " file uses a variant the JDK cannot read"
              + (rejection == null || rejection.getMessage() == null
                  ? ""
                  : ": " + rejection.getMessage()));
    }
    AudioFormat format = audio.getFormat();
    int channels = format.getChannels();
    float rate = format.getSampleRate();
    if (rate != Math.rint(rate) || !SampleRates.isSupported((long) rate)) {
      throw new AudioFormatException(
          Reason.INVALID_HEADER,
          container.label()
              + " sample rate "
              + rate
              + " Hz is outside the supported range "
              + SampleRates.MIN
              + ".."
              + SampleRates.MAX
              + " Hz");
    }
    if (channels < 1 || channels > WavPcmStream.MAX_CHANNELS) {
      throw new AudioFormatException(
          Reason.INVALID_HEADER, container.label() + " header declares " + channels + " channels");
    }
    int bits = format.getSampleSizeInBits();
    SampleEncoding encoding = encodingOf(format);
    if (encoding == null || format.getFrameSize() != channels * encoding.bytes()) {
      throw new AudioFormatException(
          Reason.UNSUPPORTED_CODEC,
          "unsupported "
              + container.label()
              + " codec: "
              + format.getEncoding()
              + " "
              + bits
              + "-bit");
    }
    String codec =
        switch (encoding) {
          case F32LE, F32BE, F64LE, F64BE -> "IEEE float " + bits + "-bit";
          case MU_LAW -> "mu-law 8-bit";
          case A_LAW -> "A-law 8-bit";
          default -> "PCM " + bits + "-bit";
        };
    long frames = audio.getFrameLength() == AudioSystem.NOT_SPECIFIED ? -1 : audio.getFrameLength();
    if (frames == 0) {
      throw new AudioFormatException(
          Reason.EMPTY, container.label() + " file contains no audio samples");
    }
    AudioInfo info = new AudioInfo(container, codec, (int) rate, channels, frames);
    return new JavaSoundPcmStream(info, source, audio, encoding);
  }

  private static SampleEncoding encodingOf(AudioFormat format) {
    Encoding encoding = format.getEncoding();
    int bits = format.getSampleSizeInBits();
    boolean big = format.isBigEndian();
    if (Encoding.PCM_SIGNED.equals(encoding) && bits % 8 == 0 && bits >= 8 && bits <= 32) {
      return SampleEncoding.signed(bits / 8, big);
    }
    if (Encoding.PCM_UNSIGNED.equals(encoding) && bits == 8) {
      return SampleEncoding.U8;
    }
    if (Encoding.PCM_FLOAT.equals(encoding) && (bits == 32 || bits == 64)) {
      return SampleEncoding.floating(bits / 8, big);
    }
    if (Encoding.ULAW.equals(encoding) && bits == 8) {
      return SampleEncoding.MU_LAW;
    }
    if (Encoding.ALAW.equals(encoding) && bits == 8) {
      return SampleEncoding.A_LAW;
    }
    return null;
  }

  @Override
  int readSamples(float[] buffer, int offset, int length) throws IOException {
    if (pending != null) {
      AudioFormatException e = pending;
      pending = null;
      throw e;
    }
    if (ended) {
      return -1;
    }
    int frames = Math.min(length / channels, Math.max(1, READ_BYTES / frameSize));
    int want = frames * frameSize;
    if (bytes.length < want) {
      bytes = new byte[want];
    }
    int got = 0;
    while (got < want) {
      int n = audio.read(bytes, got, want - got);
      if (n < 0) {
        break;
      }
      got += n;
    }
    int whole = got / frameSize;
    framesRead += whole;
    if (got < want) {
      ended = true;
      if (totalFrames >= 0 && framesRead < totalFrames) {
        pending =
            new AudioFormatException(
                Reason.TRUNCATED,
                "file is truncated: the "
                    + getLabel()
                    + " header declares "
                    + totalFrames
                    + " frames but only "
                    + framesRead
                    + " follow");
      }
    }
    if (whole == 0) {
      ended = true;
      if (pending != null) {
        AudioFormatException e = pending;
        pending = null;
        throw e;
      }
      return -1;
    }
    encoding.decode(bytes, 0, buffer, offset, whole * channels);
    return whole * channels;
  }

  private String getLabel() {
    return info().container().label();
  }

  @Override
  public void close() throws IOException {
    try {
      audio.close();
    } finally {
      super.close();
    }
  }
}
