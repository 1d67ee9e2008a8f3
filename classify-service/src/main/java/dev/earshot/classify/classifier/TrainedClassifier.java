package dev.earshot.classify.classifier;

import dev.earshot.classify.features.FeatureSet;
import dev.earshot.classify.model.ArtifactManifest;
import dev.earshot.classify.model.ClassifierArtifact;
import java.util.List;
import java.util.Optional;

/** A classifier trained with the {@code train} command, loaded from its saved artifact. */
public final class TrainedClassifier implements ChunkClassifier {

  private final String name;
  private final ClassifierArtifact.Loaded artifact;
  private final FeatureSet featureSet;
  private final ModelId model;

  public TrainedClassifier(String name, ClassifierArtifact.Loaded artifact) {
    this.name = name;
    this.artifact = artifact;
    ArtifactManifest manifest = artifact.manifest();
    this.featureSet = FeatureSet.of(manifest.featureSet());
    this.model =
        new ModelId(
            manifest.name() + "/" + manifest.type() + "-" + manifest.featureSet(),
            manifest.version());
  }

  public ArtifactManifest manifest() {
    return artifact.manifest();
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
    return artifact.manifest().labels();
  }

  @Override
  public Optional<FeatureSet> featureSet() {
    return Optional.of(featureSet);
  }

  @Override
  public double[] probabilities(ChunkInput input) {
    float[] row = artifact.scaling().apply(input.row(featureSet));
    return artifact.model().predict(new float[][] {row})[0];
  }

  @Override
  public void close() {
    artifact.close();
  }
}
