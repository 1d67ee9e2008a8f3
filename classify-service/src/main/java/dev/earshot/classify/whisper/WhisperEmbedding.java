package dev.earshot.classify.whisper;

import dev.earshot.whisper.EncodedAudio;
import dev.earshot.whisper.WhisperConfig;
import dev.earshot.whisper.WhisperModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Mono 16 kHz samples in, the Whisper encoder's hidden states mean-pooled over the frames that hold
 * audio out: a {@code d_model}-long vector (384 for tiny, 512 for base) on which a small classifier
 * head can be trained with little data. Uses the same ONNX encoder as stt-service.
 */
public final class WhisperEmbedding {

  private final WhisperModel model;

  public WhisperEmbedding(WhisperModel model) {
    this.model = model;
  }

  public WhisperModel model() {
    return model;
  }

  /** Length of the vectors {@link #embed} returns. */
  public int dimensions() {
    return model.config().decoderHeads() * model.config().headSize();
  }

  /** Names of the embedding's dimensions, for feature vectors. */
  public List<String> names() {
    String prefix = model.config().name().replaceAll("[^A-Za-z0-9]+", "-") + ".";
    List<String> out = new ArrayList<>();
    for (int i = 0; i < dimensions(); i++) {
      out.add(prefix + i);
    }
    return out;
  }

  /**
   * @param samples at most one Whisper window (30 s) of mono audio at the model's sample rate
   * @return the mean of the encoder states over the positions covering the audio
   */
  public float[] embed(float[] samples) {
    WhisperConfig config = model.config();
    if (samples.length == 0) {
      throw new IllegalArgumentException("no audio to embed: 0 samples");
    }
    if (samples.length > config.windowSamples()) {
      throw new IllegalArgumentException(
          "at most "
              + config.windowSamples()
              + " samples fit one Whisper window, got "
              + samples.length);
    }
    // encoder input [1, melBins, melFrames] -> last_hidden_state [1, audioPositions, d]
    EncodedAudio encoded = model.encode(model.logMel().compute(samples), 1);
    int positions = encoded.positions();
    int width = encoded.width();
    // The encoder halves the mel frame rate; positions past the audio only see padding.
    double samplesPerPosition = (double) config.windowSamples() / positions;
    int used =
        (int) Math.min(positions, Math.max(1, Math.ceil(samples.length / samplesPerPosition)));
    float[] states = encoded.itemValues(0);
    double[] sum = new double[width];
    for (int p = 0; p < used; p++) {
      int offset = p * width;
      for (int i = 0; i < width; i++) {
        sum[i] += states[offset + i];
      }
    }
    float[] mean = new float[width];
    for (int i = 0; i < width; i++) {
      mean[i] = (float) (sum[i] / used);
    }
    return mean;
  }
}
