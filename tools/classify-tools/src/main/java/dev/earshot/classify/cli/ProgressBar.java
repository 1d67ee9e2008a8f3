package dev.earshot.classify.cli;

import dev.earshot.classify.evaluate.TrainingCurve;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr: files read, then loss and accuracy per epoch. On a terminal it
 * redraws in place; in a log each step is its own line.
 */
final class ProgressBar {

  private static final int WIDTH = 30;

  private final PrintStream out;
  private final boolean terminal;
  private final long start = System.nanoTime();

  ProgressBar(PrintStream out) {
    this.out = out;
    this.terminal = System.console() != null;
  }

  void files(String what, int done, int total) {
    if (terminal || done == total || done % Math.max(1, total / 10) == 0) {
      draw(String.format(Locale.ROOT, "%-10s %s %d/%d files", what, bar(done, total), done, total));
    }
    if (done == total) {
      end();
    }
  }

  void epoch(TrainingCurve.Epoch e, int maxEpochs) {
    draw(
        String.format(
            Locale.ROOT,
            "epoch %3d %s loss %.4f acc %.3f | val loss %.4f acc %.3f  %.0f s",
            e.epoch(),
            bar(Math.min(e.epoch(), maxEpochs), maxEpochs),
            e.trainLoss(),
            e.trainAccuracy(),
            e.validationLoss(),
            e.validationAccuracy(),
            (System.nanoTime() - start) / 1e9));
  }

  void end() {
    if (terminal) {
      out.println();
    }
  }

  private void draw(String line) {
    if (terminal) {
      out.print("\r" + line);
    } else {
      out.println(line);
    }
    out.flush();
  }

  private static String bar(int done, int total) {
    int filled = total == 0 ? WIDTH : (int) Math.round(WIDTH * (double) done / total);
    return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "]";
  }
}
