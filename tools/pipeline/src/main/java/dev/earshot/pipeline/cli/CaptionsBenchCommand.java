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

  @Option(names = "--work", description = "Logs and state (default: .earshot/bench-captions).")
  Path work;

  @Mixin BenchServices pipeline = new BenchServices();

  @Option(
      names = "--port-offset",
      defaultValue = "21000",
      description = "Added to the services' usual ports so a running pipeline is left alone.")
  int portOffset;

  @Override
  public Integer call() throws Exception {
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
              + " and JFK) at the pace it was spoken ...%n",
          Duration.between(start, Instant.now()).toMillis() / 1e3, reading.seconds(), rounds);
      try (CaptionFollower follower =
              new CaptionFollower(kafka, EarshotTopic.CAPTIONS.defaultName());
          ResultWatcher results =
              new ResultWatcher(kafka, EarshotTopic.RESULTS.defaultName(), start)) {
        LiveCaptionRun.Run run =
            LiveCaptionRun.stream(
                services.ingestClient(),
                follower,
                reading.samples(),
                "caption-bench",
                Duration.ofMinutes(2));
        RecordingResult whole =
            results
                .await(Set.of(run.recordingId()), Duration.ofMinutes(10), (id, seen) -> {})
                .get(run.recordingId())
                .result();
        report(run, whole, reading, cache, work);
      }
    }
    return ExitCodes.OK;
  }

  private static void report(
      LiveCaptionRun.Run run, RecordingResult whole, Reading reading, AssetCache cache, Path work)
      throws java.io.IOException {
    List<CaptionFollower.Arrived> captions = run.captions();
    Caption last = captions.isEmpty() ? null : captions.get(captions.size() - 1).caption();
    double streamEnd = run.startNanos() / 1e9 + reading.seconds();
    System.out.printf(
        "Captions: %d, %d words committed, the last one %s%n",
        captions.size(),
        last == null ? 0 : last.committedWords(),
        last == null || !last.last()
            ? "never came"
            : String.format(
                "%.2f s after the stream's end",
                captions.get(captions.size() - 1).nanos() / 1e9 - streamEnd));
    var delays =
        CaptionTimes.delays(captions, run.startNanos(), CaptionTimes.spoken(whole.segments()));
    writeDetails(run, delays, work);
    List<Double> shown = delays.stream().map(d -> d.firstShownMs() / 1e3).toList();
    List<Double> committed = delays.stream().map(d -> d.committedMs() / 1e3).toList();
    System.out.printf(
        "Delay from a word spoken (its end, interpolated in the whole transcript's segments) to"
            + " its caption, %d words matched:%n",
        delays.size());
    System.out.printf(
        "  first shown (partial)  p50 %.2f s  p95 %.2f s%n",
        CaptionTimes.percentile(shown, 50), CaptionTimes.percentile(shown, 95));
    System.out.printf(
        "  committed (final)      p50 %.2f s  p95 %.2f s%n",
        CaptionTimes.percentile(committed, 50), CaptionTimes.percentile(committed, 95));

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
  }

  /** Every caption as it arrived and every word's delays, for a closer look. */
  private static void writeDetails(
      LiveCaptionRun.Run run, List<CaptionTimes.Delay> delays, Path work)
      throws java.io.IOException {
    StringBuilder captions =
        new StringBuilder("arrived_s\taudio_s\tsequence\tcommitted\tpartial\n");
    for (var a : run.captions()) {
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
