package dev.earshot.pipeline.ingest;

import dev.earshot.cli.FileProgress;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends a list of files to ingest-service one after the other, reporting each outcome and, for
 * batches, the command line's progress bar. A file over the service's upload limit is decoded here
 * and streamed live instead, so any length gets in. One bad file does not stop the batch.
 */
public final class FileUploads {

  /** Files above this size are streamed when their upload breaks off. */
  static final long STREAM_ON_ERROR_BYTES = 1 << 20;

  private final IngestClient ingest;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean progress;
  private final String device;

  public FileUploads(
      IngestClient ingest, PrintStream out, PrintStream err, boolean progress, String device) {
    this.ingest = ingest;
    this.out = out;
    this.err = err;
    this.progress = progress;
    this.device = device;
  }

  /** One line per file; {@code error} is the service's rejection code, null when accepted. */
  public record Outcome(
      Path file, String recordingId, int chunks, double seconds, String error, String message) {
    public boolean ok() {
      return error == null;
    }
  }

  /** All outcomes, in input order. */
  public record Summary(List<Outcome> outcomes) {
    public long failed() {
      return outcomes.stream().filter(o -> !o.ok()).count();
    }

    public int chunks() {
      return outcomes.stream().mapToInt(Outcome::chunks).sum();
    }

    public double seconds() {
      return outcomes.stream().mapToDouble(Outcome::seconds).sum();
    }
  }

  public Summary run(List<Path> files) throws InterruptedException {
    List<Outcome> outcomes = new ArrayList<>();
    try (FileProgress bar = FileProgress.on("Ingesting", files.size(), err, progress)) {
      for (Path file : files) {
        Outcome outcome = send(file);
        outcomes.add(outcome);
        report(outcome, bar);
        bar.fileDone(outcome.seconds());
      }
    }
    return new Summary(outcomes);
  }

  private Outcome send(Path file) throws InterruptedException {
    try {
      IngestClient.Upload upload;
      try {
        upload = ingest.upload(file, file.toString(), device, modified(file));
      } catch (IOException refused) {
        // Over its body limit the HTTP server may close the connection while the body is still
        // being sent, before its 413 can be read; a large file then goes in as a stream.
        if (Files.size(file) > STREAM_ON_ERROR_BYTES) {
          return stream(file);
        }
        throw refused;
      }
      if ("TOO_LARGE".equals(upload.error())) {
        return stream(file);
      }
      return new Outcome(
          file,
          upload.recordingId(),
          upload.chunks(),
          upload.seconds(),
          upload.error(),
          upload.accepted() ? upload.inputFormat() : upload.message());
    } catch (IOException e) {
      return new Outcome(file, null, 0, 0, "UNREADABLE", e.getMessage());
    }
  }

  private Outcome stream(Path file) throws IOException, InterruptedException {
    var finished = LiveStream.sendFile(ingest, file, file.toString(), device);
    return new Outcome(
        file, finished.recordingId(), finished.chunks(), finished.seconds(), null, "streamed");
  }

  private void report(Outcome o, FileProgress bar) {
    if (o.ok()) {
      bar.clear();
      out.printf(
          "%s: recording %s, %d chunks, %.2f s (%s)%n",
          o.file(), o.recordingId(), o.chunks(), o.seconds(), o.message());
    } else {
      bar.message(String.format("%s: %s: %s", o.file(), o.error(), o.message()));
    }
  }

  private static Instant modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      return null;
    }
  }
}
