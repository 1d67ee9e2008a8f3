package dev.earshot.classify.data;

import dev.earshot.audio.decode.AudioDecoder;
import dev.earshot.audio.decode.PcmStream;
import dev.earshot.audio.dsp.Downmix;
import dev.earshot.audio.dsp.Resampler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real recordings of a {@link Library} sorted into what the datasets need (words, voices,
 * effects, music), decoded to 16 kHz mono with the audio module and kept in memory once read; plus
 * the synthesiser and the recording conditions every clip goes through.
 */
final class Sources {

  /** Longest stretch decoded from one file: music tracks are cut from their first 100 s. */
  static final double MAX_SECONDS = 100;

  /** Hedgewars voice files that are grunts, coughs or laughs rather than words. */
  private static final Set<String> NOT_WORDS =
      Set.of(
          "laugh",
          "poisoncough",
          "poisonmoan",
          "hmm",
          "ooff1",
          "ooff2",
          "ooff3",
          "ow1",
          "ow2",
          "ow3",
          "ow4",
          "jump1",
          "jump2",
          "jump3",
          "firepunch1",
          "firepunch2",
          "firepunch3",
          "firepunch4",
          "firepunch5",
          "firepunch6");

  /**
   * Names that are, or sound like, a digit; ktuberling's words are objects, so none is expected,
   * but a new version could add some.
   */
  static final Set<String> DIGIT_LIKE =
      Set.of(
          "zero", "oh", "one", "won", "two", "to", "too", "three", "four", "for", "fore", "five",
          "six", "seven", "eight", "ate", "nine");

  final Library library;
  final SoundMaker maker;
  final Recording recording = new Recording();
  private final Map<Path, float[]> decoded = new ConcurrentHashMap<>();
  private final Map<Path, Boolean> readable = new ConcurrentHashMap<>();

  Sources(Library library, SoundMaker maker) {
    this.library = library;
    this.maker = maker;
  }

  /** The file as 16 kHz mono, at most {@link #MAX_SECONDS}; a copy the caller may change. */
  float[] load(Path file) throws IOException {
    try {
      return decoded.computeIfAbsent(file, Sources::decodeUnchecked).clone();
    } catch (UncheckedIOException e) {
      throw new IOException("cannot read " + file + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  /**
   * The files the audio module can decode, in order: a few LMMS samples are Ogg Vorbis inside a WAV
   * header (format tag 0x674F), which it does not read.
   */
  List<Path> readable(List<Path> files) {
    return files.stream().filter(f -> readable.computeIfAbsent(f, Sources::canDecode)).toList();
  }

  private static boolean canDecode(Path file) {
    try (PcmStream in = AudioDecoder.open(file)) {
      return in.read(new float[1024 * in.info().channels()], 0, 1024 * in.info().channels()) > 0;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Words spoken by real people, one folder per language (ktuberling); no Opus, no repeats. */
  List<Path> ktuberlingWords() throws IOException {
    List<Path> words = new ArrayList<>();
    for (Path file : readable(Library.audioFiles(library.ktuberling()))) {
      String language = file.getParent().getFileName().toString();
      if (!language.contains("@") && !isDigitLike(Library.stem(file))) {
        words.add(file);
      }
    }
    return words;
  }

  /** Short acted words and phrases of the Hedgewars voice packs, grunts and laughs left out. */
  List<Path> hedgewarsWords() throws IOException {
    List<Path> words = new ArrayList<>();
    for (Path file : readable(Library.audioFiles(library.hedgewars().resolve("Sounds/voices")))) {
      String stem = Library.stem(file).toLowerCase(Locale.ROOT);
      // "Thisoneismine" says "one" (in the English packs).
      if (!NOT_WORDS.contains(stem) && !isDigitLike(stem) && !stem.contains("one")) {
        words.add(file);
      }
    }
    return words;
  }

  /**
   * Hedgewars game sound effects; the voice packs and the nine single instrument notes left out.
   */
  List<Path> hedgewarsEffects() throws IOException {
    List<Path> effects = new ArrayList<>();
    for (Path file : readable(Library.audioFiles(library.hedgewars().resolve("Sounds")))) {
      boolean voice = !file.getParent().getFileName().toString().equals("Sounds");
      boolean note = Library.stem(file).matches("[1-9][A-G]");
      if (!voice && !note) {
        effects.add(file);
      }
    }
    return effects;
  }

  List<Path> hedgewarsMusic() throws IOException {
    return readable(Library.audioFiles(library.hedgewars().resolve("Music")));
  }

  /** LMMS samples in the given sub-folders, e.g. {@code instruments}, {@code drums}. */
  List<Path> lmms(String... folders) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String folder : folders) {
      files.addAll(Library.audioFiles(library.lmms().resolve(folder)));
    }
    return readable(files);
  }

  /** The freedesktop event sounds, without the nine spoken channel names. */
  List<Path> freedesktopEffects() throws IOException {
    return readable(
        Library.audioFiles(library.freedesktop()).stream()
            .filter(f -> !f.getFileName().toString().startsWith("audio-channel-"))
            .toList());
  }

  /** The freedesktop sounds that speak a channel name ("front left"). */
  List<Path> freedesktopWords() throws IOException {
    return readable(
        Library.audioFiles(library.freedesktop()).stream()
            .filter(f -> f.getFileName().toString().startsWith("audio-channel-"))
            .toList());
  }

  /** ALSA's spoken speaker positions ("Front Center"), without its noise burst. */
  List<Path> alsaWords() throws IOException {
    return readable(
        Library.audioFiles(library.alsa()).stream()
            .filter(f -> !f.getFileName().toString().startsWith("Noise"))
            .toList());
  }

  static boolean isDigitLike(String stem) {
    for (String part : stem.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
      if (DIGIT_LIKE.contains(part)) {
        return true;
      }
    }
    return false;
  }

  private static float[] decodeUnchecked(Path file) {
    try {
      return decode(file, MAX_SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes, down-mixes and resamples the first {@code maxSeconds} of a file. */
  static float[] decode(Path file, double maxSeconds) throws IOException {
    try (PcmStream in = AudioDecoder.open(file)) {
      int channels = in.info().channels();
      int rate = in.info().sampleRate();
      long maxFrames = (long) (maxSeconds * rate);
      Resampler resampler = new Resampler(rate, Clips.RATE);
      float[][] out = {new float[Clips.samples(Math.min(maxSeconds, 10))]};
      int[] size = {0};
      float[] buffer = new float[4096 * channels];
      float[] mono = new float[4096];
      long frames = 0;
      int n;
      while (frames < maxFrames && (n = in.read(buffer, 0, buffer.length)) >= 0) {
        int count = (int) Math.min(n / channels, maxFrames - frames);
        Downmix.toMono(buffer, 0, count, channels, mono, 0);
        frames += count;
        resampler.process(
            mono,
            0,
            count,
            (samples, offset, length) -> {
              if (size[0] + length > out[0].length) {
                out[0] = Arrays.copyOf(out[0], Math.max(size[0] + length, out[0].length * 2));
              }
              System.arraycopy(samples, offset, out[0], size[0], length);
              size[0] += length;
            });
      }
      resampler.finish(
          (samples, offset, length) -> {
            if (size[0] + length > out[0].length) {
              out[0] = Arrays.copyOf(out[0], size[0] + length);
            }
            System.arraycopy(samples, offset, out[0], size[0], length);
            size[0] += length;
          });
      return Arrays.copyOf(out[0], size[0]);
    }
  }
}
