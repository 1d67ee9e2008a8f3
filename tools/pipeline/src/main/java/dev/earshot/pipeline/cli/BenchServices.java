package dev.earshot.pipeline.cli;

import dev.earshot.cli.ExistingPath;
import dev.earshot.pipeline.Services;
import dev.earshot.pipeline.local.Home;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the benchmarks that start the four services of their own share: the build they start, the
 * cluster, and settings for the run.
 */
final class BenchServices {

  @Option(
      names = "--root",
      converter = ExistingPath.class,
      description = "Repository root with the built services (default: the launcher's).")
  Path root;

  @Mixin KafkaOption kafkaOption = new KafkaOption();

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "A service setting for this run, e.g. mp.messaging.incoming.audio-chunks.poll-timeout=100"
              + " or stt.captions.update-interval=500MS (given to the services it belongs to;"
              + " repeatable).")
  Map<String, String> settings = new LinkedHashMap<>();

  /** This machine's local broker, started if need be, unless a cluster was named. */
  String kafka() throws Exception {
    return kafkaOption.orLocalBroker();
  }

  /**
   * Starts the four services with groups and an application id ending in {@code suffix}, committed
   * at the end of the topics first, so whatever is on them already is left alone.
   */
  Services start(String kafka, Home home, String suffix, Path work, int portOffset, Instant now)
      throws Exception {
    BenchCommand.startAtTheEnd(kafka, suffix, now);
    Path build = root == null ? home.root() : root;
    return Services.start(
        new Services.Options(
            build.toAbsolutePath().normalize(),
            kafka,
            Services.Ports.DEFAULT.shifted(portOffset),
            suffix,
            work.toAbsolutePath(),
            1,
            settings));
  }
}
