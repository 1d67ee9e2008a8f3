package dev.earshot.classify.service;

import dev.earshot.classify.classifier.ClassifierSet;
import dev.earshot.classify.config.ClassifySettings;
import dev.earshot.classify.metrics.ClassifyMetrics;
import dev.earshot.schema.Classification;
import dev.earshot.schema.EarshotService;
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

/**
 * Classifies batches of audio chunks from Kafka, in its own consumer group, with the shared chunk
 * worker.
 */
@ApplicationScoped
public class ClassifyConsumer {

  private final ChunkWorker<ClassifierSet, Classification> worker;

  public ClassifyConsumer(
      BackgroundModel<ClassifierSet> classifiers,
      ClassifySettings settings,
      @Channel(Channels.CLASSIFICATIONS) MutinyEmitter<Classification> out,
      @Channel(Channels.DEAD_LETTERS) MutinyEmitter<byte[]> deadLetters,
      ClassifyMetrics metrics,
      InferenceWatchdog watchdog) {
    this.worker =
        new ChunkWorker<>(
            classifiers,
            settings.maxChunkSeconds(),
            new Classifying(settings, metrics, Clock.systemUTC()),
            out,
            new DeadLetters(deadLetters, EarshotService.CLASSIFY),
            metrics.worker(),
            watchdog);
  }

  @Incoming(Channels.AUDIO_CHUNKS)
  @Blocking(ordered = true)
  public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
    return worker.consume(batch);
  }
}
