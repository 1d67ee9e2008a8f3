package dev.earshot.pipeline.replay;

import dev.earshot.pipeline.cli.KafkaOption;
import dev.earshot.schema.topic.EarshotTopic;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.common.errors.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code changes}: reads the recording results and reports what a new model version changed.
 *
 * <p>Exit codes: 0 done (whether or not anything changed), 1 failed (the reason on stderr), 2 usage
 * error.
 */
@Command(
    name = "changes",
    mixinStandardHelpOptions = true,
    description = {
      "Reports what changed in the recording results between model versions:"
          + " by default each recording's first result against its latest."
    })
public final class ChangesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--part",
      description = "Only recordings whose models for this part changed, e.g. transcript.")
  String part;

  @Option(
      names = "--from-version",
      description = "Old side: the latest result made with this version of --part.")
  String fromVersion;

  @Option(
      names = "--to-version",
      description = "New side: the latest result made with this version of --part.")
  String toVersion;

  @Option(names = "--json", description = "Print the report as JSON, for scripts.")
  boolean json;

  @Option(
      names = "--topic",
      defaultValue = EarshotTopic.Names.RESULTS,
      description = "Topic of recording results (default: ${DEFAULT-VALUE}).")
  String topic;

  @Mixin KafkaOption kafka = new KafkaOption();

  @Option(
      names = "--timeout",
      defaultValue = "30",
      description = "Seconds to wait for Kafka and to read the topic (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Override
  public Integer call() throws java.io.IOException, InterruptedException {
    ResultChanges.Options options;
    try {
      options =
          new ResultChanges.Options(
              Optional.ofNullable(part),
              Optional.ofNullable(fromVersion),
              Optional.ofNullable(toVersion));
    } catch (IllegalArgumentException e) {
      // A usage error: picocli reports it as one, with exit code 2.
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    kafka.orLocalBroker();
    List<String> results;
    try {
      results =
          ResultTopic.read(kafka.bootstrapServers(), topic, Duration.ofSeconds(timeoutSeconds));
    } catch (TimeoutException e) {
      throw kafka.unreachable(e, Duration.ofSeconds(timeoutSeconds));
    }
    ResultChanges.Report report = ResultChanges.compare(results, options);
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? ChangeReport.json(report) + "\n" : ChangeReport.text(report));
    out.flush();
    return 0;
  }
}
