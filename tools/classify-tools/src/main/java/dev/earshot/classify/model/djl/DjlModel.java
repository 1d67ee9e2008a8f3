package dev.earshot.classify.model.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.classify.model.ModelType;
import dev.earshot.classify.model.ProbabilisticModel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A DJL PyTorch network: rows shaped {@code inputShape} (flattened) in, softmax probabilities per
 * label out.
 *
 * <p>Tensor shapes at the boundary: the network reads [rows, inputShape...] float32 and writes
 * logits [rows, labels]; {@link #predict} applies the softmax in double precision.
 *
 * <p>Thread-safe: {@link #predict} and {@link #save} may run concurrently, each on its own
 * NDManager; {@link #close} waits for them, and afterwards both throw {@link
 * IllegalStateException}. libtorch's intra-op thread count is process-wide (see {@link
 * DjlRuntime#start(int)}).
 *
 * <p>Files: {@value #PARAMETERS_FILE} (DJL's parameter format) and {@value #MANIFEST_FILE} (type,
 * labels and input shape, checked by {@link #load}).
 */
public final class DjlModel implements ProbabilisticModel {

  public static final String PARAMETERS_FILE = "model.params";
  public static final String MANIFEST_FILE = "model.json";

  private static final int FORMAT = 1;
  // About 4 MB of input per forward pass keeps a CNN's activations well under a gigabyte.
  private static final int VALUES_PER_CHUNK = 1 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Architecture architecture;
  private final List<String> labels;
  private final int[] inputShape;
  private final int width;
  private final Model model;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed; // guarded by lock

  /** What {@link #save} writes beside the parameters. */
  record Manifest(int format, String type, List<String> labels, int[] inputShape) {}

  private DjlModel(Architecture architecture, List<String> labels, int[] inputShape, Model model) {
    this.architecture = architecture;
    this.labels = List.copyOf(labels);
    this.inputShape = inputShape.clone();
    this.width = Arrays.stream(inputShape).reduce(1, Math::multiplyExact);
    this.model = model;
  }

  /**
   * A model whose network is built but not initialised; the trainer initialises and fits it. The
   * engine must have been started ({@link DjlRuntime#start(int)}).
   */
  static DjlModel untrained(Architecture architecture, List<String> labels, int[] inputShape) {
    requireArguments(architecture, labels, inputShape);
    Model model = Model.newInstance(architecture.type().id(), Device.cpu(), DjlRuntime.ENGINE);
    model.setBlock(architecture.build(labels.size()));
    return new DjlModel(architecture, labels, inputShape, model);
  }

  /**
   * Reads what {@link #save} wrote into {@code folder}, starting the engine with one thread per
   * available processor if nothing started it yet.
   *
   * @throws IOException if the files are missing or unreadable, or were saved for another model
   *     type, other labels or another input shape
   */
  static DjlModel load(
      Architecture architecture, Path folder, List<String> labels, int[] inputShape)
      throws IOException {
    requireArguments(architecture, labels, inputShape);
    Path parameters = folder.resolve(PARAMETERS_FILE);
    Path manifestFile = folder.resolve(MANIFEST_FILE);
    if (!Files.isRegularFile(parameters) || !Files.isRegularFile(manifestFile)) {
      throw new IOException(
          "no "
              + architecture.type().id()
              + " model in "
              + folder
              + ": needs "
              + PARAMETERS_FILE
              + " and "
              + MANIFEST_FILE);
    }
    Manifest manifest = JSON.readValue(manifestFile.toFile(), Manifest.class);
    Manifest wanted =
        new Manifest(FORMAT, architecture.type().id(), List.copyOf(labels), inputShape.clone());
    if (manifest.format() != FORMAT
        || !wanted.type().equals(manifest.type())
        || !wanted.labels().equals(manifest.labels())
        || !Arrays.equals(manifest.inputShape(), wanted.inputShape())) {
      throw new IOException(
          manifestFile
              + " was saved for "
              + describe(manifest)
              + ", not for the requested "
              + describe(wanted));
    }
    DjlRuntime.startIfNeeded();
    DjlModel loaded = untrained(architecture, labels, inputShape);
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(parameters)))) {
      loaded.model.getBlock().loadParameters(loaded.model.getNDManager(), in);
      return loaded;
    } catch (IOException | MalformedModelException | RuntimeException e) {
      loaded.close();
      throw new IOException("cannot read " + parameters + ": " + e.getMessage(), e);
    }
  }

  private static String describe(Manifest m) {
    return m.type()
        + " (format "
        + m.format()
        + ") with labels "
        + m.labels()
        + " and input shape "
        + Arrays.toString(m.inputShape());
  }

  private static void requireArguments(
      Architecture architecture, List<String> labels, int[] inputShape) {
    architecture.requireInputShape(inputShape);
    if (labels.size() < 2) {
      throw new IllegalArgumentException("a classifier needs at least 2 labels but got " + labels);
    }
  }

  @Override
  public ModelType type() {
    return architecture.type();
  }

  @Override
  public List<String> labels() {
    return labels;
  }

  /** The shape of one input row, e.g. {@code [features]} or {@code [1, bands, frames]}. */
  public int[] inputShape() {
    return inputShape.clone();
  }

  /**
   * @param inputs rows of {@code product(inputShape)} values; spectrograms band-major
   * @return probabilities [rows][labels], each row summing to 1
   */
  @Override
  public double[][] predict(float[][] inputs) {
    float[] logits = logits(inputs);
    int classes = labels.size();
    double[][] probabilities = new double[inputs.length][classes];
    for (int i = 0; i < inputs.length; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        max = Math.max(max, logits[i * classes + c]);
      }
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        probabilities[i][c] = Math.exp(logits[i * classes + c] - max);
        sum += probabilities[i][c];
      }
      for (int c = 0; c < classes; c++) {
        probabilities[i][c] /= sum;
      }
    }
    return probabilities;
  }

  /** The network's raw output [rows × labels], row-major, in inference mode (no dropout). */
  float[] logits(float[][] inputs) {
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i].length != width) {
        throw new IllegalArgumentException(
            "row "
                + i
                + " has "
                + inputs[i].length
                + " values but input shape "
                + Arrays.toString(inputShape)
                + " needs "
                + width);
      }
    }
    int classes = labels.size();
    float[] logits = new float[inputs.length * classes];
    int chunk = Math.max(1, VALUES_PER_CHUNK / width);
    return withBlock(
        block -> {
          try (NDManager manager = model.getNDManager().newSubManager()) {
            ParameterStore parameters = new ParameterStore(manager, false);
            for (int from = 0; from < inputs.length; from += chunk) {
              int to = Math.min(inputs.length, from + chunk);
              float[] flat = new float[(to - from) * width];
              for (int i = from; i < to; i++) {
                System.arraycopy(inputs[i], 0, flat, (i - from) * width, width);
              }
              try (NDManager pass = manager.newSubManager()) {
                NDArray x = pass.create(flat, Architecture.batchShape(to - from, inputShape));
                NDArray out = block.forward(parameters, new NDList(x), false).singletonOrThrow();
                System.arraycopy(
                    out.toFloatArray(), 0, logits, from * classes, (to - from) * classes);
              }
            }
          }
          return logits;
        });
  }

  /**
   * Writes {@value #PARAMETERS_FILE} and {@value #MANIFEST_FILE} into {@code folder}, each replaced
   * atomically where the file system allows.
   *
   * @return the parameters file
   */
  @Override
  public Path save(Path folder) throws IOException {
    Files.createDirectories(folder);
    Path parameters = folder.resolve(PARAMETERS_FILE);
    Path parametersTemp = Files.createTempFile(folder, PARAMETERS_FILE, ".part");
    Path manifestTemp = Files.createTempFile(folder, MANIFEST_FILE, ".part");
    try {
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(parametersTemp)))) {
        withBlock(
            block -> {
              block.saveParameters(out);
              return null;
            });
      }
      JSON.writerWithDefaultPrettyPrinter()
          .writeValue(manifestTemp.toFile(), new Manifest(FORMAT, type().id(), labels, inputShape));
      move(parametersTemp, parameters);
      move(manifestTemp, folder.resolve(MANIFEST_FILE));
      return parameters;
    } finally {
      Files.deleteIfExists(parametersTemp);
      Files.deleteIfExists(manifestTemp);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Something done with the network that may throw {@code E}. */
  @FunctionalInterface
  interface BlockAction<T, E extends Exception> {
    T apply(Block block) throws E;
  }

  /** Runs {@code action} on the network while holding off {@link #close}. */
  <T, E extends Exception> T withBlock(BlockAction<T, E> action) throws E {
    lock.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException(type().id() + " model is closed");
      }
      return action.apply(model.getBlock());
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The DJL model, for the trainer, which is its only user until it returns this object. */
  Model djlModel() {
    return model;
  }

  /** Frees the parameters' native memory; idempotent. */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        model.close();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }
}
