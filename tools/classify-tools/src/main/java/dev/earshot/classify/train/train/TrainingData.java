package dev.earshot.classify.train;

import dev.earshot.audio.chunk.AudioLoader;
import dev.earshot.classify.evaluate.Splits;
import dev.earshot.classify.features.FeatureSet;
import dev.earshot.classify.features.Featurizer;
import dev.earshot.classify.model.Standardizer;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Labelled recordings in, standardised train / validation / test sets out: each file is decoded to
 * 16 kHz mono (at most one 30 s window), split stratified by label, and only the training files get
 * augmented copies, so validation and test measure real files alone.
 */
public final class TrainingData {

  /** Longest audio taken from one file. */
  public static final int MAX_SAMPLES = 30 * 16_000;

  /**
   * @param augmentedCopies perturbed copies per training file (noise 5–30 dB SNR, gain ±6 dB, shift
   *     ±0.1 s, pitch ±2 semitones, stretch 0.85–1.15, each with probability one half; telephone
   *     band with probability one quarter)
   */
  public record Settings(
      FeatureSet featureSet,
      double trainFraction,
      double validationFraction,
      int augmentedCopies,
      long seed) {

    public Settings {
      if (augmentedCopies < 0 || augmentedCopies > 50) {
        throw new IllegalArgumentException("augmentedCopies must be 0..50: " + augmentedCopies);
      }
    }

    /** The same settings for another feature set. */
    public Settings with(FeatureSet set) {
      return new Settings(set, trainFraction, validationFraction, augmentedCopies, seed);
    }
  }

  /**
   * The three parts, scaled with statistics of the training part.
   *
   * @param split which items (indices into the list given) went where
   */
  public record Parts(
      TrainingSet train,
      TrainingSet validation,
      TrainingSet test,
      Standardizer scaling,
      Splits.Split split) {

    /**
     * The columns {@code [from, to)} of every part, e.g. the Whisper half of combined features;
     * per-column scaling makes this the same as preparing those columns alone.
     */
    public Parts columns(int from, int to) {
      return new Parts(
          train.columns(from, to),
          validation.columns(from, to),
          test.columns(from, to),
          scaling.columns(from, to),
          split);
    }
  }

  private TrainingData() {}

  /**
   * @param progress told the index of each file once its rows are done
   */
  public static Parts prepare(
      List<LabelledAudio> items, Featurizer featurizer, Settings settings, IntConsumer progress)
      throws IOException {
    Splits.Split split = split(items, settings);
    return FeatureTable.build(
            items, featurizer, settings, inTraining(split, items.size()), progress)
        .parts(split);
  }

  /** Which of {@code n} items the split puts in its training part: those to augment. */
  public static boolean[] inTraining(Splits.Split split, int n) {
    boolean[] train = new boolean[n];
    for (int i : split.train()) {
      train[i] = true;
    }
    return train;
  }

  /** Stratified by label; by group too when any item names one. */
  public static Splits.Split split(List<LabelledAudio> items, Settings settings) {
    List<String> labels = LabelledAudio.labels(items);
    int[] y = items.stream().mapToInt(i -> labels.indexOf(i.label())).toArray();
    boolean grouped = items.stream().anyMatch(i -> !i.group().isEmpty());
    return grouped
        ? Splits.groupedSplit(
            y,
            items.stream().map(LabelledAudio::splitGroup).toArray(String[]::new),
            settings.trainFraction(),
            settings.validationFraction(),
            settings.seed())
        : Splits.stratifiedSplit(
            y, settings.trainFraction(), settings.validationFraction(), settings.seed());
  }

  /** Mono 16 kHz samples of the file, at most {@link #MAX_SAMPLES}. */
  public static float[] load(LabelledAudio item) throws IOException {
    float[] samples;
    try {
      samples = AudioLoader.loadMono(item.file(), 16_000);
    } catch (IOException | RuntimeException e) {
      throw new IOException("cannot read training file " + item.file() + ": " + e.getMessage(), e);
    }
    if (samples.length == 0) {
      throw new IOException("training file " + item.file() + " holds no audio");
    }
    return samples.length > MAX_SAMPLES ? Arrays.copyOf(samples, MAX_SAMPLES) : samples;
  }

  static float[] perturb(Augmenter augmenter, float[] samples, Random random) {
    float[] x = samples;
    if (random.nextBoolean()) {
      x = augmenter.pitch(x, (random.nextDouble() * 2 - 1) * 2.0);
    }
    if (random.nextBoolean()) {
      x = augmenter.stretch(x, 0.85 + random.nextDouble() * 0.3);
    }
    if (random.nextBoolean()) {
      x = augmenter.shift(x, (random.nextDouble() * 2 - 1) * 0.1);
    }
    if (random.nextBoolean()) {
      x = augmenter.gain(x, (random.nextDouble() * 2 - 1) * 6.0);
    }
    if (random.nextBoolean()) {
      x = augmenter.addNoise(x, 5.0 + random.nextDouble() * 25.0, random);
    }
    if (random.nextInt(4) == 0) {
      // Telephone band, as the classifiers also hear calls, not only full-band recordings.
      x = augmenter.telephone(x, random.nextBoolean());
    }
    // Slowing down can push a full window past 30 s.
    return x.length > MAX_SAMPLES ? Arrays.copyOf(x, MAX_SAMPLES) : x;
  }
}
