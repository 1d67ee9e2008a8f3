package dev.earshot.classify.model.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.earshot.classify.evaluate.TrainingCurve;
import dev.earshot.classify.train.TrainingOptions;
import dev.earshot.classify.train.TrainingSet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Training and validation sets in, a fitted {@link DjlModel} out: Adam on shuffled mini-batches
 * with class-weighted softmax cross-entropy, early stopping on the validation loss, and the
 * parameters of the best epoch kept.
 *
 * <p>Both losses reported per epoch are the class-weighted cross-entropy, so the validation loss
 * that picks the epoch counts rare classes as the training does. The training loss and accuracy are
 * those of the mini-batches as they were fitted (dropout on); the validation numbers are measured
 * afterwards in inference mode.
 *
 * <p>Trainings in one JVM run one at a time: libtorch's random generator and thread count are
 * process-wide, and sharing them would make a run depend on what ran beside it.
 */
final class DjlTraining {

  /** A validation loss must drop by more than this to count as better. */
  static final double MIN_IMPROVEMENT = 1e-4;

  private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();

  private DjlTraining() {}

  static DjlModel train(
      Architecture architecture,
      TrainingSet train,
      TrainingSet validation,
      TrainingOptions options,
      Consumer<TrainingCurve.Epoch> epochs) {
    requireArguments(architecture, train, validation, options);
    Objects.requireNonNull(epochs, "epochs");
    ONE_AT_A_TIME.lock();
    try {
      DjlRuntime.start(options.threads()).setRandomSeed(Long.hashCode(options.seed()));
      DjlModel model = DjlModel.untrained(architecture, train.labelNames(), train.inputShape());
      try {
        fit(model, train, validation, options, epochs);
        return model;
      } catch (RuntimeException | Error e) {
        model.close();
        throw e;
      }
    } finally {
      ONE_AT_A_TIME.unlock();
    }
  }

  private static void fit(
      DjlModel model,
      TrainingSet train,
      TrainingSet validation,
      TrainingOptions options,
      Consumer<TrainingCurve.Epoch> epochs) {
    Model djl = model.djlModel();
    Block block = djl.getBlock();
    WeightedSoftmaxCrossEntropy loss = new WeightedSoftmaxCrossEntropy(options.classWeights());
    DefaultTrainingConfig config =
        new DefaultTrainingConfig(loss)
            .optOptimizer(
                Optimizer.adam()
                    .optLearningRateTracker(Tracker.fixed((float) options.learningRate()))
                    .build())
            // He initialisation: the variance that keeps ReLU activations from shrinking.
            .optInitializer(
                new XavierInitializer(
                    XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 2),
                Parameter.Type.WEIGHT)
            .optDevices(new Device[] {Device.cpu()});
    Random shuffler = new Random(options.seed());
    int[] order = new int[train.size()];
    Arrays.setAll(order, i -> i);
    double bestLoss = Double.POSITIVE_INFINITY;
    int bestEpoch = 0;
    byte[] best = null;
    try (Trainer trainer = djl.newTrainer(config)) {
      trainer.initialize(Architecture.batchShape(options.batchSize(), train.inputShape()));
      for (int epoch = 1; epoch <= options.maxEpochs(); epoch++) {
        shuffle(order, shuffler);
        Tally fitted = fitEpoch(trainer, loss, train, order, options);
        Tally checked = new Tally(options.classWeights());
        checked.add(model.logits(validation.inputs()), validation.labels(), 0, validation.size());
        epochs.accept(
            new TrainingCurve.Epoch(
                epoch, fitted.loss(), fitted.accuracy(), checked.loss(), checked.accuracy()));
        if (!Double.isFinite(fitted.loss()) || !Double.isFinite(checked.loss())) {
          throw new IllegalStateException(
              "training diverged in epoch "
                  + epoch
                  + " (training loss "
                  + fitted.loss()
                  + ", validation loss "
                  + checked.loss()
                  + "); try a learningRate below "
                  + options.learningRate());
        }
        if (checked.loss() < bestLoss - MIN_IMPROVEMENT) {
          bestLoss = checked.loss();
          bestEpoch = epoch;
          best = snapshot(block);
        } else if (epoch - bestEpoch >= options.patience()) {
          break;
        }
      }
    }
    // Also drops the gradients attached during training, so inference builds no autograd graph.
    restore(block, djl.getNDManager(), best);
  }

  private static Tally fitEpoch(
      Trainer trainer,
      WeightedSoftmaxCrossEntropy loss,
      TrainingSet train,
      int[] order,
      TrainingOptions options) {
    int width = Arrays.stream(train.inputShape()).reduce(1, Math::multiplyExact);
    int[] labels = new int[order.length];
    Tally tally = new Tally(options.classWeights());
    for (int from = 0; from < order.length; from += options.batchSize()) {
      int to = Math.min(order.length, from + options.batchSize());
      float[] x = new float[(to - from) * width];
      int[] y = new int[to - from];
      for (int i = from; i < to; i++) {
        System.arraycopy(train.inputs()[order[i]], 0, x, (i - from) * width, width);
        y[i - from] = train.labels()[order[i]];
        labels[i] = y[i - from];
      }
      try (NDManager batch = trainer.getManager().newSubManager();
          GradientCollector collector = trainer.newGradientCollector()) {
        NDArray inputs = batch.create(x, Architecture.batchShape(to - from, train.inputShape()));
        NDArray logits = trainer.forward(new NDList(inputs)).singletonOrThrow();
        collector.backward(loss.evaluate(new NDList(batch.create(y)), new NDList(logits)));
        tally.add(logits.toFloatArray(), labels, from, to);
      }
      trainer.step();
    }
    return tally;
  }

  private static void shuffle(int[] values, Random random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int kept = values[i];
      values[i] = values[j];
      values[j] = kept;
    }
  }

  private static byte[] snapshot(Block block) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      block.saveParameters(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the parameters in memory", e);
    }
    return bytes.toByteArray();
  }

  private static void restore(Block block, NDManager manager, byte[] parameters) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
      block.loadParameters(manager, in);
    } catch (IOException | MalformedModelException e) {
      throw new IllegalStateException("cannot restore the best epoch's parameters", e);
    }
  }

  private static void requireArguments(
      Architecture architecture,
      TrainingSet train,
      TrainingSet validation,
      TrainingOptions options) {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(options, "options");
    architecture.requireInputShape(train.inputShape());
    if (!Arrays.equals(train.inputShape(), validation.inputShape())) {
      throw new IllegalArgumentException(
          "validation input shape "
              + Arrays.toString(validation.inputShape())
              + " differs from training input shape "
              + Arrays.toString(train.inputShape()));
    }
    if (!train.labelNames().equals(validation.labelNames())) {
      throw new IllegalArgumentException(
          "validation labels "
              + validation.labelNames()
              + " differ from training labels "
              + train.labelNames());
    }
    double[] weights = options.classWeights();
    if (weights.length != train.labelNames().size()) {
      throw new IllegalArgumentException(
          weights.length
              + " class weights "
              + Arrays.toString(weights)
              + " for "
              + train.labelNames().size()
              + " labels "
              + train.labelNames());
    }
    for (int c = 0; c < weights.length; c++) {
      if (!(weights[c] >= 0) || Double.isInfinite(weights[c])) {
        throw new IllegalArgumentException(
            "class weight of '"
                + train.labelNames().get(c)
                + "' must be finite and not negative: "
                + weights[c]);
      }
    }
    requireWeightedExamples("training", train, weights);
    requireWeightedExamples("validation", validation, weights);
  }

  private static void requireWeightedExamples(String name, TrainingSet set, double[] weights) {
    for (int label : set.labels()) {
      if (weights[label] > 0) {
        return;
      }
    }
    throw new IllegalArgumentException(
        "the "
            + name
            + " set ("
            + set.size()
            + " examples) has no example of a class with a positive weight in "
            + Arrays.toString(weights));
  }

  /** Running class-weighted cross-entropy and accuracy over logits [rows × classes]. */
  static final class Tally {
    private final double[] weights;
    private double weightedLoss;
    private double weight;
    private int correct;
    private int count;

    Tally(double[] weights) {
      this.weights = weights;
    }

    /** Adds rows {@code from..to} of {@code labels}, whose logits start at row 0 of logits. */
    void add(float[] logits, int[] labels, int from, int to) {
      int classes = weights.length;
      for (int i = from; i < to; i++) {
        int offset = (i - from) * classes;
        int argMax = 0;
        for (int c = 1; c < classes; c++) {
          if (logits[offset + c] > logits[offset + argMax]) {
            argMax = c;
          }
        }
        double max = logits[offset + argMax];
        double sum = 0;
        for (int c = 0; c < classes; c++) {
          sum += Math.exp(logits[offset + c] - max);
        }
        int label = labels[i];
        double logProbability = logits[offset + label] - max - Math.log(sum);
        weightedLoss -= weights[label] * logProbability;
        weight += weights[label];
        correct += argMax == label ? 1 : 0;
        count++;
      }
    }

    double loss() {
      return weightedLoss / weight;
    }

    double accuracy() {
      return (double) correct / count;
    }
  }
}
