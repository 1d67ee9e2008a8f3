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
import dev.earshot.classify.train.Artifacts;
import dev.earshot.cli.AudioFileArguments;
import dev.earshot.cli.FileProgress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Classifies audio files with the service's classifiers, without Kafka. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
      "Classify audio files with the service's classifiers: one JSON object per file and line,"
          + " or FILE<TAB>LABEL<TAB>LABEL... with one label per classifier (--tsv).",
      "A file that cannot be read is reported on stderr and the others go on; the exit code is 1"
          + " when any file failed."
    })
public class PredictCommand implements Callable<Integer> {

  /** Longer files are classified on their first minute. */
  private static final int MAX_SECONDS = 60;

  @Mixin ClassifierOptions classifiers;

  @Option(names = "--whisper", defaultValue = "tiny", description = "Whisper model (tiny).")
  String whisper;

  @Option(names = "--top", defaultValue = "3", description = "Labels listed per classifier (3).")
  int top;

  @Option(names = "--tsv", description = "FILE<TAB>LABEL per classifier, one file per line.")
  boolean tsv;

  @Mixin AudioFileArguments inputs;

  @Override
  public Integer call() throws Exception {
    AudioFileArguments.Inputs resolved = inputs.resolve(System.err);
    List<Path> files = resolved.files();
    if (files.isEmpty()) {
      return 1;
    }
    int failed = resolved.failed();
    ObjectMapper json = new ObjectMapper();
    try (ClassifierSet set =
            ClassifierSet.open(
                classifiers.specs(true),
                whisper,
                0,
                AssetCache.atDefaultLocation(),
                Artifacts.ANY_TYPE);
        FileProgress progress =
            FileProgress.on(
                "predict", files.size(), System.err, inputs.progressFor(files.size()))) {
      for (Path file : files) {
        float[] samples;
        ChunkClassification.Result result;
        try {
          samples = AudioLoader.loadMono(file, 16_000);
          if (samples.length > MAX_SECONDS * 16_000) {
            samples = java.util.Arrays.copyOf(samples, MAX_SECONDS * 16_000);
          }
          result = set.classification().classify(samples);
        } catch (IOException | RuntimeException e) {
          failed++;
          progress.message(inputs.line(file, e.getMessage()));
          progress.fileDone(0);
          continue;
        }
        progress.clear();
        System.out.println(
            tsv ? tsvLine(file, result) : json.writeValueAsString(json(json, file, result)));
        System.out.flush();
        progress.fileDone(samples.length / 16_000.0);
      }
    }
    return failed == 0 ? 0 : 1;
  }

  private static String tsvLine(Path file, ChunkClassification.Result result) {
    StringBuilder line = new StringBuilder(file.toString());
    for (Prediction p : result.predictions()) {
      line.append('\t').append(p.label());
    }
    return line.toString();
  }

  private ObjectNode json(ObjectMapper json, Path file, ChunkClassification.Result result) {
    ObjectNode line = json.createObjectNode().put("file", file.toString());
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
    return line;
  }

  private static double round(double p) {
    return Math.round(p * 10_000) / 10_000.0;
  }
}
