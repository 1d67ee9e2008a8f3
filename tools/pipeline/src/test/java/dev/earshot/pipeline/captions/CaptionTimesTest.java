package dev.earshot.pipeline.captions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.schema.result.Caption;
import dev.earshot.schema.result.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionTimesTest {

  private static final long START = 5_000_000_000L;

  private static CaptionFollower.Arrived at(
      double seconds, int sequence, String committed, String partial, boolean last) {
    return new CaptionFollower.Arrived(
        new Caption("r", sequence, committed, partial, 0, seconds, last, "m", "t"),
        START + (long) (seconds * 1e9));
  }

  @Test
  void aWordIsFirstShownByTheFirstPartialThatHasItWhereverLaterPartialsMoveIt() {
    var spoken =
        List.of(
            new CaptionTimes.Spoken("ask", 1.0),
            new CaptionTimes.Spoken("not", 1.5),
            new CaptionTimes.Spoken("what", 2.0),
            new CaptionTimes.Spoken("your", 2.5));
    var captions =
        List.of(
            at(2.0, 0, "", "Ask not.", false),
            // A partial that loses "not" for a moment does not make it new again.
            at(3.0, 1, "Ask", "what your", false),
            at(4.0, 2, "not what,", "your", false),
            at(5.0, 3, "your", "", true));

    var delays = CaptionTimes.delays(captions, START, spoken);

    assertThat(delays)
        .extracting(CaptionTimes.Delay::word)
        .containsExactly("ask", "not", "what", "your");
    // "ask": spoken at 1.0, shown at 2.0, committed at 3.0.
    assertThat(delays.get(0).firstShownMs()).isCloseTo(1000, within(1.0));
    assertThat(delays.get(0).committedMs()).isCloseTo(2000, within(1.0));
    // "not": shown at 2.0 (first partial), committed at 4.0.
    assertThat(delays.get(1).firstShownMs()).isCloseTo(500, within(1.0));
    assertThat(delays.get(1).committedMs()).isCloseTo(2500, within(1.0));
    // "what": first in the second partial.
    assertThat(delays.get(2).firstShownMs()).isCloseTo(1000, within(1.0));
    assertThat(delays.get(3).committedMs()).isCloseTo(2500, within(1.0));
  }

  @Test
  void committedWordsTheWholeTranscriptDoesNotHaveAreLeftOut() {
    var spoken =
        List.of(new CaptionTimes.Spoken("young", 1.0), new CaptionTimes.Spoken("man", 1.4));
    var captions = List.of(at(3.0, 0, "a young woman man", "", true));

    assertThat(CaptionTimes.delays(captions, START, spoken))
        .extracting(CaptionTimes.Delay::word)
        .containsExactly("young", "man");
  }

  @Test
  void wordsEndWhereTheirLettersEndInTheirSegment() {
    var words =
        CaptionTimes.spoken(List.of(new Segment(10.0, 14.0, " He was not an ill-disposed man.")));

    // 2 + 3 + 3 + 2 + 11 + 3 = 24 letters over 4 s.
    assertThat(words)
        .extracting(CaptionTimes.Spoken::key)
        .containsExactly("he", "was", "not", "an", "illdisposed", "man");
    assertThat(words.get(0).end()).isCloseTo(10.0 + 4.0 * 2 / 24, within(1e-9));
    assertThat(words.get(5).end()).isCloseTo(14.0, within(1e-9));
  }

  @Test
  void percentilesAreNearestRank() {
    var values = List.of(5.0, 1.0, 3.0, 2.0, 4.0, 6.0, 7.0, 8.0, 9.0, 10.0);

    assertThat(CaptionTimes.percentile(values, 50)).isEqualTo(5.0);
    assertThat(CaptionTimes.percentile(values, 95)).isEqualTo(10.0);
    assertThat(CaptionTimes.percentile(List.of(), 50)).isNaN();
  }
}
