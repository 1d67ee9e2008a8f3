package dev.earshot.ingest.recording;

import dev.earshot.audio.chunk.Chunk;
import dev.earshot.audio.chunk.ChunkPipeline;
import dev.earshot.audio.chunk.PcmCodec;
import dev.earshot.audio.chunk.PcmEncoding;
import dev.earshot.audio.decode.AudioFormatException;
import dev.earshot.audio.decode.AudioInfo;
import dev.earshot.audio.decode.PcmStream;
import dev.earshot.audio.dsp.Downmix;
import dev.earshot.audio.dsp.LevelMeter;
import dev.earshot.audio.dsp.Normalization;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Ingests audio of known length (files and uploads): decodes all of it first and publishes only
 * when decoding succeeded, so a corrupt or truncated input leaves a FAILED event and no chunks.
 */
public final class RecordingIngestor {

  private final IngestSettings settings;
  private final ChunkPublisher publisher;
  private final IngestListener listener;
  private final Supplier<String> ids;

  public RecordingIngestor(
      IngestSettings settings,
      ChunkPublisher publisher,
      IngestListener listener,
      Supplier<String> ids) {
    this.settings = settings;
    this.publisher = publisher;
    this.listener = listener;
    this.ids = ids;
  }

  /** The outcome of one successful ingestion. */
  public record Ingested(Recording recording, ChunkPublisher.Totals totals) {}

  public Ingested ingest(AudioInput input, RecordingSource source) throws IngestException {
    String id = ids.get();
    Staged staged;
    try {
      staged = decode(input);
    } catch (AudioFormatException e) {
      throw refuse(id, source, Rejection.of(e.reason()), e.getMessage(), e);
    } catch (TooLong e) {
      throw refuse(id, source, Rejection.TOO_LONG, e.getMessage(), e);
    } catch (IOException e) {
      throw refuse(id, source, Rejection.UNREADABLE, "cannot read the audio: " + e.getMessage(), e);
    }
    Recording recording =
        new Recording(id, source, staged.format(), settings.sampleRate(), settings.encoding());
    Publication publication = publication(recording);
    try {
      publication.start();
      for (EncodedChunk chunk : staged.chunks()) {
        publication.chunk(chunk);
      }
      ChunkPublisher.Totals totals = publication.finish();
      listener.bytesRead(source.origin(), input.size());
      return new Ingested(recording, totals);
    } catch (IngestException e) {
      publication.fail(e.rejection(), e.getMessage());
      throw e;
    }
  }

  private record Staged(Recording.InputFormat format, List<EncodedChunk> chunks) {}

  private Staged decode(AudioInput input) throws IOException {
    double gain = 1.0;
    if (settings.normalization().mode() != Normalization.Mode.NONE) {
      try (PcmStream measured = input.open()) {
        LevelMeter meter = measureMono(measured);
        gain = settings.normalization().gainFor(meter.peak(), meter.rms());
      }
    }
    try (PcmStream stream = input.open()) {
      AudioInfo info = stream.info();
      List<EncodedChunk> chunks = new ArrayList<>();
      long maxSamples = settings.maxSamples();
      ChunkPipeline.run(
          stream,
          settings.pipeline(),
          gain,
          chunk -> {
            if (chunk.offsetSamples() + chunk.samples().length > maxSamples) {
              throw new TooLong(
                  "recording is longer than the allowed "
                      + settings.maxDuration().toMinutes()
                      + " minutes (ingest.max-duration)");
            }
            chunks.add(encode(chunk, settings.encoding()));
          });
      return new Staged(formatOf(info), chunks);
    }
  }

  /** Level of the down-mixed input; resampling keeps the level of content below 8 kHz. */
  private static LevelMeter measureMono(PcmStream stream) throws IOException {
    int channels = stream.info().channels();
    float[] block = new float[8192 * channels];
    float[] mono = new float[8192];
    LevelMeter meter = new LevelMeter();
    for (int n = stream.read(block, 0, block.length);
        n >= 0;
        n = stream.read(block, 0, block.length)) {
      int frames = n / channels;
      Downmix.toMono(block, 0, frames, channels, mono, 0);
      meter.accept(mono, 0, frames);
    }
    return meter;
  }

  static EncodedChunk encode(Chunk chunk, PcmEncoding encoding) {
    return new EncodedChunk(
        chunk.sequence(),
        chunk.offsetSamples(),
        chunk.samples().length,
        PcmCodec.encode(chunk.samples(), encoding),
        chunk.last());
  }

  static Recording.InputFormat formatOf(AudioInfo info) {
    return new Recording.InputFormat(info.describe(), info.sampleRate(), info.channels());
  }

  private IngestException refuse(
      String id, RecordingSource source, Rejection rejection, String message, Exception cause) {
    // A FAILED event without chunks, so whoever waits on the recording learns why it never came.
    var recording = new Recording(id, source, null, settings.sampleRate(), settings.encoding());
    publication(recording).fail(rejection, message);
    return new IngestException(rejection, id, message, cause);
  }

  private Publication publication(Recording recording) {
    return new Publication(
        recording, publisher, listener, settings.maxInFlight(), settings.publishTimeout());
  }

  /** Thrown from the chunk callback to stop decoding a recording that is too long. */
  static final class TooLong extends RuntimeException {
    TooLong(String message) {
      super(message);
    }
  }
}
