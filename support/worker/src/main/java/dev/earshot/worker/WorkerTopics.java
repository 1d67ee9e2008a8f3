package dev.earshot.worker;

import dev.earshot.schema.EarshotService;
import dev.earshot.schema.topic.EarshotTopic;
import dev.earshot.schema.topic.TopicInitializer;
import dev.earshot.schema.topic.TopicSettings;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Creates a worker's topics with the catalogue's settings, retrying in the background until Kafka
 * answers, so the worker can start before its cluster; closing stops the retries.
 */
public final class WorkerTopics implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(WorkerTopics.class);

  private final AutoCloseable setup;

  private WorkerTopics(AutoCloseable setup) {
    this.setup = setup;
  }

  /**
   * The worker's topics as its configuration maps its channels: chunks in ({@code audio-chunks}),
   * its output, dead letters out ({@code dead-letters}).
   *
   * @param kafka the service's Kafka client settings (Quarkus's {@code default-kafka-broker}:
   *     bootstrap servers, TLS, SASL)
   * @param output the catalogue topic the worker writes
   * @param outputChannel the outgoing channel that writes it
   */
  public static WorkerTopics forWorker(
      Map<String, Object> kafka,
      TopicSettings settings,
      EarshotService service,
      EarshotTopic output,
      String outputChannel) {
    return forWorker(kafka, settings, service, Map.of(output, outputChannel));
  }

  /**
   * @param outputs each catalogue topic the worker writes, with the outgoing channel that writes it
   */
  public static WorkerTopics forWorker(
      Map<String, Object> kafka,
      TopicSettings settings,
      EarshotService service,
      Map<EarshotTopic, String> outputs) {
    return forWorker(kafka, settings, service, outputs, Map.of());
  }

  /**
   * @param inputs each catalogue topic the worker reads besides the chunks, with the incoming
   *     channel that reads it: a consumer that subscribes to a missing topic waits for it, logging
   *     warnings all the while
   */
  public static WorkerTopics forWorker(
      Map<String, Object> kafka,
      TopicSettings settings,
      EarshotService service,
      Map<EarshotTopic, String> outputs,
      Map<EarshotTopic, String> inputs) {
    Config config = ConfigProvider.getConfig();
    Map<EarshotTopic, String> names = new java.util.EnumMap<>(EarshotTopic.class);
    names.put(
        EarshotTopic.AUDIO_CHUNKS,
        config.getValue("mp.messaging.incoming.audio-chunks.topic", String.class));
    outputs.forEach(
        (topic, channel) ->
            names.put(
                topic,
                config.getValue("mp.messaging.outgoing." + channel + ".topic", String.class)));
    inputs.forEach(
        (topic, channel) ->
            names.put(
                topic,
                config.getValue("mp.messaging.incoming." + channel + ".topic", String.class)));
    names.put(
        EarshotTopic.DEAD_LETTERS,
        config.getValue("mp.messaging.outgoing.dead-letters.topic", String.class));
    return start(kafka, settings, names, service.module());
  }

  /**
   * @param names each topic the worker uses, by its configured name
   * @param service names the set-up thread
   */
  private static WorkerTopics start(
      Map<String, Object> kafka,
      TopicSettings settings,
      Map<EarshotTopic, String> names,
      String service) {
    if (!settings.create()) {
      return new WorkerTopics(() -> {});
    }
    var topics = TopicInitializer.newTopics(names, settings);
    return new WorkerTopics(
        TopicInitializer.ensureInBackground(kafka, topics, service + "-topic-setup", LOG::info));
  }

  @Override
  public void close() throws Exception {
    setup.close();
  }
}
