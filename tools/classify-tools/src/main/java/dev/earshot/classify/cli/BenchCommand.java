package dev.earshot.classify.cli;

import dev.earshot.cli.ExistingPath;
import dev.earshot.cli.UsageException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Times feature extraction over an hour of audio, or the service's classifiers per chunk. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Feature extraction of one hour of audio: prints audio seconds per CPU second.",
      "With --chunks: the service's classifiers on 1, 10 and 30 s chunks, ms per chunk.",
      "With --digits: the built-in digits classifier on real voices, and how often it calls a"
          + " clip without a digit one."
    })
public class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--file",
      converter = ExistingPath.class,
      description = "Audio to repeat (default: generated bursts).")
  java.nio.file.Path file;

  @Option(names = "--minutes", defaultValue = "60", description = "Audio to extract (default 60).")
  int minutes;

  @Option(
      names = "--threads",
      defaultValue = "0",
      description = "Worker threads; 0 means one per core (default).")
  int threads;

  @Option(
      names = "--chunks",
      description =
          "Time the classifiers per chunk instead (1, 10 and 30 s of real speech), as the service"
              + " runs them.")
  boolean chunks;

  @Option(
      names = "--digits",
      description =
          "Score the built-in digits classifier on real spoken digits (clean and in five"
              + " conditions) and on real clips without a digit, per source.")
  boolean digits;

  @Option(
      names = "--repeats",
      defaultValue = "10",
      description = "Chunks timed per length with --chunks (default 10).")
  int repeats;

  @Option(names = "--whisper", defaultValue = "tiny", description = "Whisper model (tiny).")
  String whisper;

  @Mixin ClassifierOptions classifiers = new ClassifierOptions();

  @Override
  public Integer call() throws Exception {
    if (digits) {
      DigitsBenchmark.run(whisper, System.out);
      return 0;
    }
    if (chunks) {
      if (repeats < 1) {
        throw new UsageException("--repeats '" + repeats + "': must be 1 or more");
      }
      ChunkBenchmark.run(classifiers.specs(true), whisper, repeats, System.out);
      return 0;
    }
    if (minutes < 1) {
      throw new UsageException("--minutes '" + minutes + "': must be 1 or more");
    }
    FeatureBenchmark.run(file, minutes, threads, System.out);
    return 0;
  }
}
