package dev.earshot.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr for every command line, drawn by me.tongfei's progressbar. The library
 * keeps the count, the elapsed time and the ETA and renders the line; this class decides when a
 * line is written, so that stdout stays free for results and stderr stays readable: on a terminal
 * the line redraws in place at most every 100 ms, messages print above it and it steps aside for a
 * result; in a log a line is written at every tenth of the work.
 */
public final class Progress implements AutoCloseable {

  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintStream err;
  private final boolean terminal;
  private final LongSupplier clock;
  private final Line line;
  private final ProgressBar bar;
  private long lastDraw = Long.MIN_VALUE;
  private int lastTenth;

  Progress(
      String task,
      long total,
      String unit,
      PrintStream err,
      boolean visible,
      boolean terminal,
      LongSupplier clock) {
    this.err = err;
    this.terminal = terminal;
    this.clock = clock;
    this.line = new Line(err, terminal);
    this.bar =
        visible
            ? new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(Math.max(1, total))
                .setUnit(unit, 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(line)
                // Render on every refresh asked for, even when the count has not moved (a message
                // redraws the bar under it).
                .continuousUpdate()
                // Lines are written when this class asks (refresh), not from the library's timer.
                .setUpdateIntervalMillis((int) Duration.ofHours(1).toMillis())
                .build()
            : null;
  }

  /**
   * A bar for {@code total} units of work when {@code visible}; otherwise only the messages.
   *
   * @param unit after the counts, e.g. {@code " files"}
   */
  public static Progress on(
      String task, long total, String unit, PrintStream err, boolean visible) {
    return new Progress(
        task, total, unit, err, visible, Terminal.stderrIsTerminal(), System::nanoTime);
  }

  /** {@code by} more units done; {@code detail} follows the counts (null: none). */
  public synchronized void step(long by, String detail) {
    if (bar == null) {
      return;
    }
    bar.stepBy(by);
    if (detail != null) {
      bar.setExtraMessage(detail);
    }
    boolean finished = bar.getCurrent() >= bar.getMax();
    if (terminal) {
      long now = clock.getAsLong();
      if (finished || !line.drawn() || now - lastDraw >= REDRAW_NANOS) {
        draw();
        lastDraw = now;
      }
    } else {
      int tenth = (int) (bar.getCurrent() * 10 / bar.getMax());
      if (tenth > lastTenth) {
        lastTenth = tenth;
        draw();
      }
    }
  }

  /**
   * Takes the bar off the terminal before a result goes to stdout; the next step draws it again.
   */
  public synchronized void clear() {
    if (bar != null && terminal) {
      line.erase();
    }
  }

  /** A line for the user (a file that failed, say), printed above the bar. */
  public synchronized void message(String text) {
    if (bar != null && terminal && line.drawn()) {
      line.erase();
      err.println(text);
      draw();
    } else {
      err.println(text);
    }
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      line.closing();
      bar.close();
      line.finish();
    }
    err.flush();
  }

  private void draw() {
    line.wanted();
    bar.refresh();
  }

  /**
   * Where the library's rendered line goes: written only when {@link Progress} asked for it, from
   * the thread that asked, so the library's own timer thread and its refresh at close write
   * nothing.
   */
  private static final class Line implements ProgressBarConsumer {

    private final PrintStream err;
    private final boolean terminal;
    private volatile Thread wanted;
    private int width;

    Line(PrintStream err, boolean terminal) {
      this.err = err;
      this.terminal = terminal;
    }

    void wanted() {
      wanted = Thread.currentThread();
    }

    boolean drawn() {
      return width > 0;
    }

    void erase() {
      if (width > 0) {
        err.print("\r" + " ".repeat(width) + "\r");
        err.flush();
        width = 0;
      }
    }

    /** The library renders once more as it closes; the last step has drawn that already. */
    void closing() {
      wanted = null;
    }

    @Override
    public int getMaxRenderedLength() {
      return 120;
    }

    @Override
    public void accept(String rendered) {
      if (wanted != Thread.currentThread()) {
        return;
      }
      wanted = null;
      if (terminal) {
        err.print("\r" + rendered + " ".repeat(Math.max(0, width - rendered.length())));
        width = rendered.length();
      } else {
        err.println(rendered);
      }
      err.flush();
    }

    /** Leaves the last line on the terminal and moves past it. */
    synchronized void finish() {
      if (terminal && width > 0) {
        err.println();
        width = 0;
      }
      err.flush();
    }

    /** The library closes its consumer from its own thread; {@link #finish} does the work. */
    @Override
    public void close() {}
  }
}
