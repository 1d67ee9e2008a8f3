package dev.earshot.classify.data;

import static dev.earshot.classify.data.DigitsDataset.fmt;
import static dev.earshot.classify.data.DigitsDataset.shuffled;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Plans the {@code sound-type} dataset, clips of 2 to 5 s. {@code speech}: real people (LibriVox,
 * JFK, pocketsphinx, ALSA and freedesktop prompts, KTuberling words and Hedgewars voice lines
 * joined into phrases) and espeak-ng sentences in 19 languages. {@code music}: pieces of the
 * Hedgewars tracks, LMMS loops, melodies played on LMMS samples over LMMS drums, SoX chords and
 * arpeggios. {@code other}: real event sounds (freedesktop, LMMS effects, Hedgewars effects, ALSA
 * noise), once or a few times at irregular gaps, and SoX noises, alarms, sirens, clicks and tones.
 */
final class SoundTypeDataset {

  static final List<String> LABELS = List.of("music", "other", "speech");

  private static final String[] TIMBRES = {
    "sine", "square", "triangle", "sawtooth", "pluck", "trapezium"
  };
  private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
  private static final int[] MINOR = {0, 2, 3, 5, 7, 8, 10};
  private static final int[][] CHORDS = {
    {0, 4, 7}, {0, 3, 7}, {0, 4, 7, 11}, {0, 3, 7, 10}, {0, 5, 7}
  };

  private final Sources sources;
  private final RealSounds real;

  SoundTypeDataset(Sources sources, RealSounds real) {
    this.sources = sources;
    this.real = real;
  }

  /**
   * {@code perClass} clips of each class from the {@link Library} and synthesis, then {@link
   * #perSource(int)} clips of each of the {@link RealSounds}.
   */
  List<ClipPlan> plans(int perClass, long seed) throws IOException {
    Random random = new Random(seed);
    List<ClipPlan> plans = new ArrayList<>();
    plans.addAll(speech(perClass, random));
    plans.addAll(music(perClass, random));
    plans.addAll(other(perClass, random));
    plans.addAll(real(perSource(perClass), random));
    return plans;
  }

  /** Clips per real source: a seventh of a class, so no one source outweighs the rest. */
  static int perSource(int perClass) {
    return Math.max(4, perClass / 7);
  }

  // ---- more real sources, the same number of clips from each

  private List<ClipPlan> real(int perSource, Random random) {
    List<ClipPlan> plans = new ArrayList<>();
    for (Map.Entry<RealSounds.Source, List<RealSounds.File>> entry : real.files().entrySet()) {
      RealSounds.Source source = entry.getKey();
      List<RealSounds.File> files = shuffled(entry.getValue(), random);
      Map<String, List<RealSounds.File>> voices = new LinkedHashMap<>();
      for (RealSounds.File f : files) {
        voices.computeIfAbsent(f.group(), g -> new ArrayList<>()).add(f);
      }
      List<String> voiceNames = new ArrayList<>(voices.keySet());
      for (int i = 0; i < perSource; i++) {
        String name = String.format(Locale.ROOT, "%s-%s-%04d", source.label(), source.name(), i);
        RealSounds.File file = files.get(i % files.size());
        ClipPlan plan =
            switch (source.kind()) {
              case WORDS -> {
                // One to three lines of one voice, with short pauses between.
                List<RealSounds.File> ofVoice =
                    shuffled(voices.get(voiceNames.get(i % voiceNames.size())), random);
                List<RealSounds.File> chosen =
                    ofVoice.subList(0, Math.min(ofVoice.size(), 1 + random.nextInt(3)));
                yield new ClipPlan(
                    source.label(),
                    name,
                    source.name(),
                    chosen.get(0).group(),
                    String.join(" + ", chosen.stream().map(RealSounds.File::relative).toList()),
                    r -> {
                      List<float[]> parts = new ArrayList<>();
                      double[] gaps = new double[chosen.size()];
                      for (int k = 0; k < chosen.size(); k++) {
                        parts.add(
                            Clips.level(
                                Clips.active(sources.load(chosen.get(k).path()), 45), -20, 0.9));
                        gaps[k] = Clips.between(r, 0.08, 0.45);
                      }
                      return finish(Clips.join(parts, gaps), r);
                    });
              }
              case TRACKS -> {
                double start = Clips.between(random, 2, Sources.MAX_SECONDS - 6);
                yield new ClipPlan(
                    source.label(),
                    name,
                    source.name(),
                    file.group(),
                    file.relative() + " near " + fmt(start) + " s",
                    r -> {
                      float[] x = sources.load(file.path());
                      int from =
                          Math.min(Clips.samples(start), Math.max(0, x.length - Clips.samples(5)));
                      return finish(
                          Arrays.copyOfRange(x, from, Math.min(x.length, from + Clips.samples(5))),
                          r);
                    });
              }
              case EVENTS -> {
                // Each sound once as it is; then again, a few semitones off.
                double semitones = i < files.size() ? 0 : random.nextInt(7) - 3;
                yield new ClipPlan(
                    source.label(),
                    name,
                    source.name(),
                    file.group(),
                    file.relative() + (semitones == 0 ? "" : " transposed " + (int) semitones),
                    r ->
                        finish(event(Clips.transpose(sources.load(file.path()), semitones), r), r));
              }
            };
        plans.add(plan);
      }
    }
    return plans;
  }

  private static double clipSeconds(Random r) {
    return Clips.between(r, 2.0, 5.0);
  }

  /** Cuts to 2–5 s, fades the ends and records it some way. */
  private float[] finish(float[] x, Random r) {
    float[] piece = Clips.fit(x, Math.min(x.length, Clips.samples(clipSeconds(r))), r);
    return sources.recording.sound(Clips.fade(piece, 0.02), r);
  }

  private static String name(String label, int index) {
    return String.format(Locale.ROOT, "%s-%04d", label, index);
  }

  // ---- speech

  private List<ClipPlan> speech(int count, Random random) throws IOException {
    List<ClipPlan> plans = new ArrayList<>();
    List<Path> read = new ArrayList<>(Library.audioFiles(sources.library.librivox()));
    read.add(sources.library.jfk());
    // Pieces of 2–5 s of each read recording, taken from the files in turn.
    List<List<ClipPlan>> pieces = new ArrayList<>();
    for (Path file : read) {
      float[] x = sources.load(file);
      Origin origin = Origin.of(sources.library, file);
      List<ClipPlan> ofFile = new ArrayList<>();
      int at = 0;
      while (x.length - at >= Clips.samples(1.5)) {
        int length = Math.min(x.length - at, Clips.samples(clipSeconds(random)));
        int from = at;
        ofFile.add(
            new ClipPlan(
                "speech",
                "placeholder",
                origin.source(),
                origin.group(),
                origin.file() + " from " + fmt(from / (double) Clips.RATE) + " s",
                r -> finish(Arrays.copyOfRange(sources.load(file), from, from + length), r)));
        at += length;
      }
      pieces.add(ofFile);
    }
    int readCount = (int) Math.round(count * 0.2);
    for (int round = 0; plans.size() < readCount && round < 100; round++) {
      for (List<ClipPlan> ofFile : pieces) {
        if (round < ofFile.size() && plans.size() < readCount) {
          ClipPlan p = ofFile.get(round);
          plans.add(
              new ClipPlan(
                  p.label(),
                  name("speech", plans.size()),
                  p.source(),
                  p.group(),
                  p.detail(),
                  p.renderer()));
        }
      }
    }
    List<Path> cards = Library.audioFiles(sources.library.commands().resolve("cards"));
    int cardCount = Math.max(1, (int) Math.round(count * 0.02));
    for (Path file : cards.subList(0, Math.min(cards.size(), cardCount))) {
      Origin origin = Origin.of(sources.library, file);
      plans.add(
          new ClipPlan(
              "speech",
              name("speech", plans.size()),
              origin.source(),
              origin.group(),
              origin.file(),
              r -> finish(sources.load(file), r)));
    }
    int prompts = Math.max(1, (int) Math.round(count * 0.01));
    addPhrases(plans, sources.alsaWords(), prompts, "alsa/voice", random);
    addPhrases(plans, sources.freedesktopWords(), prompts, "freedesktop/voice", random);
    Map<String, List<Path>> languages = byGroup(sources.ktuberlingWords());
    addGroupedPhrases(plans, languages, (int) Math.round(count * 0.3), random);
    Map<String, List<Path>> packs = byGroup(sources.hedgewarsWords());
    addGroupedPhrases(plans, packs, (int) Math.round(count * 0.18), random);
    List<String> keys = new ArrayList<>(Texts.SENTENCES.keySet());
    keys.sort(null);
    while (plans.size() < count) {
      // Half English, the rest spread over the other languages.
      String key = random.nextBoolean() ? "en" : Clips.pick(random, keys);
      String language = key.equals("en") ? Clips.pick(random, Texts.ENGLISH) : key;
      String sentence = Clips.pick(random, Texts.SENTENCES.get(key));
      Voice voice =
          new Voice(
              language,
              Clips.pick(random, Texts.VARIANTS),
              120 + random.nextInt(101),
              15 + random.nextInt(71),
              80 + random.nextInt(81),
              random.nextInt(8));
      plans.add(
          new ClipPlan(
              "speech",
              name("speech", plans.size()),
              "espeak",
              "espeak/" + voice.name(),
              voice + " \"" + sentence + "\"",
              r ->
                  finish(
                      DigitsDataset.voiceEffects(
                          sources.maker, Clips.active(sources.maker.speak(voice, sentence), 50), r),
                      r)));
    }
    return plans.subList(0, count);
  }

  /** Clips of 2–4 words of one speaker with short pauses between. */
  private void addPhrases(
      List<ClipPlan> plans, List<Path> words, int n, String group, Random random) {
    if (words.isEmpty()) {
      return;
    }
    Origin origin = Origin.of(sources.library, words.get(0));
    for (int i = 0; i < n; i++) {
      List<Path> chosen =
          shuffled(words, random).subList(0, Math.min(words.size(), 2 + random.nextInt(3)));
      plans.add(phrase(plans.size(), origin.source(), group, chosen));
    }
  }

  private void addGroupedPhrases(
      List<ClipPlan> plans, Map<String, List<Path>> groups, int n, Random random) {
    List<String> names = new ArrayList<>(groups.keySet());
    for (int i = 0; i < n && !names.isEmpty(); i++) {
      String group = names.get(i % names.size());
      List<Path> words = groups.get(group);
      List<Path> chosen =
          shuffled(words, random).subList(0, Math.min(words.size(), 2 + random.nextInt(3)));
      plans.add(
          phrase(plans.size(), Origin.of(sources.library, words.get(0)).source(), group, chosen));
    }
  }

  private ClipPlan phrase(int index, String source, String group, List<Path> words) {
    String detail =
        String.join(" + ", words.stream().map(w -> Origin.of(sources.library, w).file()).toList());
    return new ClipPlan(
        "speech",
        name("speech", index),
        source,
        group,
        detail,
        r -> {
          List<float[]> parts = new ArrayList<>();
          double[] gaps = new double[words.size()];
          for (int i = 0; i < words.size(); i++) {
            parts.add(Clips.level(Clips.active(sources.load(words.get(i)), 45), -20, 0.9));
            gaps[i] = Clips.between(r, 0.08, 0.45);
          }
          return finish(Clips.join(parts, gaps), r);
        });
  }

  private Map<String, List<Path>> byGroup(List<Path> files) {
    Map<String, List<Path>> groups = new LinkedHashMap<>();
    for (Path file : files) {
      groups
          .computeIfAbsent(Origin.of(sources.library, file).group(), g -> new ArrayList<>())
          .add(file);
    }
    return groups;
  }

  // ---- music

  private List<ClipPlan> music(int count, Random random) throws IOException {
    List<ClipPlan> plans = new ArrayList<>();
    List<Path> tracks = sources.hedgewarsMusic();
    int pieces = (int) Math.round(count * 0.3);
    for (int i = 0; i < pieces && !tracks.isEmpty(); i++) {
      Path track = tracks.get(i % tracks.size());
      Origin origin = Origin.of(sources.library, track);
      double start = Clips.between(random, 4, Sources.MAX_SECONDS - 6);
      plans.add(
          new ClipPlan(
              "music",
              name("music", plans.size()),
              origin.source(),
              origin.group(),
              origin.file() + " near " + fmt(start) + " s",
              r -> {
                float[] x = sources.load(track);
                int from = Math.min(Clips.samples(start), Math.max(0, x.length - Clips.samples(5)));
                return finish(
                    Arrays.copyOfRange(x, from, Math.min(x.length, from + Clips.samples(5))), r);
              }));
    }
    List<Path> loops = new ArrayList<>();
    // Loops are phrases of music; a single note or pad, even repeated, is not (the instruments
    // play melodies below instead).
    for (Path file : sources.lmms("beats", "bassloops", "latin")) {
      loops.add(file);
    }
    int loopCount = (int) Math.round(count * 0.25);
    for (int i = 0; i < loopCount && !loops.isEmpty(); i++) {
      Path file = loops.get(i % loops.size());
      Origin origin = Origin.of(sources.library, file);
      double semitones = i < loops.size() ? 0 : random.nextInt(9) - 4;
      plans.add(
          new ClipPlan(
              "music",
              name("music", plans.size()),
              origin.source(),
              origin.group(),
              origin.file() + " transposed " + (int) semitones,
              r -> {
                float[] x = Clips.transpose(Clips.active(sources.load(file), 60), semitones);
                return finish(Clips.loop(x, Clips.samples(5), 0), r);
              }));
    }
    List<Path> instruments = new ArrayList<>(sources.lmms("instruments", "basses"));
    instruments.removeIf(
        f -> Library.stem(f).contains("organ") || Library.stem(f).contains("accord"));
    List<Path> kicks = filter(sources.lmms("drums"), "kick", "bassdrum");
    List<Path> snares = filter(sources.lmms("drums"), "snare", "clap");
    List<Path> hats = filter(sources.lmms("drums"), "hihat", "ride", "shaker");
    int sequences = (int) Math.round(count * 0.25);
    for (int i = 0; i < sequences && !instruments.isEmpty(); i++) {
      Path instrument = instruments.get(i % instruments.size());
      boolean drums =
          random.nextDouble() < 0.6 && !kicks.isEmpty() && !snares.isEmpty() && !hats.isEmpty();
      List<Path> kit =
          drums
              ? List.of(
                  Clips.pick(random, kicks), Clips.pick(random, snares), Clips.pick(random, hats))
              : List.of();
      Origin origin = Origin.of(sources.library, instrument);
      plans.add(
          new ClipPlan(
              "music",
              name("music", plans.size()),
              "lmms-sequence",
              origin.group(),
              "melody on " + origin.file() + (drums ? " with drums" : ""),
              r -> finish(sequence(instrument, kit, r), r)));
    }
    while (plans.size() < count) {
      boolean chords = plans.size() % 2 == 0;
      String timbre = TIMBRES[plans.size() % TIMBRES.length];
      plans.add(
          new ClipPlan(
              "music",
              name("music", plans.size()),
              "sox-music",
              "sox/" + (chords ? "chords-" : "arpeggio-") + timbre,
              (chords ? "chord progression on " : "arpeggio on ") + timbre,
              r -> finish(chords ? soxChords(timbre, r) : soxArpeggio(timbre, r), r)));
    }
    return plans;
  }

  /** A melody in a major or minor scale on a sampled instrument, maybe over a drum pattern. */
  private float[] sequence(Path instrument, List<Path> kit, Random r) throws IOException {
    float[] note = Clips.active(sources.load(instrument), 50);
    double beat = 60.0 / (80 + r.nextInt(81));
    double step = r.nextBoolean() ? beat / 2 : beat;
    int[] scale = r.nextBoolean() ? MAJOR : MINOR;
    int root = r.nextInt(7) - 5;
    int length = Clips.samples(5.5);
    float[] out = new float[length];
    int degree = r.nextInt(scale.length);
    for (double t = 0; Clips.samples(t) < length; t += step * (r.nextDouble() < 0.2 ? 2 : 1)) {
      degree = Math.floorMod(degree + r.nextInt(5) - 2, scale.length * 2);
      int semitones = root + scale[degree % scale.length] + 12 * (degree / scale.length) - 6;
      float[] tone = Clips.transpose(note, semitones);
      int keep = Math.min(tone.length, Clips.samples(step * (1 + r.nextInt(2))));
      Clips.mixInto(out, Clips.fade(Arrays.copyOf(tone, keep), 0.005), Clips.samples(t), 0.6);
    }
    if (!kit.isEmpty()) {
      float[] kick = sources.load(kit.get(0));
      float[] snare = sources.load(kit.get(1));
      float[] hat = sources.load(kit.get(2));
      int beatIndex = 0;
      for (double t = 0; Clips.samples(t) < length; t += beat / 2, beatIndex++) {
        int at = Clips.samples(t);
        Clips.mixInto(out, hat, at, 0.25);
        if (beatIndex % 4 == 0) {
          Clips.mixInto(out, kick, at, 0.6);
        } else if (beatIndex % 4 == 2) {
          Clips.mixInto(out, snare, at, 0.45);
        }
      }
    }
    return out;
  }

  private float[] soxChords(String timbre, Random r) throws IOException {
    int root = 48 + r.nextInt(12);
    int[] steps = r.nextBoolean() ? new int[] {0, 5, 7, 0} : new int[] {0, 9, 5, 7};
    double each = Clips.between(r, 0.6, 1.4);
    List<String> args = new ArrayList<>();
    int voices = 4;
    for (int c = 0; c < steps.length; c++) {
      int[] chord = CHORDS[r.nextInt(CHORDS.length)];
      if (c > 0) {
        args.add(":");
      }
      args.addAll(List.of("synth", fmt(each)));
      for (int v = 0; v < voices; v++) {
        args.add(timbre);
        args.add(fmt(hz(root + steps[c] + chord[v % chord.length] + (v >= chord.length ? 12 : 0))));
      }
      args.addAll(List.of("fade", "q", "0.02", fmt(each), fmt(each * 0.3)));
    }
    return sources.maker.process(sources.maker.generate(voices, args), musicEffects(r));
  }

  private float[] soxArpeggio(String timbre, Random r) throws IOException {
    int root = 52 + r.nextInt(12);
    int[] chord = CHORDS[r.nextInt(CHORDS.length)];
    double step = Clips.between(r, 0.1, 0.3);
    List<String> args = new ArrayList<>();
    int notes = (int) Math.ceil(5.5 / step);
    for (int i = 0; i < notes; i++) {
      if (i > 0) {
        args.add(":");
      }
      int k = i % (chord.length * 2 - 2);
      int index = k < chord.length ? k : chord.length * 2 - 2 - k;
      int octave = (i / 8) % 2 == 0 ? 0 : 12;
      args.addAll(List.of("synth", fmt(step), timbre, fmt(hz(root + chord[index] + octave))));
      args.addAll(List.of("fade", "q", "0.005", fmt(step), fmt(step * 0.5)));
    }
    return sources.maker.process(sources.maker.generate(1, args), musicEffects(r));
  }

  private static List<String> musicEffects(Random r) {
    List<String> effects = new ArrayList<>(List.of("vol", "0.3"));
    if (r.nextDouble() < 0.5) {
      effects.addAll(List.of("reverb", Integer.toString(20 + r.nextInt(70))));
    }
    if (r.nextDouble() < 0.3) {
      effects.addAll(List.of("chorus", "0.7", "0.9", "55", "0.4", "0.25", "2", "-t"));
    }
    if (r.nextDouble() < 0.2) {
      effects.addAll(List.of("overdrive", Integer.toString(5 + r.nextInt(20))));
    }
    if (r.nextDouble() < 0.2) {
      effects.addAll(List.of("tremolo", fmt(Clips.between(r, 2, 8)), "40"));
    }
    return effects;
  }

  private static double hz(int midi) {
    return 440.0 * Math.pow(2, (midi - 69) / 12.0);
  }

  private static List<Path> filter(List<Path> files, String... words) {
    return files.stream()
        .filter(f -> Arrays.stream(words).anyMatch(w -> Library.stem(f).contains(w)))
        .toList();
  }

  // ---- other

  private List<ClipPlan> other(int count, Random random) throws IOException {
    List<Path> real = new ArrayList<>(sources.freedesktopEffects());
    real.addAll(sources.lmms("effects", "misc"));
    real.addAll(filter(sources.lmms("drums"), "clap", "zap", "wood", "shaker"));
    real.addAll(sources.hedgewarsEffects());
    Path noise = sources.library.alsa().resolve("Noise.wav");
    if (Files.isRegularFile(noise)) {
      real.add(noise);
    }
    real = shuffled(real, random);
    List<ClipPlan> plans = new ArrayList<>();
    // Each real sound once as it is; then again, a few semitones off, up to 65% of the clips.
    int realCount = real.isEmpty() ? 0 : (int) Math.round(count * 0.65);
    for (int i = 0; i < realCount; i++) {
      Path file = real.get(i % real.size());
      double semitones = i < real.size() ? 0 : random.nextInt(7) - 3;
      Origin origin = Origin.of(sources.library, file);
      plans.add(
          new ClipPlan(
              "other",
              name("other", plans.size()),
              origin.source(),
              origin.group(),
              origin.file() + (semitones == 0 ? "" : " transposed " + (int) semitones),
              r -> finish(event(Clips.transpose(sources.load(file), semitones), r), r)));
    }
    String[] kinds = {"noise", "alarm", "siren", "clicks", "dtmf", "hum"};
    for (int i = 0; plans.size() < count; i++) {
      String kind = kinds[i % kinds.length];
      plans.add(
          new ClipPlan(
              "other",
              name("other", plans.size()),
              "sox-other",
              "sox/" + kind,
              kind,
              r -> finish(soxOther(kind, r), r)));
    }
    return plans;
  }

  /**
   * An event once, or two to four times at irregular gaps, in a stretch of quiet; or, one time in
   * four, the sound alone, as a chunk of just a click or a bell arrives (words come as short clips
   * too, so shortness must not mean speech).
   */
  private static float[] event(float[] x, Random r) {
    float[] sound = Clips.active(x, 60);
    if (r.nextDouble() < 0.25) {
      return sound;
    }
    int length = Math.max(sound.length, Clips.samples(clipSeconds(r)));
    float[] out = new float[length];
    int times = r.nextDouble() < 0.6 ? 1 : 2 + r.nextInt(3);
    for (int k = 0; k < times; k++) {
      int at = times == 1 ? r.nextInt(length - sound.length + 1) : r.nextInt(length);
      Clips.mixInto(out, sound, at, k == 0 ? 1.0 : Clips.between(r, 0.4, 1.0));
    }
    return out;
  }

  private float[] soxOther(String kind, Random r) throws IOException {
    double seconds = 5.5;
    String len = fmt(seconds);
    switch (kind) {
      case "noise" -> {
        String colour = Clips.pick(r, List.of("whitenoise", "pinknoise", "brownnoise"));
        List<String> args = new ArrayList<>(List.of("synth", len, colour));
        if (r.nextBoolean()) {
          args.addAll(List.of("bandpass", Integer.toString(200 + r.nextInt(3000)), "1.5q"));
        }
        args.addAll(
            List.of(
                "tremolo", fmt(Clips.between(r, 0.1, 1.5)), Integer.toString(30 + r.nextInt(60))));
        return sources.maker.generate(1, args);
      }
      case "alarm" -> {
        String type = Clips.pick(r, List.of("sine", "square", "triangle"));
        double on = Clips.between(r, 0.05, 0.5);
        float[] beep =
            sources.maker.generate(
                1,
                List.of(
                    "synth",
                    fmt(on),
                    type,
                    fmt(Clips.between(r, 400, 3500)),
                    "fade",
                    "0.005",
                    fmt(on),
                    "0.005"));
        return Clips.loop(beep, Clips.samples(seconds), Clips.between(r, 0.05, 0.8));
      }
      case "siren" -> {
        int low = 300 + r.nextInt(600);
        int high = low + 300 + r.nextInt(1200);
        double sweep = Clips.between(r, 0.3, 2.0);
        float[] up =
            sources.maker.generate(
                1,
                List.of(
                    "synth", fmt(sweep), r.nextBoolean() ? "sine" : "square", low + "-" + high));
        float[] down =
            sources.maker.generate(1, List.of("synth", fmt(sweep), "sine", high + "-" + low));
        float[] cycle = Clips.join(List.of(up, down), new double[] {0, 0});
        return Clips.loop(cycle, Clips.samples(seconds), 0);
      }
      case "clicks" -> {
        float[] click =
            sources.maker.generate(
                1,
                List.of(
                    "synth",
                    "0.004",
                    "whitenoise",
                    "highpass",
                    Integer.toString(500 + r.nextInt(3000))));
        float[] out = new float[Clips.samples(seconds)];
        double mean = Clips.between(r, 0.05, 0.5);
        for (double t = r.nextDouble() * mean;
            Clips.samples(t) < out.length;
            t += mean * Clips.between(r, 0.3, 1.7)) {
          Clips.mixInto(out, click, Clips.samples(t), Clips.between(r, 0.3, 1.0));
        }
        return out;
      }
      case "dtmf" -> {
        int[] rows = {697, 770, 852, 941};
        int[] cols = {1209, 1336, 1477};
        List<float[]> tones = new ArrayList<>();
        double[] gaps = new double[8];
        for (int k = 0; k < 8; k++) {
          tones.add(
              sources.maker.generate(
                  2,
                  List.of(
                      "synth",
                      fmt(Clips.between(r, 0.08, 0.25)),
                      "sine",
                      "" + rows[r.nextInt(4)],
                      "sine",
                      "" + cols[r.nextInt(3)])));
          gaps[k] = Clips.between(r, 0.06, 0.5);
        }
        return Clips.join(tones, gaps);
      }
      default -> {
        int mains = r.nextBoolean() ? 50 : 60;
        return sources.maker.generate(
            4,
            List.of(
                "synth",
                len,
                "sine",
                "" + mains,
                "sine",
                "" + 2 * mains,
                "sawtooth",
                "" + 3 * mains,
                "brownnoise",
                "vol",
                "0.5"));
      }
    }
  }
}
