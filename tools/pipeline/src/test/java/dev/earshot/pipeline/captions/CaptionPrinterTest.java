package dev.earshot.pipeline.captions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.schema.result.Caption;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CaptionPrinterTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private static Caption caption(int sequence, String committed, String partial, boolean last) {
    return new Caption("r", sequence, committed, partial, 0, 0, last, "m", "2026-12-06T00:00:00Z");
  }

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void inALogOnlyCommittedTextIsPrintedOneLineAPieceAndNothingAfterTheLast() {
    var printer = new CaptionPrinter(out, false, 80);
    printer.accept(caption(0, "", "and so my", false));
    printer.accept(caption(1, "And so my", "fellow", false));
    printer.accept(caption(2, "", "fellow Americans", false));
    printer.accept(caption(3, "fellow Americans,", "", true));
    printer.accept(caption(4, "late", "", false));
    printer.close();

    assertThat(printed().lines())
        .containsExactly("caption: And so my", "caption: fellow Americans,");
  }

  @Test
  void onATerminalThePartialIsRedrawnAfterTheCommittedWordsAndLinesWrapAtTheWidth() {
    var printer = new CaptionPrinter(out, true, 20);
    printer.accept(caption(0, "", "and so my", false));
    printer.accept(caption(1, "And so my", "fellow", false));
    printer.accept(caption(2, "fellow Americans, ask", "not what", true));

    // Every redraw clears the line first; the partial is dimmed; committed words wrap at 20.
    String[] redraws = printed().split("\r\033\\[K", -1);
    assertThat(redraws)
        .containsExactly(
            "",
            "\033[2mand so my\033[0m",
            "And so my \033[2mfellow\033[0m",
            "And so my fellow" + System.lineSeparator(),
            "Americans, ask \033[2m\u2026what\033[0m" + System.lineSeparator());
  }

  @Test
  void aWidthTooSmallToReadIsRefused() {
    assertThatThrownBy(() -> new CaptionPrinter(out, true, 5))
        .hasMessageContaining("at least 20, got 5");
  }
}
