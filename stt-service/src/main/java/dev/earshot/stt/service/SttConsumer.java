package dev.earshot.stt.service;

import dev.earshot.audio.chunk.ChunkPayload;
import dev.earshot.schema.AudioChunk;
import dev.earshot.schema.ModelRef;
import dev.earshot.schema.Transcript;
import dev.earshot.schema.serde.AvroDeserializer;
import dev.earshot.stt.metrics.SttMetrics;
import dev.earshot.stt.model.ModelHolder;
import dev.earshot.stt.model.SpeechToText;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
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
 * Consumes batches of audio chunks, transcribes them together and publishes one transcript per
 * chunk. The batch is acknowledged, and so its offsets committed, only once every transcript and
 * dead letter is acknowledged by Kafka: a worker that dies mid-batch leaves the chunks to another.
 */
@ApplicationScoped
public class SttConsumer {

  private static final Logger LOG = Logger.getLogger(SttConsumer.class);

  private final ModelHolder models;
  private final MutinyEmitter<Transcript> transcripts;
  private final DeadLetters deadLetters;
  private final SttMetrics metrics;
  private final AvroDeserializer deserializer = new AvroDeserializer();
  private final Clock clock = Clock.systemUTC();

  public SttConsumer(
      ModelHolder models,
      @Channel(Channels.TRANSCRIPTS) MutinyEmitter<Transcript> transcripts,
      DeadLetters deadLetters,
      SttMetrics metrics) {
    this.models = models;
    this.transcripts = transcripts;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
  }

  @Incoming(Channels.AUDIO_CHUNKS)
  @Blocking(ordered = true)
  public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
    ModelHolder.Loaded loaded = models.await();
    List<CompletionStage<Void>> sends = new ArrayList<>();
    List<SpeechToText.Chunk> chunks = new ArrayList<>();
    List<AudioChunk> sources = new ArrayList<>();
    List<KafkaRecord<String, byte[]>> records = new ArrayList<>();
    for (KafkaRecord<String, byte[]> record : batch.getRecords()) {
      try {
        var avro = (AudioChunk) deserializer.deserialize(record.getTopic(), record.getPayload());
        chunks.add(ChunkMapping.toSpeech(avro));
        sources.add(avro);
        records.add(record);
      } catch (ChunkPayload.InvalidChunkException | RuntimeException e) {
        sends.add(deadLetter(record, e.getMessage(), e));
      }
    }
    var model = new ModelRef(loaded.model().id(), loaded.model().version());
    var options = loaded.speechToText().transcriber().options();
    List<SpeechToText.Result> results = loaded.speechToText().transcribe(chunks);
    for (int i = 0; i < results.size(); i++) {
      SpeechToText.Result result = results.get(i);
      AudioChunk source = sources.get(i);
      if (result.failed()) {
        sends.add(
            deadLetter(
                records.get(i),
                "transcription failed: " + result.failure().getMessage(),
                result.failure()));
        continue;
      }
      metrics.transcribed(result.transcription());
      Transcript transcript =
          TranscriptMapping.toAvro(
              source.getRecordingId(),
              source.getSequence(),
              source.getOffsetSeconds(),
              source.getDurationSeconds(),
              source.getLast(),
              result.transcription(),
              options,
              model,
              clock.instant());
      sends.add(
          transcripts
              .sendMessage(
                  Message.of(transcript)
                      .addMetadata(
                          OutgoingKafkaRecordMetadata.<String>builder()
                              .withKey(source.getRecordingId())
                              .build()))
              .subscribeAsCompletionStage());
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
        "Chunk %s-%d@%d goes to the dead-letter topic: %s",
        record.getTopic(), record.getPartition(), offsetOf(record), reason);
    metrics.deadLetter();
    return deadLetters.send(
        new DeadLetters.Letter(
            record.getKey(),
            record.getPayload(),
            record.getTopic(),
            record.getPartition(),
            offsetOf(record),
            reason,
            cause));
  }

  private static long offsetOf(KafkaRecord<String, byte[]> record) {
    return record
        .getMetadata(IncomingKafkaRecordMetadata.class)
        .map(IncomingKafkaRecordMetadata::getOffset)
        .orElse(-1L);
  }
}
