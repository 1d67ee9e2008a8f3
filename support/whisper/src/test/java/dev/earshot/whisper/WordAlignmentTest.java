package dev.earshot.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pieces of timing.py's method on inputs small enough to work out by hand; the expected values
 * below were computed on paper from timing.py's definitions, not by running this code.
 */
class WordAlignmentTest {

  @Test
  void theMedianFilterReflectsAtTheEdgesWithoutRepeatingThem() {
    double[] x = {5, 1, 4, 2, 3, 9, 0, 7};

    // Width 3 pads to [1, 5 ... 7, 0]: the windows' medians by hand.
    assertThat(WordAlignment.medianFilter(x, 3)).containsExactly(1, 4, 2, 3, 3, 3, 7, 0);
    // Width 7 pads to [2, 4, 1, 5 ... 7, 0, 9, 3].
    assertThat(WordAlignment.medianFilter(x, 7)).containsExactly(2, 3, 3, 3, 3, 3, 3, 3);
    // Too short to reflect: left as it is, as timing.py does.
    assertThat(WordAlignment.medianFilter(new double[] {3, 1, 2}, 7)).containsExactly(3, 1, 2);
  }

  @Test
  void dynamicTimeWarpingFollowsTheCheapestMonotonicPath() {
    // Token 0 is cheap over frames 0-1, token 1 over frames 2-3.
    double[][] cost = {{0, 0, 9, 9}, {9, 9, 0, 0}};

    int[][] path = WordAlignment.dtw(cost);

    assertThat(path[0]).containsExactly(0, 0, 1, 1);
    assertThat(path[1]).containsExactly(0, 1, 2, 3);
  }

  @Test
  void aTokenStartsWhereThePathFirstReachesItsRow() {
    // One head; rows: <|startoftranscript|>, <|notimestamps|>, two text tokens, <|endoftext|>,
    // over 20 positions. The row predicting the first text token attends to positions 0-7, the
    // one predicting the second to 8-13, the last text token's (predicting the end) to 14-19.
    float[][][] weights = new float[1][5][20];
    fill(weights[0][0], 0, 20);
    fill(weights[0][1], 0, 8);
    fill(weights[0][2], 8, 14);
    fill(weights[0][3], 14, 20);
    fill(weights[0][4], 14, 20);

    double[] starts = WordAlignment.tokenStartTimes(weights, 1);

    assertThat(starts).hasSize(3);
    assertThat(starts[0]).isZero();
    assertThat(starts[1]).isCloseTo(8 * 0.02, within(1e-9));
    assertThat(starts[2]).isCloseTo(14 * 0.02, within(1e-9));
  }

  private static void fill(float[] row, int from, int to) {
    Arrays.fill(row, 0.001f);
    Arrays.fill(row, from, to, 1f / (to - from));
  }

  @Test
  void wordsSplitAtSpacesAndPunctuationAndKeepTheirTokens() {
    Tokenizer tokenizer = Models.tiny().tokenizer();
    List<Integer> tokens = ids(tokenizer.encode(" Hello, world! Mr. Dashwood"));

    List<WordAlignment.WordTokens> words = WordAlignment.splitToWordTokens(tokenizer, tokens, "en");

    assertThat(words.stream().map(WordAlignment.WordTokens::word))
        .containsExactly(" Hello", ",", " world", "!", " Mr", ".", " Dashwood");
    assertThat(words.stream().mapToInt(w -> w.tokens().size()).sum()).isEqualTo(tokens.size());
    // " Dashwood" is more than one token, and still one word.
    assertThat(words.get(6).tokens().size()).isGreaterThan(1);
  }

  @Test
  void languagesWithoutSpacesSplitWhereTokensMakeWholeCharacters() {
    Tokenizer tokenizer = Models.tiny().tokenizer();
    String text = "鬱蒼とした薔薇の庭。";
    List<Integer> tokens = ids(tokenizer.encode(text));

    List<WordAlignment.WordTokens> words = WordAlignment.splitToWordTokens(tokenizer, tokens, "ja");

    assertThat(String.join("", words.stream().map(WordAlignment.WordTokens::word).toList()))
        .isEqualTo(text);
    assertThat(words).allSatisfy(w -> assertThat(w.word()).doesNotContain("\uFFFD").isNotEmpty());
    // Byte-level BPE cuts some of these characters across tokens: fewer pieces than tokens.
    assertThat(words.size()).isLessThan(tokens.size());
  }

  @Test
  void punctuationJoinsItsWordAndKeepsThatWordsTimes() {
    List<WordAlignment.Timing> words =
        timings(
            new Object[][] {
              {" He", 0.0, 0.2},
              {" said", 0.2, 0.5},
              {" \"", 0.5, 0.6},
              {"hi", 0.6, 0.9},
              {"\"", 0.9, 1.0},
              {".", 1.0, 1.5}
            });

    WordAlignment.mergePunctuations(words, WordAlignment.PREPENDED, WordAlignment.APPENDED);

    assertThat(words.stream().map(w -> w.word))
        .containsExactly(" He", " said", "", " \"hi\".", "", "");
    assertThat(words.get(3).start).isEqualTo(0.6);
    assertThat(words.get(3).end).isEqualTo(0.9);
    assertThat(words.get(3).tokens).hasSize(4);
  }

  @Test
  void aSentenceEndIsCutAndPunctuationMergedBeforeWordsGoToTheirSegments() {
    // Median word 0.4 s, so nothing may run past 0.8 s at a sentence end: the full stop's 2 s
    // shrink. The segment takes its first word's start and its last word's end.
    List<WordAlignment.Timing> words =
        timings(
            new Object[][] {
              {" One", 0.0, 0.4},
              {" two", 0.4, 0.8},
              {" three", 0.8, 1.2},
              {".", 1.2, 3.2},
              {" Four", 3.2, 3.6}
            });
    List<WordAlignment.Span> spans =
        List.of(new WordAlignment.Span(0.0, 4.0, " One two three. Four", 5));

    List<Transcription.Segment> segments = WordAlignment.addWordTimestamps(spans, words, 10);

    Transcription.Segment segment = segments.get(0);
    assertThat(segment.start()).isCloseTo(10.0, within(1e-9));
    assertThat(segment.end()).isCloseTo(13.6, within(1e-9));
    assertThat(segment.words().stream().map(Transcription.Word::text))
        .containsExactly(" One", " two", " three.", " Four");
    assertThat(segment.words().get(2).start()).isCloseTo(10.8, within(1e-9));
    assertThat(segment.words().get(2).end()).isCloseTo(11.2, within(1e-9));
    assertThat(segment.words().get(3).start()).isCloseTo(13.2, within(1e-9));
  }

  @Test
  void aLongFirstWordAfterSilenceIsCutToTwiceTheMedian() {
    // Median 0.3 s: the first word ends 3 s in, more than four medians after the chunk's start,
    // and is longer than 0.6 s, so it starts 0.6 s before its end; the segment follows it.
    List<WordAlignment.Timing> words =
        timings(
            new Object[][] {
              {" Well", 0.0, 3.0}, {" then", 3.0, 3.3}, {" go", 3.3, 3.6}, {" now", 3.6, 3.9}
            });
    List<WordAlignment.Span> spans =
        List.of(new WordAlignment.Span(0.0, 4.0, " Well then go now", 4));

    Transcription.Segment segment = WordAlignment.addWordTimestamps(spans, words, 0).get(0);

    assertThat(segment.words().get(0).start()).isCloseTo(2.4, within(1e-9));
    assertThat(segment.start()).isCloseTo(2.4, within(1e-9));
    assertThat(segment.end()).isCloseTo(3.9, within(1e-9));
  }

  @Test
  void wordsAreDealtToSegmentsByTheirTokens() {
    List<WordAlignment.Timing> words =
        timings(new Object[][] {{" a", 0.0, 0.5}, {" b", 0.5, 1.0}, {" c", 2.0, 2.5}});
    List<WordAlignment.Span> spans =
        List.of(
            new WordAlignment.Span(0.0, 1.0, " a b", 2),
            new WordAlignment.Span(1.0, 1.0, " ", 0),
            new WordAlignment.Span(2.0, 2.5, " c", 1));

    List<Transcription.Segment> segments = WordAlignment.addWordTimestamps(spans, words, 5);

    assertThat(segments.get(0).words())
        .extracting(Transcription.Word::text)
        .containsExactly(" a", " b");
    assertThat(segments.get(1).words()).isEmpty();
    assertThat(segments.get(2).words()).extracting(Transcription.Word::text).containsExactly(" c");
    assertThat(segments.get(2).words().get(0).start()).isCloseTo(7.0, within(1e-9));
  }

  private static List<WordAlignment.Timing> timings(Object[][] words) {
    List<WordAlignment.Timing> timings = new ArrayList<>();
    int token = 100;
    for (Object[] w : words) {
      timings.add(
          new WordAlignment.Timing(
              (String) w[0], List.of(token++), (double) w[1], (double) w[2], 0.9));
    }
    return timings;
  }

  private static List<Integer> ids(int[] tokens) {
    return Arrays.stream(tokens).boxed().toList();
  }
}
