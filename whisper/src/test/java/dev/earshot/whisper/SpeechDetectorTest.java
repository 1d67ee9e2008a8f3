package dev.earshot.whisper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SpeechDetectorTest {

  private final SpeechDetector detector = SpeechDetectorTestSupport.detector();

  @Test
  void realSpeechIsFound() {
    assertThat(detector.speechSeconds(Models.jfk())).isGreaterThan(7.0);
  }

  @Test
  void synthesisedSpeechIsFound() {
    assertThat(detector.hasSpeech(Models.resource("speech/german.wav"))).isTrue();
  }

  @Test
  void silenceAndNoiseHoldNoSpeech() {
    Random random = new Random(3);
    float[] noise = new float[16000 * 10];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (float) (random.nextGaussian() * 0.1);
    }

    assertThat(detector.hasSpeech(new float[16000 * 10])).isFalse();
    assertThat(detector.hasSpeech(noise)).isFalse();
  }

  @Test
  void probabilitiesComeOnePer32MsFrame() {
    assertThat(detector.frameProbabilities(new float[16000])).hasSize(31);
  }
}
