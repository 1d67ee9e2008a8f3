package dev.earshot.ingest.recording;

import dev.earshot.audio.chunk.ChunkPipeline;
import java.util.Objects;

/**
 * A recording whose audio arrives while it is being made (microphone, live stream): chunks are
 * published as soon as the chunker has cut them, and the recording ends FINISHED or FAILED.
 * Thread-safe: a connection's close and error callbacks may race to end it; the first one wins.
 */
public final class LiveRecording {

  private final IngestSettings settings;
  private final Publication publication;
  private final ChunkPipeline pipeline;
  private final LivePieces pieces;
  private IngestException chunkFailure;
  private boolean closed;

  private LiveRecording(
      IngestSettings settings,
      Publication publication,
      int sampleRate,
      int channels,
      Captions captions) {
    this.settings = settings;
    this.publication = publication;
    this.pieces =
        captions.enabled()
            ? new LivePieces(
                publication.recording(),
                captions.pieceSamples(settings.sampleRate()),
                captions.publisher())
            : null;
    this.pipeline =
        new ChunkPipeline(
            sampleRate, channels, settings.pipeline(), 1.0, this::publishChunk, pieces);
  }

  /**
   * Whether the stream's audio also goes out in pieces for live captions, how long they are and
   * where they go.
   */
  public record Captions(LiveAudioPublisher publisher, java.time.Duration pieceDuration) {

    public static final Captions OFF =
        new Captions(LiveAudioPublisher.NONE, java.time.Duration.ZERO);

    public Captions {
      Objects.requireNonNull(publisher, "publisher");
      Objects.requireNonNull(pieceDuration, "pieceDuration");
      if (pieceDuration.isNegative()
          || (!pieceDuration.isZero()
              && (pieceDuration.toMillis() < 100 || pieceDuration.toMillis() > 5000))) {
        throw new IllegalArgumentException(
            "ingest.live.piece-duration must be 100MS to 5S, got " + pieceDuration);
      }
    }

    public boolean enabled() {
      return !pieceDuration.isZero() && publisher != LiveAudioPublisher.NONE;
    }

    int pieceSamples(int sampleRate) {
      return (int) (pieceDuration.toMillis() * sampleRate / 1000);
    }
  }

  /**
   * Publishes STARTED and returns the open recording; fails when Kafka does not acknowledge it, so
   * no audio is accepted that could not be published. With captions on, the audio also goes out in
   * pieces while the stream is open.
   */
  public static LiveRecording start(
      IngestSettings settings,
      ChunkPublisher publisher,
      EventOutbox outbox,
      IngestListener listener,
      String id,
      RecordingSource source,
      Recording.InputFormat format,
      Captions captions)
      throws IngestException {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(captions, "captions");
    var recording = new Recording(id, source, format, settings.sampleRate(), settings.encoding());
    var publication =
        new Publication(
            recording,
            publisher,
            outbox,
            listener,
            settings.maxInFlight(),
            settings.publishTimeout());
    try {
      publication.start();
    } catch (IngestException e) {
      throw publication.fail(e.rejection(), e.getMessage()) ? e : e.withFailedEventPending();
    }
    return new LiveRecording(
        settings, publication, format.sampleRate(), format.channels(), captions);
  }

  public Recording recording() {
    return publication.recording();
  }

  /** Interleaved samples in [-1, 1] at the input rate and channel count. */
  public synchronized void accept(float[] interleaved, int offset, int length)
      throws IngestException {
    if (closed) {
      throw new IllegalStateException("recording " + recording().id() + " is closed");
    }
    pipeline.accept(interleaved, offset, length);
    if (chunkFailure != null) {
      throw chunkFailure;
    }
    if (pipeline.stats().resampledSamples() > settings.maxSamples()) {
      throw new IngestException(
          Rejection.TOO_LONG,
          recording().id(),
          "stream is longer than the allowed "
              + settings.maxDuration().toMinutes()
              + " minutes (ingest.max-duration)",
          null);
    }
  }

  /** Cuts the last chunk, waits for every acknowledgement and publishes FINISHED. */
  public synchronized ChunkPublisher.Totals finish() throws IngestException {
    closed = true;
    try {
      pipeline.finish();
      endPieces();
      if (chunkFailure != null) {
        throw chunkFailure;
      }
      return publication.finish();
    } catch (IngestException e) {
      throw publication.fail(e.rejection(), e.getMessage()) ? e : e.withFailedEventPending();
    }
  }

  /**
   * Ends the recording as FAILED without publishing what is still buffered: for failures where
   * publishing more is wrong (the stream is over the length limit, Kafka refused a chunk).
   */
  public synchronized void abort(Rejection rejection, String reason) {
    if (publication.isEnded()) {
      return;
    }
    closed = true;
    endPieces();
    publication.fail(rejection, reason);
  }

  /**
   * Ends a stream that was cut off before its end (connection lost, capture failed): the audio that
   * did arrive is published, then FAILED says the recording is incomplete.
   */
  public synchronized void interrupt(String reason) {
    if (publication.isEnded()) {
      return;
    }
    closed = true;
    pipeline.finish();
    endPieces();
    publication.fail(Rejection.STREAM_ABORTED, reason);
  }

  public synchronized boolean isEnded() {
    return publication.isEnded();
  }

  /** Seconds of input audio taken in so far. */
  public synchronized double receivedSeconds() {
    var stats = pipeline.stats();
    return stats.inputFrames() / (double) stats.inputSampleRate();
  }

  public ChunkPublisher.Totals totals() {
    return publication.totals();
  }

  /** The captioner learns that the stream is over, however it ended. */
  private void endPieces() {
    if (pieces != null) {
      pieces.end();
    }
  }

  private void publishChunk(dev.earshot.audio.chunk.Chunk chunk) {
    if (chunkFailure != null) {
      return;
    }
    try {
      publication.chunk(RecordingIngestor.encode(chunk, settings.encoding()));
    } catch (IngestException e) {
      chunkFailure = e;
    }
  }
}
