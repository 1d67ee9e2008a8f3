package dev.earshot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileProgressTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private long now;

  private FileProgress progress(int total, boolean visible, boolean terminal) {
    return new FileProgress("transcribe", total, err, visible, terminal, () -> now);
  }

  private String written() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void inALogALineIsWrittenAtEveryTenthWithAudioSecondsAndTheRealTimeFactor() {
    try (FileProgress progress = progress(20, true, false)) {
      for (int i = 0; i < 20; i++) {
        now += 500_000_000L;
        progress.fileDone(5.0);
      }
    }

    List<String> lines = written().lines().toList();
    assertThat(lines).hasSize(10);
    assertThat(lines.get(0))
        .startsWith("transcribe  10% [")
        .contains(" 2/20 files ")
        .endsWith(" 10.0 s of audio, RTF 0.100");
    assertThat(lines.get(9))
        .startsWith("transcribe 100% [")
        .contains(" 20/20 files ")
        .endsWith(" 100.0 s of audio, RTF 0.100");
  }

  @Test
  void onATerminalTheLineRedrawsInPlaceAndMessagesGoAboveIt() {
    try (FileProgress progress = progress(3, true, true)) {
      now += 1_000_000_000L;
      progress.fileDone(2.0);
      progress.message("b.wav: no such file or folder");
      now += 1_000_000_000L;
      progress.fileDone(0);
      now += 1_000_000_000L;
      progress.fileDone(4.0);
    }

    String out = written();
    assertThat(out).startsWith("\rtranscribe  33% [").doesNotContain("\n\n");
    // The message erases the bar, takes a line of its own, and the bar comes back under it.
    assertThat(out).containsPattern("\r +\rb\\.wav: no such file or folder\n\rtranscribe  33% \\[");
    assertThat(out.lines().filter(l -> l.contains("3/3 files")).count()).isEqualTo(1);
    assertThat(out)
        .containsPattern(
            "\rtranscribe 100% \\[[^\r\n]*3/3 files [^\r\n]*6\\.0 s of audio, RTF 0\\.500 *\n$");
  }

  @Test
  void theBarMakesWayForAResultOnStdoutAndComesBackWithTheNextFile() {
    try (FileProgress progress = progress(2, true, true)) {
      now += 1_000_000_000L;
      progress.fileDone(1.0);
      progress.clear();
      progress.clear();
      now += 10_000_000L;
      progress.fileDone(1.0);
    }

    String out = written();
    String first = out.substring(1, out.indexOf('\r', 1));
    assertThat(first).startsWith("transcribe  50% [").contains("1/2 files");
    assertThat(out)
        .startsWith("\r" + first + "\r" + " ".repeat(first.length()) + "\r\rtranscribe 100% [")
        .endsWith("2.0 s of audio, RTF 0.505\n");
  }

  @Test
  void aHiddenBarStillPrintsMessagesAndCounts() {
    try (FileProgress progress = progress(2, false, true)) {
      progress.fileDone(1.5);
      progress.message("c.wav: not a recognised audio format");
      progress.fileDone(0);
      assertThat(progress.done()).isEqualTo(2);
      assertThat(progress.audioSeconds()).isEqualTo(1.5);
    }

    assertThat(written()).isEqualTo("c.wav: not a recognised audio format\n");
  }
}
