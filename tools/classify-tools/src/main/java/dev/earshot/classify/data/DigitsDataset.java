package dev.earshot.classify.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Plans the {@code digits} dataset: {@code zero}..{@code nine} said by espeak-ng's English voices
 * (every accent, ~80 variants, 110–260 words a minute, the whole pitch range, some clips pitch- or
 * tempo-shifted and reverberated by SoX); {@code unknown}, other English words from the same voices
 * mixed with words that real people say (KTuberling in ~20 languages, Hedgewars voice packs, ALSA,
 * freedesktop and pocketsphinx prompts); {@code silence}, noise of several colours, hum and hiss at
 * low levels and the quietest stretches of real recordings. Clips last 1 to 1.5 s.
 */
final class DigitsDataset {

  static final List<String> LABELS;

  static {
    List<String> labels = new ArrayList<>(Texts.DIGITS);
    labels.add("unknown");
    labels.add("silence");
    LABELS = List.copyOf(labels);
  }

  private static final double MIN_SECONDS = 1.0;
  private static final double MAX_SECONDS = 1.5;

  private final Sources sources;

  DigitsDataset(Sources sources) {
    this.sources = sources;
  }

  List<ClipPlan> plans(int perClass, long seed) throws IOException {
    Random random = new Random(seed);
    List<ClipPlan> plans = new ArrayList<>();
    for (String digit : Texts.DIGITS) {
      for (int i = 0; i < perClass; i++) {
        plans.add(
            espeakWord(digit, digit, String.format(Locale.ROOT, "%s-%04d", digit, i), random));
      }
    }
    plans.addAll(unknown(perClass, random));
    plans.addAll(silence(perClass, random));
    return plans;
  }

  // ---- words

  private ClipPlan espeakWord(String label, String word, String name, Random random) {
    Voice voice =
        new Voice(
            Clips.pick(random, Texts.ENGLISH),
            Clips.pick(random, Texts.VARIANTS),
            110 + random.nextInt(151),
            5 + random.nextInt(91),
            70 + random.nextInt(101),
            0);
    return new ClipPlan(
        label,
        name,
        "espeak",
        "espeak/" + voice.name(),
        voice + " \"" + word + "\"",
        r -> word(voiceEffects(sources.maker, sources.maker.speak(voice, word), r), r));
  }

  /** Pitch, tempo and room through SoX; about a third of the clips keep espeak-ng's own sound. */
  static float[] voiceEffects(SoundMaker maker, float[] speech, Random r) throws IOException {
    List<String> effects = soxVoiceEffects(r);
    return effects.isEmpty() ? speech : maker.process(speech, effects);
  }

  static List<String> soxVoiceEffects(Random r) {
    List<String> effects = new ArrayList<>();
    if (r.nextDouble() < 0.5) {
      effects.add("pitch");
      effects.add(Integer.toString(r.nextInt(801) - 400));
    }
    if (r.nextDouble() < 0.4) {
      effects.add("tempo");
      effects.add("-s");
      effects.add(String.format(Locale.ROOT, "%.2f", Clips.between(r, 0.8, 1.25)));
    }
    if (r.nextDouble() < 0.25) {
      effects.add("reverb");
      effects.add(Integer.toString(10 + r.nextInt(60)));
      effects.add("50");
      effects.add(Integer.toString(20 + r.nextInt(80)));
    }
    return effects;
  }

  /** The spoken part, placed at a random time in a 1–1.5 s clip, recorded some way. */
  private float[] word(float[] speech, Random r) {
    float[] active = Clips.active(speech, 45);
    int length =
        Clips.samples(
            Math.max(
                MIN_SECONDS, Math.min(MAX_SECONDS, active.length / (double) Clips.RATE + 0.1)));
    return sources.recording.sound(Clips.fit(Clips.fade(active, 0.01), length, r), r);
  }

  private List<ClipPlan> unknown(int count, Random random) throws IOException {
    List<ClipPlan> plans = new ArrayList<>();
    List<Path> real = new ArrayList<>();
    List<Path> ktuberling = shuffled(sources.ktuberlingWords(), random);
    List<Path> hedgewars = shuffled(sources.hedgewarsWords(), random);
    List<Path> prompts = new ArrayList<>(sources.alsaWords());
    prompts.addAll(sources.freedesktopWords());
    prompts = shuffled(prompts, random);
    // About 40% real people: enough that a real voice is not a sign of "unknown" by itself.
    int realCount = (int) Math.round(count * 0.4);
    addSome(real, ktuberling, (int) Math.round(realCount * 0.65));
    addSome(real, hedgewars, (int) Math.round(realCount * 0.25));
    addSome(real, prompts, realCount - real.size());
    for (Path file : real) {
      plans.add(realWord(file, plans.size()));
    }
    Path card = sources.library.commands().resolve("cards/001.wav"); // "ten of clubs"
    if (java.nio.file.Files.isRegularFile(card) && plans.size() < count) {
      plans.add(realWord(card, plans.size()));
    }
    List<String> words = shuffled(Texts.OTHER_WORDS, random);
    for (int i = 0; plans.size() < count; i++) {
      String word = words.get(i % words.size());
      plans.add(
          espeakWord(
              "unknown", word, String.format(Locale.ROOT, "unknown-%04d", plans.size()), random));
    }
    return plans;
  }

  private ClipPlan realWord(Path file, int index) {
    Origin origin = Origin.of(sources.library, file);
    return new ClipPlan(
        "unknown",
        String.format(Locale.ROOT, "unknown-%04d", index),
        origin.source(),
        origin.group(),
        origin.file(),
        r -> word(sources.load(file), r));
  }

  // ---- silence

  private List<ClipPlan> silence(int count, Random random) throws IOException {
    List<ClipPlan> plans = new ArrayList<>();
    List<Path> quiet = new ArrayList<>(Library.audioFiles(sources.library.librivox()));
    quiet.add(sources.library.jfk());
    quiet.addAll(Library.audioFiles(sources.library.commands().resolve("cards")));
    quiet.addAll(
        shuffled(sources.ktuberlingWords(), random)
            .subList(0, Math.min(20, sources.ktuberlingWords().size())));
    int realCount = Math.min(quiet.size(), count / 5);
    for (int i = 0; i < realCount; i++) {
      Path file = quiet.get(i);
      Origin origin = Origin.of(sources.library, file);
      plans.add(
          new ClipPlan(
              "silence",
              String.format(Locale.ROOT, "silence-%04d", i),
              origin.source(),
              origin.group(),
              "quietest stretch of " + origin.file(),
              r -> quietest(sources.load(file), r)));
    }
    String[] colours = {"whitenoise", "pinknoise", "brownnoise"};
    for (int i = plans.size(); i < count; i++) {
      String colour = colours[i % colours.length];
      boolean hum = i % 7 == 3;
      plans.add(
          new ClipPlan(
              "silence",
              String.format(Locale.ROOT, "silence-%04d", i),
              "sox-noise",
              "sox/" + (hum ? "hum" : colour),
              hum ? "mains hum under " + colour : colour,
              r -> noise(colour, hum, r)));
    }
    return plans;
  }

  /**
   * Low noise of a colour, filtered to a random band, -78 to -42 dBFS; sometimes with mains hum.
   */
  private float[] noise(String colour, boolean hum, Random r) throws IOException {
    double seconds = Clips.between(r, MIN_SECONDS, MAX_SECONDS);
    List<String> args = new ArrayList<>(List.of("synth", fmt(seconds), colour));
    if (r.nextDouble() < 0.5) {
      args.addAll(List.of("lowpass", Integer.toString(500 + r.nextInt(6000))));
    }
    if (r.nextDouble() < 0.3) {
      args.addAll(List.of("highpass", Integer.toString(50 + r.nextInt(400))));
    }
    float[] x = Clips.level(sources.maker.generate(1, args), Clips.between(r, -78, -42), 0.5);
    if (hum) {
      int mains = r.nextBoolean() ? 50 : 60;
      float[] tone =
          sources.maker.generate(
              3,
              List.of(
                  "synth",
                  fmt(seconds),
                  "sine",
                  "" + mains,
                  "sine",
                  "" + 2 * mains,
                  "sine",
                  "" + 3 * mains));
      Clips.mixInto(x, Clips.level(tone, Clips.between(r, -70, -45), 0.5), 0, 1.0);
    }
    return sources.recording.quiet(x, r);
  }

  /**
   * The quietest 1 s of a recording (between words or before them), looped if the file is short,
   * and brought to -80 to -45 dBFS if it is louder: room tone and microphone hiss.
   */
  private float[] quietest(float[] x, Random r) {
    int window = Clips.samples(MIN_SECONDS);
    float[] piece;
    if (x.length <= window) {
      piece = x;
    } else {
      int step = Clips.RATE / 50;
      int best = 0;
      double bestEnergy = Double.MAX_VALUE;
      int probe = Math.min(window, Clips.RATE / 4);
      for (int at = 0; at + probe <= x.length; at += step) {
        double e = 0;
        for (int i = at; i < at + probe; i++) {
          e += x[i] * x[i];
        }
        if (e < bestEnergy) {
          bestEnergy = e;
          best = at;
        }
      }
      piece = java.util.Arrays.copyOfRange(x, best, best + probe);
    }
    float[] looped = Clips.loop(Clips.fade(piece, 0.01), window, 0);
    double rmsDb = 20 * Math.log10(Math.max(Clips.rms(looped), 1e-9));
    double target = Clips.between(r, -80, -45);
    float[] y = rmsDb > target ? Clips.scale(looped, Math.pow(10, (target - rmsDb) / 20)) : looped;
    return sources.recording.quiet(y, r);
  }

  // ---- helpers

  static String fmt(double seconds) {
    return String.format(Locale.ROOT, "%.3f", seconds);
  }

  static <T> List<T> shuffled(List<T> items, Random random) {
    List<T> copy = new ArrayList<>(items);
    Collections.shuffle(copy, random);
    return copy;
  }

  private static <T> void addSome(List<T> into, List<T> from, int n) {
    into.addAll(from.subList(0, Math.max(0, Math.min(n, from.size()))));
  }
}
