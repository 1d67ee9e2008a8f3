package dev.earshot.whisper;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One decoding conversation with the merged Whisper decoder over one window of encoded audio, with
 * a key/value cache: the first pass ({@link #prefill}) runs the prompt and computes the cross
 * attention keys and values once; later passes feed only new tokens and reuse the cache. Several
 * rows (beams, samples) can run together after {@link #select}.
 *
 * <p>Decoder tensors: {@code input_ids} [rows, n] int64; {@code encoder_hidden_states} [rows, 1500
 * (fewer for a short encoder window), d]; {@code past_key_values.L.{decoder,encoder}.{key,value}}
 * [rows, heads, length, headSize]; {@code use_cache_branch} bool [1]; output {@code logits} [rows,
 * n, vocabulary], and where the export has them {@code cross_attentions.L} [rows, heads, n, audio
 * positions] (after the softmax over the positions). Not thread-safe.
 */
public final class DecoderSession implements AutoCloseable {

  private final OrtEnvironment env;
  private final OrtSession session;
  private final WhisperConfig config;
  private final String[] decoderPast;
  private final String[] decoderPresent;
  private final String[] encoderPast;
  private final String[] encoderPresent;
  private final Set<String> stepOutputs;

  private OnnxTensor encoderHidden;
  private OnnxTensor placeholder;
  private OnnxTensor[] decoderKv;
  private OnnxTensor[] encoderKv;
  private OrtSession.Result prefillResult;
  private OrtSession.Result lastResult;
  private final List<OnnxTensor> owned = new ArrayList<>();
  private int rows = 1;
  private int length;

  DecoderSession(WhisperModel model, OnnxTensor encoderHidden) {
    this.env = model.env();
    this.session = model.decoderSession();
    this.config = model.config();
    this.encoderHidden = encoderHidden;
    owned.add(encoderHidden);
    int layers = config.decoderLayers();
    decoderPast = new String[2 * layers];
    decoderPresent = new String[2 * layers];
    encoderPast = new String[2 * layers];
    encoderPresent = new String[2 * layers];
    for (int layer = 0; layer < layers; layer++) {
      for (int kv = 0; kv < 2; kv++) {
        String part = kv == 0 ? "key" : "value";
        decoderPast[2 * layer + kv] = "past_key_values." + layer + ".decoder." + part;
        decoderPresent[2 * layer + kv] = "present." + layer + ".decoder." + part;
        encoderPast[2 * layer + kv] = "past_key_values." + layer + ".encoder." + part;
        encoderPresent[2 * layer + kv] = "present." + layer + ".encoder." + part;
      }
    }
    stepOutputs = new HashSet<>(List.of(decoderPresent));
    stepOutputs.add("logits");
  }

  private DecoderSession(DecoderSession parent) {
    this.env = parent.env;
    this.session = parent.session;
    this.config = parent.config;
    this.decoderPast = parent.decoderPast;
    this.decoderPresent = parent.decoderPresent;
    this.encoderPast = parent.encoderPast;
    this.encoderPresent = parent.encoderPresent;
    this.stepOutputs = parent.stepOutputs;
    this.encoderHidden = parent.encoderHidden;
    this.decoderKv = outputs(parent.prefillResult, decoderPresent);
    this.encoderKv = outputs(parent.prefillResult, encoderPresent);
    this.length = (int) decoderKv[0].getInfo().getShape()[2];
    this.rows = (int) decoderKv[0].getInfo().getShape()[0];
  }

  /**
   * A new conversation that starts where this one's prefill ended, as if the prompt had been run
   * again (temperature fallback decodes the same prompt up to five more times; the prefill, which
   * computes the cross-attention cache over every audio position, is the dearest pass). It reads
   * this session's prefill outputs, so this session must stay open while the fork is used.
   */
  public DecoderSession forkFromPrefill() {
    if (prefillResult == null) {
      throw new IllegalStateException("prefill first");
    }
    return new DecoderSession(this);
  }

  /** The graph output with the cross-attention weights of a decoder layer. */
  static String crossAttentionOutput(int layer) {
    return "cross_attentions." + layer;
  }

  /**
   * What the decoder attends to, for word timestamps.
   *
   * @param weights cross-attention [heads][tokens][frames], of the first frames audio positions, as
   *     the export gives them (after the softmax over all the positions)
   * @param probabilities for each token after the first, its probability after the tokens before it
   *     among the tokens below the probability limit (NaN for the first and for tokens from the
   *     limit up)
   */
  record CrossAttention(float[][][] weights, double[] probabilities) {}

  /**
   * One pass over a whole token sequence from the start, as the first pass of a conversation but
   * keeping nothing, for the cross-attention of some heads. The cached branch cannot take it: the
   * export traced that branch with one token, so it has no causal mask, and several tokens fed
   * together would see each other's future.
   *
   * @param heads {@code [layer, head]} pairs
   * @param frames how many audio positions to keep, from the first
   * @param probabilityLimit token ids from this one up do not count in the probabilities (OpenAI
   *     scores text tokens among text tokens only)
   */
  CrossAttention crossAttention(int[] tokens, int[][] heads, int frames, int probabilityLimit) {
    if (length != 0 || encoderHidden.getInfo().getShape()[0] != 1) {
      throw new IllegalStateException("a fresh conversation over one window");
    }
    Set<String> wanted = new HashSet<>();
    wanted.add("logits");
    for (int[] head : heads) {
      wanted.add(crossAttentionOutput(head[0]));
    }
    List<OnnxTensor> temporary = new ArrayList<>();
    try (OrtSession.Result result =
        session.run(firstPassInputs(new int[][] {tokens}, temporary), wanted)) {
      float[][][] weights = new float[heads.length][tokens.length][];
      // A layer's weights [1, heads, tokens, positions] are copied out once for all its heads.
      Map<Integer, FloatBuffer> layers = new HashMap<>();
      for (int h = 0; h < heads.length; h++) {
        String name = crossAttentionOutput(heads[h][0]);
        OnnxTensor tensor =
            (OnnxTensor)
                result
                    .get(name)
                    .orElseThrow(() -> new IllegalStateException("decoder gave no " + name));
        int positions = (int) tensor.getInfo().getShape()[3];
        if (frames > positions) {
          throw new IllegalArgumentException(
              frames + " frames of " + positions + " audio positions");
        }
        FloatBuffer values = layers.computeIfAbsent(heads[h][0], l -> tensor.getFloatBuffer());
        for (int t = 0; t < tokens.length; t++) {
          weights[h][t] = new float[frames];
          values.get((heads[h][1] * tokens.length + t) * positions, weights[h][t]);
        }
      }
      double[] probabilities = new double[tokens.length];
      probabilities[0] = Double.NaN;
      OnnxTensor logits = (OnnxTensor) result.get("logits").orElseThrow();
      int vocabulary = (int) logits.getInfo().getShape()[2];
      FloatBuffer values = logits.getFloatBuffer();
      float[] row = new float[probabilityLimit];
      for (int i = 1; i < tokens.length; i++) {
        values.get((i - 1) * vocabulary, row);
        probabilities[i] =
            tokens[i] < probabilityLimit
                ? Math.exp(row[tokens[i]] - Numerics.logSumExp(row, 0, probabilityLimit))
                : Double.NaN;
      }
      return new CrossAttention(weights, probabilities);
    } catch (OrtException e) {
      throw new IllegalStateException("Whisper decoder failed: " + e.getMessage(), e);
    } finally {
      temporary.forEach(OnnxTensor::close);
    }
  }

  /** Tokens processed so far in each row. */
  public int length() {
    return length;
  }

  public int rows() {
    return rows;
  }

  /**
   * Runs the first tokens of a single row.
   *
   * @return logits [tokens.length][vocabulary], one row per input position
   */
  public float[][] prefill(int[] tokens) {
    return prefillRows(new int[][] {tokens})[0];
  }

  private float[][][] prefillRows(int[][] prompts) {
    if (length != 0) {
      throw new IllegalStateException("prefill must be the first pass");
    }
    int batch = (int) encoderHidden.getInfo().getShape()[0];
    if (prompts.length != batch) {
      throw new IllegalArgumentException(prompts.length + " prompts for " + batch + " rows");
    }
    List<OnnxTensor> temporary = new ArrayList<>();
    try {
      prefillResult = session.run(firstPassInputs(prompts, temporary));
      lastResult = prefillResult;
      decoderKv = outputs(prefillResult, decoderPresent);
      encoderKv = outputs(prefillResult, encoderPresent);
      length = prompts[0].length;
      rows = batch;
      return allLogits(prefillResult, prompts[0].length);
    } catch (OrtException e) {
      throw new IllegalStateException("Whisper decoder failed: " + e.getMessage(), e);
    } finally {
      temporary.forEach(OnnxTensor::close);
    }
  }

  /** Inputs of a first pass: the prompts, the encoder states and an empty cache. */
  private Map<String, OnnxTensor> firstPassInputs(int[][] prompts, List<OnnxTensor> temporary)
      throws OrtException {
    Map<String, OnnxTensor> inputs = new HashMap<>();
    inputs.put("input_ids", ids(prompts, temporary));
    inputs.put("encoder_hidden_states", encoderHidden);
    inputs.put("use_cache_branch", flag(false, temporary));
    long[] empty = {prompts.length, config.decoderHeads(), 0, config.headSize()};
    for (int i = 0; i < decoderPast.length; i++) {
      inputs.put(decoderPast[i], tensor(FloatBuffer.allocate(0), empty, temporary));
      inputs.put(encoderPast[i], tensor(FloatBuffer.allocate(0), empty, temporary));
    }
    return inputs;
  }

  /** Feeds one token to every row; returns the next-token logits [rows][vocabulary]. */
  public float[][] step(int[] tokens) {
    int[][] perRow = new int[tokens.length][];
    for (int r = 0; r < tokens.length; r++) {
      perRow[r] = new int[] {tokens[r]};
    }
    return feed(perRow);
  }

  /**
   * Feeds the same number of tokens to every row after the cached ones.
   *
   * @return the logits after each row's last token [rows][vocabulary]
   */
  public float[][] feed(int[][] tokens) {
    if (length == 0) {
      throw new IllegalStateException("prefill first");
    }
    if (tokens.length != rows) {
      throw new IllegalArgumentException(tokens.length + " rows of tokens for " + rows + " rows");
    }
    Map<String, OnnxTensor> inputs = new HashMap<>();
    List<OnnxTensor> temporary = new ArrayList<>();
    try {
      inputs.put("input_ids", ids(tokens, temporary));
      // The cached branch never reads the encoder states, but the graph quantises this input on
      // every pass: a one-position placeholder saves that work (about 10% of a step).
      inputs.put("encoder_hidden_states", placeholder());
      inputs.put("use_cache_branch", flag(true, temporary));
      for (int i = 0; i < decoderPast.length; i++) {
        inputs.put(decoderPast[i], decoderKv[i]);
        inputs.put(encoderPast[i], encoderKv[i]);
      }
      OrtSession.Result result = session.run(inputs, stepOutputs);
      // The previous pass's cache is no longer needed, unless the prefill also holds the
      // cross-attention cache that every later pass reuses.
      releaseDecoderKv();
      lastResult = result;
      decoderKv = outputs(result, decoderPresent);
      length += tokens[0].length;
      return logits(result, tokens[0].length);
    } catch (OrtException e) {
      throw new IllegalStateException("Whisper decoder failed: " + e.getMessage(), e);
    } finally {
      temporary.forEach(OnnxTensor::close);
    }
  }

  /**
   * Rearranges rows: new row {@code i} continues old row {@code sourceRows[i]}. Expands one row
   * into several (samples, beams) and reorders beams after each step.
   */
  public void select(int[] sourceRows) {
    if (length == 0) {
      throw new IllegalStateException("prefill first");
    }
    boolean identity = sourceRows.length == rows;
    for (int i = 0; i < sourceRows.length; i++) {
      if (sourceRows[i] < 0 || sourceRows[i] >= rows) {
        throw new IndexOutOfBoundsException("row " + sourceRows[i] + " of " + rows);
      }
      identity &= sourceRows[i] == i;
    }
    if (identity) {
      return;
    }
    try {
      OnnxTensor[] gathered = new OnnxTensor[decoderKv.length];
      for (int i = 0; i < decoderKv.length; i++) {
        gathered[i] = gather(decoderKv[i], sourceRows);
      }
      releaseDecoderKv();
      decoderKv = gathered;
      if (sourceRows.length != rows) {
        // Every row attends to the same audio, so the cross-attention cache and the encoder
        // states only change shape, never content.
        int[] first = new int[sourceRows.length];
        OnnxTensor[] encoder = new OnnxTensor[encoderKv.length];
        for (int i = 0; i < encoderKv.length; i++) {
          encoder[i] = gather(encoderKv[i], first);
        }
        encoderKv = encoder;
      }
      rows = sourceRows.length;
    } catch (OrtException e) {
      throw new IllegalStateException("Reordering the decoder cache failed: " + e.getMessage(), e);
    }
  }

  private void releaseDecoderKv() {
    if (lastResult != null && lastResult != prefillResult) {
      lastResult.close();
    }
    lastResult = null;
    for (OnnxTensor tensor : decoderKv) {
      if (owned.remove(tensor)) {
        tensor.close();
      }
    }
  }

  private OnnxTensor placeholder() throws OrtException {
    if (placeholder == null || placeholder.getInfo().getShape()[0] != rows) {
      long[] shape = encoderHidden.getInfo().getShape();
      int width = (int) shape[2];
      placeholder =
          OnnxTensor.createTensor(
              env, FloatBuffer.allocate(rows * width), new long[] {rows, 1, width});
      owned.add(placeholder);
    }
    return placeholder;
  }

  private OnnxTensor gather(OnnxTensor source, int[] sourceRows) throws OrtException {
    long[] shape = source.getInfo().getShape();
    int rowSize = 1;
    for (int d = 1; d < shape.length; d++) {
      rowSize *= (int) shape[d];
    }
    FloatBuffer values = source.getFloatBuffer();
    FloatBuffer target =
        ByteBuffer.allocateDirect(sourceRows.length * rowSize * Float.BYTES)
            .order(ByteOrder.nativeOrder())
            .asFloatBuffer();
    for (int source1 : sourceRows) {
      target.put(values.slice(source1 * rowSize, rowSize));
    }
    target.flip();
    long[] newShape = shape.clone();
    newShape[0] = sourceRows.length;
    OnnxTensor tensor = OnnxTensor.createTensor(env, target, newShape);
    owned.add(tensor);
    return tensor;
  }

  private OnnxTensor ids(int[][] tokens, List<OnnxTensor> temporary) throws OrtException {
    int n = tokens[0].length;
    long[] values = new long[tokens.length * n];
    for (int r = 0; r < tokens.length; r++) {
      for (int t = 0; t < n; t++) {
        values[r * n + t] = tokens[r][t];
      }
    }
    return tensor(values, new long[] {tokens.length, n}, temporary);
  }

  private OnnxTensor flag(boolean value, List<OnnxTensor> temporary) throws OrtException {
    OnnxTensor tensor = OnnxTensor.createTensor(env, new boolean[] {value});
    temporary.add(tensor);
    return tensor;
  }

  private OnnxTensor tensor(long[] values, long[] shape, List<OnnxTensor> temporary)
      throws OrtException {
    OnnxTensor tensor = OnnxTensor.createTensor(env, LongBuffer.wrap(values), shape);
    temporary.add(tensor);
    return tensor;
  }

  private OnnxTensor tensor(FloatBuffer values, long[] shape, List<OnnxTensor> temporary)
      throws OrtException {
    OnnxTensor tensor = OnnxTensor.createTensor(env, values, shape);
    temporary.add(tensor);
    return tensor;
  }

  private static OnnxTensor[] outputs(OrtSession.Result result, String[] names) {
    OnnxTensor[] tensors = new OnnxTensor[names.length];
    for (int i = 0; i < names.length; i++) {
      OnnxValue value =
          result
              .get(names[i])
              .orElseThrow(() -> new IllegalStateException("decoder gave no output"));
      tensors[i] = (OnnxTensor) value;
    }
    return tensors;
  }

  /** Logits of every position of every row [rows][positions][vocabulary]. */
  private static float[][][] allLogits(OrtSession.Result result, int positions) {
    OnnxTensor logits = (OnnxTensor) result.get("logits").orElseThrow();
    long[] shape = logits.getInfo().getShape();
    int vocabulary = (int) shape[2];
    FloatBuffer values = logits.getFloatBuffer();
    float[][][] out = new float[(int) shape[0]][positions][vocabulary];
    for (int r = 0; r < out.length; r++) {
      for (int p = 0; p < positions; p++) {
        values.get((r * positions + p) * vocabulary, out[r][p]);
      }
    }
    return out;
  }

  /** Logits of the last position of every row [rows][vocabulary]. */
  private float[][] logits(OrtSession.Result result, int positions) {
    OnnxTensor logits = (OnnxTensor) result.get("logits").orElseThrow();
    long[] shape = logits.getInfo().getShape();
    int vocabulary = (int) shape[2];
    FloatBuffer values = logits.getFloatBuffer();
    int rowCount = (int) shape[0];
    float[][] out = new float[rowCount][vocabulary];
    for (int r = 0; r < rowCount; r++) {
      values.get((r * positions + positions - 1) * vocabulary, out[r]);
    }
    return out;
  }

  @Override
  public void close() {
    if (lastResult != null && lastResult != prefillResult) {
      lastResult.close();
    }
    if (prefillResult != null) {
      prefillResult.close();
    }
    owned.forEach(OnnxTensor::close);
    owned.clear();
  }
}
