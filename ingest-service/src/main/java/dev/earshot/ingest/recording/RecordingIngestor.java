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
import java.util.function.Supplier;

/**
 * Ingests audio of known length (files and uploads): decodes all of it first and publishes only
 * when decoding succeeded, so a corrupt or truncated input leaves a FAILED event and no chunks. The
 * decoded chunks wait in a {@link ChunkSpool} (memory, then disk), and a recording is refused as
 * too long as soon as its header or its decoding passes {@code ingest.max-duration}.
 */
public final class RecordingIngestor {

  private final IngestSettings settings;
  private final ChunkPublisher publisher;
  private final EventOutbox outbox;
  private final IngestListener listener;
  private final Supplier<String> ids;

  public RecordingIngestor(
      IngestSettings settings,
      ChunkPublisher publisher,
      EventOutbox outbox,
      IngestListener listener,
      Supplier<String> ids) {
    this.settings = settings;
    this.publisher = publisher;
    this.outbox = outbox;
    this.listener = listener;
    this.ids = ids;
  }

  /** The outcome of one successful ingestion. */
  public record Ingested(Recording recording, ChunkPublisher.Totals totals) {}

  public Ingested ingest(AudioInput input, RecordingSource source) throws IngestException {
    return ingest(ids.get(), input, source);
  }

  /**
   * Ingests under a given id: a new attempt at a recording that failed (an upload retried with its
   * Idempotency-Key) publishes STARTED, every chunk and FINISHED again under the same id.
   */
  public Ingested ingest(String id, AudioInput input, RecordingSource source)
      throws IngestException {
    try (ChunkSpool spool = new ChunkSpool(ChunkSpool.MEMORY_BYTES)) {
      return ingest(id, input, source, spool);
    } catch (IOException e) {
      throw new IngestException(
          Rejection.UNREADABLE, id, "cannot clean up the decoded chunks: " + e.getMessage(), e);
    }
  }

  private Ingested ingest(String id, AudioInput input, RecordingSource source, ChunkSpool spool)
      throws IngestException {
    Recording.InputFormat format;
    try {
      format = decode(input, spool);
    } catch (AudioFormatException e) {
      throw refuse(id, source, Rejection.of(e.reason()), e.getMessage(), e);
    } catch (TooLong e) {
      throw refuse(id, source, Rejection.TOO_LONG, e.getMessage(), e);
    } catch (IOException e) {
      throw refuse(id, source, Rejection.UNREADABLE, "cannot read the audio: " + e.getMessage(), e);
    }
    Recording recording =
        new Recording(id, source, format, settings.sampleRate(), settings.encoding());
    Publication publication = publication(recording);
    try {
      publication.start();
      for (EncodedChunk chunk : spool) {
        publication.chunk(chunk);
      }
      ChunkPublisher.Totals totals = publication.finish();
      listener.bytesRead(source.origin(), input.size());
      return new Ingested(recording, totals);
    } catch (IngestException e) {
      throw publication.fail(e.rejection(), e.getMessage()) ? e : e.withFailedEventPending();
    }
  }

  private Recording.InputFormat decode(AudioInput input, ChunkSpool spool) throws IOException {
    double gain = 1.0;
    if (settings.normalization().mode() != Normalization.Mode.NONE) {
      try (PcmStream measured = input.open()) {
        LevelMeter meter = measureMono(measured, settings.maxDuration().toMillis() / 1000.0);
        gain = settings.normalization().gainFor(meter.peak(), meter.rms());
      }
    }
    try (PcmStream stream = input.open()) {
      AudioInfo info = stream.info();
      if (info.hasTotalFrames()
          && info.durationSeconds() > settings.maxDuration().toMillis() / 1000.0) {
        // The header says so: no need to decode hours of audio to find out.
        throw tooLong();
      }
      long maxSamples = settings.maxSamples();
      ChunkPipeline.run(
          stream,
          settings.pipeline(),
          gain,
          chunk -> {
            if (chunk.offsetSamples() + chunk.samples().length > maxSamples) {
              throw tooLong();
            }
            try {
              spool.add(encode(chunk, settings.encoding()));
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
      return formatOf(info);
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private TooLong tooLong() {
    return new TooLong(
        "recording is longer than the allowed "
            + settings.maxDuration().toMinutes()
            + " minutes (ingest.max-duration)");
  }

  /** Level of the down-mixed input; resampling keeps the level of content below 8 kHz. */
  private LevelMeter measureMono(PcmStream stream, double maxSeconds) throws IOException {
    int channels = stream.info().channels();
    long maxFrames = (long) Math.ceil(maxSeconds * stream.info().sampleRate());
    long frames = 0;
    float[] block = new float[8192 * channels];
    float[] mono = new float[8192];
    LevelMeter meter = new LevelMeter();
    for (int n = stream.read(block, 0, block.length);
        n >= 0;
        n = stream.read(block, 0, block.length)) {
      int read = n / channels;
      frames += read;
      if (frames > maxFrames) {
        throw tooLong();
      }
      Downmix.toMono(block, 0, read, channels, mono, 0);
      meter.accept(mono, 0, read);
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
    var refused = new IngestException(rejection, id, message, cause);
    return publication(recording).fail(rejection, message)
        ? refused
        : refused.withFailedEventPending();
  }

  private Publication publication(Recording recording) {
    return new Publication(
        recording, publisher, outbox, listener, settings.maxInFlight(), settings.publishTimeout());
  }

  /** Thrown from the chunk callback to stop decoding a recording that is too long. */
  static final class TooLong extends RuntimeException {
    TooLong(String message) {
      super(message);
    }
  }
}
