package dev.earshot.pipeline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.pipeline.ResultFiles;
import dev.earshot.pipeline.ResultWatcher;
import dev.earshot.schema.result.Json;
import dev.earshot.schema.result.RecordingResult;
import dev.earshot.schema.result.RecordingStatus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** Prints each recording's JSON result as it arrives and writes it with its pictures. */
final class ResultPrinter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintStream out;
  private final PrintStream err;
  private final ResultFiles files;
  private final boolean compact;

  /**
   * @param readKey a results-service read key for the pictures; null when none is known
   */
  ResultPrinter(
      PrintStream out,
      PrintStream err,
      Path folder,
      String resultsUrl,
      String readKey,
      boolean compact) {
    this.out = out;
    this.err = err;
    this.files = folder == null ? null : new ResultFiles(folder, resultsUrl, readKey);
    this.compact = compact;
  }

  void print(String id, ResultWatcher.Seen seen) {
    RecordingResult result = seen.result();
    try {
      out.println(compact ? Json.write(result) : Json.pretty(result));
      out.flush();
      if (files != null) {
        for (Path p : files.write(result)) {
          err.println("earshot: wrote " + p);
        }
      }
    } catch (Exception e) {
      err.println("earshot: " + id + ": could not write the result: " + e.getMessage());
    }
  }

  /** 0 when every recording completed, 1 when one failed, was incomplete or never came. */
  static int exitCode(Map<String, ResultWatcher.Seen> results, int expected) {
    if (results.size() < expected) {
      return 1;
    }
    return results.values().stream().allMatch(s -> s.result().status() == RecordingStatus.COMPLETE)
        ? 0
        : 1;
  }
}
