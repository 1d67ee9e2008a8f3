package dev.earshot.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command of the real {@code ./earshot} launcher, on the packaged jars, answers a bad option,
 * a missing file and an unreachable broker with one line on stderr that names the bad value, exit
 * code 2 for usage errors and 1 for failures, and no stack trace unless {@code --verbose}.
 */
class LauncherErrorsIT {

  /** Nothing listens there: Kafka commands must give up on it, and no local broker starts. */
  static final String NO_KAFKA = "127.0.0.1:1";

  static final Path ROOT =
      Path.of(System.getProperty("earshot.root", "..")).toAbsolutePath().normalize();

  @TempDir static Path work;
  static Path missing;
  static Path emptyDir;
  static String jfk;
  static ExecutorService processes;

  /**
   * A launcher call and what it must answer: the exit code, how its one line starts and what it
   * names. The command line is split at spaces; {@code {missing}}, {@code {empty}}, {@code {out}}
   * and {@code {jfk}} in it stand for a path that is not there, an empty folder, a folder to write
   * to and a real recording.
   */
  record Case(int exit, String prefix, List<String> names, String commandLine) {
    static Case of(int exit, String prefix, String names, String commandLine) {
      return new Case(exit, prefix, List.of(names), commandLine);
    }

    /** A path that is not there: a usage error that names it and says so. */
    static Case missing(String prefix, String commandLine) {
      return new Case(2, prefix, List.of("{missing}", "no such"), commandLine);
    }

    @Override
    public String toString() {
      return "./earshot " + commandLine + " -> " + exit;
    }
  }

  /** What the launcher answered. */
  record Answer(int exit, String stdout, String stderr) {
    List<String> errorLines() {
      return stderr.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  @BeforeAll
  static void prepare() throws Exception {
    missing = work.resolve("nowhere").resolve("missing.wav");
    emptyDir = Files.createDirectories(work.resolve("empty"));
    jfk = AssetCache.atDefaultLocation().fetch(Catalog.JFK_WAV).toString();
    // Three at a time on two cores: much of a call is start-up, or waiting for Kafka.
    processes = Executors.newFixedThreadPool(3);
  }

  @AfterAll
  static void stop() {
    processes.shutdownNow();
  }

  static final List<Case> CASES =
      List.of(
          // Kafka unreachable first: they mostly wait, so they overlap with the rest.
          Case.of(1, "earshot replay: ", NO_KAFKA, "replay --group g --from 2026-01-01T00:00:00Z"),
          Case.of(1, "earshot changes: ", NO_KAFKA, "changes"),
          Case.of(1, "earshot ingest files: ", NO_KAFKA, "ingest files {jfk}"),
          Case.of(1, "earshot run: ", NO_KAFKA, "run {jfk}"),
          Case.of(1, "earshot start: ", NO_KAFKA, "start"),
          // The launcher itself.
          Case.of(2, "earshot: ", "'bogus'", "bogus"),
          Case.of(2, "earshot run: ", "'--bogus'", "run --bogus"),
          Case.missing("earshot run: ", "run {missing}"),
          Case.of(2, "earshot start: ", "'--bogus'", "start --bogus"),
          Case.of(2, "earshot stop: ", "'now'", "stop now"),
          Case.of(2, "earshot status: ", "'--bogus'", "status --bogus"),
          Case.of(2, "earshot broker: ", "'bogus'", "broker bogus"),
          Case.of(2, "earshot broker start: ", "'--bogus'", "broker start --bogus"),
          Case.of(2, "earshot broker stop: ", "'now'", "broker stop now"),
          Case.of(2, "earshot build: ", "'--bogus'", "build --bogus"),
          // results-service.
          Case.of(2, "earshot results: ", "'--bogus'", "results --bogus"),
          Case.of(2, "earshot results: ", "'extra'", "results extra"),
          // The pipeline's commands.
          Case.of(
              2,
              "earshot replay: ",
              "'--bogus'",
              "replay --group g --from 2026-01-01T00:00Z --bogus"),
          Case.of(2, "earshot replay: ", "'yesterday'", "replay --group g --from yesterday"),
          Case.of(2, "earshot changes: ", "'--bogus'", "changes --bogus"),
          Case.of(2, "earshot changes: ", "'soon'", "changes --timeout soon"),
          Case.of(2, "earshot bench pipeline: ", "'--bogus'", "bench pipeline --bogus"),
          Case.of(2, "earshot bench pipeline: ", "'many'", "bench pipeline --recordings many"),
          // ingest-service.
          Case.of(2, "earshot ingest: ", "'bogus'", "ingest bogus"),
          Case.of(2, "earshot ingest files: ", "'--bogus'", "ingest files --bogus {jfk}"),
          Case.missing("earshot ingest files: ", "ingest files {missing}"),
          Case.of(2, "earshot ingest mic: ", "'--bogus'", "ingest mic --bogus"),
          Case.of(2, "earshot ingest mic: ", "'soon'", "ingest mic --duration soon"),
          Case.of(2, "earshot ingest devices: ", "'--bogus'", "ingest devices --bogus"),
          Case.of(2, "earshot ingest devices: ", "'extra'", "ingest devices extra"),
          Case.of(2, "earshot ingest bench: ", "'--bogus'", "ingest bench --bogus"),
          Case.missing("earshot bench: ", "bench --file {missing}"),
          Case.of(2, "earshot serve: ", "'--bogus'", "serve --bogus"),
          Case.of(2, "earshot ingest serve: ", "'extra'", "ingest serve extra"),
          // stt-service; transcribe reports each file that fails by name, and goes on.
          Case.of(2, "earshot transcribe: ", "'--bogus'", "transcribe --bogus {jfk}"),
          Case.of(1, "earshot transcribe: ", "{missing}", "transcribe {missing}"),
          Case.of(2, "earshot stt: ", "'bogus'", "stt bogus"),
          Case.of(2, "earshot stt serve: ", "'--bogus'", "stt serve --bogus"),
          Case.of(2, "earshot stt transcribe: ", "'0'", "stt transcribe --beam 0 {jfk}"),
          Case.of(2, "earshot stt bench: ", "'x'", "stt bench --threads x"),
          Case.missing("earshot stt bench: ", "stt bench {missing}"),
          // classify-service.
          Case.of(2, "earshot classify: ", "'bogus'", "classify bogus"),
          Case.of(2, "earshot classify serve: ", "'--bogus'", "classify serve --bogus"),
          Case.of(
              2,
              "earshot classify train: ",
              "'0.85,0.15'",
              "classify train --split 0.85,0.15 --data {empty} --name x --out {out}"),
          Case.of(
              2,
              "earshot classify train: ",
              "'bogus'",
              "classify train --model bogus --data {empty} --name x --out {out}"),
          Case.missing(
              "earshot classify train: ", "classify train --data {missing} --name x --out {out}"),
          Case.of(
              2,
              "earshot classify evaluate: ",
              "'1'",
              "classify evaluate --folds 1 --data {empty} --report {out}"),
          Case.missing(
              "earshot classify evaluate: ", "classify evaluate --data {missing} --report {out}"),
          Case.of(
              2,
              "earshot classify compare: ",
              "'bogus'",
              "classify compare --models svm,bogus --data {empty}"),
          Case.missing("earshot classify compare: ", "classify compare --data {missing}"),
          Case.of(2, "earshot classify predict: ", "'x'", "classify predict --top x {jfk}"),
          Case.of(1, "earshot classify predict: ", "{missing}", "classify predict {missing}"),
          Case.missing(
              "earshot classify predict: ", "classify predict --classifier {missing} {jfk}"),
          Case.of(2, "earshot classify bench: ", "'0'", "classify bench --minutes 0"),
          Case.missing("earshot classify bench: ", "classify bench --file {missing}"),
          Case.of(
              2,
              "earshot classify build-defaults: ",
              "'bogus'",
              "classify build-defaults --only bogus"),
          Case.missing(
              "earshot classify build-defaults: ", "classify build-defaults --project {missing}"),
          // fetch.
          Case.of(2, "earshot fetch: ", "'--bogus'", "fetch --bogus"),
          Case.of(2, "earshot fetch: ", "'whisper-huge'", "fetch whisper-huge"),
          Case.of(2, "earshot fetch list: ", "'--bogus'", "fetch list --bogus"));

  @TestFactory
  Stream<DynamicTest> everyCommandAnswersAnErrorInOneLine() {
    List<Case> cases = CASES;
    List<Future<Answer>> answers = new ArrayList<>();
    for (Case c : cases) {
      answers.add(processes.submit(() -> launch(c.commandLine())));
    }
    return Stream.iterate(0, i -> i < cases.size(), i -> i + 1)
        .map(
            i ->
                DynamicTest.dynamicTest(
                    cases.get(i).toString(),
                    () -> check(cases.get(i), answers.get(i).get(3, TimeUnit.MINUTES))));
  }

  private static void check(Case c, Answer answer) {
    List<String> names = c.names().stream().map(LauncherErrorsIT::expand).toList();
    assertThat(answer.errorLines()).as("stderr of %s", c).hasSize(1);
    assertThat(answer.exit())
        .as("exit code of %s; stderr: %s", c, answer.stderr())
        .isEqualTo(c.exit());
    assertThat(answer.errorLines().get(0)).startsWith(c.prefix()).contains(names);
    assertThat(answer.stderr()).doesNotContain("\tat ", "Exception in thread");
    if (c.exit() == 2 && !c.prefix().equals("")) {
      assertThat(answer.errorLines().get(0)).as("a pointer to the help").endsWith("help')");
    }
  }

  @Test
  void withVerboseTheStackTraceFollowsTheLine() throws Exception {
    Answer answer = launch("classify train --verbose --data {empty} --name x --out {out}");

    assertThat(answer.exit()).isEqualTo(1);
    assertThat(answer.errorLines().get(0))
        .startsWith("earshot classify train: no audio files under " + emptyDir);
    assertThat(answer.stderr()).contains("java.io.IOException: no audio files under", "\tat ");
  }

  @Test
  void helpPrintsTheWholeUsage() throws Exception {
    Answer answer = launch("help");

    assertThat(answer.exit()).isZero();
    assertThat(answer.stdout()).startsWith("Usage: ./earshot COMMAND").contains("Exit codes:");
    assertThat(answer.stderr()).isEmpty();
  }

  private static String expand(String text) {
    return text.replace("{missing}", missing.toString())
        .replace("{empty}", emptyDir.toString())
        .replace("{out}", work.resolve("out").toString())
        .replace("{jfk}", jfk);
  }

  /**
   * Runs the launcher without rebuilding anything (the jars were just packaged), against a broker
   * that is not there, with its own state folder so a local broker or services of a developer are
   * left alone.
   */
  private static Answer launch(String commandLine) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(ROOT.resolve("earshot").toString()));
    Stream.of(commandLine.split(" ")).map(LauncherErrorsIT::expand).forEach(command::add);
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(ROOT.toFile())
            .redirectInput(new File("/dev/null"))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().put("EARSHOT_NO_BUILD", "1");
    builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", NO_KAFKA);
    builder.environment().put("EARSHOT_STATE", work.resolve("state").toString());
    // Short-lived JVMs: the C1 compiler and the serial collector start them with less CPU.
    builder.environment().put("EARSHOT_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    Process process = builder.start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError("./earshot " + commandLine + " ran over 2 minutes");
    }
    return new Answer(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
