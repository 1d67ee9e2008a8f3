package dev.earshot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    assertThat(written().lines()).hasSize(10);
    assertThat(written().lines().findFirst().orElseThrow())
        .isEqualTo(
            "transcribe [##----------------------] 2/20 files, 10.0 s of audio, RTF 0.100,"
                + " ETA 0m09s");
    assertThat(written().lines().reduce((a, b) -> b).orElseThrow())
        .isEqualTo(
            "transcribe [########################] 20/20 files, 100.0 s of audio, RTF 0.100,"
                + " 0m10s in all");
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

    String first =
        "transcribe [########----------------] 1/3 files, 2.0 s of audio, RTF 0.500, ETA 0m02s";
    assertThat(written())
        .startsWith("\r" + first + "\r" + " ".repeat(first.length()) + "\r")
        .contains("\rb.wav: no such file or folder\n\r" + first + "\r")
        .endsWith(
            "\rtranscribe [########################] 3/3 files, 6.0 s of audio, RTF 0.500,"
                + " 0m03s in all\n");
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

    String first =
        "transcribe [############------------] 1/2 files, 1.0 s of audio, RTF 1.000, ETA 0m01s";
    assertThat(written())
        .isEqualTo(
            "\r"
                + first
                + "\r"
                + " ".repeat(first.length())
                + "\r"
                + "\rtranscribe [########################] 2/2 files, 2.0 s of audio, RTF 0.505,"
                + " 0m01s in all\n");
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
