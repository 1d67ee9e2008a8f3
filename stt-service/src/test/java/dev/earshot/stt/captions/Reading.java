package dev.earshot.stt.captions;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.audio.chunk.AudioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The five LibriVox clips of the catalogue read one after the other, 0.6 s of silence between them
 * (a reader's pause): 28 s of real read speech, 16 kHz, and what was read (pocketsphinx's reference
 * transcription, 71 words).
 */
record Reading(float[] samples, String reference) {

  static final double PAUSE_SECONDS = 0.6;

  static Reading load() throws IOException {
    Path folder = AssetCache.atDefaultLocation().fetchAll(Catalog.LIBRIVOX);
    List<float[]> parts = new ArrayList<>();
    StringBuilder reference = new StringBuilder();
    int total = 0;
    for (String line : Files.readAllLines(folder.resolve("transcription"))) {
      reference.append(line.replaceAll("<s>|</s>|\\(.*\\)", "").strip()).append(' ');
      String clip = line.replaceAll(".*\\((.*)\\).*", "$1");
      float[] audio = AudioLoader.loadMono(folder.resolve(clip + ".wav"), Captioner.RATE);
      parts.add(audio);
      parts.add(new float[(int) (PAUSE_SECONDS * Captioner.RATE)]);
      total += audio.length + (int) (PAUSE_SECONDS * Captioner.RATE);
    }
    float[] samples = new float[total];
    int at = 0;
    for (float[] part : parts) {
      System.arraycopy(part, 0, samples, at, part.length);
      at += part.length;
    }
    return new Reading(samples, reference.toString().strip());
  }

  double seconds() {
    return samples.length / (double) Captioner.RATE;
  }
}
