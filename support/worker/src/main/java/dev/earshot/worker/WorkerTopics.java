package dev.earshot.worker;

import dev.earshot.schema.topic.EarshotTopic;
import dev.earshot.schema.topic.TopicInitializer;
import dev.earshot.schema.topic.TopicSettings;
import java.util.Map;
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
   * @param names each topic the worker uses, by its configured name
   * @param service names the set-up thread
   */
  public static WorkerTopics start(
      String bootstrap, TopicSettings settings, Map<EarshotTopic, String> names, String service) {
    if (!settings.create()) {
      return new WorkerTopics(() -> {});
    }
    var topics =
        TopicInitializer.newTopics(names, settings.partitions(), settings.replicationFactor());
    return new WorkerTopics(
        TopicInitializer.ensureInBackground(
            bootstrap, topics, service + "-topic-setup", LOG::info));
  }

  @Override
  public void close() throws Exception {
    setup.close();
  }
}
