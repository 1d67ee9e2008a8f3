package dev.earshot.classify.data;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.assets.DebianArch;
import dev.earshot.audio.chunk.AudioLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs espeak-ng and SoX from the Debian packages of {@link Catalog#synthTools(DebianArch)},
 * extracted into the asset cache, as child processes: nothing is installed, and nothing on the
 * machine's own {@code PATH} is used. Output is read back as 16 kHz mono. Runs on Linux x86-64 and
 * aarch64, which the packages are built for. Thread-safe: every call works in its own temporary
 * files.
 */
public final class Synthesiser implements SoundMaker {

  public static final int SAMPLE_RATE = 16_000;

  private static final long TIMEOUT_SECONDS = 120;
  private static final int MAX_MESSAGE_CHARS = 2_000;

  private final Path root;
  private final Path libDir;
  private final String libraryPath;
  private final Path espeak;
  private final Path sox;
  private final Path work;

  /**
   * @param root the extracted packages, with {@code usr/bin/espeak-ng} and {@code usr/bin/sox}
   * @param arch what they are built for, which says where their libraries and voices lie
   */
  public Synthesiser(Path root, DebianArch arch) throws IOException {
    this.root = root.toAbsolutePath();
    this.libDir = arch.libDir(this.root);
    List<String> libraries = new ArrayList<>();
    for (Path folder : arch.libraryPath(this.root)) {
      libraries.add(folder.toString());
    }
    // libpulse keeps its private libpulsecommon here, outside the standard folders.
    libraries.add(libDir.resolve("pulseaudio").toString());
    this.libraryPath = String.join(":", libraries);
    this.espeak = this.root.resolve("usr/bin/espeak-ng");
    this.sox = this.root.resolve("usr/bin/sox");
    for (Path tool : List.of(espeak, sox)) {
      if (!Files.isExecutable(tool)) {
        throw new SynthesisException(
            "no executable " + tool + " (fetch " + TrainingCatalog.synthTools(arch).name() + ")");
      }
    }
    this.work = Files.createTempDirectory("earshot-synth-");
    this.work.toFile().deleteOnExit();
  }

  /**
   * Fetches the packages built for this machine into the cache (under 10 MB, once) and returns a
   * synthesiser over them.
   */
  public static Synthesiser fetch(AssetCache cache) throws IOException {
    String os = System.getProperty("os.name", "");
    if (!os.toLowerCase(Locale.ROOT).contains("linux")) {
      throw new SynthesisException(
          "espeak-ng and SoX come as Debian binaries, which run on Linux only; this is " + os);
    }
    DebianArch arch;
    try {
      arch = DebianArch.current();
    } catch (IllegalArgumentException e) {
      throw new SynthesisException("cannot run espeak-ng and SoX: " + e.getMessage(), e);
    }
    return new Synthesiser(cache.fetchTree(TrainingCatalog.synthTools(arch)), arch);
  }

  public Path root() {
    return root;
  }

  @Override
  public float[] speak(Voice voice, String text) throws IOException {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("nothing to say");
    }
    Path out = Files.createTempFile(work, "espeak-", ".wav");
    try {
      List<String> command = new ArrayList<>();
      command.add(espeak.toString());
      command.add("--path=" + libDir);
      command.add("-w");
      command.add(out.toString());
      command.addAll(voice.args());
      command.add("--");
      command.add(text);
      run("espeak-ng", command);
      return read(out, "espeak-ng", command);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  @Override
  public float[] generate(int channels, List<String> args) throws IOException {
    if (channels < 1 || channels > 32) {
      throw new IllegalArgumentException("channels must be 1..32: " + channels);
    }
    Path out = Files.createTempFile(work, "sox-", ".wav");
    try {
      List<String> command =
          new ArrayList<>(List.of(sox.toString(), "-R", "-c", Integer.toString(channels), "-n"));
      command.addAll(output(out));
      command.addAll(args);
      run("sox", command);
      return read(out, "sox", command);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  @Override
  public float[] process(float[] samples, List<String> effects) throws IOException {
    Path in = Files.createTempFile(work, "sox-in-", ".wav");
    Path out = Files.createTempFile(work, "sox-", ".wav");
    try {
      Wav.write(in, samples, SAMPLE_RATE);
      List<String> command = new ArrayList<>(List.of(sox.toString(), "-R", in.toString()));
      command.addAll(output(out));
      command.addAll(effects);
      run("sox", command);
      return read(out, "sox", command);
    } finally {
      Files.deleteIfExists(in);
      Files.deleteIfExists(out);
    }
  }

  /** 32-bit float output needs no dither, so SoX's output does not depend on a random seed. */
  private static List<String> output(Path out) {
    return List.of(
        "-r",
        Integer.toString(SAMPLE_RATE),
        "-c",
        "1",
        "-e",
        "floating-point",
        "-b",
        "32",
        out.toString());
  }

  private static float[] read(Path wav, String tool, List<String> command) throws IOException {
    float[] samples;
    try {
      samples = AudioLoader.loadMono(wav, SAMPLE_RATE);
    } catch (IOException | RuntimeException e) {
      throw new SynthesisException(
          tool + " wrote no readable audio (" + e.getMessage() + "); command: " + show(command), e);
    }
    if (samples.length == 0) {
      throw new SynthesisException(tool + " wrote no audio; command: " + show(command));
    }
    return samples;
  }

  private void run(String tool, List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.clear();
    env.put("PATH", "/usr/bin:/bin");
    env.put("HOME", work.toString());
    env.put("LC_ALL", "C.UTF-8");
    env.put("LD_LIBRARY_PATH", libraryPath);
    builder.directory(work.toFile());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new SynthesisException(
          "cannot start " + tool + " from " + command.get(0) + ": " + e.getMessage(), e);
    }
    process.getOutputStream().close();
    String output;
    boolean finished;
    try (InputStream in = process.getInputStream()) {
      output = readBounded(in);
      finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new SynthesisException("interrupted while " + tool + " ran");
    }
    if (!finished) {
      process.destroyForcibly();
      throw new SynthesisException(
          tool + " did not finish within " + TIMEOUT_SECONDS + " s; command: " + show(command));
    }
    if (process.exitValue() != 0) {
      throw new SynthesisException(
          tool
              + " failed with exit code "
              + process.exitValue()
              + ": "
              + output.strip()
              + "\n  command: "
              + show(command));
    }
  }

  /** Keeps the end of what the tool printed: the error is usually last. */
  private static String readBounded(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    String text = all.toString(StandardCharsets.UTF_8);
    return text.length() <= MAX_MESSAGE_CHARS
        ? text
        : "..." + text.substring(text.length() - MAX_MESSAGE_CHARS);
  }

  private static String show(List<String> command) {
    StringBuilder line = new StringBuilder();
    for (String part : command) {
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(part.matches("[A-Za-z0-9_./:=+%-]+") ? part : "'" + part + "'");
    }
    return line.toString();
  }
}
