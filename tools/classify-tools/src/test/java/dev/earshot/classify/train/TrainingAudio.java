package dev.earshot.classify.train;

import dev.earshot.classify.TestAudio;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Labelled real recordings for the training and evaluation tests. */
public final class TrainingAudio {

  private TrainingAudio() {}

  /**
   * Spoken words (ALSA's speaker-test words, freedesktop's audio-channel-* names) labelled {@code
   * speech}, against event sounds and noise labelled {@code sound}.
   */
  public static List<LabelledAudio> speechAndSounds() {
    List<LabelledAudio> items = new ArrayList<>();
    try (Stream<Path> alsa = Files.list(TestAudio.alsa());
        Stream<Path> freedesktop = Files.list(TestAudio.freedesktop())) {
      for (Path f : Stream.concat(alsa, freedesktop).sorted().toList()) {
        String name = f.getFileName().toString();
        boolean speech =
            name.startsWith("audio-channel-")
                || (name.endsWith(".wav") && !name.equals("Noise.wav"));
        items.add(new LabelledAudio(f, speech ? "speech" : "sound"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return items;
  }
}
