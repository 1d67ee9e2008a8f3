package dev.earshot.worker;

import dev.earshot.audio.chunk.ChunkPayload;
import dev.earshot.schema.AudioChunk;
import dev.earshot.schema.serde.AvroDeserializer;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The loop of a chunk worker: decodes and checks a batch of {@link AudioChunk} records, hands the
 * good ones to the service's model in one call, publishes what it returns keyed by recording id and
 * sends every record that cannot be processed to the dead-letter topic with the reason. The batch
 * is acknowledged, and so its offsets committed, only once Kafka has acknowledged every record
 * sent: a worker that dies mid-batch leaves its chunks to another.
 *
 * @param <M> the service's loaded model
 * @param <O> the records it publishes
 */
public final class ChunkWorker<M extends AutoCloseable, O> {

  /** A chunk record and its samples at {@link ChunkAudio#RATE}. */
  public record Chunk(AudioChunk record, float[] samples) {}

  /** What became of one chunk: records to publish (none is fine), or why it failed. */
  public record Outcome<O>(List<O> outputs, String failure, Throwable cause) {

    public static <O> Outcome<O> of(List<O> outputs) {
      return new Outcome<>(List.copyOf(outputs), null, null);
    }

    public static <O> Outcome<O> failed(String reason, Throwable cause) {
      return new Outcome<>(List.of(), reason, cause);
    }

    public boolean isFailure() {
      return failure != null;
    }
  }

  /** The service's part: the model applied to the batch's chunks, one outcome each, in order. */
  @FunctionalInterface
  public interface Handler<M, O> {
    List<Outcome<O>> handle(M model, List<Chunk> chunks);
  }

  private final BackgroundModel<M> model;
  private final double maxChunkSeconds;
  private final Handler<M, O> handler;
  private final MutinyEmitter<O> out;
  private final DeadLetters deadLetters;
  private final WorkerMetrics metrics;
  private final InferenceWatchdog watchdog;
  private final AvroDeserializer deserializer = new AvroDeserializer();

  /**
   * @param maxChunkSeconds longer chunks go to the dead-letter topic
   * @param watchdog times every model call
   */
  public ChunkWorker(
      BackgroundModel<M> model,
      double maxChunkSeconds,
      Handler<M, O> handler,
      MutinyEmitter<O> out,
      DeadLetters deadLetters,
      WorkerMetrics metrics,
      InferenceWatchdog watchdog) {
    this.model = model;
    this.maxChunkSeconds = maxChunkSeconds;
    this.handler = handler;
    this.out = out;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
    this.watchdog = watchdog;
  }

  /** Processes one batch; call it from a {@code @Blocking(ordered = true)} incoming method. */
  public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
    long start = System.nanoTime();
    M loaded = model.await();
    List<CompletionStage<Void>> sends = new ArrayList<>();
    List<Chunk> chunks = new ArrayList<>();
    List<KafkaRecord<String, byte[]>> records = new ArrayList<>();
    for (KafkaRecord<String, byte[]> record : batch.getRecords()) {
      try {
        var chunk = (AudioChunk) deserializer.deserialize(record.getTopic(), record.getPayload());
        chunks.add(new Chunk(chunk, ChunkAudio.samples(chunk, maxChunkSeconds)));
        records.add(record);
      } catch (ChunkPayload.InvalidChunkException | RuntimeException e) {
        sends.add(deadLetter(record, e.getMessage(), e));
      }
    }
    List<Outcome<O>> outcomes = outcomes(loaded, chunks);
    for (int i = 0; i < chunks.size(); i++) {
      Outcome<O> outcome = outcomes.get(i);
      if (outcome.isFailure()) {
        sends.add(deadLetter(records.get(i), outcome.failure(), outcome.cause()));
        continue;
      }
      String key = chunks.get(i).record().getRecordingId();
      for (O record : outcome.outputs()) {
        sends.add(
            out.sendMessage(
                    Message.of(record)
                        .addMetadata(
                            OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build()))
                .subscribeAsCompletionStage());
      }
    }
    return CompletableFuture.allOf(
            sends.stream()
                .map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new))
        .thenCompose(done -> batch.ack())
        .whenComplete((done, error) -> metrics.batch(System.nanoTime() - start));
  }

  private List<Outcome<O>> outcomes(M loaded, List<Chunk> chunks) {
    if (chunks.isEmpty()) {
      return List.of();
    }
    try {
      List<String> names =
          chunks.stream()
              .map(c -> c.record().getRecordingId() + "#" + c.record().getSequence())
              .toList();
      List<Outcome<O>> outcomes = watchdog.watch(names, () -> handler.handle(loaded, chunks));
      if (outcomes.size() != chunks.size()) {
        throw new IllegalStateException(
            "the model gave " + outcomes.size() + " outcomes for " + chunks.size() + " chunks");
      }
      return outcomes;
    } catch (RuntimeException e) {
      // The model failed for the whole batch: each chunk goes to the dead-letter topic with why,
      // and the worker moves on rather than retrying the same batch for ever.
      return chunks.stream()
          .map(c -> Outcome.<O>failed("processing failed: " + e.getMessage(), e))
          .toList();
    }
  }

  private CompletionStage<Void> deadLetter(
      KafkaRecord<String, byte[]> record, String reason, Throwable cause) {
    metrics.deadLetter(cause);
    return deadLetters.send(record, reason, cause);
  }
}
