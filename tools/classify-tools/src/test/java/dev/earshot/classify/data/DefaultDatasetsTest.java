package dev.earshot.classify.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.audio.chunk.AudioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dataset plans over a tiny library laid out like the real packages, with a fake synthesiser.
 */
class DefaultDatasetsTest {

  @TempDir Path dir;

  private Library library;

  @BeforeEach
  void makeATinyLibrary() throws IOException {
    Path root = dir.resolve("lib");
    library =
        new Library(
            root.resolve("lmms"),
            root.resolve("ktuberling"),
            root.resolve("hedgewars"),
            root.resolve("alsa"),
            root.resolve("freedesktop"),
            root.resolve("librivox"),
            root.resolve("commands"),
            root.resolve("jfk/jfk.wav"));
    for (String file :
        List.of(
            "lmms/instruments/piano01.wav",
            "lmms/basses/bass01.wav",
            "lmms/beats/break01.wav",
            "lmms/drums/kick01.wav",
            "lmms/drums/snare01.wav",
            "lmms/drums/hihat_closed01.wav",
            "lmms/drums/clap01.wav",
            "lmms/effects/explode01.wav",
            "lmms/misc/applause01.wav",
            "ktuberling/en/ball.wav",
            "ktuberling/en/hat.wav",
            "ktuberling/en/seven.wav",
            "ktuberling/fr/bouche.wav",
            "ktuberling/fr/nez.wav",
            "ktuberling/sr@latin/uvo.wav",
            "hedgewars/Sounds/explosion.wav",
            "hedgewars/Sounds/1C.wav",
            "hedgewars/Sounds/voices/British/Hello.wav",
            "hedgewars/Sounds/voices/British/Thisoneismine.wav",
            "hedgewars/Sounds/voices/British/Laugh.wav",
            "hedgewars/Sounds/voices/Pirate/Incoming.wav",
            "alsa/Front_Left.wav",
            "alsa/Noise.wav",
            "freedesktop/bell.wav",
            "freedesktop/audio-channel-front-left.wav",
            "commands/cards/001.wav")) {
      write(root.resolve(file), 0.6);
    }
    write(root.resolve("hedgewars/Music/City.wav"), 12);
    write(root.resolve("librivox/reader-0870.wav"), 7);
    write(root.resolve("jfk/jfk.wav"), 4);
  }

  @Test
  void digitsHaveEveryLabelOnceAVoiceAndNoDigitAmongTheUnknownWords() throws IOException {
    Path out = dir.resolve("digits");

    DatasetWriter.Summary summary = datasets().digits(out, 3, 10);

    assertThat(summary.counts().keySet())
        .containsExactlyInAnyOrderElementsOf(DefaultDatasets.digitLabels());
    for (String label : DefaultDatasets.digitLabels()) {
      assertThat(summary.count(label)).as(label).isEqualTo(10);
    }
    List<String[]> rows = manifest(out);
    assertThat(rows)
        .filteredOn(r -> r[1].equals("seven"))
        .allSatisfy(r -> assertThat(r[2]).isEqualTo("espeak"))
        .allSatisfy(r -> assertThat(r[3]).startsWith("espeak/en"));
    List<String> unknownDetails =
        rows.stream().filter(r -> r[1].equals("unknown")).map(r -> r[4]).toList();
    assertThat(unknownDetails)
        .anyMatch(d -> d.startsWith("en/") || d.startsWith("fr/"))
        .noneMatch(d -> d.contains("seven.wav") || d.contains("sr@latin"))
        .noneMatch(d -> d.contains("Thisoneismine") || d.contains("Laugh"));
    assertThat(rows)
        .filteredOn(r -> r[2].equals("ktuberling"))
        .allSatisfy(r -> assertThat(r[3]).isIn("ktuberling/en", "ktuberling/fr"));
    for (String[] row : rows) {
      float[] x = AudioLoader.loadMono(out.resolve(row[0]), 16_000);
      assertThat(x.length / 16_000.0).as(row[0]).isBetween(1.0, 1.5);
    }
  }

  @Test
  void soundTypeMixesRealAndMadeSoundsIntoTwoToFiveSecondClips() throws IOException {
    Path out = dir.resolve("sound-type");

    DatasetWriter.Summary summary = datasets().soundType(out, 3, 12);

    for (String label : DefaultDatasets.soundTypeLabels()) {
      assertThat(summary.count(label)).as(label).isEqualTo(12);
    }
    Map<String, List<String>> sources =
        manifest(out).stream()
            .collect(
                Collectors.groupingBy(
                    r -> r[1], Collectors.mapping(r -> r[2], Collectors.toList())));
    assertThat(sources.get("speech")).contains("librivox", "jfk", "ktuberling", "espeak");
    assertThat(sources.get("music")).contains("hedgewars-music", "lmms", "lmms-sequence");
    assertThat(sources.get("other")).contains("hedgewars-sfx", "sox-other");
    assertThat(manifest(out)).noneMatch(r -> r[4].contains("1C.wav"));
    for (String[] row : manifest(out)) {
      float[] x = AudioLoader.loadMono(out.resolve(row[0]), 16_000);
      assertThat(x.length / 16_000.0).as(row[0]).isBetween(0.3, 5.0);
    }
  }

  @Test
  void everyMoreRealSourceAddsTheSameNumberOfClipsOfItsClass() throws IOException {
    Path root = dir.resolve("lib");
    RealSounds real =
        RealSounds.of(
            Map.of(
                source("kajongg-voice"),
                List.of(
                    new RealSounds.File(
                        root.resolve("ktuberling/en/ball.wav"),
                        "male1/b1.ogg",
                        "kajongg-voice/male1"),
                    new RealSounds.File(
                        root.resolve("ktuberling/en/hat.wav"),
                        "female1/b2.ogg",
                        "kajongg-voice/female1")),
                source("fillets-music"),
                List.of(
                    new RealSounds.File(
                        root.resolve("hedgewars/Music/City.wav"),
                        "city.ogg",
                        "fillets-music/city")),
                source("pingus-sfx"),
                List.of(
                    new RealSounds.File(
                        root.resolve("lmms/effects/explode01.wav"),
                        "plop.wav",
                        "pingus-sfx/plop"))));
    Path out = dir.resolve("wide");

    DatasetWriter.Summary summary =
        new DefaultDatasets(library, real, new FakeSynth(), 2, null).soundType(out, 3, 12);

    int each = SoundTypeDataset.perSource(12);
    for (String label : DefaultDatasets.soundTypeLabels()) {
      assertThat(summary.count(label)).as(label).isEqualTo(12 + each);
    }
    Map<String, Long> bySource =
        manifest(out).stream().collect(Collectors.groupingBy(r -> r[2], Collectors.counting()));
    assertThat(bySource)
        .containsEntry("kajongg-voice", (long) each)
        .containsEntry("fillets-music", (long) each)
        .containsEntry("pingus-sfx", (long) each);
    for (String[] row : manifest(out)) {
      if (row[2].equals("kajongg-voice")) {
        assertThat(row[1]).isEqualTo("speech");
        assertThat(row[3]).startsWith("kajongg-voice/");
      }
      float[] x = AudioLoader.loadMono(out.resolve(row[0]), 16_000);
      assertThat(x.length / 16_000.0).as(row[0]).isBetween(0.3, 5.0);
    }
    assertThat(RealSounds.family("kajongg-voice")).isEqualTo("kajongg");
    assertThat(RealSounds.SOURCES)
        .extracting(RealSounds.Source::label)
        .containsOnly("speech", "music", "other");
  }

  private static RealSounds.Source source(String name) {
    return RealSounds.SOURCES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void theSameSeedWritesTheSameFilesAndAnotherSeedOtherFiles() throws IOException {
    datasets().digits(dir.resolve("a"), 11, 3);
    datasets().digits(dir.resolve("b"), 11, 3);
    datasets().digits(dir.resolve("c"), 12, 3);

    assertThat(dir.resolve("b/manifest.tsv"))
        .hasSameTextualContentAs(dir.resolve("a/manifest.tsv"));
    for (String[] row : manifest(dir.resolve("a"))) {
      assertThat(dir.resolve("b").resolve(row[0]))
          .hasSameBinaryContentAs(dir.resolve("a").resolve(row[0]));
    }
    assertThat(Files.readString(dir.resolve("c/manifest.tsv")))
        .isNotEqualTo(Files.readString(dir.resolve("a/manifest.tsv")));
  }

  @Test
  void spotsNamesThatSoundLikeDigits() {
    assertThat(Sources.isDigitLike("seven")).isTrue();
    assertThat(Sources.isDigitLike("egypt_one")).isTrue();
    assertThat(Sources.isDigitLike("Front_Center")).isFalse();
    assertThat(Sources.isDigitLike("pizzeria_onion")).isFalse();
    assertThat(Texts.OTHER_WORDS).doesNotContainAnyElementsOf(Sources.DIGIT_LIKE);
  }

  private DefaultDatasets datasets() {
    return new DefaultDatasets(library, new FakeSynth(), 2, null);
  }

  private static List<String[]> manifest(Path out) throws IOException {
    try (Stream<String> lines = Files.lines(out.resolve("manifest.tsv"))) {
      return lines.skip(1).map(l -> l.split("\t", -1)).toList();
    }
  }

  /** A tone burst with silence around it, as a word or a sound would be. */
  private static void write(Path file, double seconds) throws IOException {
    Files.createDirectories(file.getParent());
    Random random = new Random(file.getFileName().toString().hashCode());
    float[] x = new float[(int) (seconds * 16_000)];
    double hz = 150 + random.nextInt(2000);
    for (int i = x.length / 8; i < x.length * 7 / 8; i++) {
      x[i] = (float) (0.4 * Math.sin(2 * Math.PI * hz * i / 16_000) + 0.02 * random.nextGaussian());
    }
    Wav.write(file, x, 16_000);
  }

  /** Tones for words, noise for SoX, each a function of its arguments only. */
  private static final class FakeSynth implements SoundMaker {
    @Override
    public float[] speak(Voice voice, String text) {
      Random random = new Random((voice.name() + text).hashCode());
      float[] x = new float[(int) (16_000 * (0.3 + 0.05 * text.length()))];
      double hz = 80 + voice.pitch() * 3;
      for (int i = 1_600; i < x.length - 1_600; i++) {
        x[i] =
            (float) (0.3 * Math.sin(2 * Math.PI * hz * i / 16_000) + 0.01 * random.nextGaussian());
      }
      return x;
    }

    @Override
    public float[] generate(int channels, List<String> args) {
      assertThat(args.get(0)).isEqualTo("synth");
      Random random = new Random(args.hashCode());
      double seconds = 0; // chains joined by ":" play one after the other
      for (int i = 0; i < args.size() - 1; i++) {
        if (args.get(i).equals("synth")) {
          seconds += Double.parseDouble(args.get(i + 1));
        }
      }
      float[] x = new float[(int) (16_000 * seconds)];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) (0.1 * random.nextGaussian());
      }
      return x;
    }

    @Override
    public float[] process(float[] samples, List<String> effects) {
      float[] y = Arrays.copyOf(samples, samples.length);
      for (int i = 0; i < y.length; i++) {
        y[i] *= 0.9f;
      }
      return y;
    }
  }
}
