package dev.earshot.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.audio.chunk.AudioLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Earshot's word times against transformers.js's on the same model files and recordings
 * (words/reference.tsv, made by words/make-reference.sh: transformers.js 4.3.1 with its alignment
 * made OpenAI's, not Earshot's code). Both run timing.py's method; they differ in everything around
 * it: transformers.js aligns the rows of its own cached generation, timestamp tokens included,
 * always over a 30 s encoder window (Earshot's short chunks use 20 s), computes the log-mel in
 * JavaScript and does not rescale the cut softmax.
 *
 * <p>Measured on an Intel Xeon (AVX-512): of the 214 boundaries between words (tiny and base on
 * jfk.wav, base on the five LibriVox clips) the median differs by 0.00 s, 90% by at most 0.04 s,
 * the largest by 0.12 s, where a boundary lies in a pause and the attention is flat across it.
 * Bounds: 0.2 s for every boundary (ten encoder positions, well above that 0.12 s, since another
 * processor's int8 kernels move flat boundaries a little) and 0.05 s for a clip's median. What they
 * catch: taking each token's time from the row after the one that predicts it, the mistake
 * transformers.js makes unless corrected, puts tiny's median on jfk.wav at 0.34 s (1.52 s at most);
 * wrong heads, frames not cut to the audio or no DTW miss by seconds.
 *
 * <p>Two boundaries are the methods' own: timing.py's path starts at the window's first position,
 * so the first word starts at the start (unless a heuristic moves it), while transformers.js's
 * leading timestamp token takes the silence before it; and timing.py cuts a sentence's last word to
 * twice the median word length, which transformers.js does not (0.14 s apart at most on these
 * clips, 0.26 s on a LibriVox clip tiny transcribes): the last word's end is held to 0.4 s.
 */
class WordTimestampsTest {

  static final double BOUNDARY = 0.2;
  static final double MEDIAN = 0.05;
  static final double LAST_END = 0.4;

  /** A word as transformers.js timed it. */
  record Reference(String model, String clip, String word, double start, double end) {}

  @Test
  void jfkWordsMatchTheReferenceForTinyAndBase() {
    float[] jfk = Models.jfk();
    // A chunk that starts a minute into its recording: word times move with it as segments do.
    double offset = 60;
    for (String name : List.of("tiny", "base")) {
      WhisperModel model = name.equals("tiny") ? Models.tiny() : Models.base();
      Transcription result =
          new Transcriber(model, DecodingOptions.defaults())
              .transcribe(new AudioWindow(jfk, offset));

      List<Transcription.Word> words = words(result);
      assertThat(words).as(Models.on(name + " words")).hasSize(22);
      assertThat(words.stream().map(w -> plain(w.text())).toList())
          .isEqualTo(Arrays.asList(TranscriberTest.JFK.split(" ")));
      for (Transcription.Segment segment : result.segments()) {
        // The words are the segment's text cut up, punctuation joined on.
        assertThat(String.join("", segment.words().stream().map(Transcription.Word::text).toList()))
            .isEqualTo(segment.text());
      }
      assertAgrees(name, "jfk.wav", words, offset);
      // Measured 0.90 (tiny) and 0.91 (base); a pass in which tokens see the ones after them (the
      // export's cached branch has no causal mask) scored 0.33.
      assertThat(words.stream().mapToDouble(Transcription.Word::probability).average().orElse(0))
          .as(Models.on(name + " mean word probability"))
          .isGreaterThan(0.7);
    }
  }

  @Test
  void libriVoxWordsMatchTheReferenceForBase() throws IOException {
    Path folder = AssetCache.atDefaultLocation().fetchAll(Catalog.LIBRIVOX);
    Transcriber base = new Transcriber(Models.base(), DecodingOptions.defaults());
    for (String id : List.of("0870", "0880", "0890", "0920", "0930")) {
      // 0880 (2.99 s) is a short chunk, encoded in a 20 s window.
      String clip = "sense_and_sensibility_01_austen_64kb-" + id + ".wav";
      float[] samples = AudioLoader.loadMono(folder.resolve(clip), 16000);

      Transcription result = base.transcribe(new AudioWindow(samples, 0));

      assertAgrees("base", clip, words(result), 0);
    }
  }

  @Test
  void withoutWordTimestampsSegmentsHaveNoWordsAndTheSameText() {
    Transcription with =
        new Transcriber(Models.tiny(), DecodingOptions.defaults())
            .transcribe(new AudioWindow(Models.jfk(), 0));
    Transcription without =
        new Transcriber(Models.tiny(), DecodingOptions.defaults().withWordTimestamps(false))
            .transcribe(new AudioWindow(Models.jfk(), 0));

    assertThat(without.segments()).allSatisfy(s -> assertThat(s.words()).isEmpty());
    assertThat(without.text()).isEqualTo(with.text());
  }

  @Test
  void withoutTimestampTokensTheOneSegmentTakesItsWordsBounds() {
    Transcription result =
        new Transcriber(Models.tiny(), DecodingOptions.defaults().withTimestamps(false))
            .transcribe(new AudioWindow(Models.jfk(), 0));

    Transcription.Segment segment = result.segments().get(0);
    assertThat(result.segments()).hasSize(1);
    assertThat(segment.words()).hasSize(22);
    assertThat(segment.end()).isEqualTo(segment.words().get(21).end());
    assertAgrees("tiny", "jfk.wav", segment.words(), 0);
  }

  /** Each word's start and end against the reference, with the bounds the class comment gives. */
  private static void assertAgrees(
      String model, String clip, List<Transcription.Word> words, double offset) {
    List<Reference> reference =
        references().stream()
            .filter(r -> r.model().equals(model) && r.clip().equals(clip))
            .toList();
    assertThat(reference).as("reference words for " + model + " " + clip).isNotEmpty();
    String what = Models.on(model + " on " + clip + ": " + describe(words, offset));
    assertThat(words.stream().map(w -> plain(w.text())).toList())
        .as(what)
        .isEqualTo(reference.stream().map(r -> plain(r.word())).toList());
    List<Double> differences = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      Transcription.Word word = words.get(i);
      Reference expected = reference.get(i);
      double start = word.start() - offset;
      double end = word.end() - offset;
      assertThat(start).as(what).isLessThanOrEqualTo(end);
      if (i == 0) {
        assertThat(start).as(what).isBetween(0.0, expected.start() + 0.02);
      } else {
        assertThat(start).as(what).isCloseTo(expected.start(), within(BOUNDARY));
        differences.add(Math.abs(start - expected.start()));
      }
      if (i == words.size() - 1) {
        assertThat(end).as(what).isCloseTo(expected.end(), within(LAST_END));
      } else {
        assertThat(end).as(what).isCloseTo(expected.end(), within(BOUNDARY));
        differences.add(Math.abs(end - expected.end()));
      }
    }
    double[] sorted = differences.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    assertThat(sorted[sorted.length / 2]).as("median difference, " + what).isLessThan(MEDIAN);
  }

  private static List<Transcription.Word> words(Transcription result) {
    return result.segments().stream().flatMap(s -> s.words().stream()).toList();
  }

  private static String describe(List<Transcription.Word> words, double offset) {
    StringBuilder text = new StringBuilder();
    for (Transcription.Word w : words) {
      text.append(
          String.format(
              Locale.ROOT,
              "%s[%.2f-%.2f] ",
              w.text().strip(),
              w.start() - offset,
              w.end() - offset));
    }
    return text.toString().strip();
  }

  private static String plain(String word) {
    return word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}']", "");
  }

  static List<Reference> references() {
    try {
      Path file =
          Path.of(
              WordTimestampsTest.class
                  .getResource("/dev/earshot/whisper/words/reference.tsv")
                  .toURI());
      List<Reference> references = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t");
        references.add(
            new Reference(f[0], f[1], f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4])));
      }
      return references;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
