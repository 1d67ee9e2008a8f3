package dev.earshot.classify.classifier;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One classifier the service should run, as configured: either a trained model ({@code
 * builtin:NAME} for one shipped with the service, or the folder a {@code train} run wrote), or a
 * zero-shot list of candidate words scored by Whisper.
 *
 * @param name names the classifier in every record, e.g. {@code sound-type}
 * @param model {@code builtin:NAME} or an artifact folder; empty for zero-shot
 * @param zeroShot candidate words or phrases; empty for a trained model
 * @param language the language zero-shot candidates are spoken in (ISO code)
 */
public record ClassifierSpec(
    String name, Optional<String> model, List<String> zeroShot, String language) {

  public static final String BUILTIN = "builtin:";
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  public ClassifierSpec {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "classifier name '"
              + name
              + "' must be 1-64 lower-case letters, digits, '.', '_' or '-', e.g. sound-type");
    }
    model = model.map(String::strip).filter(m -> !m.isEmpty());
    zeroShot = zeroShot.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
    if (model.isPresent() == !zeroShot.isEmpty()) {
      throw new IllegalArgumentException(
          "classifier "
              + name
              + " needs exactly one of a model (builtin:NAME or an artifact folder) or zero-shot"
              + " candidates; it has "
              + (model.isPresent() ? "both" : "neither"));
    }
    if (!zeroShot.isEmpty()) {
      if (zeroShot.size() < 2) {
        throw new IllegalArgumentException(
            "zero-shot classifier " + name + " needs at least two candidates: " + zeroShot);
      }
      if (new LinkedHashSet<>(zeroShot).size() != zeroShot.size()) {
        throw new IllegalArgumentException(
            "zero-shot classifier " + name + " lists a candidate twice: " + zeroShot);
      }
    }
    if (language == null || !language.matches("[a-z]{2,3}")) {
      throw new IllegalArgumentException(
          "classifier " + name + " has an impossible language '" + language + "'; use e.g. en");
    }
  }

  public static ClassifierSpec trained(String name, String model) {
    return new ClassifierSpec(name, Optional.of(model), List.of(), "en");
  }

  public static ClassifierSpec zeroShot(String name, List<String> candidates, String language) {
    return new ClassifierSpec(name, Optional.empty(), candidates, language);
  }

  /** Whether this is one of the models shipped with the service. */
  public boolean builtin() {
    return model.filter(m -> m.startsWith(BUILTIN)).isPresent();
  }
}
