package dev.earshot.pipeline.cli;

import dev.earshot.assets.AssetCache;
import dev.earshot.cli.ExitCodes;
import dev.earshot.pipeline.ResultWatcher;
import dev.earshot.pipeline.Services;
import dev.earshot.pipeline.captions.CaptionFollower;
import dev.earshot.pipeline.captions.CaptionTimes;
import dev.earshot.pipeline.captions.LiveCaptionRun;
import dev.earshot.pipeline.captions.Reading;
import dev.earshot.pipeline.local.Home;
import dev.earshot.schema.result.Caption;
import dev.earshot.schema.result.RecordingResult;
import dev.earshot.schema.topic.EarshotTopic;
import dev.earshot.whisper.CpuFeatures;
import dev.earshot.whisper.EnglishTextNormalizer;
import dev.earshot.whisper.WhisperModels;
import dev.earshot.whisper.WordErrorRate;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Live captions measured: starts the four services, streams real read speech to the live WebSocket
 * at the pace it was spoken, follows {@code earshot.captions} as any subscriber would, and prints
 * how long words took from being spoken to their first caption and to their commit (p50, p95), and
 * the word error rate of the committed text against what was read and against the same audio
 * transcribed whole (the recording's own result).
 */
@Command(
    name = "captions",
    mixinStandardHelpOptions = true,
    description =
        "Benchmark live captions: delay from a word spoken to its first partial and to its"
            + " commit, and their word error rate.")
public class CaptionsBenchCommand implements Callable<Integer> {

  @Option(
      names = "--rounds",
      defaultValue = "3",
      description =
          "How often the five LibriVox clips and JFK are read (40 s a round; default:"
              + " ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--streams",
      defaultValue = "1",
      description =
          "Live streams at once, each reading the same speech, started 0.5 s apart (1 to 16;"
              + " default: ${DEFAULT-VALUE}).")
  int streams;

  @Option(names = "--work", description = "Logs and state (default: .earshot/bench-captions).")
  Path work;

  @Mixin BenchServices pipeline = new BenchServices();

  @Option(
      names = "--port-offset",
      defaultValue = "21000",
      description = "Added to the services' usual ports so a running pipeline is left alone.")
  int portOffset;

  /** One stream's figures, pooled with the others' when there are several. */
  private record Summary(
      List<CaptionTimes.Delay> delays,
      WordErrorRate.Count captionErrors,
      WordErrorRate.Count wholeErrors) {}

  @Override
  public Integer call() throws Exception {
    if (streams < 1 || streams > 16) {
      throw new dev.earshot.cli.UsageException(
          "--streams '" + streams + "': must be between 1 and 16");
    }
    String kafka = pipeline.kafka();
    Home home = Home.fromEnvironment();
    if (work == null) {
      work = home.state().resolve("bench-captions");
    }
    AssetCache cache = AssetCache.atDefaultLocation();
    Reading reading = Reading.load(cache, rounds, true);
    String suffix = "-captions-" + UUID.randomUUID().toString().substring(0, 8);
    System.out.printf("Starting the four services (groups *%s) against %s ...%n", suffix, kafka);
    Instant start = Instant.now();
    try (Services services = pipeline.start(kafka, home, suffix, work, portOffset, start)) {
      services.awaitCaptions(Duration.ofMinutes(2));
      System.out.printf(
          "Services ready in %.1f s; streaming %.1f s of read speech (%d rounds of 5 LibriVox clips"
              + " and JFK) at the pace it was spoken%s ...%n",
          Duration.between(start, Instant.now()).toMillis() / 1e3,
          reading.seconds(),
          rounds,
          streams == 1 ? "" : ", " + streams + " streams at once");
      try (CaptionFollower follower =
              new CaptionFollower(kafka, EarshotTopic.CAPTIONS.defaultName());
          ResultWatcher results =
              new ResultWatcher(kafka, EarshotTopic.RESULTS.defaultName(), start)) {
        List<LiveCaptionRun.Run> runs = streamAll(services, follower, reading);
        Set<String> ids = new java.util.LinkedHashSet<>();
        runs.forEach(r -> ids.add(r.recordingId()));
        var wholes = results.await(ids, Duration.ofMinutes(10), (id, seen) -> {});
        List<Summary> summaries = new java.util.ArrayList<>();
        for (int k = 0; k < runs.size(); k++) {
          LiveCaptionRun.Run run = runs.get(k);
          if (streams > 1) {
            System.out.printf("%nStream %d of %d (%s):%n", k + 1, streams, run.recordingId());
          }
          summaries.add(
              report(
                  run,
                  wholes.get(run.recordingId()).result(),
                  reading,
                  cache,
                  streams == 1 ? work : work.resolve("stream-" + (k + 1))));
        }
        if (streams > 1) {
          pooled(summaries);
        }
      }
    }
    return ExitCodes.OK;
  }

  /** Streams the reading {@link #streams} times at once, 0.5 s apart; every stream's run. */
  private List<LiveCaptionRun.Run> streamAll(
      Services services, CaptionFollower follower, Reading reading) throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(streams);
    try {
      List<java.util.concurrent.Future<LiveCaptionRun.Run>> futures = new java.util.ArrayList<>();
      for (int k = 0; k < streams; k++) {
        long delayMs = 500L * k;
        String name = "caption-bench-" + (k + 1);
        futures.add(
            pool.submit(
                () -> {
                  Thread.sleep(delayMs);
                  return LiveCaptionRun.stream(
                      services.ingestClient(),
                      follower,
                      reading.samples(),
                      name,
                      Duration.ofMinutes(2));
                }));
      }
      List<LiveCaptionRun.Run> runs = new java.util.ArrayList<>();
      for (var f : futures) {
        runs.add(f.get());
      }
      return runs;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Every stream's words together: what a worker captioning this many streams does. */
  private void pooled(List<Summary> summaries) {
    List<CaptionTimes.Delay> all = new java.util.ArrayList<>();
    int captionEdits = 0;
    int wholeEdits = 0;
    int words = 0;
    for (Summary s : summaries) {
      all.addAll(s.delays());
      captionEdits += s.captionErrors().edits();
      wholeEdits += s.wholeErrors().edits();
      words += s.captionErrors().referenceWords();
    }
    System.out.printf(
        "%nAll %d streams, %d words matched:%n  %-33s %-24s %s%n",
        streams, all.size(), "", "first shown (partial)", "committed (final)");
    printDelays("on the streaming connections", all);
    System.out.printf(
        "Word error rate: captions %.1f%% (%d errors in %d words), the same audio transcribed"
            + " whole %.1f%% (%d)%n",
        100.0 * captionEdits / words, captionEdits, words, 100.0 * wholeEdits / words, wholeEdits);
  }

  private static Summary report(
      LiveCaptionRun.Run run, RecordingResult whole, Reading reading, AssetCache cache, Path work)
      throws java.io.IOException {
    List<CaptionFollower.Arrived> captions = run.captions();
    Caption last = captions.isEmpty() ? null : captions.get(captions.size() - 1).caption();
    double streamEnd = run.startNanos() / 1e9 + reading.seconds();
    System.out.printf(
        "Captions: %d on %s, %d back on the streaming connection, %d words committed, the last"
            + " one %s%n",
        captions.size(),
        EarshotTopic.CAPTIONS.defaultName(),
        run.onConnection().size(),
        last == null ? 0 : last.committedWords(),
        last == null || !last.last()
            ? "never came"
            : String.format(
                "%.2f s after the stream's end",
                captions.get(captions.size() - 1).nanos() / 1e9 - streamEnd));
    var spoken = CaptionTimes.spoken(whole.segments());
    boolean wordTimes = whole.segments().stream().allMatch(s -> !s.words().isEmpty());
    // The device's view: captions as they came back on the streaming connection.
    var delays = CaptionTimes.delays(run.onConnection(), run.startNanos(), spoken);
    var onTopic = CaptionTimes.delays(captions, run.startNanos(), spoken);
    writeDetails(run, delays, work);
    System.out.printf(
        "Delay from a word spoken (its end, %s) to its caption, %d words matched:%n",
        wordTimes
            ? "from the whole transcript's word timestamps"
            : "interpolated in the whole transcript's segments",
        delays.size());
    System.out.printf("  %-33s %-24s %s%n", "", "first shown (partial)", "committed (final)");
    printDelays("on the streaming connection", delays);
    printDelays("on " + EarshotTopic.CAPTIONS.defaultName(), onTopic);

    var normalizer = EnglishTextNormalizer.forModel(WhisperModels.resolve("tiny", cache));
    StringBuilder text = new StringBuilder();
    captions.forEach(
        a -> {
          if (!a.caption().committed().isEmpty()) {
            text.append(text.isEmpty() ? "" : " ").append(a.caption().committed());
          }
        });
    String said = normalizer.normalize(reading.reference());
    String heard = normalizer.normalize(text.toString());
    String result = normalizer.normalize(whole.transcription());
    java.nio.file.Files.writeString(
        work.resolve("texts.txt"),
        "read:\n"
            + reading.reference()
            + "\n\ncaptions (committed):\n"
            + text
            + "\n\nthe recording's result:\n"
            + whole.transcription()
            + "\n");
    var captionErrors = WordErrorRate.count(said, heard);
    var wholeErrors = WordErrorRate.count(said, result);
    System.out.printf(
        "Word error rate against what was read (%d words): captions %.1f%% (%d errors), the same"
            + " audio transcribed whole (the recording's result, %s) %.1f%% (%d); captions against"
            + " that result %.1f%%%n",
        captionErrors.referenceWords(),
        100 * captionErrors.rate(),
        captionErrors.edits(),
        whole.status(),
        100 * wholeErrors.rate(),
        wholeErrors.edits(),
        100 * WordErrorRate.count(result, heard).rate());
    System.out.println("On " + CpuFeatures.host());
    System.out.println(
        "Each caption, each word's delays and the three texts: "
            + work.resolve("captions.tsv")
            + ", "
            + work.resolve("words.tsv")
            + ", "
            + work.resolve("texts.txt"));
    return new Summary(delays, captionErrors, wholeErrors);
  }

  private static void printDelays(String where, List<CaptionTimes.Delay> delays) {
    List<Double> shown = delays.stream().map(d -> d.firstShownMs() / 1e3).toList();
    List<Double> committed = delays.stream().map(d -> d.committedMs() / 1e3).toList();
    System.out.printf(
        "  %-33s p50 %.2f s  p95 %.2f s    p50 %.2f s  p95 %.2f s%n",
        where,
        CaptionTimes.percentile(shown, 50),
        CaptionTimes.percentile(shown, 95),
        CaptionTimes.percentile(committed, 50),
        CaptionTimes.percentile(committed, 95));
  }

  /** Every caption as it arrived and every word's delays, for a closer look. */
  private static void writeDetails(
      LiveCaptionRun.Run run, List<CaptionTimes.Delay> delays, Path work)
      throws java.io.IOException {
    StringBuilder captions =
        new StringBuilder("arrived_s\taudio_s\tsequence\tcommitted\tpartial\n");
    for (var a : run.onConnection()) {
      captions.append(
          String.format(
              java.util.Locale.ROOT,
              "%.3f\t%.2f\t%d\t%s\t%s%n",
              (a.nanos() - run.startNanos()) / 1e9,
              a.caption().audioSeconds(),
              a.caption().sequence(),
              a.caption().committed(),
              a.caption().partial()));
    }
    StringBuilder words = new StringBuilder("word\tspoken_s\tfirst_shown_s\tcommitted_s\n");
    for (var d : delays) {
      words.append(
          String.format(
              java.util.Locale.ROOT,
              "%s\t%.2f\t%.3f\t%.3f%n",
              d.word(),
              d.spokenAt(),
              d.firstShownMs() / 1e3,
              d.committedMs() / 1e3));
    }
    java.nio.file.Files.createDirectories(work);
    java.nio.file.Files.writeString(work.resolve("captions.tsv"), captions);
    java.nio.file.Files.writeString(work.resolve("words.tsv"), words);
  }
}
