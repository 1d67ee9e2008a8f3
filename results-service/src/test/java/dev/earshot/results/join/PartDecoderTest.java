package dev.earshot.results.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.results.TestParts;
import dev.earshot.schema.Transcript;
import dev.earshot.schema.TranscriptSegment;
import dev.earshot.schema.TranscriptWord;
import dev.earshot.schema.result.Segment;
import dev.earshot.schema.result.Word;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartDecoderTest {

  @Test
  void aTranscriptsWordsReachTheResultWithTheirTimes() {
    Transcript transcript =
        Transcript.newBuilder(TestParts.transcript("rec", 0, 10.0, 2.0, " Hello world.", "v1"))
            .setSegments(
                List.of(
                    new TranscriptSegment(
                        10.0,
                        11.5,
                        " Hello world.",
                        List.of(
                            new TranscriptWord(10.0, 10.6, " Hello", 0.9f),
                            new TranscriptWord(10.6, 11.5, " world.", 0.8f)))))
            .build();

    List<Segment> segments = PartDecoder.transcript(transcript).segments();

    // Words keep Whisper's leading space: subtitles put text back together from them, and
    // languages without spaces between words have none to strip. The decoding figures are the
    // chunk's (TestParts: avg log-probability -0.2, no-speech 0.01, temperature 0).
    assertThat(segments)
        .containsExactly(
            new Segment(
                10.0,
                11.5,
                "Hello world.",
                List.of(
                    new Word(10.0, 10.6, " Hello", 0.9f), new Word(10.6, 11.5, " world.", 0.8f)),
                (double) -0.2f,
                (double) 0.01f,
                null,
                0.0));
  }
}
