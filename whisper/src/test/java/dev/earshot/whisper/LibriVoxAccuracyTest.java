package dev.earshot.whisper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.audio.chunk.AudioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Word error rate on the read-speech LibriVox clips of pocketsphinx-testdata. */
class LibriVoxAccuracyTest {

  static WordErrorRate.Count score(WhisperModel model) throws Exception {
    Path folder = AssetCache.atDefaultLocation().fetchAll(Catalog.LIBRIVOX);
    var normalizer = EnglishTextNormalizer.forModel(model.folder());
    var transcriber = new Transcriber(model, DecodingOptions.defaults().withLanguage("en"));
    WordErrorRate.Count total = new WordErrorRate.Count(0, 0);
    for (String line : Files.readAllLines(folder.resolve("transcription"))) {
      String reference = line.replaceAll("<s>|</s>|\\(.*\\)", "").strip();
      String clip = line.replaceAll(".*\\((.*)\\).*", "$1");
      float[] audio = AudioLoader.loadMono(folder.resolve(clip + ".wav"), 16000);
      String text = transcriber.transcribe(new AudioWindow(audio, 0)).text();
      total =
          total.plus(
              WordErrorRate.count(normalizer.normalize(reference), normalizer.normalize(text)));
    }
    return total;
  }

  @Test
  void whisperTinyStaysBelowFifteenPercent() throws Exception {
    WordErrorRate.Count count = score(Models.tiny());

    assertThat(count.referenceWords()).isEqualTo(71);
    assertThat(count.rate()).isLessThan(0.15);
  }

  @Test
  @Tag("base")
  void whisperBaseStaysBelowFivePercent() throws Exception {
    assertThat(score(Models.base()).rate()).isLessThan(0.05);
  }
}
