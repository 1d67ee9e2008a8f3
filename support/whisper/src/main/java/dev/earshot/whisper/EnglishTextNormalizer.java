package dev.earshot.whisper;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Brings English transcripts to a common form before scoring, after the main rules of OpenAI's
 * EnglishTextNormalizer: lower case, no bracketed asides or fillers, titles spelled out ("Mr." is
 * "mister"), common contractions expanded, British spellings made American with the model's own
 * normalizer.json, spelled-out numbers as digits, and no punctuation.
 */
public final class EnglishTextNormalizer {

  private static final Pattern BRACKETS = Pattern.compile("[<\\[][^>\\]]*[>\\]]|\\([^)]*\\)");
  private static final Pattern FILLERS = Pattern.compile("\\b(hmm|mm|mhm|mmm|uh|um)\\b");
  private static final Map<Pattern, String> RULES = new LinkedHashMap<>();

  static {
    rule("\\bwon't\\b", "will not");
    rule("\\bcan't\\b", "can not");
    rule("\\blet's\\b", "let us");
    rule("n't\\b", " not");
    rule("'re\\b", " are");
    rule("'ll\\b", " will");
    rule("'ve\\b", " have");
    rule("'m\\b", " am");
    rule("\\bmr\\b\\.?", "mister ");
    rule("\\bmrs\\b\\.?", "missus ");
    rule("\\bms\\b\\.?", "miss ");
    rule("\\bdr\\b\\.?", "doctor ");
    rule("\\bprof\\b\\.?", "professor ");
    rule("\\bst\\b\\.?", "saint ");
    rule("\\bjr\\b\\.?", "junior ");
    rule("\\bsr\\b\\.?", "senior ");
  }

  private final Map<String, String> spellings;

  private EnglishTextNormalizer(Map<String, String> spellings) {
    this.spellings = spellings;
  }

  /** Uses the British-to-American spelling table of a model folder when it has one. */
  public static EnglishTextNormalizer forModel(Path modelFolder) {
    Path table = modelFolder.resolve("normalizer.json");
    if (!Files.isRegularFile(table)) {
      return new EnglishTextNormalizer(Map.of());
    }
    try {
      @SuppressWarnings("unchecked")
      Map<String, String> map = new ObjectMapper().readValue(table.toFile(), Map.class);
      return new EnglishTextNormalizer(Map.copyOf(map));
    } catch (IOException e) {
      throw new WhisperModelException("Cannot read " + table + ": " + e.getMessage(), e);
    }
  }

  public static EnglishTextNormalizer withoutSpellings() {
    return new EnglishTextNormalizer(Map.of());
  }

  public String normalize(String text) {
    String s = text.toLowerCase(Locale.ROOT).replace('’', '\'');
    s = BRACKETS.matcher(s).replaceAll(" ");
    s = FILLERS.matcher(s).replaceAll(" ");
    for (var rule : RULES.entrySet()) {
      s = rule.getKey().matcher(s).replaceAll(rule.getValue());
    }
    s = s.replaceAll("[^\\p{L}\\p{N}']+", " ").replaceAll("(^|\\s)'+|'+(\\s|$)", " ");
    List<String> words = new ArrayList<>();
    for (String word : s.strip().split("\\s+")) {
      if (!word.isEmpty()) {
        words.add(spellings.getOrDefault(word, word));
      }
    }
    return String.join(" ", SpokenNumbers.digits(words));
  }

  private static void rule(String pattern, String replacement) {
    RULES.put(Pattern.compile(pattern), replacement);
  }
}
