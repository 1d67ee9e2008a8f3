package dev.earshot.results.config;

import dev.earshot.results.access.ReadAccess;
import dev.earshot.results.join.JoinListener;
import dev.earshot.results.join.JoinSettings;
import dev.earshot.results.join.ResultsTopology;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.Topology;

/** The checked settings and the Kafka Streams topology Quarkus runs. */
@ApplicationScoped
public class ResultsBeans {

  @Produces
  @Singleton
  ReadAccess readAccess(ResultsConfig config) {
    return ReadAccess.of(config.http());
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

  @Produces
  @Singleton
  Topology topology(ResultsTopology.Topics topics, JoinSettings settings, JoinListener listener) {
    return ResultsTopology.build(topics, settings, listener);
  }
}
