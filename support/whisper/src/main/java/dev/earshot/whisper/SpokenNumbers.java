package dev.earshot.whisper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Spelled-out cardinal numbers as digits ("ten of clubs" is "10 of clubs", "two hundred and five"
 * is "205"), so a transcript that writes digits and a reference that spells them, or the other way
 * round, score alike, as OpenAI's EnglishNumberNormalizer makes them. Works on lower-case words
 * without punctuation; ordinals, fractions and currencies are left alone.
 */
final class SpokenNumbers {

  private static final Map<String, Integer> SMALL =
      Map.ofEntries(
          Map.entry("zero", 0),
          Map.entry("one", 1),
          Map.entry("two", 2),
          Map.entry("three", 3),
          Map.entry("four", 4),
          Map.entry("five", 5),
          Map.entry("six", 6),
          Map.entry("seven", 7),
          Map.entry("eight", 8),
          Map.entry("nine", 9),
          Map.entry("ten", 10),
          Map.entry("eleven", 11),
          Map.entry("twelve", 12),
          Map.entry("thirteen", 13),
          Map.entry("fourteen", 14),
          Map.entry("fifteen", 15),
          Map.entry("sixteen", 16),
          Map.entry("seventeen", 17),
          Map.entry("eighteen", 18),
          Map.entry("nineteen", 19),
          Map.entry("twenty", 20),
          Map.entry("thirty", 30),
          Map.entry("forty", 40),
          Map.entry("fifty", 50),
          Map.entry("sixty", 60),
          Map.entry("seventy", 70),
          Map.entry("eighty", 80),
          Map.entry("ninety", 90));

  private static final Map<String, Long> SCALES =
      Map.of("hundred", 100L, "thousand", 1_000L, "million", 1_000_000L, "billion", 1_000_000_000L);

  private SpokenNumbers() {}

  /** The words with every run of number words replaced by its value in digits. */
  static List<String> digits(List<String> words) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      if (!SMALL.containsKey(words.get(i))) {
        out.add(words.get(i++));
        continue;
      }
      long total = 0;
      long group = 0;
      int lastSmall = -1; // the last small number added to the group, to tell "twenty one" apart
      int j = i;
      while (j < words.size()) {
        String w = words.get(j);
        Integer small = SMALL.get(w);
        if (small != null) {
          // "twenty one" adds up; "one two" is two numbers.
          if (lastSmall >= 0 && !(lastSmall % 10 == 0 && lastSmall >= 20 && small < 10)) {
            break;
          }
          group += small;
          lastSmall = small;
        } else if (SCALES.containsKey(w) && lastSmall >= 0) {
          long scale = SCALES.get(w);
          if (scale == 100) {
            group *= 100;
          } else {
            total += group * scale;
            group = 0;
          }
          lastSmall = -1;
        } else if (w.equals("and")
            && lastSmall < 0
            && j + 1 < words.size()
            && SMALL.containsKey(words.get(j + 1))) {
          // "two hundred and five"
        } else {
          break;
        }
        j++;
      }
      out.add(Long.toString(total + group));
      i = j;
    }
    return out;
  }
}
