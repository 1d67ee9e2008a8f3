package dev.earshot.classify.cli;

import dev.earshot.classify.classifier.BuiltinModels;
import dev.earshot.classify.classifier.ClassifierSpec;
import dev.earshot.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** Which saved or zero-shot classifiers a command runs. */
public class ClassifierOptions {

  @Option(
      names = "--classifier",
      description =
          "[NAME=]builtin:NAME or [NAME=]FOLDER of a trained model; repeatable (default: the"
              + " built-in sound-type and digits).")
  List<String> classifiers = new ArrayList<>();

  @Option(
      names = "--zero-shot",
      description = "[NAME=]word,word,...: candidates Whisper scores without training; repeatable.")
  List<String> zeroShot = new ArrayList<>();

  @Option(names = "--language", defaultValue = "en", description = "Zero-shot language (en).")
  String language;

  /** The classifiers asked for; one that names nothing there is a usage error. */
  List<ClassifierSpec> specs(boolean defaults) {
    List<ClassifierSpec> specs = new ArrayList<>();
    for (String c : classifiers) {
      specs.add(Cli.parse("--classifier", c, ClassifierOptions::trained));
    }
    for (String z : zeroShot) {
      int eq = z.indexOf('=');
      String name = eq > 0 ? z.substring(0, eq) : "zero-shot";
      List<String> candidates = Arrays.asList((eq > 0 ? z.substring(eq + 1) : z).split(","));
      specs.add(
          Cli.parse("--zero-shot", z, v -> ClassifierSpec.zeroShot(name, candidates, language)));
    }
    if (specs.isEmpty() && defaults) {
      specs.add(ClassifierSpec.trained("sound-type", "builtin:sound-type"));
      specs.add(ClassifierSpec.trained("digits", "builtin:digits"));
    }
    return specs;
  }

  private static ClassifierSpec trained(String option) {
    int eq = option.indexOf('=');
    String source = eq > 0 ? option.substring(eq + 1) : option;
    String name;
    if (source.startsWith(ClassifierSpec.BUILTIN)) {
      name = source.substring(ClassifierSpec.BUILTIN.length());
      if (!BuiltinModels.NAMES.contains(name)) {
        throw new IllegalArgumentException(
            "no such built-in classifier; one of " + String.join(", ", BuiltinModels.NAMES));
      }
    } else {
      Path folder = Path.of(source);
      if (!Files.isDirectory(folder)) {
        throw new IllegalArgumentException("no such folder (a model written by 'train')");
      }
      name = folder.toAbsolutePath().normalize().getFileName().toString();
    }
    return ClassifierSpec.trained(eq > 0 ? option.substring(0, eq) : name, source);
  }
}
