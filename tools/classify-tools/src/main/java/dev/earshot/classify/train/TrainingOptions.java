package dev.earshot.classify.train;

/**
 * How to train: seed, epochs with early stopping, optimiser settings and threads. Trainers that
 * have no epochs (SVM) ignore the epoch settings.
 *
 * @param seed seeds every random choice, so a run can be repeated exactly
 * @param maxEpochs upper bound on passes over the training set (boosting rounds for trees)
 * @param patience epochs without a better validation loss before training stops
 * @param learningRate step size of the optimiser
 * @param batchSize examples per gradient step
 * @param classWeights loss weight per class, e.g. {@link TrainingSet#balancedClassWeights()}
 * @param threads CPU threads for training
 */
public record TrainingOptions(
    long seed,
    int maxEpochs,
    int patience,
    double learningRate,
    int batchSize,
    double[] classWeights,
    int threads) {

  public TrainingOptions {
    if (maxEpochs < 1) {
      throw new IllegalArgumentException("maxEpochs must be at least 1: " + maxEpochs);
    }
    if (patience < 1) {
      throw new IllegalArgumentException("patience must be at least 1: " + patience);
    }
    if (!(learningRate > 0.0)) {
      throw new IllegalArgumentException("learningRate must be positive: " + learningRate);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    classWeights = classWeights.clone();
  }

  public TrainingOptions withClassWeights(double[] weights) {
    return new TrainingOptions(
        seed, maxEpochs, patience, learningRate, batchSize, weights, threads);
  }
}
