package dev.earshot.classify.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.audio.Signals;
import dev.earshot.classify.TestAudio;
import dev.earshot.whisper.WhisperModel;
import java.nio.file.Path;
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
  void aLongChunkIsEncodedInPiecesNoLongerThanTheWindow() {
    float[] x = Signals.speechLike(7, 16_000, 25 * 16_000);

    WhisperEmbedding.Encoded encoded = new WhisperEmbedding(model).encode(x);

    // 25 s in three pieces of 8.33 s, each in a 10 s window of 500 positions (20 ms each).
    assertThat(encoded.pieces()).isEqualTo(3);
    assertThat(encoded.pieceLength()).isEqualTo(133_334);
    assertThat(encoded.pieceStart(2)).isEqualTo(2 * 133_334);
    assertThat(encoded.states(0).positions()).isEqualTo(500);
    assertThat(encoded.audioPositions(0)).isEqualTo(417);
    assertThat(encoded.audioPositions(2)).isEqualTo(417);
  }

  @Test
  void aShortClipIsOnePieceWhoseStatesArePooledOverTheAudioOnly() {
    WhisperEmbedding embedding = new WhisperEmbedding(model);
    float[] x = Signals.speechLike(5, 16_000, 3 * 16_000);

    WhisperEmbedding.Encoded encoded = embedding.encode(x);
    float[] states = encoded.states(0).itemValues(0);
    float[] pooled = embedding.pool(encoded);

    assertThat(encoded.pieces()).isEqualTo(1);
    assertThat(encoded.audioPositions(0)).isEqualTo(150);
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
