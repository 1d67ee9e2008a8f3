package dev.earshot.pipeline.cli;

import dev.earshot.cli.Cli;
import dev.earshot.cli.ExitCodes;
import dev.earshot.pipeline.ingest.IngestBenchCommand;
import dev.earshot.pipeline.ingest.IngestCommands;
import dev.earshot.pipeline.replay.ChangesCommand;
import dev.earshot.pipeline.replay.ReplayCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code earshot} launcher: the bootstrap script builds what is stale and hands every command
 * here, except the STT and classify tools, which run on their own class paths.
 */
@Command(
    name = "earshot",
    description = "Earshot's launcher.",
    subcommands = {
      RunCommand.class,
      LocalCommands.Start.class,
      LocalCommands.Stop.class,
      LocalCommands.Status.class,
      LocalCommands.Broker.class,
      LocalCommands.Results.class,
      LocalCommands.Serve.class,
      LocalCommands.Stt.class,
      LocalCommands.Classify.class,
      IngestCommands.class,
      CollectCommand.class,
      ReplayCommand.class,
      ChangesCommand.class,
      EarshotCommand.Bench.class,
      FetchCommand.class,
      EarshotCommand.Help.class
    })
public class EarshotCommand implements Callable<Integer> {

  static final String USAGE =
      """
      Usage: ./earshot COMMAND [ARGS]

        run [FILE|FOLDER...] [--mic [SECONDS]] [-o DIR]
                               The whole pipeline: start the local broker (unless
                               KAFKA_BOOTSTRAP_SERVERS is set) and the four services, send the audio
                               through (default: the JFK sample, fetched and checksummed), print each
                               recording's JSON result and write JSON and PNGs to DIR (default:
                               earshot-results/). The services keep running for the dashboard at
                               http://localhost:8083 until 'stop'.
        start | stop | status  The four services (and the local broker): start them, stop them, or
                               list them with their ports and logs (.earshot/logs/).
        ingest files PATH...   Send files and folders to ingest-service (started if needed).
        ingest mic [--duration 90s]
                               Record from a microphone, streamed to ingest-service while recording
                               ('ingest devices' lists the microphones).
        collect ID...          Wait for the results of recordings by id; print and save them.
        replay ARGS            Reset a service's consumer group to a time to reprocess audio with a
                               new model: replay --group earshot-stt --from 2026-11-21T10:00:00Z.
        changes [ARGS]         Print which transcripts and labels changed between model versions.
        transcribe FILE...     Transcribe files with Whisper, without Kafka (--json, --model base).
        stt bench [--js]       Whisper's speed and accuracy, side by side with transformers.js.
        classify COMMAND       predict FILE..., train, evaluate, compare, bench, build-defaults.
        bench                  Ingest one hour of generated audio; print throughput and memory.
        bench pipeline         20 recordings of 10-60 s at once through all four services: latency
                               (p50, p95), overhead beyond model compute, throughput, memory.
        bench captions         Two minutes of read speech streamed live: delay to each word's first
                               partial caption and to its commit (p50, p95), word error rate.
        serve | results | stt serve | classify serve
                               One service in the foreground (ingest, results, stt, classify).
        broker start|stop|status|logs
                               The local single-node KRaft broker on 127.0.0.1:9092, data in
                               .earshot/.
        fetch NAME...          Fetch pinned models and recordings into the cache ('fetch list').
        build                  Build everything without running the tests.

      Every command answers --help; an error is one line on stderr, with the stack trace after it
      only with --verbose. Exit codes: 0 done, 1 failed (Kafka unreachable, a model or file that
      cannot be read, a file of a batch), 2 usage error (unknown command or option, bad value,
      missing file).

      Environment: KAFKA_BOOTSTRAP_SERVERS (use an existing cluster), EARSHOT_CACHE (model and
      audio cache), EARSHOT_STATE (broker data, logs, pid files; default .earshot/),
      EARSHOT_JAVA_OPTS (the launcher's and tools' JVM), EARSHOT_SERVICE_JAVA_OPTS (a foreground
      service's JVM), JAVA_HOME, EARSHOT_NO_BUILD=1 (run what is built, never rebuild).
      """;

  @Option(
      names = {"-h", "--help"},
      description = "Print the commands.")
  boolean help;

  public static void main(String... args) {
    Cli.main(new EarshotCommand(), args);
  }

  @Override
  public Integer call() {
    System.out.print(USAGE);
    return ExitCodes.OK;
  }

  @Command(name = "help", description = "Print the commands.")
  static final class Help implements Callable<Integer> {
    @Override
    public Integer call() {
      System.out.print(USAGE);
      return ExitCodes.OK;
    }
  }

  /** {@code earshot bench}: ingest's benchmark, and {@code bench pipeline} for all four. */
  @Command(
      name = "bench",
      mixinStandardHelpOptions = true,
      description =
          "Ingest a long file and print throughput and memory; 'pipeline' for all four,"
              + " 'captions' for live captions.",
      subcommands = {BenchCommand.class, CaptionsBenchCommand.class})
  static final class Bench extends IngestBenchCommand {}
}
