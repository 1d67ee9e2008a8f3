package dev.earshot.classify.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.audio.Signals;
import dev.earshot.classify.TestAudio;
import dev.earshot.whisper.WhisperModel;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WhisperEmbeddingTest {

  private static final WhisperModel model = TestAudio.tiny();
  private static final Path alsa = TestAudio.alsa();

  @Test
  void speechClipsLieCloserToEachOtherThanToNoiseOrATone() throws Exception {
    WhisperEmbedding embedding = new WhisperEmbedding(model);
    float[] left = embedding.embed(TestAudio.load(alsa.resolve("Front_Left.wav")));
    float[] right = embedding.embed(TestAudio.load(alsa.resolve("Rear_Right.wav")));
    float[] noise = embedding.embed(TestAudio.load(alsa.resolve("Noise.wav")));
    float[] tone = embedding.embed(Signals.sine(1000, 16_000, 32_000, 0.3));

    assertThat(left).hasSize(384);
    assertThat(embedding.dimensions()).isEqualTo(384);
    assertThat(embedding.names()).hasSize(384).startsWith("openai-whisper-tiny.0");
    // Measured 0.89 against 0.67, 0.55 and 0.64: far apart for kernel noise to swap.
    double speechToSpeech = cosine(left, right);
    String what = TestAudio.on("cosine of two spoken words, " + speechToSpeech + ", against");
    assertThat(speechToSpeech).as(what + " word and noise").isGreaterThan(cosine(left, noise));
    assertThat(speechToSpeech).as(what + " word and tone").isGreaterThan(cosine(left, tone));
    assertThat(speechToSpeech).as(what + " word and noise").isGreaterThan(cosine(right, noise));
  }

  @Test
  void theSameAudioGivesTheSameVector() {
    WhisperEmbedding embedding = new WhisperEmbedding(model);
    float[] x = Signals.speechLike(5, 16_000, 3 * 16_000);

    assertThat(embedding.embed(x)).containsExactly(embedding.embed(x.clone()));
  }

  @Test
  void aLongChunkFillsOneWindowWithTheLoudestStretchOfEachPart() {
    // 25 s: three parts of 8.33 s, each giving 3.33 s to one 10 s window. A burst marks the loudest
    // stretch of each: at 1 s, at 13 s and at the very end.
    float[] x = new float[25 * 16_000];
    Arrays.fill(x, 0.001f);
    float[] marks = {0.5f, 0.6f, 0.7f};
    int[] at = {16_000, 13 * 16_000, x.length - 1_000};
    for (int i = 0; i < 3; i++) {
      Arrays.fill(x, at[i], at[i] + 1_000, marks[i]);
    }

    float[] window = WhisperEmbedding.fill(x, 160_000);

    assertThat(window).hasSize(3 * 53_333);
    // Each stretch starts on the 100 ms grid of its part (or at its last start) and holds its mark.
    assertThat(count(window, 0, 53_333, 0.5f)).isEqualTo(1_000);
    assertThat(count(window, 53_333, 2 * 53_333, 0.6f)).isEqualTo(1_000);
    assertThat(count(window, 2 * 53_333, 3 * 53_333, 0.7f)).isEqualTo(1_000);
    assertThat(window[window.length - 1]).isEqualTo(0.7f);
  }

  @Test
  void aLongChunkCostsOneWindowOfAudioPositions() {
    float[] x = Signals.speechLike(7, 16_000, 25 * 16_000);

    WhisperEmbedding.Encoded encoded = new WhisperEmbedding(model).encode(x);

    // One 10 s window of 500 positions (20 ms each), all of them audio.
    assertThat(encoded.states().positions()).isEqualTo(500);
    assertThat(encoded.audioPositions()).isEqualTo(500);
  }

  @Test
  void aChunkThatFitsTheWindowIsUsedWhole() {
    float[] x = Signals.speechLike(5, 16_000, 10 * 16_000);

    assertThat(WhisperEmbedding.fill(x, 160_000)).isSameAs(x);
  }

  @Test
  void aShortClipIsEncodedWholeAndPooledOverTheAudioOnly() {
    WhisperEmbedding embedding = new WhisperEmbedding(model);
    float[] x = Signals.speechLike(5, 16_000, 3 * 16_000);

    WhisperEmbedding.Encoded encoded = embedding.encode(x);
    float[] states = encoded.states().itemValues(0);
    float[] pooled = embedding.pool(encoded);

    assertThat(encoded.audioPositions()).isEqualTo(150);
    double first = 0;
    for (int p = 0; p < 150; p++) {
      first += states[p * 384];
    }
    assertThat(pooled[0]).isCloseTo((float) (first / 150), within(1e-5f));
  }

  @Test
  void rejectsEmptyAndOverlongAudio() {
    WhisperEmbedding embedding = new WhisperEmbedding(model);

    assertThatThrownBy(() -> embedding.embed(new float[0])).hasMessageContaining("0 samples");
    assertThatThrownBy(() -> embedding.embed(new float[31 * 16_000]))
        .hasMessageContaining("480000 samples fit one Whisper window");
  }

  private static int count(float[] x, int from, int to, float value) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n += x[i] == value ? 1 : 0;
    }
    return n;
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }
}
