package dev.earshot.results.metrics;

import dev.earshot.results.join.JoinListener;
import dev.earshot.schema.EarshotService;
import dev.earshot.schema.result.RecordingResult;
import dev.earshot.telemetry.DeadLetterCount;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Micrometer meters of the join, told by the join through {@link JoinListener}. */
@ApplicationScoped
public class ResultsMetrics implements JoinListener {

  private final MeterRegistry registry;
  private final Counter chunks;
  private final Counter duplicates;
  private final Counter deadLetters;
  private final DeadLetterCount causes;
  private final Timer recordingLatency;

  public ResultsMetrics(MeterRegistry registry) {
    this.registry = registry;
    chunks =
        Counter.builder("earshot.results.chunks")
            .description("Chunk results emitted (transcript and every expected verdict joined)")
            .register(registry);
    duplicates =
        Counter.builder("earshot.results.duplicates")
            .description("Parts ignored because the same part by the same model was joined already")
            .register(registry);
    causes = new DeadLetterCount(registry, EarshotService.RESULTS.module());
    deadLetters =
        Counter.builder("earshot.results.dead.letters")
            .description("Input records sent to the dead-letter topic")
            .register(registry);
    recordingLatency =
        Timer.builder("earshot.results.recording.latency")
            .description("From a recording's first record here to its recording result")
            .register(registry);
  }

  @Override
  public void chunkJoined() {
    chunks.increment();
  }

  @Override
  public void duplicate() {
    duplicates.increment();
  }

  @Override
  public void deadLetter(String reason, Throwable cause) {
    deadLetters.increment();
    causes.count(cause);
  }

  @Override
  public void recordingEmitted(RecordingResult result, long sinceFirstSeenMs) {
    registry.counter("earshot.results.recordings", "status", result.status().name()).increment();
    recordingLatency.record(Duration.ofMillis(sinceFirstSeenMs));
  }
}
