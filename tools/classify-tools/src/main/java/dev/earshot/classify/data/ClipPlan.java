package dev.earshot.classify.data;

import java.io.IOException;
import java.util.Objects;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * One clip a dataset will hold: its label, file name, where its sound comes from, and how to make
 * it. The renderer gets a random generator seeded from the dataset's seed and the clip's name, so a
 * clip comes out the same whatever order or thread it is made in.
 *
 * @param name file name without {@code .wav}, unique in the dataset
 * @param source what made it, e.g. {@code espeak}, {@code ktuberling}, {@code sox-noise}
 * @param group the voice, speaker or source recording, e.g. {@code espeak/en-gb+m3} or {@code
 *     hedgewars-music/City}: clips of one group should not be split between training and test
 * @param detail free text for people: the voice settings, the effects, the file it was cut from
 */
public record ClipPlan(
    String label, String name, String source, String group, String detail, Renderer renderer) {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");

  /** Makes the clip's samples, 16 kHz mono. */
  @FunctionalInterface
  public interface Renderer {
    float[] render(Random random) throws IOException;
  }

  public ClipPlan {
    for (String[] field : new String[][] {{label, "label"}, {name, "name"}, {source, "source"}}) {
      if (field[0] == null || !SAFE.matcher(field[0]).matches()) {
        throw new IllegalArgumentException(field[1] + " must match " + SAFE + ": " + field[0]);
      }
    }
    if (group == null || group.isBlank() || group.contains("\t") || group.contains("\n")) {
      throw new IllegalArgumentException("group must be one line of text: " + group);
    }
    detail = Objects.requireNonNullElse(detail, "").replace('\t', ' ').replace('\n', ' ');
    Objects.requireNonNull(renderer, "renderer");
  }

  /** The file, relative to the dataset folder: {@code <label>/<name>.wav}. */
  public String file() {
    return label + "/" + name + ".wav";
  }
}
