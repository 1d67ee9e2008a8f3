package dev.earshot.pipeline.captions;

import dev.earshot.schema.result.Caption;
import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Prints a live stream's captions as they arrive. On a terminal the committed words stay and the
 * partial rest is redrawn after them, dimmed, as it changes, with lines wrapped at a width; in a
 * log or a pipe only committed text is printed, one line per caption that committed some, since a
 * partial there could not be taken back.
 */
public final class CaptionPrinter implements Consumer<Caption> {

  private static final String CLEAR_LINE = "\r\033[K";
  private static final String DIM = "\033[2m";
  private static final String PLAIN = "\033[0m";

  private final PrintStream out;
  private final boolean redraw;
  private final int width;
  private final StringBuilder line = new StringBuilder();
  private boolean ended;

  /**
   * @param redraw whether {@code out} is a terminal that may be redrawn in place
   * @param width the longest line on the terminal (at least 20)
   */
  public CaptionPrinter(PrintStream out, boolean redraw, int width) {
    if (width < 20) {
      throw new IllegalArgumentException("caption width must be at least 20, got " + width);
    }
    this.out = out;
    this.redraw = redraw;
    this.width = width;
  }

  /** The terminal's width from {@code COLUMNS} where the shell exports it, else 80. */
  public static int terminalWidth() {
    try {
      return Math.max(20, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").strip()));
    } catch (NumberFormatException e) {
      return 80;
    }
  }

  @Override
  public synchronized void accept(Caption caption) {
    if (ended) {
      return;
    }
    if (!redraw) {
      if (!caption.committed().isBlank()) {
        out.println("caption: " + caption.committed().strip());
      }
      ended = caption.last();
      return;
    }
    for (String word : caption.committed().strip().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
        out.print(CLEAR_LINE + line + System.lineSeparator());
        line.setLength(0);
      }
      line.append(line.isEmpty() ? "" : " ").append(word);
    }
    String partial = caption.partial().strip();
    // The partial shows its newest words where the line has no room for all of them.
    int room = width - line.length() - 1;
    if (partial.length() > room) {
      partial = room > 1 ? "…" + partial.substring(partial.length() - room + 1) : "";
    }
    out.print(
        CLEAR_LINE
            + line
            + (partial.isEmpty() ? "" : (line.isEmpty() ? "" : " ") + DIM + partial + PLAIN));
    if (caption.last()) {
      out.println();
      ended = true;
    }
    out.flush();
  }

  /** Ends the current line if the captions stopped before their last one. */
  public synchronized void close() {
    if (redraw && !ended && !line.isEmpty()) {
      out.println();
    }
    ended = true;
  }
}
