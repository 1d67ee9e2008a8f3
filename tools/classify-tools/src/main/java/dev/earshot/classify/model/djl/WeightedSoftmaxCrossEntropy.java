package dev.earshot.classify.model.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * Label indices [batch] and logits [batch, classes] in, the class-weighted mean softmax
 * cross-entropy (a scalar) out, as {@code torch.nn.CrossEntropyLoss(weight=w)}: {@code sum_i w[y_i]
 * * -log p(y_i) / sum_i w[y_i]}.
 */
final class WeightedSoftmaxCrossEntropy extends Loss {

  private final float[] classWeights;

  WeightedSoftmaxCrossEntropy(double[] classWeights) {
    super("weighted_softmax_cross_entropy");
    this.classWeights = new float[classWeights.length];
    for (int c = 0; c < classWeights.length; c++) {
      this.classWeights[c] = (float) classWeights[c];
    }
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray logits = predictions.singletonOrThrow();
    int classes = (int) logits.getShape().get(1);
    if (classes != classWeights.length) {
      throw new IllegalArgumentException(
          "logits have " + classes + " classes, weights " + classWeights.length);
    }
    NDArray logProbabilities = logits.logSoftmax(1);
    NDArray oneHot =
        labels
            .singletonOrThrow()
            .toType(DataType.INT64, false)
            .oneHot(classes)
            .toType(logProbabilities.getDataType(), false);
    NDArray weights = logits.getManager().create(classWeights).reshape(1, classes);
    NDArray exampleWeights = oneHot.mul(weights).sum(new int[] {1});
    NDArray negativeLogLikelihood = logProbabilities.mul(oneHot).sum(new int[] {1}).neg();
    return negativeLogLikelihood.mul(exampleWeights).sum().div(exampleWeights.sum());
  }
}
