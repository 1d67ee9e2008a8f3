package dev.earshot.whisper;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.earshot.assets.Sha256;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A Whisper model in the transformers.js / Optimum ONNX layout ({@code onnx/encoder_model*.onnx},
 * {@code onnx/decoder_model_merged*.onnx}, tokenizer and config files), with its ONNX Runtime
 * sessions created once. Thread-safe: sessions may run concurrently.
 */
public final class WhisperModel implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(WhisperModel.class.getName());
  private static final List<String> TOKENIZER_FILES =
      List.of("vocab.json", "merges.txt", "config.json", "generation_config.json");

  private final Path folder;
  private final WhisperConfig config;
  private final Tokenizer tokenizer;
  private final LogMel logMel;
  private final OrtEnvironment env;
  private final OrtSession encoder;
  private final boolean anyLength;
  private final OrtSession decoder;
  private final String version;
  private final String executionProvider;
  private final String noWordTimes;

  private WhisperModel(
      Path folder,
      WhisperConfig config,
      Tokenizer tokenizer,
      OrtEnvironment env,
      OrtSession encoder,
      boolean anyLength,
      OrtSession decoder,
      String version,
      String executionProvider,
      String noWordTimes) {
    this.folder = folder;
    this.config = config;
    this.tokenizer = tokenizer;
    this.logMel = LogMel.whisper(config.melBins());
    this.env = env;
    this.encoder = encoder;
    this.anyLength = anyLength;
    this.decoder = decoder;
    this.version = version;
    this.executionProvider = executionProvider;
    this.noWordTimes = noWordTimes;
  }

  /**
   * Loads a model folder.
   *
   * @throws WhisperModelException naming the missing or unreadable file
   */
  public static WhisperModel load(Path folder, WhisperOptions options) {
    if (!Files.isDirectory(folder)) {
      throw new WhisperModelException("Whisper model folder does not exist: " + folder);
    }
    Path encoderFile = folder.resolve("onnx/encoder_model" + options.suffix() + ".onnx");
    Path decoderFile = folder.resolve("onnx/decoder_model_merged" + options.suffix() + ".onnx");
    for (Path file :
        List.of(
            encoderFile,
            decoderFile,
            folder.resolve(TOKENIZER_FILES.get(0)),
            folder.resolve(TOKENIZER_FILES.get(1)))) {
      if (!Files.isRegularFile(file)) {
        throw new WhisperModelException("Whisper model file missing: " + file);
      }
    }
    Tokenizer tokenizer;
    try {
      tokenizer = Tokenizer.load(folder);
    } catch (IOException | RuntimeException e) {
      throw new WhisperModelException("Cannot read the tokenizer in " + folder + ": " + e, e);
    }
    WhisperConfig config = WhisperConfig.load(folder, tokenizer);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    String provider = "CPU";
    OrtSession encoder = null;
    try (OrtSession.SessionOptions encoderOptions =
            sessionOptions(options, options.intraOpThreads());
        OrtSession.SessionOptions decoderOptions =
            sessionOptions(options, options.decoderThreads())) {
      if (options.cuda()) {
        provider = tryCuda(encoderOptions, options.cudaDevice());
        if (!provider.equals("CPU")) {
          tryCuda(decoderOptions, options.cudaDevice());
        }
      }
      // Encoder threads that spin while idle would steal the core a concurrent decode runs on.
      encoderOptions.addConfigEntry("session.intra_op.allow_spinning", "0");
      // The int8 decoder dequantises its 51865-row token embedding on every pass to project the
      // output onto the vocabulary: 8 of a tiny step's 11 ms. ONNX Runtime only folds a
      // DequantizeLinear of constants once, at load, when QDQ handling is off; the folded fp32
      // weights are the same numbers, so the logits do not change (80 MB more for tiny). Projecting
      // with the int8 weights instead, quantising the input per pass as the other linear layers
      // do, saved another 15 % of decoder time but cost tiny 2 points of WER on short speech.
      decoderOptions.addConfigEntry("session.disable_quant_qdq", "1");
      Int8Weights int8 =
          provider.equals("CPU") ? Int8Weights.forThisMachine() : Int8Weights.UNSIGNED;
      Encoder opened = openEncoder(env, encoderFile, encoderOptions, int8);
      encoder = opened.session();
      OrtSession decoder = open(env, decoderFile, decoderOptions);
      checkSignature(encoder, encoderFile, Set.of("input_features"), "last_hidden_state");
      checkSignature(
          decoder,
          decoderFile,
          Set.of("input_ids", "encoder_hidden_states", "use_cache_branch"),
          "logits");
      String version = versionOf(folder, List.of(encoderFile, decoderFile));
      String noWordTimes = wordTimesGap(config, decoder.getOutputNames());
      if (noWordTimes != null) {
        LOG.log(Level.INFO, "No word timestamps with {0}: {1}", config.name(), noWordTimes);
      }
      LOG.log(
          Level.INFO,
          "Loaded {0} ({1}) from {2} on {3}, encoder int8 weights {4}",
          new Object[] {
            config.name(), version, folder, provider, int8.name().toLowerCase(Locale.ROOT)
          });
      return new WhisperModel(
          folder,
          config,
          tokenizer,
          env,
          encoder,
          opened.anyLength(),
          decoder,
          version,
          provider,
          noWordTimes);
    } catch (OrtException e) {
      closeQuietly(encoder);
      throw new WhisperModelException("ONNX Runtime cannot configure a session: " + e, e);
    } catch (RuntimeException e) {
      closeQuietly(encoder);
      throw e;
    }
  }

  private static OrtSession.SessionOptions sessionOptions(WhisperOptions options, int threads)
      throws OrtException {
    OrtSession.SessionOptions sessionOptions = new OrtSession.SessionOptions();
    sessionOptions.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    sessionOptions.setIntraOpNumThreads(threads);
    sessionOptions.setInterOpNumThreads(Math.max(1, options.interOpThreads()));
    // Denormal floats are far slower on x86 and make no audible difference.
    sessionOptions.addConfigEntry("session.set_denormal_as_zero", "1");
    return sessionOptions;
  }

  private static String tryCuda(OrtSession.SessionOptions sessionOptions, int device) {
    try {
      sessionOptions.addCUDA(device);
      return "CUDA:" + device;
    } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
      LOG.log(
          Level.INFO,
          "CUDA execution provider unavailable ({0}); running Whisper on the CPU",
          e.getMessage());
      return "CPU";
    }
  }

  private static OrtSession open(
      OrtEnvironment env, Path file, OrtSession.SessionOptions sessionOptions) {
    try {
      return env.createSession(file.toString(), sessionOptions);
    } catch (OrtException e) {
      throw new WhisperModelException(
          "Whisper model file "
              + file
              + " cannot be loaded (corrupt or not ONNX): "
              + e.getMessage(),
          e);
    }
  }

  /** Files this size and up (external weights, large models) are loaded as they are. */
  private static final long STRIP_LIMIT = 1L << 30;

  /** The encoder session, and whether it takes windows shorter than 30 s. */
  private record Encoder(OrtSession session, boolean anyLength) {}

  private static Encoder openEncoder(
      OrtEnvironment env, Path file, OrtSession.SessionOptions sessionOptions, Int8Weights int8) {
    try {
      if (Files.size(file) >= STRIP_LIMIT) {
        return new Encoder(open(env, file, sessionOptions), false);
      }
      byte[] stripped =
          OnnxGraphEdits.without(
              Files.readAllBytes(file), name -> name.startsWith("encoder_attentions"));
      byte[] model = OnnxGraphEdits.withPositionsForAnyLength(stripped);
      boolean anyLength = model != stripped;
      if (int8 == Int8Weights.SIGNED) {
        model = OnnxGraphEdits.withSignedWeights(model);
      }
      return new Encoder(env.createSession(model, sessionOptions), anyLength);
    } catch (IOException e) {
      throw new WhisperModelException("Whisper model file " + file + " cannot be read: " + e, e);
    } catch (IllegalArgumentException | OrtException e) {
      throw new WhisperModelException(
          "Whisper model file "
              + file
              + " cannot be loaded (corrupt or not ONNX): "
              + e.getMessage(),
          e);
    }
  }

  private static void checkSignature(
      OrtSession session, Path file, Set<String> inputs, String output) throws OrtException {
    Map<String, NodeInfo> in = session.getInputInfo();
    if (!in.keySet().containsAll(inputs) || !session.getOutputInfo().containsKey(output)) {
      throw new WhisperModelException(
          file
              + " is not a Whisper model in the transformers.js layout: expected inputs "
              + inputs
              + " and output "
              + output
              + ", found "
              + in.keySet()
              + " -> "
              + session.getOutputInfo().keySet());
    }
  }

  /**
   * What the files lack for word timestamps, or null when they have it all: the alignment heads in
   * generation_config.json, and the decoder's cross-attention outputs of their layers.
   */
  static String wordTimesGap(WhisperConfig config, Set<String> decoderOutputs) {
    int[][] heads = config.alignmentHeads();
    if (heads.length == 0) {
      return "generation_config.json has no alignment_heads (the [layer, head] pairs of the decoder's"
          + " cross-attention that follow the speech; OpenAI lists them for each model)";
    }
    List<String> missing = new ArrayList<>();
    for (int[] head : heads) {
      if (head[0] < 0
          || head[0] >= config.decoderLayers()
          || head[1] < 0
          || head[1] >= config.decoderHeads()) {
        return "generation_config.json's alignment_heads name "
            + Arrays.toString(head)
            + ", outside the decoder's "
            + config.decoderLayers()
            + " layers of "
            + config.decoderHeads()
            + " heads";
      }
      String output = DecoderSession.crossAttentionOutput(head[0]);
      if (!decoderOutputs.contains(output) && !missing.contains(output)) {
        missing.add(output);
      }
    }
    if (!missing.isEmpty()) {
      return "the decoder has no "
          + String.join(", ", missing)
          + " outputs: export it with output_attentions, as Xenova's *_timestamped models are";
    }
    return null;
  }

  /**
   * A short hash of the ONNX files and configuration: results name the exact model they came from.
   */
  static String versionOf(Path folder, List<Path> onnxFiles) {
    try {
      MessageDigest all = Sha256.newDigest();
      for (Path file : onnxFiles) {
        all.update(
            folder.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        all.update(Sha256.bytes(file));
      }
      for (String name : TOKENIZER_FILES) {
        all.update(Sha256.bytes(folder.resolve(name)));
      }
      return Sha256.version(all);
    } catch (IOException e) {
      throw new WhisperModelException("Cannot read model files in " + folder + ": " + e, e);
    }
  }

  public WhisperConfig config() {
    return config;
  }

  public Tokenizer tokenizer() {
    return tokenizer;
  }

  public LogMel logMel() {
    return logMel;
  }

  /** The model's name from its config, e.g. {@code openai/whisper-tiny}. */
  public String id() {
    return config.name();
  }

  /** A hash of the model files, e.g. {@code sha256:0123456789abcdef}. */
  public String version() {
    return version;
  }

  public String executionProvider() {
    return executionProvider;
  }

  /**
   * Whether the model files allow word timestamps (see {@link #noWordTimestampsReason()}); without
   * them, segments have no words.
   */
  public boolean timesWords() {
    return noWordTimes == null;
  }

  /** What the model files lack for word timestamps, or null when they allow them. */
  public String noWordTimestampsReason() {
    return noWordTimes;
  }

  public Path folder() {
    return folder;
  }

  OrtEnvironment env() {
    return env;
  }

  OrtSession decoderSession() {
    return decoder;
  }

  /**
   * Runs the encoder on a batch of log-mel features.
   *
   * @param features [batch, melBins, melFrames] flattened row-major
   * @return the hidden states [batch, audioPositions, dModel]
   */
  public EncodedAudio encode(float[] features, int batch) {
    return encode(features, batch, config.melFrames());
  }

  /** Whether the encoder takes windows shorter than 30 s ({@link #encode(float[], int, int)}). */
  public boolean takesShortWindows() {
    return anyLength;
  }

  /**
   * Encodes {@code batch} windows of {@code frames} log-mel frames each (features [batch, mels,
   * frames]); the audio states come out at half the frames. Fewer than 30 s of frames need an
   * encoder that {@link #takesShortWindows()}.
   */
  public EncodedAudio encode(float[] features, int batch, int frames) {
    if (frames != config.melFrames()
        && (!anyLength || frames <= 0 || frames > config.melFrames() || frames % 2 != 0)) {
      throw new IllegalArgumentException(
          anyLength
              ? "frames must be even and in 2.." + config.melFrames() + ", got " + frames
              : "this encoder takes " + config.melFrames() + " frames only, got " + frames);
    }
    long[] shape = {batch, config.melBins(), frames};
    if (features.length != batch * config.melBins() * frames) {
      throw new IllegalArgumentException(
          "features hold "
              + features.length
              + " values, not "
              + batch
              + " x "
              + shape[1]
              + " x "
              + shape[2]);
    }
    try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(features), shape);
        OrtSession.Result result =
            encoder.run(Map.of("input_features", input), Set.of("last_hidden_state"))) {
      OnnxTensor hidden = (OnnxTensor) result.get("last_hidden_state").orElseThrow();
      long[] hiddenShape = hidden.getInfo().getShape();
      FloatBuffer values = hidden.getFloatBuffer();
      // Direct, so per-chunk decoder inputs can be slices without another copy.
      FloatBuffer direct =
          ByteBuffer.allocateDirect(values.remaining() * Float.BYTES)
              .order(ByteOrder.nativeOrder())
              .asFloatBuffer();
      direct.put(values).flip();
      return new EncodedAudio(
          direct, (int) hiddenShape[0], (int) hiddenShape[1], (int) hiddenShape[2]);
    } catch (OrtException e) {
      throw new IllegalStateException("Whisper encoder failed: " + e.getMessage(), e);
    }
  }

  /** A decoder conversation over one item of an encoded batch. */
  public DecoderSession decoder(EncodedAudio audio, int item) {
    return new DecoderSession(this, audio.item(env, item));
  }

  @Override
  public void close() {
    closeQuietly(encoder);
    closeQuietly(decoder);
  }

  private static void closeQuietly(OrtSession session) {
    if (session != null) {
      try {
        session.close();
      } catch (OrtException e) {
        LOG.log(Level.WARNING, "Closing an ONNX session failed: {0}", e.getMessage());
      }
    }
  }
}
