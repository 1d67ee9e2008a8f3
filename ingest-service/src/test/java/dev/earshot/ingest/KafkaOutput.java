package dev.earshot.ingest;

import dev.earshot.schema.AudioChunk;
import dev.earshot.schema.RecordingEvent;
import dev.earshot.schema.RecordingEventType;
import dev.earshot.testbroker.TopicReader;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

/** Reads what ingest-service published for a recording back from the test broker. */
public final class KafkaOutput {

  public static final String CHUNKS = "earshot.audio-chunks";
  public static final String EVENTS = "earshot.recording-events";
  public static final String LIVE_AUDIO = "earshot.live-audio";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final TopicReader reader = new TopicReader();

  /** Every chunk of the recording, once its last chunk is on the topic, in sequence order. */
  public List<AudioChunk> chunksOf(String recordingId) {
    return reader
        .readUntil(
            CHUNKS,
            r -> recordingId.equals(r.key()),
            got -> got.stream().anyMatch(r -> ((AudioChunk) r.value()).getLast()),
            TIMEOUT)
        .stream()
        .map(r -> (AudioChunk) r.value())
        .toList();
  }

  /** Every live piece of the stream, once its last piece is on the topic, in sequence order. */
  public List<dev.earshot.schema.LiveAudio> piecesOf(String recordingId) {
    return reader
        .readUntil(
            LIVE_AUDIO,
            r -> recordingId.equals(r.key()),
            got -> got.stream().anyMatch(r -> ((dev.earshot.schema.LiveAudio) r.value()).getLast()),
            TIMEOUT)
        .stream()
        .map(r -> (dev.earshot.schema.LiveAudio) r.value())
        .toList();
  }

  /** The recording's lifecycle events, once one of the given type arrived. */
  public List<RecordingEvent> eventsOf(String recordingId, RecordingEventType until) {
    return reader
        .readUntil(
            EVENTS,
            r -> recordingId.equals(r.key()),
            got -> got.stream().anyMatch(r -> ((RecordingEvent) r.value()).getType() == until),
            TIMEOUT)
        .stream()
        .map(r -> (RecordingEvent) r.value())
        .toList();
  }

  /** How many chunks of the recording are on the topic now (read for a few seconds). */
  public long chunkCountNow(String recordingId) {
    return reader.readAll(CHUNKS, Duration.ofSeconds(1)).stream()
        .filter(r -> recordingId.equals(r.key()))
        .count();
  }

  /** The recording's lifecycle events on the topic now (read for a few seconds). */
  public List<RecordingEvent> eventsNow(String recordingId) {
    return reader.readAll(EVENTS, Duration.ofSeconds(1)).stream()
        .filter(r -> recordingId.equals(r.key()))
        .map(r -> (RecordingEvent) r.value())
        .toList();
  }

  /** The partitions the recording's chunks landed in. */
  public List<Integer> partitionsOf(String recordingId) {
    return reader.readAll(CHUNKS, Duration.ofSeconds(1)).stream()
        .filter(r -> recordingId.equals(r.key()))
        .map(r -> r.partition())
        .distinct()
        .toList();
  }

  public static byte[] concatenatedPayload(List<AudioChunk> chunks) {
    var out = new ByteArrayOutputStream();
    for (AudioChunk chunk : chunks) {
      ByteBuffer payload = chunk.getPayload().duplicate();
      byte[] bytes = new byte[payload.remaining()];
      payload.get(bytes);
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }
}
