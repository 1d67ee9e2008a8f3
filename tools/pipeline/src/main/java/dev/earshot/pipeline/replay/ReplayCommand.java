package dev.earshot.pipeline.replay;

import dev.earshot.cli.UsageException;
import dev.earshot.pipeline.cli.KafkaOption;
import dev.earshot.schema.topic.EarshotTopic;
import dev.earshot.schema.topic.KafkaClients;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code replay}: resets a service's consumer group to a point in time, so that its workers,
 * restarted with a new model, process the audio from then again.
 *
 * <p>Exit codes: 0 done, 1 failed (the reason on stderr), 2 usage error.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Resets a consumer group's offsets on a topic to the first record at or after a time.",
      "Stop the group's workers first: Kafka only resets the offsets of a group with no members.",
      "A group name that does not exist yet is created with the offsets."
    })
public final class ReplayCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--group",
      required = true,
      description = "Consumer group to reset, e.g. earshot-stt or earshot-classify.")
  String group;

  @Option(
      names = "--topic",
      defaultValue = EarshotTopic.Names.AUDIO_CHUNKS,
      description = "Topic whose offsets to reset (default: ${DEFAULT-VALUE}).")
  String topic;

  @Option(
      names = "--from",
      required = true,
      converter = InstantConverter.class,
      description = "Replay records from this time on, e.g. 2026-11-21T10:00:00Z.")
  Instant from;

  @Option(
      names = "--to",
      converter = InstantConverter.class,
      description =
          "Only counts the records before this time; the workers do not stop there, they go on"
              + " to the end of the topic.")
  Instant to;

  @Option(names = "--dry-run", description = "Show the plan, change nothing.")
  boolean dryRun;

  @Mixin KafkaOption kafka = new KafkaOption();

  @Option(
      names = "--timeout",
      defaultValue = "30",
      description = "Seconds to wait for Kafka (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Override
  public Integer call() throws java.io.IOException, InterruptedException {
    if (to != null && !to.isAfter(from)) {
      throw new UsageException("--to '" + to + "': must be after --from (" + from + ")");
    }
    kafka.orLocalBroker();
    PrintWriter out = spec.commandLine().getOut();
    try (Admin admin =
        Admin.create(
            KafkaClients.with(
                KafkaClients.securityFromEnvironment(),
                Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                    timeoutSeconds * 1000,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    Math.min(timeoutSeconds * 1000, 30_000))))) {
      GroupReset.Plan plan = GroupReset.plan(admin, group, topic, from, Optional.ofNullable(to));
      out.print(table(plan));
      if (dryRun) {
        out.println("Dry run: group " + group + " was not changed.");
      } else {
        GroupReset.apply(admin, plan);
        out.println(
            "Reset group "
                + group
                + " on "
                + topic
                + "; start its workers to process the "
                + plan.untilEnd()
                + " records from "
                + from
                + " again.");
      }
      return 0;
    } catch (TimeoutException e) {
      throw kafka.unreachable(e, Duration.ofSeconds(timeoutSeconds));
    } finally {
      out.flush();
    }
  }

  /** The plan as a table, one row per partition, with totals. */
  static String table(GroupReset.Plan plan) {
    StringBuilder out = new StringBuilder();
    out.append("Group ")
        .append(plan.group())
        .append(" on ")
        .append(plan.topic())
        .append(", from ")
        .append(plan.from());
    plan.to().ifPresent(t -> out.append(" to ").append(t));
    out.append('\n');
    String inRange = plan.to().isPresent() ? "in range" : "to process";
    String row = "%9s  %10s  %10s  %10s  %8s  %10s%n";
    out.append(String.format(row, "partition", "committed", "new", "end", "move", inRange));
    for (GroupReset.PartitionPlan p : plan.partitions()) {
      out.append(
          String.format(
              row,
              p.partition(),
              p.committed().isPresent() ? Long.toString(p.committed().getAsLong()) : "-",
              p.newOffset(),
              p.endOffset(),
              p.committed().isPresent() ? signed(p.newOffset() - p.committed().getAsLong()) : "-",
              p.toReprocess()));
    }
    out.append(String.format(row, "total", "", "", "", "", plan.toReprocess()));
    if (plan.to().isPresent()) {
      out.append(
          "The workers do not stop at "
              + plan.to().get()
              + ": they process all "
              + plan.untilEnd()
              + " records to the end of the topic.\n");
    }
    return out.toString();
  }

  private static String signed(long n) {
    return n > 0 ? "+" + n : Long.toString(n);
  }

  /** ISO-8601 instants, with Z or an offset: 2026-11-21T10:00:00Z, 2026-11-21T11:00:00+01:00. */
  static final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a time like 2026-11-21T10:00:00Z");
      }
    }
  }
}
