package dev.earshot.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress through a batch of audio files on stderr: files done, seconds of audio and the real-time
 * factor (wall time over audio time, below 1 is faster than real time), on a {@link Progress} bar.
 */
public final class FileProgress implements AutoCloseable {

  private final Progress progress;
  private final LongSupplier clock;
  private final long start;
  private int done;
  private double audioSeconds;

  FileProgress(
      String task,
      int total,
      PrintStream err,
      boolean visible,
      boolean terminal,
      LongSupplier clock) {
    this.progress = new Progress(task, total, " files", err, visible, terminal, clock);
    this.clock = clock;
    this.start = clock.getAsLong();
  }

  /** A bar on stderr when {@code visible}; otherwise only the messages. */
  public static FileProgress on(String task, int total, PrintStream err, boolean visible) {
    return new FileProgress(
        task, total, err, visible, Terminal.stderrIsTerminal(), System::nanoTime);
  }

  /** One more file done, holding this many seconds of audio (0 for a file that failed). */
  public synchronized void fileDone(double seconds) {
    done++;
    audioSeconds += seconds;
    double elapsed = (clock.getAsLong() - start) / 1e9;
    String rtf =
        audioSeconds > 0 ? String.format(Locale.ROOT, "%.3f", elapsed / audioSeconds) : "-";
    progress.step(1, String.format(Locale.ROOT, "%.1f s of audio, RTF %s", audioSeconds, rtf));
  }

  /**
   * Takes the bar off the terminal before the command writes a result to stdout, which shares the
   * terminal unless redirected; the next file done draws it again.
   */
  public void clear() {
    progress.clear();
  }

  /** A line for the user (a file that failed, say), printed above the bar. */
  public void message(String text) {
    progress.message(text);
  }

  public synchronized int done() {
    return done;
  }

  public synchronized double audioSeconds() {
    return audioSeconds;
  }

  @Override
  public void close() {
    progress.close();
  }
}
