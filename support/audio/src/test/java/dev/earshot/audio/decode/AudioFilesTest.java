package dev.earshot.audio.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioFilesTest {

  @TempDir Path dir;

  private Path touch(String relative) throws Exception {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[] {1});
    return file;
  }

  @Test
  void foldersAreWalkedRecursivelyTakingOnlyAudioExtensionsInOrder() throws Exception {
    Path b = touch("b.WAV");
    Path a = touch("a.flac");
    Path nested = touch("day2/c.mp3");
    touch("notes.txt");
    touch(".cache/hidden.wav");

    var selection = AudioFiles.expand(List.of(dir), true);

    assertThat(selection.files()).containsExactly(a, b, nested);
    assertThat(selection.skipped()).isEqualTo(2);
  }

  @Test
  void withoutRecursionOnlyTheTopLevelIsTaken() throws Exception {
    Path top = touch("top.ogg");
    touch("deeper/below.ogg");

    assertThat(AudioFiles.expand(List.of(dir), false).files()).containsExactly(top);
  }

  @Test
  void aFileNamedExplicitlyIsTakenWhateverItsExtension() throws Exception {
    Path odd = touch("recording.bin");

    assertThat(AudioFiles.expand(List.of(odd), true).files()).containsExactly(odd);
  }

  @Test
  void aMissingPathIsReportedByNameAndTheOthersAreStillTaken() throws Exception {
    Path there = touch("there.wav");
    Path missing = dir.resolve("nope");

    var selection = AudioFiles.expand(List.of(missing, there), true);

    assertThat(selection.files()).containsExactly(there);
    assertThat(selection.problems())
        .singleElement()
        .hasToString(missing + ": no such file or folder");
  }

  @Test
  void everyExtensionOfEveryDecodedFormatCounts() {
    assertThat(AudioFiles.EXTENSIONS)
        .containsExactlyInAnyOrder(
            "wav", "wave", "flac", "ogg", "oga", "mp3", "aif", "aiff", "aifc", "au", "snd");
  }
}
