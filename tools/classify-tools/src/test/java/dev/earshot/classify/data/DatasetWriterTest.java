package dev.earshot.classify.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.audio.chunk.AudioLoader;
import dev.earshot.audio.decode.AudioDecoder;
import dev.earshot.audio.decode.PcmStream;
import dev.earshot.classify.train.LabelledAudio;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetWriterTest {

  @TempDir Path dir;

  @Test
  void writesSixteenKilohertzWavsPerLabelAndAManifestInPlanOrder() throws IOException {
    Path out = dir.resolve("set");

    DatasetWriter.Summary summary = DatasetWriter.write(out, plans(), 5, 2, null);

    assertThat(Files.readAllLines(out.resolve("manifest.tsv")))
        .containsExactly(
            "file\tlabel\tsource\tgroup\tdetail",
            "low/low-0.wav\tlow\tsine\tvoice/a\t200 Hz",
            "low/low-1.wav\tlow\tsine\tvoice/b\t200 Hz",
            "high/high-0.wav\thigh\tsine\tvoice/a\t2000 Hz",
            "high/high-1.wav\thigh\tnoise\tvoice/c\t2000 Hz");
    try (PcmStream in = AudioDecoder.open(out.resolve("high/high-0.wav"))) {
      assertThat(in.info().sampleRate()).isEqualTo(16_000);
      assertThat(in.info().channels()).isEqualTo(1);
    }
    assertThat(AudioLoader.loadMono(out.resolve("low/low-1.wav"), 16_000)).hasSize(8_000);
    assertThat(LabelledAudio.load(out.resolve("manifest.tsv")))
        .hasSize(4)
        .extracting(LabelledAudio::label)
        .containsExactly("low", "low", "high", "high");
    assertThat(LabelledAudio.fromDirectory(out)).hasSize(4);
    assertThat(summary.total()).isEqualTo(4);
    assertThat(summary.counts().get("high")).containsEntry("sine", 1).containsEntry("noise", 1);
    assertThat(summary.seconds().get("low")).isEqualTo(1.0);
  }

  @Test
  void theSameSeedGivesTheSameBytesOnAnyNumberOfThreadsAndAnotherSeedOthers() throws IOException {
    DatasetWriter.write(dir.resolve("a"), plans(), 5, 1, null);
    DatasetWriter.write(dir.resolve("b"), plans(), 5, 4, null);
    DatasetWriter.write(dir.resolve("c"), plans(), 6, 2, null);

    for (String file : List.of("low/low-0.wav", "high/high-1.wav", "manifest.tsv")) {
      assertThat(dir.resolve("b").resolve(file))
          .hasSameBinaryContentAs(dir.resolve("a").resolve(file));
    }
    assertThat(Files.readAllBytes(dir.resolve("c/high/high-1.wav")))
        .isNotEqualTo(Files.readAllBytes(dir.resolve("a/high/high-1.wav")));
  }

  @Test
  void replacesADatasetItWroteButRefusesAFolderWithOtherThings() throws IOException {
    Path out = dir.resolve("set");
    DatasetWriter.write(out, plans(), 5, 2, null);
    Files.writeString(out.resolve("low/stale.wav"), "old");

    DatasetWriter.write(out, plans().subList(0, 1), 5, 2, null);

    assertThat(out.resolve("low/stale.wav")).doesNotExist();
    assertThat(out.resolve("high")).doesNotExist();
    Path other = Files.createDirectories(dir.resolve("photos"));
    Files.writeString(other.resolve("cat.jpg"), "jpeg");
    assertThatThrownBy(() -> DatasetWriter.write(other, plans(), 5, 2, null))
        .hasMessageContaining("not empty");
    assertThat(other.resolve("cat.jpg")).exists();
  }

  @Test
  void namesTheClipThatFailedAndRefusesTwoClipsOfOneName() {
    List<ClipPlan> plans = new ArrayList<>(plans());
    plans.add(
        new ClipPlan(
            "low",
            "broken",
            "sine",
            "g",
            "bad",
            r -> {
              throw new IOException("no such voice");
            }));

    assertThatThrownBy(() -> DatasetWriter.write(dir.resolve("x"), plans, 5, 2, null))
        .hasMessageContaining("low/broken.wav")
        .hasMessageContaining("no such voice");
    List<ClipPlan> twice = List.of(plans().get(0), plans().get(0));
    assertThatThrownBy(() -> DatasetWriter.write(dir.resolve("y"), twice, 5, 2, null))
        .hasMessageContaining("two clips named low-0");
  }

  @Test
  void printsCountsPerLabelAndSource() throws IOException {
    DatasetWriter.Summary summary = DatasetWriter.write(dir.resolve("set"), plans(), 5, 2, null);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    summary.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "label      noise  sine  total  seconds",
            "high           1     1      2        1",
            "low            0     2      2        1",
            "total          1     3      4        2");
  }

  @Test
  void rejectsUnsafeNamesAndMultiLineGroups() {
    assertThatThrownBy(() -> new ClipPlan("../up", "a", "s", "g", "", r -> new float[1]))
        .hasMessageContaining("label");
    assertThatThrownBy(() -> new ClipPlan("l", "a", "s", "g\nh", "", r -> new float[1]))
        .hasMessageContaining("group");
  }

  /** Two labels, half-second tones with a random phase noise so that seeds matter. */
  private static List<ClipPlan> plans() {
    return List.of(
        tone("low", "low-0", "sine", "voice/a", 200),
        tone("low", "low-1", "sine", "voice/b", 200),
        tone("high", "high-0", "sine", "voice/a", 2000),
        tone("high", "high-1", "noise", "voice/c", 2000));
  }

  private static ClipPlan tone(String label, String name, String source, String group, double hz) {
    return new ClipPlan(
        label,
        name,
        source,
        group,
        (int) hz + " Hz",
        r -> {
          float[] x = new float[8_000];
          double phase = r.nextDouble() * Math.PI;
          for (int i = 0; i < x.length; i++) {
            x[i] =
                (float)
                    (0.3 * Math.sin(phase + 2 * Math.PI * hz * i / 16_000.0)
                        + 0.01 * r.nextGaussian());
          }
          return x;
        });
  }
}
