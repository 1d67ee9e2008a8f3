package dev.earshot.classify.cli;

import dev.earshot.cli.ExistingPath;
import dev.earshot.cli.UsageException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Times feature extraction over an hour of generated audio. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Feature extraction of one hour of audio: prints audio seconds per CPU second.")
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

  @Override
  public Integer call() throws Exception {
    if (minutes < 1) {
      throw new UsageException("--minutes '" + minutes + "': must be 1 or more");
    }
    FeatureBenchmark.run(file, minutes, threads, System.out);
    return 0;
  }
}
