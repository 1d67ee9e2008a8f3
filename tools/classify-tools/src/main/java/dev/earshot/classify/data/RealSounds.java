package dev.earshot.classify.data;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.assets.DebianTree;
import dev.earshot.assets.PinnedDeb;
import dev.earshot.assets.ZipMembers;
import dev.earshot.audio.chunk.AudioLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Real recordings beyond the {@link Library}, so that {@code sound-type} learns from many sources
 * per class and can be scored on each one it never saw: voices of games and learning programs in a
 * dozen languages (some narrow-band), music tracks of several games, and their sound effects. Each
 * {@link Source} is one package's files of one kind; a source's name starts with its package's
 * family ({@code warzone-voice}, {@code warzone-sfx}), and leave-one-source-out holds out a whole
 * family at once.
 */
public final class RealSounds {

  /** How a source's files become clips. */
  public enum Kind {
    /** Short spoken words or lines, joined by voice into phrases. */
    WORDS,
    /** Music tracks, cut into pieces. */
    TRACKS,
    /** Sound effects, placed once or a few times in a stretch of quiet. */
    EVENTS
  }

  /**
   * @param name {@code family-kind}, e.g. {@code kajongg-voice}
   * @param label the class every clip of it belongs to
   * @param root the folder inside the package tree the patterns are relative to
   * @param zip a zip under {@code root} whose members are matched instead of files, or empty
   * @param include which relative paths are taken
   * @param exclude which of those are left out (e.g. grunts among the voice lines); may be null
   * @param voice a pattern whose first group names a path's voice, for joining words of one
   *     speaker; null when the whole source is one voice
   */
  public record Source(
      String name,
      String label,
      Kind kind,
      DebianTree tree,
      String root,
      Optional<String> zip,
      Pattern include,
      Pattern exclude,
      Pattern voice) {

    /** The family: what leave-one-source-out holds out together. */
    public String family() {
      return RealSounds.family(name);
    }

    boolean takes(String relative) {
      return include.matcher(relative).find()
          && (exclude == null || !exclude.matcher(relative).find());
    }

    String voiceOf(String relative) {
      if (voice != null) {
        Matcher m = voice.matcher(relative);
        if (m.find()) {
          return m.group(1);
        }
      }
      return kind == Kind.WORDS ? "voice" : Library.stem(Path.of(relative));
    }
  }

  /** The family of a source name: its part before the first dash. */
  public static String family(String source) {
    int dash = source.indexOf('-');
    return dash < 0 ? source : source.substring(0, dash);
  }

  /** One file of a source, with the group it is split by. */
  public record File(Path path, String relative, String group) {}

  private static DebianTree tree(
      String name, String deb, String sha256, long size, String... keep) {
    return new DebianTree(name, name, List.of(new PinnedDeb(deb, sha256, size)), List.of(keep));
  }

  static final DebianTree KAJONGG =
      tree(
          "kajongg",
          "main/k/kajongg/kajongg_22.12.3-1_all.deb",
          "be0a9cc0f9a97064ffa0ab01133f55e021c7c58f9869857431bf1ca951dadbaf",
          4_713_320,
          "usr/share/kajongg/voices",
          "usr/share/doc/kajongg");
  static final DebianTree FILLETS =
      tree(
          "fillets-ng-data",
          "main/f/fillets-ng-data/fillets-ng-data_1.0.1-1.1_all.deb",
          "25de89afd8b1adf7bcace8290248a6a22c89cd42300317e69000e162c032cf84",
          70_633_484,
          "usr/share/games/fillets-ng/music",
          "usr/share/doc/fillets-ng-data");

  /** Tux Paint's animal stamps (each a sound and its name spoken in up to 12 languages). */
  public static final DebianTree TUXPAINT_STAMPS =
      tree(
          "tuxpaint-stamps",
          "main/t/tuxpaint-stamps/tuxpaint-stamps-default_2022.06.04-1_all.deb",
          "6db6c1bfc870a47f1499d6203b083522eacb57c5f9c87d468f2e92eb6d9d5f34",
          160_880_444,
          "usr/share/tuxpaint/stamps/animals",
          "usr/share/tuxpaint/stamps/symbols/math",
          "usr/share/doc/tuxpaint-stamps-default");

  static final DebianTree TUXPAINT =
      tree(
          "tuxpaint-data",
          "main/t/tuxpaint/tuxpaint-data_0.9.28-sdl2-1_all.deb",
          "f5d0de8f9a70d2efc1241d19f26168cb8bf279f1b77abd3631e7a1a55c40e5e5",
          7_855_540,
          "usr/share/tuxpaint/sounds",
          "usr/share/doc/tuxpaint-data");
  static final DebianTree PINGUS =
      tree(
          "pingus-data",
          "main/p/pingus/pingus-data_0.7.6-5.1_all.deb",
          "db503fdc34a7f86a02f2f1a77219b5cf4d813224cd4b13b5f0aad3af3d213805",
          11_703_040,
          "usr/share/games/pingus/data/sounds",
          "usr/share/doc/pingus-data");
  static final DebianTree WARMUX =
      tree(
          "warmux-data",
          "main/w/warmux/warmux-data_11.04.1+repack2-4_all.deb",
          "cceec72afcc9d5b0515149eb505bf0d883bd47399e602b30a805cafa2d91eb70",
          98_475_600,
          "usr/share/games/warmux/music",
          "usr/share/games/warmux/sound/default",
          "usr/share/doc/warmux-data");
  static final DebianTree SUPERTUX =
      tree(
          "supertux-data",
          "main/s/supertux/supertux-data_0.6.3-2_all.deb",
          "a6ad8865972f1dbb5e7b49f4e1b381dd16a68f3028a3502cfeaca2400285d27f",
          161_647_984,
          "usr/share/games/supertux2/music",
          "usr/share/games/supertux2/sounds",
          "usr/share/doc/supertux-data");
  static final DebianTree XMOTO =
      tree(
          "xmoto-data",
          "main/x/xmoto/xmoto-data_0.6.1+repack-9_all.deb",
          "458966c8291579df7dd215a3ebf48cb89fc94e94fe871d124b542eb6233c0e66",
          31_932_888,
          "usr/share/games/xmoto/Textures/Musics",
          "usr/share/doc/xmoto-data");
  static final DebianTree FROZEN_BUBBLE =
      tree(
          "frozen-bubble-data",
          "main/f/frozen-bubble/frozen-bubble-data_2.212-11_all.deb",
          "39cdfd07d9532d1558762cf265a844d09015c4540568573c50f444cc084166e0",
          21_929_412,
          "usr/share/games/frozen-bubble/snd",
          "usr/share/doc/frozen-bubble-data");
  static final DebianTree BUCKLESPRING =
      tree(
          "bucklespring-data",
          "main/b/bucklespring/bucklespring-data_1.4.0-2_all.deb",
          "2add9f5583b3afc9c0b528066f4578baff930b74d4a94c8a25d103ef79a444e5",
          2_627_210,
          "usr/share/buckle/wav",
          "usr/share/doc/bucklespring-data");

  private static Source source(
      String name,
      String label,
      Kind kind,
      DebianTree tree,
      String root,
      String include,
      String exclude,
      String voice) {
    return new Source(
        name,
        label,
        kind,
        tree,
        root,
        Optional.empty(),
        Pattern.compile(include),
        exclude == null ? null : Pattern.compile(exclude),
        voice == null ? null : Pattern.compile(voice));
  }

  private static final String WARZONE_ROOT = "usr/share/games/warzone2100";

  /** Every source, by class. */
  public static final List<Source> SOURCES =
      List.of(
          // ---- speech
          new Source(
              "warzone-voice",
              "speech",
              Kind.WORDS,
              Catalog.WARZONE2100_DATA,
              WARZONE_ROOT,
              Optional.of("base.wz"),
              Pattern.compile("^audio/(tutorial|memressp/missmesg|memressp/cmndrvoc)/[^/]+\\.ogg$"),
              null,
              Pattern.compile("^audio/([^/]+)/")),
          source(
              "scid-voice",
              "speech",
              Kind.WORDS,
              Catalog.SCID_SOUNDS,
              "usr/share/scid/sounds",
              "\\.wav$",
              "(alert|move)\\.wav$",
              null),
          source(
              "kajongg-voice",
              "speech",
              Kind.WORDS,
              KAJONGG,
              "usr/share/kajongg/voices",
              "\\.ogg$",
              null,
              "^(.+)/[^/]+$"),
          source(
              "tuxpaint-voice",
              "speech",
              Kind.WORDS,
              TUXPAINT_STAMPS,
              "usr/share/tuxpaint/stamps/animals",
              "_desc(_[a-z]+)?\\.ogg$",
              null,
              "_desc(_[a-z]+)?\\.ogg$"),
          // ---- music
          source(
              "fillets-music",
              "music",
              Kind.TRACKS,
              FILLETS,
              "usr/share/games/fillets-ng/music",
              "\\.ogg$",
              null,
              null),
          source(
              "warmux-music",
              "music",
              Kind.TRACKS,
              WARMUX,
              "usr/share/games/warmux/music",
              "\\.ogg$",
              null,
              null),
          source(
              "supertux-music",
              "music",
              Kind.TRACKS,
              SUPERTUX,
              "usr/share/games/supertux2/music",
              "\\.ogg$",
              null,
              null),
          source(
              "xmoto-music",
              "music",
              Kind.TRACKS,
              XMOTO,
              "usr/share/games/xmoto/Textures/Musics",
              "\\.ogg$",
              null,
              null),
          source(
              "frozenbubble-music",
              "music",
              Kind.TRACKS,
              FROZEN_BUBBLE,
              "usr/share/games/frozen-bubble/snd",
              "zik[^/]*\\.ogg$",
              null,
              null),
          // ---- other
          new Source(
              "warzone-sfx",
              "other",
              Kind.EVENTS,
              Catalog.WARZONE2100_DATA,
              WARZONE_ROOT,
              Optional.of("base.wz"),
              Pattern.compile("^audio/sfx/.+\\.ogg$"),
              null,
              null),
          source(
              "tuxpaint-sfx",
              "other",
              Kind.EVENTS,
              TUXPAINT_STAMPS,
              "usr/share/tuxpaint/stamps/animals",
              "/[a-z0-9-]+\\.ogg$",
              null,
              null),
          source(
              "tuxpaint-tools",
              "other",
              Kind.EVENTS,
              TUXPAINT,
              "usr/share/tuxpaint/sounds",
              "\\.wav$",
              "(giggle|areyousure|youcannot|tuxok)\\.wav$",
              null),
          source(
              "supertux-sfx",
              "other",
              Kind.EVENTS,
              SUPERTUX,
              "usr/share/games/supertux2/sounds",
              "\\.(ogg|wav)$",
              "(excellent|welldone|grunts)\\.",
              null),
          source(
              "warmux-sfx",
              "other",
              Kind.EVENTS,
              WARMUX,
              "usr/share/games/warmux/sound/default",
              "^(weapons|misc)/.+\\.ogg$",
              null,
              null),
          source(
              "frozenbubble-sfx",
              "other",
              Kind.EVENTS,
              FROZEN_BUBBLE,
              "usr/share/games/frozen-bubble/snd",
              "\\.ogg$",
              "(zik|chatted)",
              null),
          source(
              "pingus-sfx",
              "other",
              Kind.EVENTS,
              PINGUS,
              "usr/share/games/pingus/data/sounds",
              "\\.wav$",
              "(goodidea|letsgo|ohno|yipee)\\.wav$",
              null),
          source(
              "bucklespring-keys",
              "other",
              Kind.EVENTS,
              BUCKLESPRING,
              "usr/share/buckle/wav",
              "\\.wav$",
              null,
              null));

  private final Map<Source, List<File>> files;

  private RealSounds(Map<Source, List<File>> files) {
    this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
  }

  /** No sources: the datasets of the {@link Library} alone. */
  public static RealSounds none() {
    return new RealSounds(Map.of());
  }

  /** Given files per source, e.g. a few made for a test. */
  public static RealSounds of(Map<Source, List<File>> files) {
    return new RealSounds(files);
  }

  /**
   * Fetches every package (about 720 MB of downloads the first time) and lists each source's files;
   * zip members are unpacked into {@code scratch}. A file the decoder cannot read is left out,
   * named on {@code warnings} with the reason.
   */
  public static RealSounds fetch(AssetCache cache, Path scratch, PrintStream warnings)
      throws IOException {
    Map<Source, List<File>> out = new LinkedHashMap<>();
    for (Source source : SOURCES) {
      Path root = cache.fetchTree(source.tree()).resolve(source.root());
      List<File> list = new ArrayList<>();
      if (source.zip().isPresent()) {
        Path folder = scratch.resolve(source.name());
        try (ZipFile zip = new ZipFile(root.resolve(source.zip().get()).toFile())) {
          List<String> names =
              zip.stream().map(e -> e.getName()).filter(source::takes).sorted().toList();
          for (String name : names) {
            list.add(new File(ZipMembers.extract(zip, name, folder), name, group(source, name)));
          }
        }
      } else {
        try (Stream<Path> walk = Files.walk(root)) {
          for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
            String relative = root.relativize(p).toString().replace('\\', '/');
            if (source.takes(relative)) {
              list.add(new File(p, relative, group(source, relative)));
            }
          }
        }
      }
      List<File> usable = new ArrayList<>();
      for (File f : list) {
        try {
          AudioLoader.loadMono(f.path(), 16_000);
          usable.add(f);
        } catch (IOException e) {
          warnings.println(
              "left out " + source.name() + " " + f.relative() + ": " + e.getMessage());
        }
      }
      if (usable.isEmpty()) {
        throw new IOException("source " + source.name() + " found no usable files under " + root);
      }
      out.put(source, usable);
    }
    return new RealSounds(out);
  }

  private static String group(Source source, String relative) {
    return source.name() + "/" + source.voiceOf(relative);
  }

  public Map<Source, List<File>> files() {
    return files;
  }
}
