package dev.earshot.audio.decode;

import dev.earshot.audio.decode.AudioFormatException.Reason;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** Opens WAV, FLAC, OGG Vorbis, MP3, AIFF or AU bytes as a {@link PcmStream}, by magic bytes. */
public final class AudioDecoder {

  private static final int BUFFER_BYTES = 64 * 1024;
  private static final int MAX_ID3_TAGS = 4;

  private AudioDecoder() {}

  /**
   * Opens a file; the format comes from its content, not its name. The file's size is known, so a
   * WAV whose header declares more data than the file holds fails here as {@link Reason#TRUNCATED}.
   */
  public static PcmStream open(Path file) throws IOException {
    long size = Files.size(file);
    InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
    return openClosingOnFailure(new Source(in, size));
  }

  /**
   * Opens a stream without reading it all first: only the first few kilobytes are buffered (with
   * mark/reset) to identify the format, so an upload is decoded while it arrives, and truncation
   * shows when the data runs out. Closing the returned stream closes {@code in}; so does a failure
   * to open.
   */
  public static PcmStream open(InputStream in) throws IOException {
    Objects.requireNonNull(in, "in");
    InputStream markable = in.markSupported() ? in : new BufferedInputStream(in, BUFFER_BYTES);
    return openClosingOnFailure(new Source(markable, -1));
  }

  /** Opens audio held in memory; like a file, its length is known up front. */
  public static PcmStream open(byte[] data) throws IOException {
    Objects.requireNonNull(data, "data");
    return openClosingOnFailure(new Source(new ByteArrayInputStream(data), data.length));
  }

  private static PcmStream openClosingOnFailure(Source source) throws IOException {
    try {
      return open(source);
    } catch (IOException | RuntimeException e) {
      try {
        source.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private static PcmStream open(Source source) throws IOException {
    for (int tags = 0; ; tags++) {
      byte[] head = source.peek(FormatSniffer.SNIFF_BYTES);
      if (tags > 0 && head.length == 0) {
        throw new AudioFormatException(
            Reason.EMPTY, "MP3 file holds an ID3 tag but no audio frames");
      }
      FormatSniffer.Kind kind = FormatSniffer.detect(head, head.length < FormatSniffer.SNIFF_BYTES);
      if (kind == FormatSniffer.Kind.ID3) {
        if (tags == MAX_ID3_TAGS) {
          throw new AudioFormatException(
              Reason.CORRUPT, "MP3 stream is corrupt: more than " + MAX_ID3_TAGS + " ID3 tags");
        }
        skipId3(source, head);
        continue;
      }
      if (kind == FormatSniffer.Kind.UNKNOWN && tags == 0) {
        throw FormatSniffer.notAudio(head);
      }
      try {
        return openAs(kind, source);
      } catch (RuntimeException e) {
        // Decoder libraries fail on hostile headers with whatever exception comes first.
        throw new AudioFormatException(
            Reason.CORRUPT,
            kind.label()
                + " stream is corrupt: "
                + e.getClass().getSimpleName()
                + ": "
                + e.getMessage(),
            e);
      }
    }
  }

  private static PcmStream openAs(FormatSniffer.Kind kind, Source source) throws IOException {
    return switch (kind) {
      case WAV -> WavPcmStream.open(source);
      case FLAC -> FlacPcmStream.open(source);
      case OGG -> VorbisPcmStream.open(source);
      case MP3 -> Mp3PcmStream.open(source, false);
      case AIFF -> JavaSoundPcmStream.open(source, Container.AIFF);
      case AU -> JavaSoundPcmStream.open(source, Container.AU);
      // Past an ID3 tag: MP3 files may pad or carry junk before the first frame.
      case UNKNOWN, ID3 -> Mp3PcmStream.open(source, true);
    };
  }

  /** Skips an ID3v2 tag: a 10-byte header, a syncsafe size, and a footer when flagged. */
  private static void skipId3(Source source, byte[] head) throws IOException {
    if (head.length < 10) {
      throw new AudioFormatException(
          Reason.TRUNCATED, "file is truncated: the ID3 tag header is incomplete");
    }
    int size = 0;
    for (int i = 6; i < 10; i++) {
      if ((head[i] & 0x80) != 0) {
        throw new AudioFormatException(
            Reason.CORRUPT, "MP3 stream is corrupt: the ID3 tag size is not syncsafe");
      }
      size = size << 7 | head[i];
    }
    long total = 10L + size + ((head[5] & 0x10) != 0 ? 10 : 0);
    long skipped = source.skipFully(total);
    if (skipped < total) {
      throw new AudioFormatException(
          Reason.TRUNCATED,
          "file is truncated: the ID3 tag declares "
              + total
              + " bytes but only "
              + skipped
              + " follow");
    }
  }
}
