package dev.earshot.results.config;

import dev.earshot.results.access.ReadAccess;
import dev.earshot.results.join.JoinListener;
import dev.earshot.results.join.JoinSettings;
import dev.earshot.results.join.ResultsTopology;
import dev.earshot.results.join.StreamThreadRecovery;
import dev.earshot.results.join.WorkerProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/** The checked settings and the Kafka Streams topology Quarkus runs. */
@ApplicationScoped
public class ResultsBeans {

  @Produces
  @Singleton
  ReadAccess readAccess(ResultsConfig config) {
    return ReadAccess.of(config.http());
  }

  /** Quarkus hands this to Kafka Streams before it starts. */
  @Produces
  @Singleton
  StreamsUncaughtExceptionHandler streamThreadRecovery(ResultsConfig config) {
    return new StreamThreadRecovery(
        config.maxThreadReplacements(), config.threadReplacementWindow(), Clock.systemUTC());
  }

  @Produces
  @Singleton
  JoinSettings joinSettings(ResultsConfig config) {
    return ResultsSettings.join(config);
  }

  @Produces
  @Singleton
  ResultsTopology.Topics topics(ResultsConfig config) {
    var t = config.topic();
    return new ResultsTopology.Topics(
        t.transcripts(),
        t.classifications(),
        t.recordingEvents(),
        t.audioChunks(),
        t.chunkResults(),
        t.results(),
        t.deadLetters());
  }

  /** The worker groups' offsets, fetched by {@link WorkerProgressPoller}; stale after 6 scans. */
  @Produces
  @Singleton
  WorkerProgress workerProgress(ResultsConfig config) {
    List<String> groups =
        config.workerGroups().stream().map(String::strip).filter(g -> !g.isEmpty()).toList();
    Duration maxAge = config.scanInterval().multipliedBy(6);
    return new WorkerProgress(
        groups,
        maxAge.compareTo(MIN_PROGRESS_AGE) < 0 ? MIN_PROGRESS_AGE : maxAge,
        System::nanoTime);
  }

  private static final Duration MIN_PROGRESS_AGE = Duration.ofSeconds(30);

  @Produces
  @Singleton
  Topology topology(
      ResultsTopology.Topics topics,
      JoinSettings settings,
      JoinListener listener,
      WorkerProgress progress) {
    return ResultsTopology.build(topics, settings, listener, progress);
  }
}
