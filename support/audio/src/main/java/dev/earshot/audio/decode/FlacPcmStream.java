package dev.earshot.audio.decode;

import dev.earshot.audio.SampleRates;
import dev.earshot.audio.decode.AudioFormatException.Reason;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.FrameListener;
import org.jflac.frame.Frame;
import org.jflac.metadata.Metadata;

/** FLAC decoded frame by frame through jflac's {@link FLACDecoder}. */
final class FlacPcmStream extends BlockPcmStream {

  private static final int STREAMINFO = 0;
  private static final int STREAMINFO_LENGTH = 34;
  private static final int INVALID_BLOCK_TYPE = 127;

  private final FLACDecoder decoder;
  private final TrackingInputStream input;
  private final long totalFrames;
  private final int channels;
  private long decodedFrames;
  private String frameError;

  private FlacPcmStream(
      AudioInfo info, Source source, FLACDecoder decoder, TrackingInputStream input) {
    super(info, source);
    this.decoder = decoder;
    this.input = input;
    this.totalFrames = info.totalFrames();
    this.channels = info.channels();
    decoder.addFrameListener(
        new FrameListener() {
          @Override
          public void processMetadata(Metadata metadata) {}

          @Override
          public void processFrame(Frame frame) {}

          @Override
          public void processError(String message) {
            // Lost sync is reported for trailing junk too; a bad frame shows up as the errors
            // below.
            if (!message.startsWith("FindSync") && frameError == null) {
              frameError = message;
            }
          }
        });
  }

  /**
   * Walks the metadata blocks itself rather than letting jflac do it, because jflac's parsers
   * allocate whatever length a (possibly hostile) block declares; jflac sees only STREAMINFO.
   */
  static FlacPcmStream open(Source source) throws IOException {
    byte[] magic = new byte[4];
    if (source.readFully(magic, 0, 4) < 4) {
      throw truncatedMetadata();
    }
    byte[] streamInfo = null;
    boolean last = false;
    while (!last) {
      byte[] header = new byte[4];
      if (source.readFully(header, 0, 4) < 4) {
        throw truncatedMetadata();
      }
      last = (header[0] & 0x80) != 0;
      int type = header[0] & 0x7f;
      int length = (header[1] & 0xff) << 16 | (header[2] & 0xff) << 8 | (header[3] & 0xff);
      if (streamInfo == null) {
        if (type != STREAMINFO || length != STREAMINFO_LENGTH) {
          throw new AudioFormatException(
              Reason.CORRUPT,
              "FLAC stream is corrupt: the first metadata block is type "
                  + type
                  + " of "
                  + length
                  + " bytes, not a 34-byte STREAMINFO");
        }
        streamInfo = new byte[STREAMINFO_LENGTH];
        if (source.readFully(streamInfo, 0, STREAMINFO_LENGTH) < STREAMINFO_LENGTH) {
          throw truncatedMetadata();
        }
      } else {
        if (type == INVALID_BLOCK_TYPE) {
          throw new AudioFormatException(
              Reason.CORRUPT, "FLAC stream is corrupt: metadata block type 127 is invalid");
        }
        if (source.skipFully(length) < length) {
          throw truncatedMetadata();
        }
      }
    }

    int sampleRate =
        (streamInfo[10] & 0xff) << 12 | (streamInfo[11] & 0xff) << 4 | (streamInfo[12] & 0xf0) >> 4;
    int channels = ((streamInfo[12] & 0x0e) >> 1) + 1;
    int bits = ((streamInfo[12] & 0x01) << 4 | (streamInfo[13] & 0xf0) >> 4) + 1;
    long total =
        (streamInfo[13] & 0x0fL) << 32
            | (streamInfo[14] & 0xffL) << 24
            | (streamInfo[15] & 0xffL) << 16
            | (streamInfo[16] & 0xffL) << 8
            | (streamInfo[17] & 0xffL);
    if (!SampleRates.isSupported(sampleRate)) {
      throw new AudioFormatException(
          Reason.INVALID_HEADER, SampleRates.describeUnsupported("FLAC sample rate", sampleRate));
    }
    if (bits < 4 || bits > 24) {
      throw new AudioFormatException(
          Reason.UNSUPPORTED_CODEC,
          "FLAC with " + bits + "-bit samples is not supported (4 to 24 bits are)");
    }

    // jflac re-reads the stream marker and STREAMINFO, so give it exactly those before the frames.
    byte[] prefix = new byte[8 + STREAMINFO_LENGTH];
    prefix[0] = 'f';
    prefix[1] = 'L';
    prefix[2] = 'a';
    prefix[3] = 'C';
    prefix[4] = (byte) 0x80;
    prefix[7] = STREAMINFO_LENGTH;
    System.arraycopy(streamInfo, 0, prefix, 8, STREAMINFO_LENGTH);
    TrackingInputStream input = new TrackingInputStream(source.stream());
    FLACDecoder decoder =
        new FLACDecoder(
            new EndGuard(new SequenceInputStream(new ByteArrayInputStream(prefix), input)));
    decoder.readMetadata();
    AudioInfo info =
        new AudioInfo(
            Container.FLAC, "FLAC " + bits + "-bit", sampleRate, channels, total == 0 ? -1 : total);
    if (total == 0 && source.peek(1).length == 0) {
      throw new AudioFormatException(Reason.EMPTY, "FLAC stream contains no audio frames");
    }
    return new FlacPcmStream(info, source, decoder, input);
  }

  @Override
  boolean decodeBlock() throws IOException {
    if (totalFrames >= 0 && decodedFrames >= totalFrames) {
      return false;
    }
    Frame frame;
    try {
      frame = decoder.readNextFrame();
    } catch (EndGuard.RepeatedEnd e) {
      frame = null;
    } catch (IOException e) {
      if (input.failure() != null) {
        throw e;
      }
      throw corrupt(e);
    }
    if (frame == null) {
      // An input that ends inside a frame logs a read error too; that alone is truncation.
      boolean damaged =
          decoder.getBadFrames() > 0
              || (frameError != null && !frameError.contains("EOFException"));
      if (damaged) {
        throw corruptFrame();
      }
      if (totalFrames > 0 && decodedFrames < totalFrames) {
        throw new AudioFormatException(
            Reason.TRUNCATED,
            "file is truncated: FLAC STREAMINFO declares "
                + totalFrames
                + " samples but only "
                + decodedFrames
                + " were decoded");
      }
      return false;
    }
    if (frameError != null || decoder.getBadFrames() > 0) {
      throw corruptFrame();
    }
    if (frame.header.channels != channels) {
      throw new AudioFormatException(
          Reason.CORRUPT,
          "FLAC stream is corrupt: a frame holds "
              + frame.header.channels
              + " channels but STREAMINFO declares "
              + channels);
    }
    int frames = frame.header.blockSize;
    if (totalFrames >= 0) {
      frames = (int) Math.min(frames, totalFrames - decodedFrames);
    }
    int bits = frame.header.bitsPerSample;
    if (bits < 4 || bits > 24) {
      throw new AudioFormatException(
          Reason.CORRUPT, "FLAC stream is corrupt: a frame declares " + bits + "-bit samples");
    }
    float scale = 1f / (1 << (bits - 1));
    float[] out = ensureBlock(frames * channels);
    ChannelData[] data = decoder.getChannelData();
    for (int c = 0; c < channels; c++) {
      int[] samples = data[c].getOutput();
      for (int i = 0, j = c; i < frames; i++, j += channels) {
        out[j] = samples[i] * scale;
      }
    }
    blockLength = frames * channels;
    decodedFrames += frames;
    return true;
  }

  private AudioFormatException corruptFrame() {
    return new AudioFormatException(
        Reason.CORRUPT,
        "FLAC stream is corrupt: "
            + (frameError != null ? frameError : "undecodable frame")
            + " after "
            + decodedFrames
            + " samples");
  }

  /**
   * Ends jflac's frame search at the end of the input: on a damaged stream it can retry a stale
   * frame header forever, asking for one more byte each time.
   */
  private static final class EndGuard extends FilterInputStream {

    private static final int MAX_READS_AT_END = 64;
    private int readsAtEnd;

    EndGuard(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      return atEnd(super.read());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return atEnd(super.read(b, off, len));
    }

    private int atEnd(int result) throws RepeatedEnd {
      if (result < 0 && ++readsAtEnd > MAX_READS_AT_END) {
        throw new RepeatedEnd();
      }
      return result;
    }

    static final class RepeatedEnd extends IOException {
      private static final long serialVersionUID = 1L;

      RepeatedEnd() {
        super("read past the end of the input " + MAX_READS_AT_END + " times");
      }
    }
  }

  private static AudioFormatException truncatedMetadata() {
    return new AudioFormatException(
        Reason.TRUNCATED, "file is truncated: the FLAC stream ends inside its metadata");
  }
}
