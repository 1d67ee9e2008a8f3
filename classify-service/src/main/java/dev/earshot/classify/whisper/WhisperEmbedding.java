package dev.earshot.classify.whisper;

import dev.earshot.whisper.EncodedAudio;
import dev.earshot.whisper.LogMel;
import dev.earshot.whisper.WhisperConfig;
import dev.earshot.whisper.WhisperModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Mono 16 kHz samples in, the Whisper encoder's hidden states mean-pooled over the frames that hold
 * audio out: a {@code d_model}-long vector (384 for tiny, 512 for base) on which a small classifier
 * head can be trained with little data. Uses the same ONNX encoder as stt-service.
 *
 * <p>The encoder sees windows of {@value #WINDOW_SECONDS} s, not Whisper's 30 s: a chunk is cut
 * into equal pieces of at most that length, encoded one after the other, and the states of every
 * piece are pooled. The encoder's cost grows with its window (attention with its square), and most
 * of a 30 s window around a 1 s word is padding: a 10 s window costs about a fifth of a 30 s one.
 * The heads are trained on embeddings made exactly this way, so what is served is what was learnt.
 */
public final class WhisperEmbedding {

  /** Longest stretch of audio the encoder sees at once; shorter pieces are padded to it. */
  public static final double WINDOW_SECONDS = 10;

  /** A chunk's encoder states, piece by piece. */
  public static final class Encoded {
    private final List<EncodedAudio> states;
    private final int[] positions;
    private final int[] pieceStarts;
    private final int pieceLength;

    Encoded(List<EncodedAudio> states, int[] positions, int[] pieceStarts, int pieceLength) {
      this.states = List.copyOf(states);
      this.positions = positions;
      this.pieceStarts = pieceStarts;
      this.pieceLength = pieceLength;
    }

    /** The hidden states of piece {@code i}: [1, audioPositions, d]. */
    public EncodedAudio states(int i) {
      return states.get(i);
    }

    public int pieces() {
      return positions.length;
    }

    /** Encoder positions of piece {@code i} that cover audio (the rest only see padding). */
    public int audioPositions(int i) {
      return positions[i];
    }

    /** Index of the first sample of piece {@code i} in the chunk. */
    public int pieceStart(int i) {
      return pieceStarts[i];
    }

    /** Samples in every piece but perhaps the last. */
    public int pieceLength() {
      return pieceLength;
    }
  }

  private final WhisperModel model;
  private final LogMel windowMel;
  private final int windowSamples;

  public WhisperEmbedding(WhisperModel model) {
    this.model = model;
    WhisperConfig config = model.config();
    if (model.takesShortWindows()) {
      this.windowSamples = (int) (WINDOW_SECONDS * config.sampleRate());
      // Whisper's STFT (n_fft 400, hop 160) over the shorter window: its frames are the first
      // frames of the 30 s features, as the padding after the audio is silence either way.
      this.windowMel = new LogMel(config.melBins(), 400, 160, config.sampleRate(), windowSamples);
    } else {
      this.windowSamples = config.windowSamples();
      this.windowMel = model.logMel();
    }
  }

  public WhisperModel model() {
    return model;
  }

  /** Length of the vectors {@link #embed} returns. */
  public int dimensions() {
    return model.config().decoderHeads() * model.config().headSize();
  }

  /** Seconds of audio per encoder window: {@value #WINDOW_SECONDS}, or 30 for a fixed encoder. */
  public double windowSeconds() {
    return (double) windowSamples / model.config().sampleRate();
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
   * @param samples at most 30 s of mono audio at the model's sample rate
   * @return the mean of the encoder states over the positions covering the audio
   */
  public float[] embed(float[] samples) {
    return pool(encode(samples));
  }

  /**
   * Runs the encoder once over the chunk, in pieces of at most {@link #windowSeconds()}.
   *
   * @param samples at most 30 s of mono audio at the model's sample rate
   */
  public Encoded encode(float[] samples) {
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
    int pieces = (samples.length + windowSamples - 1) / windowSamples;
    int pieceLength = (samples.length + pieces - 1) / pieces;
    int frames = windowMel.frames();
    List<EncodedAudio> states = new ArrayList<>();
    int[] starts = new int[pieces];
    int[] positions = new int[pieces];
    // The encoder halves the mel frame rate; positions past the audio only see padding.
    int samplesPerPosition = 2 * (windowMel.samples() / frames);
    for (int i = 0; i < pieces; i++) {
      int from = i * pieceLength;
      int to = Math.min(samples.length, from + pieceLength);
      float[] features = windowMel.compute(Arrays.copyOfRange(samples, from, to));
      // encoder input [1, melBins, frames] -> last_hidden_state [1, frames / 2, d]. One piece at a
      // time: the int8 encoder quantises a whole batch with one scale, so a batch would make each
      // piece's states depend on the others.
      EncodedAudio encoded =
          frames == config.melFrames()
              ? model.encode(features, 1)
              : model.encode(features, 1, frames);
      states.add(encoded);
      starts[i] = from;
      positions[i] =
          Math.min(
              encoded.positions(),
              Math.max(1, (to - from + samplesPerPosition - 1) / samplesPerPosition));
    }
    return new Encoded(states, positions, starts, pieceLength);
  }

  /** The mean of the states over every position that covers audio, in every piece. */
  public float[] pool(Encoded encoded) {
    int width = encoded.states(0).width();
    double[] sum = new double[width];
    int used = 0;
    for (int piece = 0; piece < encoded.pieces(); piece++) {
      float[] values = encoded.states(piece).itemValues(0);
      for (int p = 0; p < encoded.audioPositions(piece); p++) {
        int offset = p * width;
        for (int i = 0; i < width; i++) {
          sum[i] += values[offset + i];
        }
      }
      used += encoded.audioPositions(piece);
    }
    float[] mean = new float[width];
    for (int i = 0; i < width; i++) {
      mean[i] = (float) (sum[i] / used);
    }
    return mean;
  }
}
