package dev.earshot.stt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.audio.chunk.AudioLoader;
import dev.earshot.cli.ResidentMemory;
import dev.earshot.cli.UsageException;
import dev.earshot.stt.config.SttBeans;
import dev.earshot.stt.config.SttConfig;
import dev.earshot.stt.config.SttSettings;
import dev.earshot.stt.files.FileTranscriber;
import dev.earshot.stt.model.LoadedModel;
import dev.earshot.stt.model.SpeechToText;
import dev.earshot.whisper.EnglishTextNormalizer;
import dev.earshot.whisper.WordErrorRate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Benchmarks transcription over a folder of audio for each model: real-time factor, time per stage,
 * tokens per second, word error rate and peak memory, and, with {@code --js}, the same files
 * through transformers.js (same model files, same thread count) for a side-by-side ratio.
 */
@Command(
    name = "bench",
    description = "Benchmark Whisper over a folder of audio, optionally against transformers.js.",
    mixinStandardHelpOptions = true)
public class BenchCommand implements Callable<Integer> {

  static final String JFK =
      "And so my fellow Americans, ask not what your country can do for you, ask what you can do"
          + " for your country.";

  @Parameters(
      arity = "0..*",
      paramLabel = "FOLDER",
      description = "Folders or files (default: the LibriVox clips and jfk.wav, fetched).")
  List<Path> inputs = new ArrayList<>();

  @Option(
      names = "--models",
      split = ",",
      defaultValue = "tiny,base",
      description = "Models to run.")
  List<String> models;

  @Option(names = "--threads", defaultValue = "2", description = "Intra-op threads for both sides.")
  int threads;

  @Option(names = "--js", description = "Also run transformers.js (needs node and npm).")
  boolean javascript;

  @Option(
      names = "--js-dir",
      defaultValue = "tools/stt-tools/transformers-js",
      description = "Folder of the transformers.js harness.")
  Path jsDir;

  // The service's settings, read when the command runs, so files are decoded as the service
  // decodes chunks.
  private SttConfig config;
  private SttSettings configured;

  /** One implementation's figures for one model. */
  record Row(
      String model,
      String implementation,
      int files,
      double audioSeconds,
      double msPerFile,
      double passMsPerFile,
      double featureMs,
      double encoderMs,
      double decoderMs,
      double tokensPerSecond,
      double wer,
      long peakRssBytes) {}

  @Override
  public Integer call() throws Exception {
    config = ServiceConfig.read();
    configured = SttSettings.from(config);
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        throw new UsageException(input + ": no such file or folder");
      }
    }
    AssetCache cache = SttBeans.cache(config);
    Map<Path, String> references = new LinkedHashMap<>();
    List<Path> files = files(cache, references);
    System.out.printf("%d files, %d threads%n", files.size(), threads);
    List<Row> rows = new ArrayList<>();
    for (String model : models) {
      // Like for like with transformers.js: greedy, no timestamps, no fallback, no speech gate.
      var likeJs =
          new SttSettings(
              model,
              configured.whisper().withThreads(threads),
              configured
                  .decoding()
                  .withBeamSize(1)
                  .withTimestamps(false)
                  .withTemperatures(0.0)
                  .withLanguage("en"),
              null,
              configured.batchSize());
      rows.add(runJava("earshot Java, as JS", likeJs, files, references, cache));
      var service =
          new SttSettings(
              model,
              configured.whisper().withThreads(threads),
              configured.decoding().withLanguage("en"),
              configured.vad(),
              configured.batchSize());
      rows.add(runJava("earshot Java, service", service, files, references, cache));
      if (javascript) {
        rows.add(runJavaScript(model, files, references, cache));
      }
    }
    print(rows);
    return 0;
  }

  private List<Path> files(AssetCache cache, Map<Path, String> references) throws IOException {
    List<Path> roots = new ArrayList<>(inputs);
    if (roots.isEmpty()) {
      Path librivox = cache.fetchAll(Catalog.LIBRIVOX);
      Path jfk = cache.fetch(Catalog.JFK_WAV);
      references.put(jfk, JFK);
      roots.add(librivox);
      roots.add(jfk);
    }
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        readReferences(root, references);
        try (Stream<Path> list = Files.list(root)) {
          list.filter(p -> p.toString().matches(".*\\.(wav|flac|ogg|oga|mp3)$"))
              .sorted()
              .forEach(files::add);
        }
      } else {
        files.add(root);
      }
    }
    return files;
  }

  /** pocketsphinx's "transcription" file, or NAME.txt next to NAME.wav. */
  private static void readReferences(Path folder, Map<Path, String> references) throws IOException {
    Path pocketsphinx = folder.resolve("transcription");
    if (Files.isRegularFile(pocketsphinx)) {
      for (String line : Files.readAllLines(pocketsphinx)) {
        String id = line.replaceAll(".*\\((.*)\\).*", "$1");
        references.put(
            folder.resolve(id + ".wav"), line.replaceAll("<s>|</s>|\\(.*\\)", "").strip());
      }
    }
    try (Stream<Path> texts = Files.list(folder)) {
      for (Path text : texts.filter(p -> p.toString().endsWith(".txt")).toList()) {
        String stem = text.getFileName().toString().replaceAll("\\.txt$", "");
        try (Stream<Path> audio = Files.list(folder)) {
          audio
              .filter(p -> p.getFileName().toString().startsWith(stem + ".") && !p.equals(text))
              .forEach(p -> references.put(p, readQuietly(text)));
        }
      }
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      return "";
    }
  }

  private Row runJava(
      String label,
      SttSettings settings,
      List<Path> files,
      Map<Path, String> references,
      AssetCache cache) {
    String model = settings.model();
    try (LoadedModel loaded = LoadedModel.load(settings, cache)) {
      var transcriber = new FileTranscriber(loaded.speechToText(), TranscribeCommand.chunking());
      var normalizer = EnglishTextNormalizer.forModel(loaded.model().folder());
      transcriber.transcribe(files.get(0));
      double audio = 0;
      double wall = 0;
      double feature = 0;
      double encoder = 0;
      double decoder = 0;
      long tokens = 0;
      WordErrorRate.Count wer = new WordErrorRate.Count(0, 0);
      for (Path file : files) {
        long start = System.nanoTime();
        var result = transcriber.transcribe(file);
        wall += (System.nanoTime() - start) / 1e6;
        audio += result.seconds();
        for (SpeechToText.Result chunk : result.chunks()) {
          var timings = chunk.transcription().timings();
          feature += timings.featureMs();
          encoder += timings.encoderMs();
          decoder += timings.decoderMs();
          tokens += chunk.transcription().tokens();
        }
        String reference = references.get(file);
        if (reference != null) {
          wer =
              wer.plus(
                  WordErrorRate.count(
                      normalizer.normalize(reference), normalizer.normalize(result.text())));
        }
      }
      int n = files.size();
      // The folder in one pass: chunks share batches, encoding overlaps decoding.
      long passStart = System.nanoTime();
      transcriber.transcribeAll(files);
      double pass = (System.nanoTime() - passStart) / 1e6;
      return new Row(
          model,
          label,
          n,
          audio,
          wall / n,
          pass / n,
          feature / n,
          encoder / n,
          decoder / n,
          decoder > 0 ? tokens / (decoder / 1000) : 0,
          wer.referenceWords() > 0 ? wer.rate() : Double.NaN,
          residentPeak());
    } catch (Exception e) {
      throw new IllegalStateException("whisper-" + model + " failed: " + e.getMessage(), e);
    }
  }

  private Row runJavaScript(
      String model, List<Path> files, Map<Path, String> references, AssetCache cache)
      throws IOException, InterruptedException {
    Path folder = dev.earshot.whisper.WhisperModels.resolve(model, cache);
    Path scratch = Files.createTempDirectory("earshot-bench-js");
    try {
      if (!Files.isDirectory(jsDir.resolve("node_modules"))) {
        run(jsDir, List.of("npm", "ci", "--no-audit", "--no-fund"));
      }
      List<String> command =
          new ArrayList<>(
              List.of(
                  "node",
                  "transcribe.mjs",
                  "--model",
                  folder.toString(),
                  "--threads",
                  Integer.toString(threads)));
      Map<String, Path> byInput = new LinkedHashMap<>();
      double audio = 0;
      for (int i = 0; i < files.size(); i++) {
        float[] samples = AudioLoader.loadMono(files.get(i), 16000);
        audio += samples.length / 16000.0;
        Path raw = scratch.resolve(i + ".f32");
        writeFloats(raw, samples);
        byInput.put(raw.toString(), files.get(i));
        command.add(raw.toString());
      }
      var normalizer = EnglishTextNormalizer.forModel(folder);
      ObjectMapper json = new ObjectMapper();
      double ms = 0;
      long peak = -1;
      WordErrorRate.Count wer = new WordErrorRate.Count(0, 0);
      for (String line : run(jsDir, command)) {
        if (!line.startsWith("{")) {
          continue;
        }
        JsonNode node = json.readTree(line);
        if (node.has("maxRssBytes")) {
          peak = node.get("maxRssBytes").asLong();
        }
        if (!node.has("file")) {
          continue;
        }
        ms += node.get("ms").asDouble();
        String reference = references.get(byInput.get(node.get("file").asText()));
        if (reference != null) {
          wer =
              wer.plus(
                  WordErrorRate.count(
                      normalizer.normalize(reference),
                      normalizer.normalize(node.get("text").asText())));
        }
      }
      int n = files.size();
      return new Row(
          model,
          "transformers.js, greedy",
          n,
          audio,
          ms / n,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          wer.referenceWords() > 0 ? wer.rate() : Double.NaN,
          peak);
    } finally {
      try (Stream<Path> walk = Files.walk(scratch)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void writeFloats(Path file, float[] samples) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(samples.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(samples);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(bytes.array());
    }
  }

  private static List<String> run(Path dir, List<String> command)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false).start();
    List<String> lines = new ArrayList<>();
    try (var reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    }
    String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + errors);
    }
    return lines;
  }

  private static void print(List<Row> rows) {
    System.out.printf(
        "%n%-6s %-24s %5s %8s %10s %8s %8s %8s %8s %7s %7s %9s%n",
        "model",
        "implementation",
        "files",
        "audio s",
        "ms/file",
        "RTF",
        "feat ms",
        "enc ms",
        "dec ms",
        "tok/s",
        "WER",
        "peak RSS");
    for (Row r : rows) {
      System.out.printf(
          "%-6s %-24s %5d %8.1f %8.0f %9s %7.3f %8s %8s %8s %7s %7s %9s%n",
          r.model(),
          r.implementation(),
          r.files(),
          r.audioSeconds(),
          r.msPerFile(),
          Double.isNaN(r.passMsPerFile()) ? "-" : String.format("%.0f", r.passMsPerFile()),
          r.msPerFile() * r.files() / 1000 / r.audioSeconds(),
          fixed(r.featureMs()),
          fixed(r.encoderMs()),
          fixed(r.decoderMs()),
          fixed(r.tokensPerSecond()),
          Double.isNaN(r.wer()) ? "-" : String.format("%.1f%%", r.wer() * 100),
          r.peakRssBytes() < 0 ? "-" : String.format("%.0f MB", r.peakRssBytes() / 1e6));
    }
    for (Row js : rows) {
      if (!js.implementation().startsWith("transformers.js")) {
        continue;
      }
      for (Row java : rows) {
        if (java.model().equals(js.model()) && java.implementation().startsWith("earshot")) {
          System.out.printf(
              "%s: transformers.js takes %.2fx the time of %s per file one at a time, %.2fx per"
                  + " file in one pass%n",
              js.model(),
              js.msPerFile() / java.msPerFile(),
              java.implementation(),
              js.msPerFile() / java.passMsPerFile());
        }
      }
    }
  }

  private static String fixed(double value) {
    return Double.isNaN(value) ? "-" : String.format("%.1f", value);
  }

  /** VmHWM: the most memory this process has held so far (Java peak is cumulative over models). */
  private static long residentPeak() {
    return ResidentMemory.self().peak().orElse(-1);
  }
}
