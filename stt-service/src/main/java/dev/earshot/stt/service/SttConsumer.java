package dev.earshot.stt.service;

import dev.earshot.schema.EarshotService;
import dev.earshot.schema.Transcript;
import dev.earshot.stt.metrics.SttMetrics;
import dev.earshot.stt.model.LoadedModel;
import dev.earshot.worker.BackgroundModel;
import dev.earshot.worker.ChunkWorker;
import dev.earshot.worker.DeadLetters;
import dev.earshot.worker.InferenceWatchdog;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Transcribes batches of audio chunks from Kafka with the shared chunk worker. */
@ApplicationScoped
public class SttConsumer {

  private final ChunkWorker<LoadedModel, Transcript> worker;

  public SttConsumer(
      BackgroundModel<LoadedModel> model,
      @Channel(Channels.TRANSCRIPTS) MutinyEmitter<Transcript> transcripts,
      @Channel(Channels.DEAD_LETTERS) MutinyEmitter<byte[]> deadLetters,
      SttMetrics metrics,
      InferenceWatchdog watchdog) {
    this.worker =
        new ChunkWorker<>(
            model,
            Transcribing.MAX_CHUNK_SECONDS,
            new Transcribing(metrics, Clock.systemUTC()),
            transcripts,
            new DeadLetters(deadLetters, EarshotService.STT),
            metrics.worker(),
            watchdog);
  }

  @Incoming(Channels.AUDIO_CHUNKS)
  @Blocking(ordered = true)
  public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
    return worker.consume(batch);
  }
}
