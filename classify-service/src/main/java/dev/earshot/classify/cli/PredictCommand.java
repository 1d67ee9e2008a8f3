package dev.earshot.classify.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.assets.AssetCache;
import dev.earshot.audio.chunk.AudioLoader;
import dev.earshot.classify.classifier.ChunkClassification;
import dev.earshot.classify.classifier.ClassifierSet;
import dev.earshot.classify.classifier.LabelScore;
import dev.earshot.classify.classifier.Prediction;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Classifies audio files with the service's classifiers, without Kafka. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = "Classify audio files with the service's classifiers; one JSON line per file.")
public class PredictCommand implements Callable<Integer> {

  @Mixin ClassifierOptions classifiers;

  @Option(names = "--whisper", defaultValue = "tiny", description = "Whisper model (tiny).")
  String whisper;

  @Option(names = "--top", defaultValue = "3", description = "Labels listed per classifier (3).")
  int top;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Audio files (at most 60 s used).")
  List<Path> files;

  @Override
  public Integer call() throws Exception {
    ObjectMapper json = new ObjectMapper();
    int failed = 0;
    try (ClassifierSet set =
        ClassifierSet.open(classifiers.specs(true), whisper, 0, AssetCache.atDefaultLocation())) {
      for (Path file : files) {
        ObjectNode line = json.createObjectNode().put("file", file.toString());
        try {
          float[] samples = AudioLoader.loadMono(file, 16_000);
          if (samples.length > 60 * 16_000) {
            samples = java.util.Arrays.copyOf(samples, 60 * 16_000);
          }
          ChunkClassification.Result result = set.classification().classify(samples);
          ObjectNode byClassifier = line.putObject("classifiers");
          for (Prediction p : result.predictions()) {
            ObjectNode node = byClassifier.putObject(p.classifier());
            node.put("predicted_label", p.label());
            node.put("confidence", round(p.confidence()));
            ArrayNode ranked = node.putArray("top");
            for (LabelScore s : p.top(top)) {
              ranked.addObject().put("label", s.label()).put("probability", round(s.probability()));
            }
            node.put("model", p.model().id()).put("version", p.model().version());
          }
        } catch (Exception e) {
          failed++;
          line.put("error", e.getMessage());
        }
        System.out.println(json.writeValueAsString(line));
      }
    }
    return failed == 0 ? 0 : 1;
  }

  private static double round(double p) {
    return Math.round(p * 10_000) / 10_000.0;
  }
}
