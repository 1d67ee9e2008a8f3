package dev.earshot.whisper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The key/value cache must give the decoder exactly what a full pass over the prefix gives. */
class DecoderSessionTest {

  private static final int[] PROMPT = {50258, 50259, 50359, 50363, 400, 370};
  private static WhisperModel model;
  private static EncodedAudio audio;

  @BeforeAll
  static void encodeJfk() {
    model = Models.tiny();
    audio = model.encode(model.logMel().compute(Models.jfk()), 1);
  }

  @Test
  void cachedPassesAgreeWithEachOtherAndWithOneFullPass() {
    float[] full;
    try (DecoderSession session = model.decoder(audio, 0)) {
      float[][] all = session.prefill(PROMPT);
      full = all[all.length - 1];
    }
    float[] stepped;
    float[] fed;
    try (DecoderSession session = model.decoder(audio, 0)) {
      session.prefill(new int[] {PROMPT[0]});
      session.feed(new int[][] {{PROMPT[1], PROMPT[2], PROMPT[3]}});
      session.step(new int[] {PROMPT[4]});
      stepped = session.step(new int[] {PROMPT[5]})[0];
      assertThat(session.length()).isEqualTo(PROMPT.length);
    }
    try (DecoderSession session = model.decoder(audio, 0)) {
      session.prefill(new int[] {PROMPT[0], PROMPT[1]});
      fed = session.feed(new int[][] {{PROMPT[2], PROMPT[3], PROMPT[4], PROMPT[5]}})[0];
    }

    // Multi-token passes quantise longer activation tensors with one scale, so the three agree
    // closely, not exactly.
    assertClose(stepped, fed, 0.9);
    assertClose(stepped, full, 0.9);
    assertThat(Numerics.argmax(wrongHistory()))
        .as("a wrong history predicts something else")
        .isNotEqualTo(Numerics.argmax(stepped));
  }

  /** The same pass with another word in the history: what a broken cache would look like. */
  private static float[] wrongHistory() {
    try (DecoderSession session = model.decoder(audio, 0)) {
      int[] other = PROMPT.clone();
      other[4] = 1029;
      float[][] all = session.prefill(other);
      return all[all.length - 1];
    }
  }

  @Test
  void expandedAndReorderedRowsContinueTheirSourceRows() {
    try (DecoderSession single = model.decoder(audio, 0);
        DecoderSession rows = model.decoder(audio, 0)) {
      single.prefill(PROMPT);
      rows.prefill(PROMPT);
      rows.select(new int[] {0, 0, 0});
      float[][] afterExpand = rows.step(new int[] {290, 1029, 290});
      float[] expected = single.step(new int[] {290})[0];
      assertClose(afterExpand[0], expected, 0.99);
      assertClose(afterExpand[2], expected, 0.99);

      // Row 1 took another token; moving it to the front must carry its cache with it.
      rows.select(new int[] {1, 0});
      float[][] reordered = rows.step(new int[] {13, 13});
      try (DecoderSession other = model.decoder(audio, 0)) {
        other.prefill(PROMPT);
        other.step(new int[] {1029});
        assertClose(reordered[0], other.step(new int[] {13})[0], 0.99);
      }
      assertClose(reordered[1], single.step(new int[] {13})[0], 0.99);
      assertThat(rows.rows()).isEqualTo(2);
    }
  }

  /**
   * The int8 model quantises activations with scales taken from each call's data, so passes differ
   * slightly; they must still predict the same next token and mostly the same runners-up.
   */
  private static void assertClose(float[] actual, float[] expected, double minCorrelation) {
    assertThat(actual).hasSameSizeAs(expected);
    assertThat(Numerics.argmax(actual)).isEqualTo(Numerics.argmax(expected));
    long shared = top(actual, 5).stream().filter(top(expected, 5)::contains).count();
    assertThat(shared).as("tokens shared by the top five").isGreaterThanOrEqualTo(4);
    assertThat(correlation(actual, expected)).isGreaterThan(minCorrelation);
  }

  private static java.util.List<Integer> top(float[] logits, int k) {
    return java.util.stream.IntStream.range(0, logits.length)
        .boxed()
        .sorted((x, y) -> Float.compare(logits[y], logits[x]))
        .limit(k)
        .toList();
  }

  private static double correlation(float[] a, float[] b) {
    double meanA = 0;
    double meanB = 0;
    for (int i = 0; i < a.length; i++) {
      meanA += a[i];
      meanB += b[i];
    }
    meanA /= a.length;
    meanB /= b.length;
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      ab += (a[i] - meanA) * (b[i] - meanB);
      aa += (a[i] - meanA) * (a[i] - meanA);
      bb += (b[i] - meanB) * (b[i] - meanB);
    }
    return ab / Math.sqrt(aa * bb);
  }
}
