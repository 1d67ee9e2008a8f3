package dev.earshot.results.picture;

import java.util.Objects;

/**
 * One class probability for {@link Pictures#probabilities}: {@code group} names the classifier
 * (bars of one group are drawn together), {@code label} the class.
 *
 * @param probability expected in [0, 1]; drawn clamped to that range
 */
public record ProbabilityBar(String group, String label, double probability) {

  public ProbabilityBar {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(label, "label");
    if (Double.isNaN(probability)) {
      throw new IllegalArgumentException("probability of " + group + "/" + label + " is NaN");
    }
  }
}
