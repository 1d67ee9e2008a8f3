package dev.earshot.audio.decode;

import com.github.trilarion.sound.vorbis.jcraft.jogg.Packet;
import com.github.trilarion.sound.vorbis.jcraft.jogg.Page;
import com.github.trilarion.sound.vorbis.jcraft.jogg.StreamState;
import com.github.trilarion.sound.vorbis.jcraft.jogg.SyncState;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.Block;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.Comment;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.DspState;
import com.github.trilarion.sound.vorbis.jcraft.jorbis.Info;
import dev.earshot.audio.SampleRates;
import dev.earshot.audio.decode.AudioFormatException.Reason;
import java.io.IOException;
import java.io.InputStream;

/** OGG Vorbis decoded page by page through the JOrbis classes bundled in vorbis-support. */
final class VorbisPcmStream extends AbstractPcmStream {

  private static final int READ_BYTES = 8192;

  /** Header packets beyond this are not plausible and would only feed the decoder's allocations. */
  private static final int MAX_HEADER_PACKET = 256 * 1024;

  private final InputStream input;
  private final SyncState sync;
  private final StreamState stream;
  private final DspState dsp;
  private final Block vorbisBlock;
  private final Page page = new Page();
  private final Packet packet = new Packet();
  private final int serial;
  private final int channels;
  private final float[][][] pcmHolder = new float[1][][];
  private final int[] pcmIndex;

  private long framesOut;
  private long endGranule = -1;
  private boolean endOfStream;
  private boolean ended;

  private VorbisPcmStream(
      AudioInfo info,
      Source source,
      SyncState sync,
      StreamState stream,
      Info vorbisInfo,
      int serial) {
    super(info, source);
    this.input = source.stream();
    this.sync = sync;
    this.stream = stream;
    this.serial = serial;
    this.channels = info.channels();
    this.dsp = new DspState();
    dsp.synthesis_init(vorbisInfo);
    this.vorbisBlock = new Block(dsp);
    this.pcmIndex = new int[channels];
  }

  static VorbisPcmStream open(Source source) throws IOException {
    rejectOtherCodecs(source.peek(FormatSniffer.SNIFF_BYTES));
    SyncState sync = new SyncState();
    sync.init();
    Page page = new Page();
    Packet packet = new Packet();
    InputStream in = source.stream();
    if (!nextPage(sync, page, in)) {
      throw new AudioFormatException(
          Reason.TRUNCATED, "file is truncated: the first OGG page is incomplete");
    }
    int serial = page.serialno();
    StreamState stream = new StreamState();
    stream.init(serial);
    Info info = new Info();
    info.init();
    Comment comment = new Comment();
    comment.init();
    stream.pagein(page);
    for (int header = 0; header < 3; ) {
      int result = stream.packetout(packet);
      if (result == 1) {
        checkHeaderPacket(packet, header);
        if (info.synthesis_headerin(comment, packet) < 0) {
          throw new AudioFormatException(
              Reason.CORRUPT,
              "OGG stream is corrupt: Vorbis header " + (header + 1) + " is invalid");
        }
        header++;
      } else if (result < 0) {
        throw new AudioFormatException(
            Reason.CORRUPT, "OGG stream is corrupt: data missing among the Vorbis headers");
      } else {
        if (!nextPage(sync, page, in)) {
          throw new AudioFormatException(
              Reason.TRUNCATED, "file is truncated: the OGG stream ends inside its Vorbis headers");
        }
        if (page.serialno() == serial) {
          stream.pagein(page);
        }
      }
    }
    if (!SampleRates.isSupported(info.rate)) {
      throw new AudioFormatException(
          Reason.INVALID_HEADER, SampleRates.describeUnsupported("Vorbis sample rate", info.rate));
    }
    if (info.channels < 1 || info.channels > WavPcmStream.MAX_CHANNELS) {
      throw new AudioFormatException(
          Reason.INVALID_HEADER, "Vorbis header declares " + info.channels + " channels");
    }
    AudioInfo audioInfo =
        new AudioInfo(Container.OGG_VORBIS, "Vorbis", info.rate, info.channels, -1);
    return new VorbisPcmStream(audioInfo, source, sync, stream, info, serial);
  }

  /** Names the codec of the first logical stream when it is not Vorbis. */
  static void rejectOtherCodecs(byte[] head) throws AudioFormatException {
    if (head.length < 27 || head.length < 27 + (head[26] & 0xff)) {
      throw new AudioFormatException(
          Reason.TRUNCATED, "file is truncated: the first OGG page is incomplete");
    }
    int start = 27 + (head[26] & 0xff);
    if (head.length < start + 8) {
      throw new AudioFormatException(
          Reason.TRUNCATED, "file is truncated: the first OGG packet is incomplete");
    }
    String codec = null;
    if (startsWith(head, start, "\u0001vorbis")) {
      return;
    } else if (startsWith(head, start, "OpusHead")) {
      codec = "Opus";
    } else if (startsWith(head, start, "\u007FFLAC")) {
      codec = "FLAC";
    } else if (startsWith(head, start, "Speex   ")) {
      codec = "Speex";
    } else if (startsWith(head, start, "\u0080theora")) {
      codec = "Theora video";
    } else if (startsWith(head, start, "fishead")) {
      codec = "a Skeleton index";
    }
    throw new AudioFormatException(
        Reason.UNSUPPORTED_CODEC,
        "OGG stream holds "
            + (codec == null ? "an unknown codec" : codec)
            + ", only Vorbis is supported");
  }

  private static boolean startsWith(byte[] bytes, int offset, String prefix) {
    if (offset + prefix.length() > bytes.length) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if ((bytes[offset + i] & 0xff) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static void checkHeaderPacket(Packet packet, int header) throws AudioFormatException {
    if (packet.bytes > MAX_HEADER_PACKET) {
      throw new AudioFormatException(
          Reason.CORRUPT,
          "OGG stream is corrupt: Vorbis header "
              + (header + 1)
              + " is "
              + packet.bytes
              + " bytes");
    }
    if (header == 1) {
      VorbisHeaders.checkComment(packet.packet_base, packet.packet, packet.bytes);
    } else if (header == 2) {
      VorbisHeaders.checkSetup(packet.packet_base, packet.packet, packet.bytes);
    }
  }

  /** Reads until the next whole page; false when the input ends first. */
  private static boolean nextPage(SyncState sync, Page page, InputStream in) throws IOException {
    while (true) {
      int result = sync.pageout(page);
      if (result == 1) {
        return true;
      }
      if (result < 0) {
        throw new AudioFormatException(
            Reason.CORRUPT, "OGG stream is corrupt: a page fails its checksum or data is missing");
      }
      int index = sync.buffer(READ_BYTES);
      int n = in.read(sync.data, index, READ_BYTES);
      if (n < 0) {
        return false;
      }
      sync.wrote(n);
    }
  }

  /**
   * Driving JOrbis page by page makes holes, checksum failures and a missing end-of-stream page
   * errors instead of silence. Only the first logical stream is decoded, and the output stops at
   * the last page's granule position, which trims the encoder's padding.
   */
  @Override
  int readSamples(float[] buffer, int offset, int length) throws IOException {
    if (ended) {
      return -1;
    }
    while (true) {
      int available = dsp.synthesis_pcmout(pcmHolder, pcmIndex);
      if (available > 0) {
        long allowed = endGranule >= 0 ? Math.max(0, endGranule - framesOut) : Long.MAX_VALUE;
        int frames = (int) Math.min(Math.min(available, length / channels), allowed);
        if (frames == 0) {
          // Everything left in this packet lies past the last page's granule position.
          dsp.synthesis_read(available);
          continue;
        }
        float[][] pcm = pcmHolder[0];
        for (int c = 0; c < channels; c++) {
          float[] samples = pcm[c];
          int from = pcmIndex[c];
          for (int i = 0, j = offset + c; i < frames; i++, j += channels) {
            float v = samples[from + i];
            buffer[j] = v > 1f ? 1f : (v < -1f ? -1f : v);
          }
        }
        dsp.synthesis_read(frames);
        framesOut += frames;
        return frames * channels;
      }
      int result = stream.packetout(packet);
      if (result == 1) {
        if (vorbisBlock.synthesis(packet) != 0) {
          throw new AudioFormatException(
              Reason.CORRUPT,
              "OGG stream is corrupt: undecodable Vorbis packet after " + framesOut + " samples");
        }
        dsp.synthesis_blockin(vorbisBlock);
        continue;
      }
      if (result < 0) {
        throw new AudioFormatException(
            Reason.CORRUPT,
            "OGG stream is corrupt: data missing between pages after " + framesOut + " samples");
      }
      if (endOfStream) {
        ended = true;
        return -1;
      }
      if (!nextPage(sync, page, input)) {
        throw new AudioFormatException(
            Reason.TRUNCATED,
            "file is truncated: the OGG stream ends after "
                + framesOut
                + " samples without its end-of-stream page");
      }
      if (page.serialno() != serial) {
        continue;
      }
      if (stream.pagein(page) < 0) {
        throw new AudioFormatException(
            Reason.CORRUPT, "OGG stream is corrupt: a page is out of sequence");
      }
      if (page.eos() != 0) {
        endOfStream = true;
        endGranule = page.granulepos();
      }
    }
  }
}
