package dev.earshot.classify.classifier;

import dev.earshot.classify.features.FeatureSet;
import dev.earshot.classify.model.ClassifierArtifact;
import dev.earshot.classify.whisper.ZeroShotClassifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Scores candidate words or phrases with the Whisper decoder, no training: its version changes with
 * the Whisper model, the language and the candidates, so results say exactly what was asked.
 */
public final class ZeroShotChunkClassifier implements ChunkClassifier {

  private final String name;
  private final ZeroShotClassifier scorer;
  private final ModelId model;

  public ZeroShotChunkClassifier(
      String name,
      ZeroShotClassifier scorer,
      String whisperId,
      String whisperVersion,
      String language) {
    this.name = name;
    this.scorer = scorer;
    String identity =
        whisperVersion + "|" + language + "|" + String.join("\n", scorer.candidates());
    this.model =
        new ModelId(
            "zero-shot/" + whisperId,
            ClassifierArtifact.versionOf(identity.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ModelId model() {
    return model;
  }

  @Override
  public List<String> labels() {
    return scorer.candidates();
  }

  @Override
  public Optional<FeatureSet> featureSet() {
    return Optional.empty();
  }

  @Override
  public double[] probabilities(ChunkInput input) {
    return scorer.classify(input.samples()).probabilities();
  }

  @Override
  public void close() {
    // The Whisper model belongs to whoever loaded it.
  }
}
