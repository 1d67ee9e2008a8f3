package dev.earshot.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress through a batch of audio files on stderr: files done, seconds of audio and the real-time
 * factor (wall time over audio time, below 1 is faster than real time). On a terminal one line
 * redraws in place and messages print above it; in a log a line is written at every tenth of the
 * batch, so stdout stays free for results.
 */
public final class FileProgress implements AutoCloseable {

  private static final int WIDTH = 24;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final String task;
  private final int total;
  private final PrintStream err;
  private final boolean terminal;
  private final boolean visible;
  private final LongSupplier clock;
  private final long start;
  private int done;
  private double audioSeconds;
  private long lastDraw;
  private int lastTenth;
  private int drawnWidth;

  FileProgress(
      String task,
      int total,
      PrintStream err,
      boolean visible,
      boolean terminal,
      LongSupplier clock) {
    this.task = task;
    this.total = total;
    this.err = err;
    this.visible = visible;
    this.terminal = terminal;
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
    if (!visible) {
      return;
    }
    if (terminal) {
      long now = clock.getAsLong();
      if (done == total || drawnWidth == 0 || now - lastDraw >= REDRAW_NANOS) {
        redraw();
        lastDraw = now;
      }
    } else {
      int tenth = total == 0 ? 10 : done * 10 / total;
      if (tenth > lastTenth) {
        lastTenth = tenth;
        err.println(line());
      }
    }
  }

  /**
   * Takes the bar off the terminal before the command writes a result to stdout, which shares the
   * terminal unless redirected; the next file done draws it again.
   */
  public synchronized void clear() {
    if (visible && terminal && drawnWidth > 0) {
      err.print("\r" + " ".repeat(drawnWidth) + "\r");
      err.flush();
      drawnWidth = 0;
    }
  }

  /** A line for the user (a file that failed, say), printed above the bar. */
  public synchronized void message(String text) {
    if (visible && terminal && drawnWidth > 0) {
      err.print("\r" + " ".repeat(drawnWidth) + "\r");
      drawnWidth = 0;
      err.println(text);
      redraw();
    } else {
      err.println(text);
    }
  }

  public synchronized int done() {
    return done;
  }

  public synchronized double audioSeconds() {
    return audioSeconds;
  }

  @Override
  public synchronized void close() {
    if (visible && terminal && drawnWidth > 0) {
      err.println();
    }
    err.flush();
  }

  synchronized String line() {
    double elapsed = (clock.getAsLong() - start) / 1e9;
    int filled = total == 0 ? WIDTH : (int) Math.round(WIDTH * (double) done / total);
    String rtf =
        audioSeconds > 0 ? String.format(Locale.ROOT, "%.3f", elapsed / audioSeconds) : "-";
    return String.format(
        Locale.ROOT,
        "%s [%s%s] %d/%d files, %.1f s of audio, RTF %s, %s",
        task,
        "#".repeat(filled),
        "-".repeat(WIDTH - filled),
        done,
        total,
        audioSeconds,
        rtf,
        done == total ? clock(elapsed) + " in all" : "ETA " + eta(elapsed));
  }

  private String eta(double elapsed) {
    return done == 0 ? "-" : clock(elapsed / done * (total - done));
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
        : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
  }

  private void redraw() {
    String text = line();
    err.print("\r" + text + " ".repeat(Math.max(0, drawnWidth - text.length())));
    err.flush();
    drawnWidth = text.length();
  }
}
