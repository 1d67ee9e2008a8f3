package dev.earshot.pipeline.cli;

import dev.earshot.pipeline.ResultWatcher;
import dev.earshot.schema.topic.EarshotTopic;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Waits for the results of recordings ingested some other way (microphone, ingest files). */
@Command(
    name = "collect",
    mixinStandardHelpOptions = true,
    description = "Wait for the results of recordings by id; print and save them.")
public class CollectCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "RECORDING-ID")
  List<String> ids;

  @Option(
      names = "--since",
      description = "Read results published from this time on (default: 10 minutes ago).")
  Instant since;

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Override
  public Integer call() throws Exception {
    Instant from = since != null ? since : Instant.now().minusSeconds(600);
    try (ResultWatcher watcher =
        new ResultWatcher(
            connection.kafka.orLocalBroker(), EarshotTopic.RESULTS.defaultName(), from)) {
      var results =
          watcher.await(new LinkedHashSet<>(ids), connection.timeout, connection.printer()::print);
      return ResultPrinter.exitCode(results, ids.size());
    }
  }
}
