package dev.earshot.ingest.files;

import dev.earshot.cli.FileProgress;
import dev.earshot.ingest.recording.AudioInput;
import dev.earshot.ingest.recording.IngestException;
import dev.earshot.ingest.recording.Origin;
import dev.earshot.ingest.recording.RecordingIngestor;
import dev.earshot.ingest.recording.RecordingSource;
import dev.earshot.ingest.recording.Rejection;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ingests a list of files one after the other, reporting each outcome and, for batches, the command
 * lines' progress bar (files, seconds of audio, real-time factor). One bad file does not stop the
 * batch.
 */
public final class FileBatch {

  private final RecordingIngestor ingestor;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean progress;
  private final String device;

  public FileBatch(
      RecordingIngestor ingestor,
      PrintStream out,
      PrintStream err,
      boolean progress,
      String device) {
    this.ingestor = ingestor;
    this.out = out;
    this.err = err;
    this.progress = progress;
    this.device = device;
  }

  /** One line per file. */
  public record Outcome(
      Path file, String recordingId, int chunks, double seconds, Rejection error, String message) {
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

  public Summary run(List<Path> files) {
    List<Outcome> outcomes = new ArrayList<>();
    try (FileProgress bar = FileProgress.on("Ingesting", files.size(), err, progress)) {
      for (Path file : files) {
        Outcome outcome = ingest(file);
        outcomes.add(outcome);
        report(outcome, bar);
        bar.fileDone(outcome.seconds());
      }
    }
    return new Summary(outcomes);
  }

  private Outcome ingest(Path file) {
    RecordingSource source =
        new RecordingSource(Origin.FILE, file.toString(), device, modified(file), Map.of());
    try {
      var ingested = ingestor.ingest(AudioInput.of(file), source);
      return new Outcome(
          file,
          ingested.recording().id(),
          ingested.totals().chunks(),
          ingested.totals().seconds(),
          null,
          ingested.recording().inputFormat().description());
    } catch (IngestException e) {
      return new Outcome(file, e.recordingId(), 0, 0, e.rejection(), e.getMessage());
    } catch (IOException e) {
      return new Outcome(file, null, 0, 0, Rejection.UNREADABLE, "cannot read: " + e.getMessage());
    }
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

  private static java.time.Instant modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      return null;
    }
  }
}
