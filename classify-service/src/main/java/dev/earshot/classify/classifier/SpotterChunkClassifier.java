package dev.earshot.classify.classifier;

import dev.earshot.classify.features.FeatureSet;
import dev.earshot.classify.model.ClassifierArtifact;
import dev.earshot.classify.whisper.WhisperEmbedding;
import dev.earshot.classify.whisper.WordSpotter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Spots words with Whisper's decoder on the encoder states the chunk's embedding already paid for:
 * no second encoder pass. A chunk longer than one encoder window is judged on the window the
 * embedding fills with the loudest stretch of each part, where a word said among silence would be.
 * Its version changes with the Whisper model, the words, their spellings and the spotter's
 * settings, so results say exactly what was asked.
 */
public final class SpotterChunkClassifier implements ChunkClassifier {

  private final String name;
  private final WordSpotter spotter;
  private final ModelId model;

  public SpotterChunkClassifier(
      String name, WordSpotter spotter, String whisperId, String whisperVersion) {
    this.name = name;
    this.spotter = spotter;
    String identity =
        String.join(
            "|",
            whisperVersion,
            spotter.language(),
            spotter.words().toString(),
            spotter.settings().toString(),
            Double.toString(WhisperEmbedding.WINDOW_SECONDS),
            // How a longer chunk fills the window (once: the loudest of equal pieces).
            "loudest-of-each-part");
    this.model =
        new ModelId(
            "word-spotter/" + whisperId,
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
    return spotter.labels();
  }

  @Override
  public Optional<FeatureSet> featureSet() {
    return Optional.empty();
  }

  @Override
  public double[] probabilities(ChunkInput input) {
    return spotter.spot(input.encoded().states()).probabilities();
  }

  @Override
  public void close() {
    // The Whisper model belongs to whoever loaded it.
  }
}
