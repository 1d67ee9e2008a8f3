package dev.earshot.pipeline.captions;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.audio.chunk.AudioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real read speech to stream live, from the asset catalogue: the five LibriVox clips (Sense and
 * Sensibility) and JFK's "ask not", one after the other with a reader's pause between them,
 * repeated {@code rounds} times (36 s of speech a round), 16 kHz mono, with what was said.
 */
public record Reading(float[] samples, String reference) {

  public static final int RATE = 16_000;

  /** What Kennedy said (the catalogue's description), independent of any model. */
  static final String JFK =
      "And so my fellow Americans, ask not what your country can do for you, ask what you can do"
          + " for your country.";

  /** Silence between two clips. */
  static final double PAUSE_SECONDS = 0.6;

  /**
   * @param rounds how often the clips are read; 1 for 40 s, 3 for two minutes
   * @param withJfk whether JFK follows the LibriVox clips in each round
   */
  public static Reading load(AssetCache cache, int rounds, boolean withJfk) throws IOException {
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
    }
    Path folder = cache.fetchAll(Catalog.LIBRIVOX);
    List<float[]> clips = new ArrayList<>();
    List<String> said = new ArrayList<>();
    for (String line : Files.readAllLines(folder.resolve("transcription"))) {
      said.add(line.replaceAll("<s>|</s>|\\(.*\\)", "").strip());
      String clip = line.replaceAll(".*\\((.*)\\).*", "$1");
      clips.add(AudioLoader.loadMono(folder.resolve(clip + ".wav"), RATE));
    }
    if (withJfk) {
      said.add(JFK);
      clips.add(AudioLoader.loadMono(cache.fetch(Catalog.JFK_WAV), RATE));
    }
    int pause = (int) (PAUSE_SECONDS * RATE);
    int perRound = clips.stream().mapToInt(c -> c.length + pause).sum();
    float[] samples = new float[perRound * rounds];
    StringBuilder reference = new StringBuilder();
    int at = 0;
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < clips.size(); i++) {
        System.arraycopy(clips.get(i), 0, samples, at, clips.get(i).length);
        at += clips.get(i).length + pause;
        reference.append(reference.isEmpty() ? "" : " ").append(said.get(i));
      }
    }
    return new Reading(samples, reference.toString());
  }

  public double seconds() {
    return samples.length / (double) RATE;
  }
}
