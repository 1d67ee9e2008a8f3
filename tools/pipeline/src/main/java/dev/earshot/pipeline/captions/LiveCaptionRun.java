package dev.earshot.pipeline.captions;

import dev.earshot.pipeline.ingest.IngestClient;
import dev.earshot.pipeline.ingest.LiveStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Streams audio to ingest-service's live WebSocket at the pace it is spoken, as a microphone would
 * (a block of 100 ms leaves when its last sample has been spoken), collecting the stream's captions
 * twice: as the streaming device gets them back on its connection, and as any subscriber of {@code
 * earshot.captions} (a {@link CaptionFollower}) does.
 */
public final class LiveCaptionRun {

  /** What the microphone would hand over at once. */
  static final double BLOCK_SECONDS = 0.1;

  /**
   * @param startNanos when the stream's first sample was spoken ({@link System#nanoTime()})
   * @param captions every caption of the stream on the topic, the last one last unless they stopped
   *     coming
   * @param onConnection the captions the streaming device got back on its connection
   */
  public record Run(
      String recordingId,
      long startNanos,
      List<CaptionFollower.Arrived> captions,
      List<CaptionFollower.Arrived> onConnection,
      LiveStream.Finished finished) {}

  private LiveCaptionRun() {}

  /**
   * @param samples 16 kHz mono audio
   * @param wait how long to wait for the last caption once the stream has ended
   */
  public static Run stream(
      IngestClient ingest, CaptionFollower follower, float[] samples, String name, Duration wait)
      throws IOException, InterruptedException {
    int block = (int) Math.round(BLOCK_SECONDS * Reading.RATE);
    List<CaptionFollower.Arrived> onConnection = new CopyOnWriteArrayList<>();
    try (LiveStream live =
        LiveStream.open(
            ingest,
            Reading.RATE,
            1,
            name,
            "caption-bench",
            m -> {},
            c -> onConnection.add(new CaptionFollower.Arrived(c, System.nanoTime())))) {
      long start = System.nanoTime();
      for (int at = 0, k = 1; at < samples.length; at += block, k++) {
        long due = start + (long) (k * BLOCK_SECONDS * 1e9);
        long early = due - System.nanoTime();
        if (early > 0) {
          Thread.sleep(early / 1_000_000, (int) (early % 1_000_000));
        }
        live.send(samples, at, Math.min(block, samples.length - at));
      }
      LiveStream.Finished finished = live.finish();
      live.awaitLastCaption(wait);
      return new Run(
          live.recordingId(),
          start,
          follower.awaitLast(live.recordingId(), wait),
          List.copyOf(onConnection),
          finished);
    }
  }
}
