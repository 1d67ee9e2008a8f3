package dev.earshot.stt.eval;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.assets.DebianTree;
import dev.earshot.assets.PinnedDeb;
import dev.earshot.assets.ZipMembers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Real recordings of English speech with known words, from pinned Debian packages, for {@code
 * earshot stt bench}: single words and short phrases (game announcers, a children's game, chess
 * words, speaker-test prompts, spoken card names) and read speech (LibriVox, JFK). Several voices,
 * microphones and sample rates (11 to 48 kHz, narrow-band game voices among them), none of them
 * used to choose a setting in isolation: they measure, the decoding rules are general.
 *
 * <p>The words of the short clips are in {@code short-speech.tsv} beside this class: from the file
 * names (KTuberling, Scid) or from the game's own {@code audio.cfg} comments (Warzone 2100), each
 * entry checked by an independent recogniser (pocketsphinx, en-us) picking it out of the package's
 * whole label list; the ones it could not confirm are left out.
 */
public final class SpeechSet {

  /** A recording, the words said in it, and where it comes from. */
  public record Clip(String source, Path file, String reference) {}

  /** KTuberling's English words: one voice naming objects, 0.6-1.6 s, 44.1 kHz. GPL-2+. */
  public static final DebianTree KTUBERLING_EN =
      new DebianTree(
          "stt-eval-ktuberling-en",
          "KTuberling's English words, one real voice, OGG 44.1 kHz, GPL-2+",
          List.of(
              new PinnedDeb(
                  "main/k/ktuberling/ktuberling-data_22.12.3-1_all.deb",
                  "fba44c875bfa31ea488dadd9263e87a4dcaea0bd47d28817f6c0dc6d2af970ed",
                  46_661_752)),
          List.of("usr/share/ktuberling/sounds/en", "usr/share/doc/ktuberling-data"));

  private SpeechSet() {}

  /**
   * Fetches everything and returns the clips, at most {@code maxPerSource} from each source (evenly
   * spread through its list), short words first. Warzone's clips are unpacked into {@code scratch}.
   */
  public static List<Clip> load(AssetCache cache, int maxPerSource, Path scratch)
      throws IOException {
    Map<String, List<Clip>> bySource = new LinkedHashMap<>();
    Path ktuberling = cache.fetchTree(KTUBERLING_EN).resolve("usr/share/ktuberling/sounds/en");
    Path scid = cache.fetchTree(Catalog.SCID_SOUNDS).resolve("usr/share/scid/sounds");
    Path warzone =
        cache.fetchTree(Catalog.WARZONE2100_DATA).resolve("usr/share/games/warzone2100/base.wz");
    try (ZipFile zip = new ZipFile(warzone.toFile());
        BufferedReader tsv =
            new BufferedReader(
                new InputStreamReader(
                    SpeechSet.class.getResourceAsStream("short-speech.tsv"),
                    StandardCharsets.UTF_8))) {
      for (String line = tsv.readLine(); line != null; line = tsv.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        Path file =
            switch (f[0]) {
              case "ktuberling" -> ktuberling.resolve(f[1]);
              case "scid" -> scid.resolve(f[1]);
              case "warzone2100" -> ZipMembers.extract(zip, f[1], scratch.resolve("warzone2100"));
              default -> throw new IOException("unknown source '" + f[0] + "' in short-speech.tsv");
            };
        bySource.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Clip(f[0], file, f[2]));
      }
    }
    Path alsa = cache.fetchAll(Catalog.ALSA_SOUNDS);
    bySource.put("alsa", fromNames(alsa, "alsa", ".wav", "", "_"));
    Path channels = cache.fetchAll(Catalog.FREEDESKTOP_SOUNDS);
    bySource.put("freedesktop", fromNames(channels, "freedesktop", ".oga", "audio-channel-", "-"));
    Path commands = cache.fetchAll(Catalog.POCKETSPHINX_COMMANDS);
    bySource.put("pocketsphinx-cards", pocketsphinx(commands.resolve("cards"), "cards"));
    Path librivox = cache.fetchAll(Catalog.LIBRIVOX);
    bySource.put("librivox", pocketsphinx(librivox, "transcription"));
    bySource.put(
        "jfk",
        List.of(
            new Clip(
                "jfk",
                cache.fetch(Catalog.JFK_WAV),
                "And so my fellow Americans, ask not what your country can do for you, ask what you"
                    + " can do for your country.")));
    List<Clip> clips = new ArrayList<>();
    bySource.values().forEach(list -> clips.addAll(spread(list, maxPerSource)));
    return clips;
  }

  /** {@code Front_Center.wav} says "front center": the words are in the file name. */
  private static List<Clip> fromNames(
      Path folder, String source, String extension, String prefix, String separator)
      throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(extension))
          .filter(p -> p.getFileName().toString().startsWith(prefix))
          .filter(p -> !p.getFileName().toString().startsWith("Noise"))
          .sorted()
          .map(
              p -> {
                String stem = p.getFileName().toString();
                stem = stem.substring(prefix.length(), stem.length() - extension.length());
                return new Clip(
                    source, p, stem.replace(separator, " ").toLowerCase(Locale.ROOT).strip());
              })
          .toList();
    }
  }

  /** pocketsphinx's transcription files: {@code <s> words </s> (file-id)} per line. */
  public static List<Clip> pocketsphinx(Path folder, String transcriptionPrefix)
      throws IOException {
    Path transcription;
    try (Stream<Path> files = Files.list(folder)) {
      transcription =
          files
              .filter(p -> p.getFileName().toString().startsWith(transcriptionPrefix))
              .findFirst()
              .orElseThrow(() -> new IOException("no transcription in " + folder));
    }
    List<Clip> clips = new ArrayList<>();
    for (String line : Files.readAllLines(transcription)) {
      if (line.isBlank()) {
        continue;
      }
      String id = line.replaceAll(".*\\((.*)\\).*", "$1").strip();
      String words = line.replaceAll("<s>|</s>|\\(.*\\)", "").strip().toLowerCase(Locale.ROOT);
      Path file = folder.resolve(id.endsWith(".wav") ? id : id + ".wav");
      if (Files.isRegularFile(file)) {
        clips.add(new Clip(folder.getFileName().toString(), file, words));
      }
    }
    return clips;
  }

  /** At most {@code max} items, evenly spread through the list. */
  static <T> List<T> spread(List<T> items, int max) {
    if (items.size() <= max) {
      return items;
    }
    List<T> picked = new ArrayList<>();
    for (int i = 0; i < max; i++) {
      picked.add(items.get((int) ((long) i * items.size() / max)));
    }
    return picked;
  }
}
