package dev.earshot.whisper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordErrorRateTest {

  @Test
  void countsSubstitutionsDeletionsAndInsertions() {
    // the cat sat on the mat -> the bat sat on mat please: 1 sub, 1 del, 1 ins.
    var count = WordErrorRate.count("the cat sat on the mat", "the bat sat on mat please");

    assertThat(count.edits()).isEqualTo(3);
    assertThat(count.referenceWords()).isEqualTo(6);
    assertThat(count.rate()).isEqualTo(0.5);
  }

  @Test
  void identicalAndEmptyTextsAreScoredSensibly() {
    assertThat(WordErrorRate.count("a b c", "a  b c ").rate()).isZero();
    assertThat(WordErrorRate.count("a b", "").edits()).isEqualTo(2);
    assertThat(WordErrorRate.count("", "").rate()).isZero();
    // Nothing to divide by: the same answer as a replay's word diff, which reports no rate.
    assertThat(WordErrorRate.count("", "x").rate()).isNaN();
    assertThat(WordErrorRate.count("", "x").edits()).isEqualTo(1);
  }

  @Test
  void corpusCountsAddUp() {
    var total = WordErrorRate.count("a b c d", "a x c d").plus(WordErrorRate.count("e f", "e"));

    assertThat(total.edits()).isEqualTo(2);
    assertThat(total.rate()).isEqualTo(2 / 6.0);
  }

  @Test
  void theNormalizerSpellsOutTitlesAndDropsPunctuationCaseAndFillers() {
    var normalizer = EnglishTextNormalizer.forModel(Models.folder("tiny"));

    assertThat(normalizer.normalize("Mr. John Dashwood, um, wasn't [inaudible] here!"))
        .isEqualTo("mister john dashwood was not here");
    assertThat(normalizer.normalize("The colour of the Centre"))
        .isEqualTo("the color of the center");
  }

  @Test
  void spelledNumbersAndDigitsScoreAlike() {
    var normalizer = EnglishTextNormalizer.withoutSpellings();

    assertThat(normalizer.normalize("Ten of clubs"))
        .isEqualTo(normalizer.normalize("10 of clubs."));
    assertThat(normalizer.normalize("two hundred and five men")).isEqualTo("205 men");
    assertThat(normalizer.normalize("twenty-one, one two three")).isEqualTo("21 1 2 3");
    assertThat(normalizer.normalize("three thousand four hundred")).isEqualTo("3400");
    assertThat(normalizer.normalize("one and two")).isEqualTo("1 and 2");
    assertThat(normalizer.normalize("six")).isEqualTo("6");
  }
}
