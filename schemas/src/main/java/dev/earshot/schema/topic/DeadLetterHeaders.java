package dev.earshot.schema.topic;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers every service puts on a record it sends to the dead-letter topic: why, where the
 * record came from and who gave up on it. The value stays the record's own bytes, unchanged.
 */
public final class DeadLetterHeaders {

  public static final String REASON = "dead-letter-reason";
  public static final String CAUSE = "dead-letter-cause";
  public static final String TOPIC = "dead-letter-topic";
  public static final String PARTITION = "dead-letter-partition";
  public static final String OFFSET = "dead-letter-offset";
  public static final String SERVICE = "dead-letter-service";

  private DeadLetterHeaders() {}

  /**
   * @param cause the exception behind the reason, or null
   */
  public static Headers of(
      String reason, Throwable cause, String topic, int partition, long offset, String service) {
    var headers = new RecordHeaders();
    headers.add(REASON, utf8(reason));
    if (cause != null) {
      headers.add(CAUSE, utf8(cause.getClass().getName()));
    }
    headers.add(TOPIC, utf8(topic));
    headers.add(PARTITION, utf8(Integer.toString(partition)));
    headers.add(OFFSET, utf8(Long.toString(offset)));
    headers.add(SERVICE, utf8(service));
    return headers;
  }

  private static byte[] utf8(String text) {
    return (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
  }
}
