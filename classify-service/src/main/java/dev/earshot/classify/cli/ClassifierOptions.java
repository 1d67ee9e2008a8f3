package dev.earshot.classify.cli;

import dev.earshot.classify.classifier.ClassifierSpec;
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

  List<ClassifierSpec> specs(boolean defaults) {
    List<ClassifierSpec> specs = new ArrayList<>();
    for (String c : classifiers) {
      int eq = c.indexOf('=');
      String source = eq > 0 ? c.substring(eq + 1) : c;
      String name =
          eq > 0
              ? c.substring(0, eq)
              : source.startsWith(ClassifierSpec.BUILTIN)
                  ? source.substring(ClassifierSpec.BUILTIN.length())
                  : Path.of(source).toAbsolutePath().normalize().getFileName().toString();
      specs.add(ClassifierSpec.trained(name, source));
    }
    for (String z : zeroShot) {
      int eq = z.indexOf('=');
      String name = eq > 0 ? z.substring(0, eq) : "zero-shot";
      List<String> candidates = Arrays.asList((eq > 0 ? z.substring(eq + 1) : z).split(","));
      specs.add(ClassifierSpec.zeroShot(name, candidates, language));
    }
    if (specs.isEmpty() && defaults) {
      specs.add(ClassifierSpec.trained("sound-type", "builtin:sound-type"));
      specs.add(ClassifierSpec.trained("digits", "builtin:digits"));
    }
    return specs;
  }
}
