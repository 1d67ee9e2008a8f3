package dev.earshot.classify.train;

import dev.earshot.classify.evaluate.Splits;
import dev.earshot.classify.features.FeatureSet;
import dev.earshot.classify.features.Featurizer;
import dev.earshot.classify.model.Standardizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * The input rows of every labelled file, computed once: the file's own row plus, for the files
 * chosen for augmentation, rows of perturbed copies. Any split of the files (a train/validation/
 * test split, each fold of a cross-validation) is then assembled from it without recomputing.
 */
public final class FeatureTable {

  private final List<String> labels;
  private final int[] y;
  private final int[] shape;
  private final FeatureSet featureSet;
  private final float[][] rows;
  private final List<List<float[]>> augmented;

  private FeatureTable(
      List<String> labels,
      int[] y,
      int[] shape,
      FeatureSet featureSet,
      float[][] rows,
      List<List<float[]>> augmented) {
    this.labels = labels;
    this.y = y;
    this.shape = shape;
    this.featureSet = featureSet;
    this.rows = rows;
    this.augmented = augmented;
  }

  /**
   * @param augment which files get {@link TrainingData.Settings#augmentedCopies()} perturbed copies
   *     (only those that may land in a training part)
   */
  public static FeatureTable build(
      List<LabelledAudio> items,
      Featurizer featurizer,
      TrainingData.Settings settings,
      boolean[] augment,
      IntConsumer progress)
      throws IOException {
    List<String> labels = LabelledAudio.labels(items);
    int[] y = items.stream().mapToInt(i -> labels.indexOf(i.label())).toArray();
    Augmenter augmenter = new Augmenter(featurizer.extractor().settings().sampleRate());
    Random random = new Random(settings.seed());
    FeatureSet set = settings.featureSet();
    int[] shape = featurizer.shape(set);
    float[][] rows = new float[items.size()][];
    List<List<float[]>> augmented = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      float[] samples = TrainingData.load(items.get(i));
      rows[i] = featurizer.row(set, samples);
      List<float[]> copies = new ArrayList<>();
      if (augment[i]) {
        for (int c = 0; c < settings.augmentedCopies(); c++) {
          float[] row = featurizer.row(set, TrainingData.perturb(augmenter, samples, random));
          if (set == FeatureSet.LOG_MEL) {
            row = SpecAugment.mask(row, shape[1], shape[2], 8, 20, random);
          }
          copies.add(row);
        }
      }
      augmented.add(copies);
      progress.accept(i);
    }
    return new FeatureTable(labels, y, shape, set, rows, augmented);
  }

  public List<String> labels() {
    return labels;
  }

  /** Label index of every file. */
  public int[] targets() {
    return y.clone();
  }

  /** The parts of {@code split}, scaled with statistics of its training rows (copies included). */
  public TrainingData.Parts parts(Splits.Split split) {
    List<float[]> trainRows = new ArrayList<>();
    List<Integer> trainLabels = new ArrayList<>();
    for (int i : split.train()) {
      trainRows.add(rows[i]);
      trainLabels.add(y[i]);
      for (float[] copy : augmented.get(i)) {
        trainRows.add(copy);
        trainLabels.add(y[i]);
      }
    }
    float[][] trainX = trainRows.toArray(new float[0][]);
    Standardizer scaling =
        featureSet == FeatureSet.LOG_MEL
            ? Standardizer.global(trainX)
            : Standardizer.perColumn(trainX);
    TrainingSet all = new TrainingSet(scaling.apply(rows), y, labels, shape);
    TrainingSet train =
        new TrainingSet(
            scaling.apply(trainX),
            trainLabels.stream().mapToInt(Integer::intValue).toArray(),
            labels,
            shape);
    return new TrainingData.Parts(
        train, all.subset(split.validation()), all.subset(split.test()), scaling, split);
  }
}
