package dev.earshot.classify.cli;

import dev.earshot.classify.evaluate.TrainingCurve;
import dev.earshot.cli.Progress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The training tools' phases on the command lines' {@link Progress} bar: files read per phase, then
 * loss and accuracy per epoch.
 */
final class ProgressBar {

  private final PrintStream err;
  private Progress current;
  private String phase;
  private long steps;

  ProgressBar(PrintStream err) {
    this.err = err;
  }

  /** {@code done} of {@code total} files of {@code what} (features, evaluate...) read. */
  void files(String what, int done, int total) {
    advance(what, total, " files", done, null);
    if (done == total) {
      end();
    }
  }

  void epoch(TrainingCurve.Epoch e, int maxEpochs) {
    advance(
        "training",
        maxEpochs,
        " epochs",
        Math.min(e.epoch(), maxEpochs),
        String.format(
            Locale.ROOT,
            "loss %.4f acc %.3f | val loss %.4f acc %.3f",
            e.trainLoss(),
            e.trainAccuracy(),
            e.validationLoss(),
            e.validationAccuracy()));
  }

  /** Closes the current phase's bar. */
  void end() {
    if (current != null) {
      current.close();
      current = null;
      phase = null;
    }
  }

  private void advance(String what, long total, String unit, long reached, String detail) {
    if (current == null || !what.equals(phase)) {
      end();
      current = Progress.on(what, total, unit, err, true);
      phase = what;
      steps = 0;
    }
    current.step(Math.max(0, reached - steps), detail);
    steps = Math.max(steps, reached);
  }
}
