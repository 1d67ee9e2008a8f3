package dev.earshot.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whisper-tiny on JFK's 11 s, which every processor measured so far transcribes word for word
 * (README, "Reproducibility"): its tokens win by wide margins (mean log-probability -0.32), so
 * kernel noise does not flip them, while a decoding bug does. Failures name the processor.
 */
class TranscriberTest {

  static final String JFK =
      "and so my fellow americans ask not what your country can do for you ask what you can do for"
          + " your country";

  private static String plain(String text) {
    return text.toLowerCase().replaceAll("[^\\p{L}\\p{N}' ]", "").replaceAll("\\s+", " ").strip();
  }

  private final Transcriber transcriber =
      new Transcriber(Models.tiny(), DecodingOptions.defaults());

  @Test
  void jfkIsTranscribedExactlyByWhisperTiny() {
    Transcription result = transcriber.transcribe(new AudioWindow(Models.jfk(), 0));

    assertThat(plain(result.text())).as(Models.on("the text")).isEqualTo(JFK);
    assertThat(result.language()).isEqualTo("en");
    // Measured 0.87 to 0.88 and 0.18 to 0.19: the bounds sit far from both.
    assertThat(result.languageProbability()).as(Models.on("p(en)")).isGreaterThan(0.5);
    assertThat(result.silent()).isFalse();
    assertThat(result.noSpeechProbability()).as(Models.on("p(no speech)")).isLessThan(0.5);
    assertThat(result.segments()).isNotEmpty();
    assertThat(result.segments().get(0).start()).isCloseTo(0.0, within(0.5));
    assertThat(result.segments().get(result.segments().size() - 1).end())
        .isCloseTo(11.0, within(0.6));
  }

  @Test
  void anInitialPromptGoesBeforeTheAudioAndLeavesTheNoSpeechReadingWhereItWas() {
    Transcription plainRun = transcriber.transcribe(new AudioWindow(Models.jfk(), 0));
    var prompted =
        new Transcriber(
            Models.tiny(),
            DecodingOptions.defaults()
                .withInitialPrompt("President Kennedy's inaugural address, January 1961."));

    Transcription result = prompted.transcribe(new AudioWindow(Models.jfk(), 0));

    System.out.printf(
        "JFK with a prompt: %s (avg log-p %.4f, p(no speech) %.4f); without: avg log-p %.4f,"
            + " p(no speech) %.4f%n",
        result.text(),
        result.avgLogProbability(),
        result.noSpeechProbability(),
        plainRun.avgLogProbability(),
        plainRun.noSpeechProbability());
    assertThat(plain(result.text())).as(Models.on("the text")).isEqualTo(JFK);
    // The prompt reached the decoder: the same tokens are scored differently after it.
    assertThat(result.avgLogProbability()).isNotEqualTo(plainRun.avgLogProbability());
    // Read after <|startoftranscript|>, not after <|startofprev|>: speech stays speech.
    assertThat(result.noSpeechProbability()).as(Models.on("p(no speech)")).isLessThan(0.5);
  }

  @Test
  void withoutTimestampsTheTextIsTheSameInOneSegment() {
    // Without word times too: with them the segment takes its words' bounds (WordTimestampsTest).
    var noTimestamps =
        new Transcriber(
            Models.tiny(),
            DecodingOptions.defaults().withTimestamps(false).withWordTimestamps(false));

    Transcription result = noTimestamps.transcribe(new AudioWindow(Models.jfk(), 0));

    assertThat(plain(result.text())).as(Models.on("the text")).isEqualTo(JFK);
    assertThat(result.segments())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.start()).isZero();
              assertThat(s.end()).isCloseTo(11.0, within(1e-9));
            });
  }

  @Test
  void beamSearchFindsTheSameText() {
    var beam = new Transcriber(Models.tiny(), DecodingOptions.defaults().withBeamSize(5));

    assertThat(plain(beam.transcribe(new AudioWindow(Models.jfk(), 0)).text()))
        .as(Models.on("the text"))
        .isEqualTo(JFK);
  }

  @Test
  void theNoSpeechRuleAloneTurnsDigitalSilenceIntoNoText() {
    // Without the speech detector, OpenAI's rule decides: high no-speech probability and
    // unsure tokens. Two temperatures keep the test short.
    var reference =
        new Transcriber(Models.tiny(), DecodingOptions.defaults().withTemperatures(0.0, 1.0));

    Transcription result = reference.transcribe(new AudioWindow(new float[16000 * 10], 0));

    // Measured 0.93; silence that scored below OpenAI's 0.6 threshold would come out as text.
    assertThat(result.noSpeechProbability()).as(Models.on("p(no speech)")).isGreaterThan(0.6);
    assertThat(result.text()).isEmpty();
    assertThat(result.silent()).isTrue();
  }

  @Test
  void withTheSpeechDetectorSilenceAndWhiteNoiseGiveNoText() {
    float[] noise = Models.whiteNoise(42);
    var gated =
        new Transcriber(
            Models.tiny(), DecodingOptions.defaults(), SpeechDetectorTestSupport.detector());

    List<Transcription> results =
        gated.transcribe(
            List.of(
                new AudioWindow(new float[16000 * 10], 0),
                new AudioWindow(noise, 10),
                new AudioWindow(Models.jfk(), 20)));

    assertThat(results.get(0).text()).isEmpty();
    assertThat(results.get(0).silent()).isTrue();
    assertThat(results.get(1).text()).isEmpty();
    assertThat(results.get(1).silent()).isTrue();
    assertThat(plain(results.get(2).text())).isEqualTo(JFK);
    assertThat(results.get(2).segments().get(0).start()).isGreaterThanOrEqualTo(20.0);
  }

  @Test
  void aShortClipTheDetectorFindsSilentIsLeftToWhispersNoSpeechJudgement() {
    float[] noise = Models.whiteNoise(7);
    float[] second = Arrays.copyOf(noise, 16000);
    float[] blip = Arrays.copyOf(noise, 1600);
    var detector = SpeechDetectorTestSupport.detector();
    assertThat(detector.judge(second)).isEqualTo(SpeechDetector.Verdict.SILENCE);
    var doubting = new Transcriber(Models.tiny(), DecodingOptions.defaults(), detector);
    var trusting =
        new Transcriber(
            Models.tiny(),
            DecodingOptions.defaults()
                .withGuards(new Guards(false, 6, 8, 3.0, 1, true, 20, false, List.of(), 0.5, "en")),
            detector);

    List<Transcription> doubted =
        doubting.transcribe(
            List.of(
                new AudioWindow(second, 0), new AudioWindow(blip, 1), new AudioWindow(noise, 2)));
    Transcription trusted = trusting.transcribe(new AudioWindow(second, 0));

    // The 1 s clip went through Whisper, which found no speech in it either.
    assertThat(doubted.get(0).timings().decoderMs()).isPositive();
    assertThat(doubted.get(0).silent()).isTrue();
    assertThat(doubted.get(0).text()).isEmpty();
    // Shorter than the detector's minimum speech (0.25 s), or long enough for it to be trusted.
    assertThat(doubted.get(1).timings().decoderMs()).isZero();
    assertThat(doubted.get(2).timings().decoderMs()).isZero();
    assertThat(trusted.timings().decoderMs()).isZero();
    assertThat(trusted.silent()).isTrue();
  }

  @Test
  void aWindowLongerThanThirtySecondsIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> transcriber.transcribe(new AudioWindow(new float[16000 * 31], 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("31.000 s");
  }

  @Test
  void timestampsOfAClipCutInTwoAreTimesInTheWholeRecording() {
    float[] jfk = Models.jfk();
    // "...Americans, | ask not..." has a pause near 3.4 s.
    int cut = quietestSample(jfk, 3 * 16000, 4 * 16000);
    float[] first = Arrays.copyOfRange(jfk, 0, cut);
    float[] second = Arrays.copyOfRange(jfk, cut, jfk.length);
    double offset = cut / 16000.0;

    List<Transcription> parts =
        transcriber.transcribe(List.of(new AudioWindow(first, 0), new AudioWindow(second, offset)));

    Transcription a = parts.get(0);
    Transcription b = parts.get(1);
    // Each half is heard without the other's context, so words may change (measured: 2 of 22);
    // the times matter here. A half that was lost would cost at least its 5 words.
    assertThat(WordErrorRate.count(JFK, plain(a.text() + " " + b.text())).edits())
        .as(Models.on("word errors in '" + a.text() + " | " + b.text() + "'"))
        .isLessThanOrEqualTo(4);
    assertThat(a.segments()).allSatisfy(s -> assertThat(s.end()).isLessThanOrEqualTo(offset));
    assertThat(b.segments())
        .allSatisfy(
            s -> {
              assertThat(s.start()).isGreaterThanOrEqualTo(offset);
              assertThat(s.end()).isLessThanOrEqualTo(11.0 + 1e-9);
            });
    // The second part's last segment ends where the whole recording's last segment ends.
    Transcription whole = transcriber.transcribe(new AudioWindow(jfk, 0));
    double wholeEnd = whole.segments().get(whole.segments().size() - 1).end();
    double partEnd = b.segments().get(b.segments().size() - 1).end();
    assertThat(partEnd).isCloseTo(wholeEnd, within(0.5));
    assertThat(b.segments().get(0).start()).isCloseTo(offset, within(1.0));
  }

  /**
   * The int8 encoder quantises a whole batch with one scale, so results may shift slightly with the
   * company a window keeps: clear speech (JFK) comes out the same; the LibriVox clip, which tiny
   * mishears near a tie ("not a little sparse young man"), may change a word or two, but a batch
   * that gave a window another's text would change all of them.
   */
  @Test
  void aBatchGivesTheSameTextsAsOneWindowAtATime() throws Exception {
    float[] jfk = Models.jfk();
    float[] libri =
        dev.earshot.audio.chunk.AudioLoader.loadMono(
            dev.earshot.assets.AssetCache.atDefaultLocation()
                .fetchAll(dev.earshot.assets.Catalog.LIBRIVOX)
                .resolve("sense_and_sensibility_01_austen_64kb-0880.wav"),
            16000);
    List<AudioWindow> windows = List.of(new AudioWindow(jfk, 0), new AudioWindow(libri, 11));

    List<Transcription> batch = transcriber.transcribe(windows);

    assertThat(batch.get(0).text())
        .as(Models.on("JFK in a batch"))
        .isEqualTo(transcriber.transcribe(windows.get(0)).text());
    String alone = transcriber.transcribe(windows.get(1)).text();
    assertThat(WordErrorRate.count(plain(alone), plain(batch.get(1).text())).edits())
        .as(
            Models.on(
                "words changed by the batch: '"
                    + batch.get(1).text()
                    + "' against '"
                    + alone
                    + "'"))
        .isLessThanOrEqualTo(2);
    assertThat(batch.get(0).timings().encoderMs()).isPositive();
    assertThat(batch.get(0).timings().realTimeFactor()).isPositive();
  }

  private static int quietestSample(float[] x, int from, int to) {
    int best = from;
    double bestEnergy = Double.MAX_VALUE;
    for (int i = from; i + 800 < to; i += 160) {
      double e = 0;
      for (int j = i; j < i + 800; j++) {
        e += x[j] * x[j];
      }
      if (e < bestEnergy) {
        bestEnergy = e;
        best = i + 400;
      }
    }
    return best;
  }
}
