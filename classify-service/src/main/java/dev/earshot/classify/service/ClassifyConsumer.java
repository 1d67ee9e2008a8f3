package dev.earshot.classify.service;

import dev.earshot.audio.chunk.ChunkPayload;
import dev.earshot.classify.classifier.ChunkClassification;
import dev.earshot.classify.classifier.Prediction;
import dev.earshot.classify.config.ClassifySettings;
import dev.earshot.classify.metrics.ClassifyMetrics;
import dev.earshot.schema.AudioChunk;
import dev.earshot.schema.Classification;
import dev.earshot.schema.FeatureSummary;
import dev.earshot.schema.serde.AvroDeserializer;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes batches of audio chunks in its own consumer group, runs every classifier on each chunk
 * and publishes one record per chunk and classifier. A batch's offsets are committed only once all
 * its records and dead letters are acknowledged by Kafka.
 */
@ApplicationScoped
public class ClassifyConsumer {

  private static final Logger LOG = Logger.getLogger(ClassifyConsumer.class);

  private final ClassifierHolder classifiers;
  private final ClassifySettings settings;
  private final MutinyEmitter<Classification> out;
  private final DeadLetters deadLetters;
  private final ClassifyMetrics metrics;
  private final AvroDeserializer deserializer = new AvroDeserializer();
  private final Clock clock = Clock.systemUTC();

  public ClassifyConsumer(
      ClassifierHolder classifiers,
      ClassifySettings settings,
      @Channel(Channels.CLASSIFICATIONS) MutinyEmitter<Classification> out,
      DeadLetters deadLetters,
      ClassifyMetrics metrics) {
    this.classifiers = classifiers;
    this.settings = settings;
    this.out = out;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
  }

  @Incoming(Channels.AUDIO_CHUNKS)
  @Blocking(ordered = true)
  public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
    ChunkClassification classification = classifiers.await().classification();
    List<CompletionStage<Void>> sends = new ArrayList<>();
    for (KafkaRecord<String, byte[]> record : batch.getRecords()) {
      AudioChunk chunk;
      float[] samples;
      try {
        chunk = (AudioChunk) deserializer.deserialize(record.getTopic(), record.getPayload());
        samples = ChunkMapping.samples(chunk, settings.maxChunkSeconds());
      } catch (ChunkPayload.InvalidChunkException | RuntimeException e) {
        sends.add(deadLetter(record, e.getMessage(), e));
        continue;
      }
      ChunkClassification.Result result;
      try {
        result = classification.classify(samples);
      } catch (RuntimeException e) {
        sends.add(deadLetter(record, "classification failed: " + e.getMessage(), e));
        continue;
      }
      metrics.classified(result);
      FeatureSummary features =
          ClassificationMapping.features(result.features(), settings.series());
      for (Prediction prediction : result.predictions()) {
        Classification avro =
            ClassificationMapping.toAvro(
                chunk, prediction, features, result.featureMs(), clock.instant());
        sends.add(
            out.sendMessage(
                    Message.of(avro)
                        .addMetadata(
                            OutgoingKafkaRecordMetadata.<String>builder()
                                .withKey(chunk.getRecordingId())
                                .build()))
                .subscribeAsCompletionStage());
      }
    }
    return CompletableFuture.allOf(
            sends.stream()
                .map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new))
        .thenCompose(done -> batch.ack());
  }

  private CompletionStage<Void> deadLetter(
      KafkaRecord<String, byte[]> record, String reason, Throwable cause) {
    LOG.warnf(
        "Chunk %s-%d goes to the dead-letter topic: %s",
        record.getTopic(), record.getPartition(), reason);
    metrics.deadLetter();
    return deadLetters.send(record, reason, cause);
  }
}
