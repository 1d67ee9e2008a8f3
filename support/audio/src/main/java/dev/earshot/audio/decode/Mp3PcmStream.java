package dev.earshot.audio.decode;

import dev.earshot.audio.decode.AudioFormatException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.Obuffer;
import javazoom.jl.decoder.SampleBuffer;

/** MPEG audio (Layers I to III) decoded frame by frame through JLayer, the decoder in mp3spi. */
final class Mp3PcmStream extends BlockPcmStream {

  /** How far past an ID3 tag to look for the first frame. */
  static final int SCAN_BYTES = 64 * 1024;

  /** Samples of delay every standard MPEG Layer III decoder adds (the synthesis filter bank). */
  private static final int DECODER_DELAY = 529;

  private final TrackingInputStream input;

  // JLayer directly, not mp3spi's stream around it, which logs decoding errors and carries on.
  private final Bitstream bitstream;
  private final Decoder decoder = new Decoder();
  private final int channels;
  private final long declaredMpegFrames;
  private long skipFrames;
  private final long totalFrames;
  private long mpegFrames;
  private long framesOut;

  private Mp3PcmStream(
      AudioInfo info,
      Source source,
      TrackingInputStream input,
      long declaredMpegFrames,
      long skip) {
    super(info, source);
    this.input = input;
    this.bitstream = new Bitstream(input);
    this.channels = info.channels();
    this.declaredMpegFrames = declaredMpegFrames;
    this.skipFrames = skip;
    this.totalFrames = info.totalFrames();
  }

  /**
   * True when an MPEG audio frame starts at {@code offset}: a valid header followed by another
   * header of the same stream one frame later, or by the end of the input when {@code inputEnds}.
   */
  static boolean isFrameAt(byte[] bytes, int offset, boolean inputEnds) {
    MpegHeader header = MpegHeader.parse(bytes, offset);
    if (header == null) {
      return false;
    }
    int next = offset + header.frameLength();
    if (next + 4 <= bytes.length) {
      return header.sameStream(MpegHeader.parse(bytes, next));
    }
    return inputEnds;
  }

  /**
   * Opens the stream at the current position, which starts with a frame, or when {@code afterTag}
   * follows an ID3 tag and may hold padding or junk before the first frame. A Xing/Info frame is
   * consumed here rather than decoded as a frame of silence, and its LAME tag's encoder delay and
   * padding are trimmed, so the output lines up sample for sample with the encoder's input.
   */
  static Mp3PcmStream open(Source source, boolean afterTag) throws IOException {
    byte[] head = source.peek(SCAN_BYTES);
    boolean inputEnds = head.length < SCAN_BYTES;
    int start = -1;
    for (int i = 0; i + 4 <= head.length && (afterTag || i == 0); i++) {
      if (isFrameAt(head, i, inputEnds)) {
        start = i;
        break;
      }
    }
    if (start < 0) {
      if (head.length == 0) {
        throw new AudioFormatException(
            Reason.EMPTY, "MP3 file holds an ID3 tag but no audio frames");
      }
      throw new AudioFormatException(
          Reason.CORRUPT,
          "MP3 stream is corrupt: no MPEG audio frame in the "
              + head.length
              + " bytes after the ID3 tag");
    }
    source.skipFully(start);
    MpegHeader first = MpegHeader.parse(head, start);
    long declaredMpegFrames = -1;
    long skip = 0;
    long total = -1;
    int frameLength = first.frameLength();
    if (start + frameLength <= head.length) {
      VbrTag tag = VbrTag.find(head, start, first);
      if (tag != null) {
        source.skipFully(frameLength);
        declaredMpegFrames = tag.frames;
        if (tag.frames > 0) {
          total = tag.frames * first.samplesPerFrame();
          if (tag.hasGapless && first.layer() == 3) {
            skip = tag.delay + DECODER_DELAY;
            total = Math.max(0, total - tag.delay - tag.padding);
          }
        }
      }
    }
    AudioInfo info =
        new AudioInfo(
            Container.MP3, first.codecName(), first.sampleRate(), first.channels(), total);
    return new Mp3PcmStream(
        info, source, new TrackingInputStream(source.stream()), declaredMpegFrames, skip);
  }

  @Override
  boolean decodeBlock() throws IOException {
    if (totalFrames >= 0 && framesOut >= totalFrames) {
      return false;
    }
    Header header;
    Obuffer output;
    try {
      header = bitstream.readFrame();
      if (header == null) {
        if (declaredMpegFrames > 0 && mpegFrames < declaredMpegFrames) {
          throw new AudioFormatException(
              Reason.TRUNCATED,
              "file is truncated: the MP3 header declares "
                  + declaredMpegFrames
                  + " frames but only "
                  + mpegFrames
                  + " follow");
        }
        return false;
      }
      output = decoder.decodeFrame(header, bitstream);
      bitstream.closeFrame();
    } catch (BitstreamException | DecoderException e) {
      if (input.failure() != null) {
        throw input.failure();
      }
      throw new AudioFormatException(
          Reason.CORRUPT,
          "MP3 stream is corrupt: " + e.getMessage() + " in frame " + (mpegFrames + 1),
          e);
    }
    mpegFrames++;
    SampleBuffer samples = (SampleBuffer) output;
    if (samples.getChannelCount() != channels) {
      throw new AudioFormatException(
          Reason.CORRUPT,
          "MP3 stream is corrupt: frame "
              + mpegFrames
              + " has "
              + samples.getChannelCount()
              + " channels, the first frame "
              + channels);
    }
    short[] pcm = samples.getBuffer();
    int frames = samples.getBufferLength() / channels;
    int from = (int) Math.min(frames, skipFrames);
    skipFrames -= from;
    int count = frames - from;
    if (totalFrames >= 0) {
      count = (int) Math.min(count, totalFrames - framesOut);
    }
    float[] out = ensureBlock(count * channels);
    for (int i = 0, j = from * channels; i < count * channels; i++, j++) {
      out[i] = pcm[j] / 32768f;
    }
    blockLength = count * channels;
    framesOut += count;
    return true;
  }

  /** A Xing/Info or VBRI header in the first frame, with the LAME tag's gapless fields. */
  private record VbrTag(long frames, boolean hasGapless, int delay, int padding) {

    static VbrTag find(byte[] b, int frameStart, MpegHeader header) {
      int frameEnd = frameStart + header.frameLength();
      int xing = frameStart + 4 + (header.crc() ? 2 : 0) + header.sideInfoLength();
      if (header.layer() == 3 && (is(b, xing, "Xing") || is(b, xing, "Info"))) {
        int flags = be32(b, xing + 4, frameEnd);
        int p = xing + 8;
        long frames = -1;
        if ((flags & 1) != 0) {
          frames = be32(b, p, frameEnd) & 0xffffffffL;
          p += 4;
        }
        p += ((flags & 2) != 0 ? 4 : 0) + ((flags & 4) != 0 ? 100 : 0) + ((flags & 8) != 0 ? 4 : 0);
        // LAME and ffmpeg ("Lavc") write the same extension: 9 bytes of encoder name, then at
        // offset 21 the encoder delay and padding as two 12-bit numbers.
        if (p + 24 <= frameEnd && isPrintable(b, p, 4)) {
          int packed = (b[p + 21] & 0xff) << 16 | (b[p + 22] & 0xff) << 8 | (b[p + 23] & 0xff);
          return new VbrTag(frames, true, packed >>> 12, packed & 0xfff);
        }
        return new VbrTag(frames, false, 0, 0);
      }
      int vbri = frameStart + 4 + 32;
      if (is(b, vbri, "VBRI")) {
        return new VbrTag(be32(b, vbri + 14, frameEnd) & 0xffffffffL, false, 0, 0);
      }
      return null;
    }

    private static boolean is(byte[] b, int offset, String id) {
      return offset + 4 <= b.length
          && new String(b, offset, 4, StandardCharsets.ISO_8859_1).equals(id);
    }

    private static boolean isPrintable(byte[] b, int offset, int count) {
      for (int i = offset; i < offset + count; i++) {
        if (b[i] < 0x20 || b[i] > 0x7e) {
          return false;
        }
      }
      return true;
    }

    private static int be32(byte[] b, int offset, int end) {
      if (offset + 4 > end) {
        return 0;
      }
      return (b[offset] & 0xff) << 24
          | (b[offset + 1] & 0xff) << 16
          | (b[offset + 2] & 0xff) << 8
          | (b[offset + 3] & 0xff);
    }
  }
}
