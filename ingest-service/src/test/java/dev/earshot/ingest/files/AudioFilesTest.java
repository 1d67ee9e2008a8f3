package dev.earshot.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
  void aMissingPathIsReportedByName() {
    assertThatThrownBy(() -> AudioFiles.expand(List.of(dir.resolve("nope")), true))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("nope");
  }
}
