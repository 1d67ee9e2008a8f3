package dev.earshot.classify.classifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One classifier's verdict on one chunk.
 *
 * @param classifier the classifier's configured name, e.g. {@code sound-type}
 * @param model the model behind it
 * @param ranked every label with its probability, most probable first
 * @param inferenceMs time spent in the model, features not included
 */
public record Prediction(
    String classifier, ModelId model, List<LabelScore> ranked, double inferenceMs) {

  public Prediction {
    if (ranked.isEmpty()) {
      throw new IllegalArgumentException("a prediction needs at least one label");
    }
    ranked = List.copyOf(ranked);
  }

  /** Ranks {@code probabilities} (aligned with {@code labels}); ties keep the label order. */
  public static Prediction of(
      String classifier,
      ModelId model,
      List<String> labels,
      double[] probabilities,
      double inferenceMs) {
    if (labels.size() != probabilities.length) {
      throw new IllegalArgumentException(
          classifier
              + " gave "
              + probabilities.length
              + " probabilities for "
              + labels.size()
              + " labels");
    }
    List<LabelScore> ranked = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      ranked.add(new LabelScore(labels.get(i), probabilities[i]));
    }
    ranked.sort(Comparator.comparingDouble(LabelScore::probability).reversed());
    return new Prediction(classifier, model, ranked, inferenceMs);
  }

  public String label() {
    return ranked.get(0).label();
  }

  public double confidence() {
    return ranked.get(0).probability();
  }

  /** The {@code k} most probable labels, or all when there are fewer. */
  public List<LabelScore> top(int k) {
    return ranked.subList(0, Math.min(k, ranked.size()));
  }
}
