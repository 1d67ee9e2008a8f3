package dev.earshot.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenizerTest {

  private static final String JFK =
      " And so my fellow Americans, ask not what your country can do for you, ask what you can do"
          + " for your country.";

  private static Path folder;
  private static Tokenizer tokenizer;
  private static JsonNode vocab;

  @BeforeAll
  static void loadTinyTokenizer() throws IOException {
    folder = AssetCache.atDefaultLocation().fetchAll(Catalog.WHISPER_TINY);
    tokenizer = Tokenizer.load(folder);
    vocab = new ObjectMapper().readTree(folder.resolve("vocab.json").toFile());
  }

  static Stream<Arguments> golden() throws IOException {
    try (InputStream in = TokenizerTest.class.getResourceAsStream("tokenizer/golden.json")) {
      List<Arguments> cases = new ArrayList<>();
      for (JsonNode entry : new ObjectMapper().readTree(in)) {
        int[] ids = new int[entry.get("ids").size()];
        for (int i = 0; i < ids.length; i++) {
          ids[i] = entry.get("ids").get(i).asInt();
        }
        cases.add(Arguments.of(entry.get("text").asText(), ids));
      }
      return cases.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("golden")
  void encodesLikeThePythonReference(String text, int[] expected) {
    assertThat(tokenizer.encode(text)).containsExactly(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("golden")
  void decodesThePythonReferenceIdsBackToTheText(String text, int[] ids) {
    assertThat(tokenizer.decode(ids)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Hello, world.",
        " Grüß Gott!",
        " Ça va, déjà?",
        " 你好，世界。这是一个测试。",
        " こんにちは、世界。テストです。",
        " 😀 👍🏽 🇩🇪 👨‍👩‍👧",
        " 1234567890 3.14 -42 1,000",
        " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
        "   leading spaces",
        "multiple   spaces\n\nand\tnew\r\nlines  ",
        "I'm sure they'll say we'd've done it, it's 'quoted'.",
        ""
      })
  void roundTripsThroughEncodeAndDecode(String text) {
    assertThat(tokenizer.decode(tokenizer.encode(text))).isEqualTo(text);
  }

  @Test
  void wordWithLeadingSpaceIsOneVocabularyToken() {
    // Byte-level BPE writes the space as Ġ, so " And" is the vocabulary entry "ĠAnd".
    int expected = vocab.get("\u0120And").asInt();

    assertThat(tokenizer.encode(" And")).containsExactly(expected);
    assertThat(tokenizer.token(expected)).isEqualTo("\u0120And");
  }

  @Test
  void jfkSentenceEncodesToAPlausibleNumberOfTokensAndBack() {
    int[] ids = tokenizer.encode(JFK);

    assertThat(ids.length).isBetween(20, 30);
    assertThat(tokenizer.decode(ids)).isEqualTo(JFK);
  }

  @Test
  void specialTokensHaveWhispersIds() {
    assertThat(tokenizer.specialId("<|endoftext|>")).hasValue(50257);
    assertThat(tokenizer.specialId("<|startoftranscript|>")).hasValue(50258);
    assertThat(tokenizer.specialId("<|en|>")).hasValue(50259);
    assertThat(tokenizer.specialId("<|transcribe|>")).hasValue(50359);
    assertThat(tokenizer.specialId("<|notimestamps|>")).hasValue(50363);
    assertThat(tokenizer.specialId("<|0.00|>")).hasValue(50364);
    assertThat(tokenizer.specialId("<|30.00|>")).hasValue(51864);
    assertThat(tokenizer.specialId("<|no such token|>")).isEmpty();
  }

  @Test
  void vocabularyCoversOrdinaryAndSpecialIds() {
    assertThat(tokenizer.vocabularySize()).isEqualTo(51865);
    assertThat(tokenizer.isSpecial(50257)).isTrue();
    assertThat(tokenizer.isSpecial(51864)).isTrue();
    assertThat(tokenizer.isSpecial(50256)).isFalse();
    assertThat(tokenizer.isSpecial(0)).isFalse();
    assertThat(tokenizer.token(50258)).isEqualTo("<|startoftranscript|>");
  }

  @Test
  void decodeLeavesOutSpecialTokens() {
    int[] words = tokenizer.encode(" And so");
    int[] ids =
        IntStream.concat(IntStream.of(50258, 50259, 50359, 50364), IntStream.of(words)).toArray();
    int[] withEnd = IntStream.concat(IntStream.of(ids), IntStream.of(50414, 50257)).toArray();

    assertThat(tokenizer.decode(withEnd)).isEqualTo(" And so");
  }

  @Test
  void specialTokenNamesInTextAreEncodedAsPlainText() {
    int[] ids = tokenizer.encode("<|endoftext|>");

    assertThat(ids).doesNotContain(50257).hasSizeGreaterThan(1);
    assertThat(tokenizer.decode(ids)).isEqualTo("<|endoftext|>");
  }

  @Test
  void characterSpreadOverSeveralTokensDecodesWhole() {
    int[] ids = tokenizer.encode("😀");

    assertThat(ids).hasSizeGreaterThan(1);
    assertThat(tokenizer.decode(ids)).isEqualTo("😀");
  }

  @Test
  void sequenceCutInsideACharacterDecodesToReplacementCharacter() {
    int[] ids = tokenizer.encode(" ok 😀");

    String cut = tokenizer.decode(ids, 0, ids.length - 1);

    assertThat(cut).startsWith(" ok ").endsWith("\uFFFD");
    assertThat(tokenizer.decode(ids, ids.length - 1, ids.length)).contains("\uFFFD");
  }

  @Test
  void decodesAnInnerRange() {
    int[] ids = tokenizer.encode(" one two three");

    assertThat(tokenizer.decode(ids, 1, 2)).isEqualTo(" two");
  }

  @Test
  void rejectsUnknownIds() {
    assertThatThrownBy(() -> tokenizer.decode(new int[] {51865}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("51865");
    assertThatThrownBy(() -> tokenizer.token(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fallsBackToAddedTokensJsonWithoutTokenizerJson(@TempDir Path dir) throws IOException {
    for (String file : List.of("vocab.json", "merges.txt", "added_tokens.json")) {
      Files.copy(folder.resolve(file), dir.resolve(file));
    }

    Tokenizer fallback = Tokenizer.load(dir);

    assertThat(fallback.specialId("<|startoftranscript|>")).hasValue(50258);
    assertThat(fallback.specialId("<|notimestamps|>")).hasValue(50363);
    assertThat(fallback.encode(JFK)).containsExactly(tokenizer.encode(JFK));
  }

  @Test
  void readsVocabularyAndMergesFromTokenizerJsonAlone(@TempDir Path dir) throws IOException {
    Files.copy(folder.resolve("tokenizer.json"), dir.resolve("tokenizer.json"));

    Tokenizer fromJson = Tokenizer.load(dir);

    assertThat(fromJson.encode(JFK)).containsExactly(tokenizer.encode(JFK));
    assertThat(fromJson.vocabularySize()).isEqualTo(51865);
  }

  @Test
  void missingVocabularyIsAnIoError(@TempDir Path dir) {
    assertThatThrownBy(() -> Tokenizer.load(dir))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("vocab");
  }

  @Test
  void concurrentEncodingGivesTheSameIds() {
    List<String> texts =
        IntStream.range(0, 400).mapToObj(i -> " sentence number " + i + " with wörds").toList();
    List<int[]> sequential = texts.stream().map(tokenizer::encode).toList();

    List<int[]> parallel = texts.parallelStream().map(tokenizer::encode).toList();

    for (int i = 0; i < texts.size(); i++) {
      assertThat(parallel.get(i)).containsExactly(sequential.get(i));
    }
  }
}
