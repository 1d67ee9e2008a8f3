package dev.earshot.whisper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpeechDetectorTest {

  private final SpeechDetector detector = SpeechDetectorTestSupport.detector();

  /**
   * Measured 7.168 s (214 of 343 frames) on x86-64 with AVX-512, on SSE4 only and on arm64 NEON
   * alike: the float model's kernels move no frame across the threshold here. A detector that lost
   * its state between frames or read the wrong rate finds far less, or all 11 s.
   */
  @Test
  void realSpeechIsFound() {
    assertThat(detector.speechSeconds(Models.jfk()))
        .as(Models.on("seconds of speech in JFK's 11 s"))
        .isGreaterThan(7.0)
        .isLessThan(10.0);
  }

  @Test
  void synthesisedSpeechIsFound() {
    assertThat(detector.hasSpeech(Models.resource("speech/german.wav"))).isTrue();
  }

  @Test
  void silenceAndNoiseHoldNoSpeech() {
    float[] noise = Models.whiteNoise(3);

    assertThat(detector.hasSpeech(new float[16000 * 10])).isFalse();
    assertThat(detector.hasSpeech(noise)).isFalse();
    assertThat(detector.judge(noise)).isEqualTo(SpeechDetector.Verdict.SILENCE);
  }

  @Test
  void aWordCutShortByTheWindowsEdgeIsDoubtfulNotSilence() {
    float[] jfk = Models.jfk();
    float[] probabilities = detector.frameProbabilities(jfk);
    int first = 0;
    while (probabilities[first] < 0.5) {
      first++;
    }
    // Four frames (128 ms) into the first word: shorter than the 0.25 s a speech segment needs.
    float[] cut = java.util.Arrays.copyOf(jfk, (first + 4) * 512);

    assertThat(detector.hasSpeech(cut)).isFalse();
    assertThat(detector.judge(cut)).isEqualTo(SpeechDetector.Verdict.DOUBTFUL);
    assertThat(detector.judge(jfk)).isEqualTo(SpeechDetector.Verdict.SPEECH);
    assertThat(detector.judge(new float[16000 * 10])).isEqualTo(SpeechDetector.Verdict.SILENCE);
  }

  @Test
  void probabilitiesComeOnePer32MsFrame() {
    assertThat(detector.frameProbabilities(new float[16000])).hasSize(31);
  }
}
