package dev.earshot.ingest.recording;

/** Where Kafka stored a record; partition and offset are -1 when the broker did not say. */
public record PublishReceipt(String topic, int partition, long offset) {}
