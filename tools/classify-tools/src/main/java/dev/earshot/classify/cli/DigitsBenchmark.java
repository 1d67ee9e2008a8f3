package dev.earshot.classify.cli;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.assets.DebianTree;
import dev.earshot.assets.PinnedDeb;
import dev.earshot.assets.ZipMembers;
import dev.earshot.audio.chunk.AudioLoader;
import dev.earshot.classify.classifier.ChunkClassification;
import dev.earshot.classify.classifier.ClassifierSet;
import dev.earshot.classify.classifier.ClassifierSpec;
import dev.earshot.classify.classifier.Prediction;
import dev.earshot.classify.data.Library;
import dev.earshot.classify.data.RealSounds;
import dev.earshot.classify.data.Synthesiser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * How the built-in {@code digits} classifier does on real voices: every spoken digit of four game
 * and learning-program voices, each clean and in five harder conditions (white noise at 20 dB SNR,
 * pink noise at 10 dB, 15 % slower and faster, telephone band), and over a thousand real clips that
 * hold no digit (other words of the same and other voices, music, effects, noise). It prints, per
 * source, how many digits were heard right and how many other clips were called a digit.
 *
 * <p>Run it with {@code ./earshot classify bench --digits}. Downloads about 820 MB (most of it
 * shared with build-defaults) the first time.
 */
final class DigitsBenchmark {

  static final String[] DIGITS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"
  };

  static final DebianTree OPENARENA =
      new DebianTree(
          "openarena-081-misc",
          "OpenArena's announcer and sounds, in pak6-misc.pk3, GPL-2",
          List.of(
              new PinnedDeb(
                  "main/o/openarena-misc/openarena-081-misc_0.8.5split-14_all.deb",
                  "1cc4c96b334e50a54e3b20b6ef0f2e8112b391afc33de024b7d7db3fa6ebf702",
                  28_073_232)),
          List.of("usr/share/games/openarena/baseoa", "usr/share/doc/openarena-081-misc"));

  static final DebianTree NEXUIZ =
      new DebianTree(
          "nexuiz-data",
          "Nexuiz's data.pk3: announcers, voices, effects, music, GPL-2+",
          List.of(
              new PinnedDeb(
                  "main/n/nexuiz-data/nexuiz-data_2.5.2-12_all.deb",
                  "5d4a4e293d9382be3b8edf6ec2d9f39d2a16f49467618b2316fbfa400acecf0e",
                  266_586_504)),
          List.of("usr/share/games/nexuiz/data/data.pk3", "usr/share/doc/nexuiz-data"));

  /** A clip: its source, and the digit it says or {@code null}. */
  record Clip(String source, String digit, Path file) {}

  /** A file name that says a number: a figure anywhere, or a digit word between non-letters. */
  private static final Pattern DIGIT_NAME =
      Pattern.compile(
          "\\d|(^|[^a-z])(zero|one|two|three|four|five|six|seven|eight|nine)([^a-z]|$)");

  /** Sources whose digits are not natural voices, kept out of the totals by condition. */
  static final Set<String> PROCESSED_VOICES = Set.of("nexuiz-robotic");

  private DigitsBenchmark() {}

  static void run(String whisper, PrintStream out) throws Exception {
    AssetCache cache = AssetCache.atDefaultLocation();
    Path scratch = cache.root().resolve("builtins/unpacked");
    List<Clip> clips = clips(cache, scratch);
    Synthesiser sox = Synthesiser.fetch(cache);
    Map<String, int[]> digits = new LinkedHashMap<>();
    Map<String, int[]> others = new LinkedHashMap<>();
    Map<String, int[]> conditions = new LinkedHashMap<>();
    List<String> misses = new ArrayList<>();
    try (ClassifierSet set =
        ClassifierSet.open(
            List.of(ClassifierSpec.trained("digits", "builtin:digits")), whisper, 0, cache)) {
      ChunkClassification classification = set.classification();
      Random random = new Random(3);
      for (Clip clip : clips) {
        float[] samples;
        try {
          samples = AudioLoader.loadMono(clip.file(), 16_000);
        } catch (IOException e) {
          out.println("skipped " + clip.file() + ": " + e.getMessage());
          continue;
        }
        samples = Arrays.copyOf(samples, Math.min(samples.length, 30 * 16_000));
        if (samples.length < 1_600) {
          continue;
        }
        if (clip.digit() == null) {
          String label = label(classification, samples);
          int[] tally = others.computeIfAbsent(clip.source(), s -> new int[2]);
          tally[1]++;
          if (Arrays.asList(DIGITS).contains(label)) {
            tally[0]++;
            misses.add(clip.source() + " " + clip.file().getFileName() + " called " + label);
          }
          continue;
        }
        for (Map.Entry<String, float[]> condition : conditions(samples, sox, random).entrySet()) {
          String label = label(classification, condition.getValue());
          boolean right = label.equals(clip.digit());
          int[] tally = digits.computeIfAbsent(clip.source(), s -> new int[2]);
          tally[0] += right ? 1 : 0;
          tally[1]++;
          if (!PROCESSED_VOICES.contains(clip.source())) {
            int[] byCondition = conditions.computeIfAbsent(condition.getKey(), s -> new int[2]);
            byCondition[0] += right ? 1 : 0;
            byCondition[1]++;
          }
          if (!right) {
            misses.add(
                clip.source()
                    + " "
                    + clip.digit()
                    + " ("
                    + condition.getKey()
                    + ") heard as "
                    + label);
          }
        }
      }
    }
    out.println("spoken digits, each clean and in five conditions:");
    print(out, digits, "right");
    int[] natural = new int[2];
    digits.forEach(
        (source, t) -> {
          if (!PROCESSED_VOICES.contains(source)) {
            natural[0] += t[0];
            natural[1] += t[1];
          }
        });
    line(out, "natural voices", natural, "right");
    out.println(
        "natural voices (all but " + String.join(", ", PROCESSED_VOICES) + "), by condition:");
    print(out, conditions, "right");
    out.println("clips without a digit:");
    print(out, others, "called a digit");
    out.println("mistakes:");
    misses.forEach(m -> out.println("  " + m));
  }

  /** Conditions a recording may arrive in; the noise is added over 0.3 s of quiet either side. */
  static Map<String, float[]> conditions(float[] x, Synthesiser sox, Random random)
      throws IOException {
    Map<String, float[]> out = new LinkedHashMap<>();
    out.put("clean", x);
    float[] padded = new float[x.length + 2 * 4_800];
    System.arraycopy(x, 0, padded, 4_800, x.length);
    out.put("white 20 dB", withNoise(padded, false, 20, random));
    out.put("pink 10 dB", withNoise(padded, true, 10, random));
    out.put("tempo 0.85", sox.process(x, List.of("tempo", "0.85")));
    out.put("tempo 1.15", sox.process(x, List.of("tempo", "1.15")));
    out.put(
        "telephone", sox.process(x, List.of("sinc", "300-3400", "rate", "8000", "rate", "16000")));
    return out;
  }

  /** Adds white or pink noise at {@code snr} dB below the power of the clip's louder samples. */
  static float[] withNoise(float[] x, boolean pink, double snr, Random random) {
    double power = 0;
    int loud = 0;
    for (float v : x) {
      if (Math.abs(v) > 0.01) {
        power += v * v;
        loud++;
      }
    }
    power = loud == 0 ? 1e-6 : power / loud;
    double[] noise = new double[x.length];
    // Pink: Paul Kellet's economy filter over white noise, -3 dB per octave.
    double b0 = 0;
    double b1 = 0;
    double b2 = 0;
    double noisePower = 0;
    for (int i = 0; i < noise.length; i++) {
      double w = random.nextGaussian();
      if (pink) {
        b0 = 0.99765 * b0 + w * 0.0990460;
        b1 = 0.96300 * b1 + w * 0.2965164;
        b2 = 0.57000 * b2 + w * 1.0526913;
        noise[i] = b0 + b1 + b2 + w * 0.1848;
      } else {
        noise[i] = w;
      }
      noisePower += noise[i] * noise[i];
    }
    double gain = Math.sqrt(power / Math.pow(10, snr / 10) / (noisePower / noise.length));
    float[] out = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = (float) Math.max(-1, Math.min(1, x[i] + gain * noise[i]));
    }
    return out;
  }

  private static String label(ChunkClassification classification, float[] samples) {
    Prediction p = classification.classify(samples).predictions().get(0);
    return p.label();
  }

  private static void print(PrintStream out, Map<String, int[]> tallies, String what) {
    int[] total = new int[2];
    for (Map.Entry<String, int[]> e : tallies.entrySet()) {
      line(out, e.getKey(), e.getValue(), what);
      total[0] += e.getValue()[0];
      total[1] += e.getValue()[1];
    }
    line(out, "all", total, what);
  }

  private static void line(PrintStream out, String name, int[] t, String what) {
    out.printf(Locale.ROOT, "  %-22s %4d of %4d %s (%.1f %%)%n", name, t[0], t[1], what, pct(t));
  }

  private static double pct(int[] t) {
    return t[1] == 0 ? 0 : 100.0 * t[0] / t[1];
  }

  /** Every clip, digits first. */
  static List<Clip> clips(AssetCache cache, Path scratch) throws IOException {
    List<Clip> clips = new ArrayList<>();
    Path stamps = cache.fetchTree(RealSounds.TUXPAINT_STAMPS).resolve("usr/share/tuxpaint/stamps");
    Path scid = cache.fetchTree(Catalog.SCID_SOUNDS).resolve("usr/share/scid/sounds");
    Path openarena = scratch.resolve("openarena");
    Path nexuiz = scratch.resolve("nexuiz");
    try (ZipFile pak =
            new ZipFile(
                cache
                    .fetchTree(OPENARENA)
                    .resolve("usr/share/games/openarena/baseoa/pak6-misc.pk3")
                    .toFile());
        ZipFile data =
            new ZipFile(
                cache.fetchTree(NEXUIZ).resolve("usr/share/games/nexuiz/data/data.pk3").toFile())) {
      for (int d = 0; d < DIGITS.length; d++) {
        clips.add(
            new Clip("tuxpaint", DIGITS[d], stamps.resolve("symbols/math/" + d + "_en_GB.ogg")));
        if (d >= 1 && d <= 8) {
          clips.add(new Clip("scid", DIGITS[d], scid.resolve(d + ".wav")));
        }
        if (d >= 1 && d <= 3) {
          clips.add(
              new Clip(
                  "openarena",
                  DIGITS[d],
                  ZipMembers.extract(pak, "sound/feedback/" + DIGITS[d] + ".wav", openarena)));
        }
        if (d >= 1) {
          clips.add(
              new Clip(
                  "nexuiz-robotic",
                  DIGITS[d],
                  ZipMembers.extract(data, "sound/announcer/robotic/" + d + ".ogg", nexuiz)));
        }
      }
      for (String entry : members(pak, "^sound/feedback/[^/]+\\.wav$", true)) {
        clips.add(new Clip("openarena", null, ZipMembers.extract(pak, entry, openarena)));
      }
      for (String entry : members(data, "^sound/announcer/(male|robotic)/[^/]+\\.ogg$", true)) {
        clips.add(new Clip("nexuiz-robotic", null, ZipMembers.extract(data, entry, nexuiz)));
      }
    }
    others(clips, "scid", scid, p -> !p.toString().matches(".*/(alert|move)\\.wav$"), true);
    others(
        clips,
        "tuxpaint",
        stamps.resolve("animals"),
        p -> p.toString().endsWith("_desc.ogg"),
        true);
    Library library = Library.fetch(cache);
    others(clips, "alsa", library.alsa(), p -> true, true);
    others(clips, "freedesktop", library.freedesktop(), p -> true, false);
    others(clips, "librivox", library.librivox(), p -> true, false);
    others(clips, "jfk", library.jfk().getParent(), p -> p.equals(library.jfk()), false);
    others(clips, "ktuberling", library.ktuberling().resolve("en"), p -> true, true);
    others(
        clips, "hedgewars-voices", library.hedgewars().resolve("Sounds/voices"), p -> true, true);
    others(clips, "hedgewars-music", library.hedgewars().resolve("Music"), p -> true, false);
    others(clips, "lmms", library.lmms(), p -> true, false);
    try (ZipFile wz =
        new ZipFile(
            cache
                .fetchTree(Catalog.WARZONE2100_DATA)
                .resolve("usr/share/games/warzone2100/base.wz")
                .toFile())) {
      // Not cmndrvoc: its "digits" say "group one", "group two"...
      for (String entry : members(wz, "^audio/(tutorial|memressp/missmesg)/[^/]+\\.ogg$", false)) {
        clips.add(
            new Clip("warzone", null, ZipMembers.extract(wz, entry, scratch.resolve("warzone"))));
      }
    }
    return clips;
  }

  private static List<String> members(ZipFile zip, String pattern, boolean spoken) {
    Pattern p = Pattern.compile(pattern);
    return zip.stream()
        .map(e -> e.getName())
        .filter(n -> p.matcher(n).find())
        .filter(n -> !(spoken && saysNumber(n)))
        .sorted()
        .toList();
  }

  /**
   * The audio files under {@code folder} as clips without a digit; where the file names are the
   * words spoken ({@code spoken}), those that name a number are left out.
   */
  private static void others(
      List<Clip> clips, String source, Path folder, Predicate<Path> take, boolean spoken)
      throws IOException {
    for (Path file : Library.audioFiles(folder)) {
      if (take.test(file) && !(spoken && saysNumber(file.toString()))) {
        clips.add(new Clip(source, null, file));
      }
    }
  }

  private static boolean saysNumber(String path) {
    return DIGIT_NAME.matcher(Library.stem(Path.of(path)).toLowerCase(Locale.ROOT)).find();
  }
}
