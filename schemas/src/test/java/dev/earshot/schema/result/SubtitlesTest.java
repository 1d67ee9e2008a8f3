package dev.earshot.schema.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SubtitlesTest {

  static final String JFK =
      "And so my fellow Americans, ask not what your country can do for you, ask what you can do"
          + " for your country.";

  /** A cue as an independent reader sees it: times in seconds and the lines as written. */
  record Parsed(double start, double end, List<String> lines) {}

  private static final String TIME = "(\\d{2}):([0-5]\\d):([0-5]\\d)[%s](\\d{3})";

  /** A strict SubRip reader: numbered blocks from 1, HH:MM:SS,mmm times, text, a blank line. */
  static List<Parsed> parseSrt(String srt) {
    Pattern block =
        Pattern.compile(
            "(\\d+)\\n"
                + TIME.formatted(",")
                + " --> "
                + TIME.formatted(",")
                + "\\n((?:[^\\n]+\\n)+)\\n");
    return parse(srt, block, 1, true);
  }

  /** A strict WebVTT reader: the header, then blocks of HH:MM:SS.mmm times and text. */
  static List<Parsed> parseVtt(String vtt) {
    assertThat(vtt).startsWith("WEBVTT\n\n");
    Pattern block =
        Pattern.compile(
            TIME.formatted(".") + " --> " + TIME.formatted(".") + "\\n((?:[^\\n]+\\n)+)\\n");
    return parse(vtt.substring("WEBVTT\n\n".length()), block, 0, false);
  }

  private static List<Parsed> parse(String text, Pattern block, int first, boolean numbered) {
    List<Parsed> cues = new ArrayList<>();
    Matcher m = block.matcher(text);
    int at = 0;
    while (at < text.length()) {
      assertThat(m.find(at) && m.start() == at)
          .as("a well-formed cue at offset %d of:%n%s", at, text)
          .isTrue();
      int g = first;
      if (numbered) {
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(cues.size() + 1);
      }
      double start = seconds(m, g + 1);
      double end = seconds(m, g + 5);
      List<String> lines = List.of(m.group(g + 9).split("\\n"));
      assertThat(end).as("cue %d ends after it starts", cues.size() + 1).isGreaterThan(start);
      if (!cues.isEmpty()) {
        assertThat(start)
            .as("cues do not overlap")
            .isGreaterThanOrEqualTo(cues.get(cues.size() - 1).end());
      }
      lines.forEach(l -> assertThat(l).doesNotContain("-->").isNotBlank());
      cues.add(new Parsed(start, end, lines));
      at = m.end();
    }
    return cues;
  }

  private static double seconds(Matcher m, int group) {
    return Integer.parseInt(m.group(group)) * 3600
        + Integer.parseInt(m.group(group + 1)) * 60
        + Integer.parseInt(m.group(group + 2))
        + Integer.parseInt(m.group(group + 3)) / 1000.0;
  }

  static List<Word> words(String text, double start, double secondsPerWord) {
    List<Word> words = new ArrayList<>();
    double t = start;
    for (String w : text.split(" ")) {
      words.add(new Word(t, t + secondsPerWord * 0.8, " " + w, 0.9));
      t += secondsPerWord;
    }
    return words;
  }

  @Test
  void withoutWordTimesEachSegmentIsOneCueOfReadableLinesWithItsOwnTimes() {
    var segments =
        List.of(
            new Segment(0.0, 10.9, JFK),
            new Segment(10.9, 12.0, "Thank you."),
            new Segment(12.0, 12.0, " "));

    String srt = Subtitles.srt(Subtitles.cues(segments, Subtitles.Settings.DEFAULT));
    List<Parsed> cues = parseSrt(srt);

    assertThat(cues).hasSize(2);
    assertThat(cues.get(0).start()).isZero();
    assertThat(cues.get(0).end()).isEqualTo(10.9);
    assertThat(String.join(" ", cues.get(0).lines())).isEqualTo(JFK);
    assertThat(cues.get(0).lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(42));
    assertThat(cues.get(0).lines()).hasSize(3);
    assertThat(cues.get(0).lines().get(0)).as("a break after punctuation").endsWith(",");
    assertThat(cues.get(1).lines()).containsExactly("Thank you.");
  }

  @Test
  void withWordTimesALongSegmentIsCutIntoTwoLineCuesAfterPunctuationTimedByTheirWords() {
    List<Word> words = words(JFK, 0.5, 0.5);
    var segments = List.of(new Segment(0.5, 0.5 + words.size() * 0.5, JFK, words));

    List<Parsed> cues =
        parseVtt(Subtitles.vtt(Subtitles.cues(segments, Subtitles.Settings.DEFAULT)));

    assertThat(cues).hasSizeGreaterThanOrEqualTo(2);
    assertThat(cues)
        .allSatisfy(
            c -> {
              assertThat(c.lines()).hasSizeLessThanOrEqualTo(2);
              c.lines().forEach(l -> assertThat(l.length()).isLessThanOrEqualTo(42));
              assertThat(c.end() - c.start()).isLessThanOrEqualTo(7.0);
            });
    assertThat(String.join(" ", cues.stream().flatMap(c -> c.lines().stream()).toList()))
        .isEqualTo(JFK);
    assertThat(cues.get(0).start()).isEqualTo(0.5);
    assertThat(String.join(" ", cues.get(0).lines())).endsWith(",");
    // The second cue starts with its first word: "ask" is word 5 (0-based), at 0.5 + 5 x 0.5 s.
    assertThat(cues.get(1).lines().get(0)).startsWith("ask not");
    assertThat(cues.get(1).start()).isEqualTo(3.0);
  }

  @Test
  void cuesNeverOverlapOrVanishAndVttTextIsEscaped() {
    var segments =
        List.of(
            new Segment(1.0, 3.0, "if a < b && c > d"),
            new Segment(2.5, 2.5, "--> arrows"),
            new Segment(2.4, 4.0, "late start"));

    List<Parsed> vtt =
        parseVtt(Subtitles.vtt(Subtitles.cues(segments, Subtitles.Settings.DEFAULT)));

    assertThat(vtt.get(0).lines()).containsExactly("if a &lt; b &amp;&amp; c &gt; d");
    assertThat(vtt.get(1).start()).isEqualTo(3.0);
    assertThat(vtt.get(1).end()).isEqualTo(3.2);
    assertThat(vtt.get(2).start()).isEqualTo(3.2);
    assertThat(parseSrt(Subtitles.srt(Subtitles.cues(segments, Subtitles.Settings.DEFAULT))))
        .hasSize(3);
  }

  @Test
  void textWithoutSpacesIsBrokenBetweenCharacters() {
    String chinese = "我们今天要讨论的是如何在流式处理系统中实现实时的语音识别和音频分类功能以及相关的工程问题";
    List<String> lines = Subtitles.wrap(chinese, 20);

    assertThat(lines).hasSize(3);
    assertThat(String.join("", lines)).isEqualTo(chinese);
    assertThat(lines)
        .allSatisfy(l -> assertThat(l.codePointCount(0, l.length())).isLessThanOrEqualTo(20));
  }

  @Test
  void hoursMinutesAndMillisecondsAreWrittenInEachFormatsOwnWay() {
    var cues = List.of(new Subtitles.Cue(3723.4567, 3725.0, List.of("late")));

    assertThat(Subtitles.srt(cues)).isEqualTo("1\n01:02:03,457 --> 01:02:05,000\nlate\n\n");
    assertThat(Subtitles.vtt(cues)).isEqualTo("WEBVTT\n\n01:02:03.457 --> 01:02:05.000\nlate\n\n");
  }
}
