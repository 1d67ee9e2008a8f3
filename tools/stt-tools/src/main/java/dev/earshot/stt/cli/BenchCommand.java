package dev.earshot.stt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.assets.AssetCache;
import dev.earshot.audio.chunk.AudioLoader;
import dev.earshot.audio.decode.AudioFiles;
import dev.earshot.cli.ResidentMemory;
import dev.earshot.cli.UsageException;
import dev.earshot.stt.config.SttBeans;
import dev.earshot.stt.config.SttConfig;
import dev.earshot.stt.config.SttSettings;
import dev.earshot.stt.eval.SpeechSet;
import dev.earshot.stt.files.FileTranscriber;
import dev.earshot.stt.model.LoadedModel;
import dev.earshot.stt.model.SpeechToText;
import dev.earshot.whisper.EnglishTextNormalizer;
import dev.earshot.whisper.Guards;
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
 * Benchmarks transcription for each model: word error rate by clip length (under 1 s, 1-3 s, over 3
 * s), milliseconds per file, real-time factor, time per stage, tokens per second and peak memory,
 * at the service's defaults and at transformers.js's settings, and with {@code --js} through
 * transformers.js itself (same model files, same thread count) side by side.
 */
@Command(
    name = "bench",
    description =
        "Benchmark Whisper on real speech (WER by length, speed), optionally against"
            + " transformers.js.",
    mixinStandardHelpOptions = true)
public class BenchCommand implements Callable<Integer> {

  @Parameters(
      arity = "0..*",
      paramLabel = "FOLDER",
      description =
          "Folders or files, with NAME.txt or pocketsphinx transcriptions as references (default:"
              + " the evaluation set of real short and long English speech, fetched).")
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

  @Option(
      names = "--max-per-source",
      defaultValue = "40",
      description =
          "Clips taken from each source of the evaluation set (default: ${DEFAULT-VALUE}).")
  int maxPerSource;

  @Option(
      names = "--only",
      split = ",",
      description = "Rows to run: defaults, as-js (default: both).")
  List<String> only;

  @Option(names = "--errors", description = "Print every clip a row got wrong.")
  boolean errors;

  @Option(names = "--clips", description = "Print every clip of every row, right or wrong.")
  boolean clips;

  // The service's settings, read when the command runs, so files are decoded as the service
  // decodes chunks.
  private SttConfig config;
  private SttSettings configured;

  /** A clip of the set with its length. */
  record Sample(SpeechSet.Clip clip, double seconds) {}

  /** What one implementation made of one clip, and how sure the model was (Java only). */
  record Outcome(Sample sample, String text, double ms, String detail) {}

  /** One implementation's figures for one model. */
  record Row(
      String model,
      String implementation,
      List<Outcome> outcomes,
      double passMsPerFile,
      double featureMs,
      double encoderMs,
      double decoderMs,
      double tokensPerSecond,
      long peakRssBytes) {

    double msPerFile() {
      return outcomes.stream().mapToDouble(Outcome::ms).sum() / outcomes.size();
    }

    double audioSeconds() {
      return outcomes.stream().mapToDouble(o -> o.sample().seconds()).sum();
    }
  }

  /** Clip lengths the accuracy is reported for. */
  enum Bucket {
    UNDER_1_S("< 1 s", 0, 1),
    FROM_1_TO_3_S("1-3 s", 1, 3),
    OVER_3_S("> 3 s", 3, Double.MAX_VALUE);

    final String label;
    final double from;
    final double to;

    Bucket(String label, double from, double to) {
      this.label = label;
      this.from = from;
      this.to = to;
    }

    static Bucket of(double seconds) {
      for (Bucket b : values()) {
        if (seconds < b.to) {
          return b;
        }
      }
      return OVER_3_S;
    }
  }

  @Override
  public Integer call() throws Exception {
    config = ServiceConfig.read();
    configured = SttSettings.from(config);
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        throw new UsageException(input + ": no such file or folder");
      }
    }
    if (only != null && !List.of("defaults", "as-js").containsAll(only)) {
      throw new UsageException("--only takes defaults and as-js, got " + only);
    }
    if (maxPerSource < 1) {
      throw new UsageException("--max-per-source must be at least 1, got " + maxPerSource);
    }
    AssetCache cache = SttBeans.cache(config);
    Path scratch = Files.createTempDirectory("earshot-stt-bench");
    try {
      List<Sample> samples = samples(cache, scratch);
      Map<Bucket, Long> perBucket = new java.util.EnumMap<>(Bucket.class);
      samples.forEach(s -> perBucket.merge(Bucket.of(s.seconds()), 1L, Long::sum));
      System.out.printf(
          "%d files (%s), %d threads%n",
          samples.size(),
          perBucket.entrySet().stream()
              .map(e -> e.getValue() + " " + e.getKey().label)
              .collect(java.util.stream.Collectors.joining(", ")),
          threads);
      List<Row> rows = new ArrayList<>();
      for (String model : models) {
        if (runs("defaults")) {
          // What users get: the service's decoding as configured, language detected. One file at a
          // time leaves no next chunk to encode meanwhile, so the decoder gets every thread too,
          // as transformers.js's does.
          var service =
              new SttSettings(
                  model,
                  configured.whisper().withThreads(threads).withDecoderThreads(threads),
                  configured.decoding(),
                  configured.vad(),
                  configured.batchSize());
          rows.add(runJava("earshot, service defaults", service, samples, cache));
        }
        if (runs("as-js")) {
          // Like for like with transformers.js: English, greedy, no timestamps, no fallback.
          var likeJs =
              new SttSettings(
                  model,
                  configured.whisper().withThreads(threads).withDecoderThreads(threads),
                  configured
                      .decoding()
                      .withBeamSize(1)
                      .withTimestamps(false)
                      .withTemperatures(0.0)
                      .withLanguage("en")
                      .withGuards(Guards.none()),
                  null,
                  configured.batchSize());
          rows.add(runJava("earshot, as transformers.js", likeJs, samples, cache));
        }
        if (javascript) {
          rows.add(runJavaScript(model, samples, cache));
        }
      }
      print(rows);
      if (errors || clips) {
        printErrors(rows);
      }
      return 0;
    } finally {
      deleteTree(scratch);
    }
  }

  private boolean runs(String row) {
    return only == null || only.contains(row);
  }

  private List<Sample> samples(AssetCache cache, Path scratch) throws IOException {
    List<SpeechSet.Clip> clips = new ArrayList<>();
    if (inputs.isEmpty()) {
      clips.addAll(SpeechSet.load(cache, maxPerSource, scratch));
    } else {
      Map<Path, String> references = new LinkedHashMap<>();
      for (Path file : files(references)) {
        clips.add(new SpeechSet.Clip("input", file, references.get(file)));
      }
    }
    List<Sample> samples = new ArrayList<>();
    for (SpeechSet.Clip clip : clips) {
      samples.add(new Sample(clip, AudioLoader.loadMono(clip.file(), 16000).length / 16000.0));
    }
    return samples;
  }

  private List<Path> files(Map<Path, String> references) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : inputs) {
      if (Files.isDirectory(root)) {
        readReferences(root, references);
        try (Stream<Path> list = Files.list(root)) {
          list.filter(AudioFiles::hasAudioExtension).sorted().forEach(files::add);
        }
      } else {
        files.add(root);
      }
    }
    return files;
  }

  /** pocketsphinx's "transcription" file, or NAME.txt next to NAME.wav. */
  private static void readReferences(Path folder, Map<Path, String> references) throws IOException {
    if (Files.isRegularFile(folder.resolve("transcription"))) {
      SpeechSet.pocketsphinx(folder, "transcription")
          .forEach(clip -> references.put(clip.file(), clip.reference()));
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

  private Row runJava(String label, SttSettings settings, List<Sample> samples, AssetCache cache) {
    String model = settings.model();
    try (LoadedModel loaded = LoadedModel.load(settings, cache)) {
      var transcriber = new FileTranscriber(loaded.speechToText(), TranscribeCommand.chunking());
      transcriber.transcribe(samples.get(0).clip().file());
      double feature = 0;
      double encoder = 0;
      double decoder = 0;
      long tokens = 0;
      List<Outcome> outcomes = new ArrayList<>();
      for (Sample sample : samples) {
        long start = System.nanoTime();
        var result = transcriber.transcribe(sample.clip().file());
        double ms = (System.nanoTime() - start) / 1e6;
        StringBuilder detail = new StringBuilder();
        for (SpeechToText.Result chunk : result.chunks()) {
          var t = chunk.transcription();
          if (t != null) {
            detail.append(
                String.format(
                    " [%s %.2f, no-speech %.2f, logprob %.2f, T %.1f%s]",
                    t.language(),
                    t.languageProbability() == null ? Double.NaN : t.languageProbability(),
                    t.noSpeechProbability(),
                    t.avgLogProbability(),
                    t.temperature(),
                    t.silent() ? ", silent" : ""));
          }
        }
        outcomes.add(new Outcome(sample, result.text(), ms, detail.toString()));
        for (SpeechToText.Result chunk : result.chunks()) {
          var timings = chunk.transcription().timings();
          feature += timings.featureMs();
          encoder += timings.encoderMs();
          decoder += timings.decoderMs();
          tokens += chunk.transcription().tokens();
        }
      }
      int n = samples.size();
      // The folder in one pass: chunks share batches, encoding overlaps decoding.
      long passStart = System.nanoTime();
      transcriber.transcribeAll(samples.stream().map(s -> s.clip().file()).toList());
      double pass = (System.nanoTime() - passStart) / 1e6;
      return new Row(
          model,
          label,
          outcomes,
          pass / n,
          feature / n,
          encoder / n,
          decoder / n,
          decoder > 0 ? tokens / (decoder / 1000) : 0,
          residentPeak());
    } catch (Exception e) {
      throw new IllegalStateException("whisper-" + model + " failed: " + e.getMessage(), e);
    }
  }

  private Row runJavaScript(String model, List<Sample> samples, AssetCache cache)
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
      Map<String, Sample> byInput = new LinkedHashMap<>();
      for (int i = 0; i < samples.size(); i++) {
        float[] pcm = AudioLoader.loadMono(samples.get(i).clip().file(), 16000);
        Path raw = scratch.resolve(i + ".f32");
        writeFloats(raw, pcm);
        byInput.put(raw.toString(), samples.get(i));
        command.add(raw.toString());
      }
      ObjectMapper json = new ObjectMapper();
      long peak = -1;
      List<Outcome> outcomes = new ArrayList<>();
      for (String line : run(jsDir, command)) {
        if (!line.startsWith("{")) {
          continue;
        }
        JsonNode node = json.readTree(line);
        if (node.has("maxRssBytes")) {
          peak = node.get("maxRssBytes").asLong();
        }
        if (node.has("file")) {
          outcomes.add(
              new Outcome(
                  byInput.get(node.get("file").asText()),
                  node.get("text").asText(),
                  node.get("ms").asDouble(),
                  ""));
        }
      }
      return new Row(
          model,
          "transformers.js (en, greedy)",
          outcomes,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          peak);
    } finally {
      deleteTree(scratch);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
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

  private void print(List<Row> rows) throws IOException {
    System.out.printf(
        "%n%-5s %-30s %6s %6s %6s %6s %8s %9s %6s %7s %7s %7s %7s %9s%n",
        "model",
        "implementation",
        "<1 s",
        "1-3 s",
        ">3 s",
        "all",
        "ms/file",
        "pass ms",
        "RTF",
        "feat ms",
        "enc ms",
        "dec ms",
        "tok/s",
        "peak RSS");
    for (Row r : rows) {
      var normalizer = normalizer(r.model());
      Map<Bucket, WordErrorRate.Count> wer = wer(r, normalizer);
      System.out.printf(
          "%-5s %-30s %6s %6s %6s %6s %8.0f %9s %6.3f %7s %7s %7s %7s %9s%n",
          r.model(),
          r.implementation(),
          percent(wer.get(Bucket.UNDER_1_S)),
          percent(wer.get(Bucket.FROM_1_TO_3_S)),
          percent(wer.get(Bucket.OVER_3_S)),
          percent(
              wer.values().stream()
                  .reduce(new WordErrorRate.Count(0, 0), WordErrorRate.Count::plus)),
          r.msPerFile(),
          Double.isNaN(r.passMsPerFile()) ? "-" : String.format("%.0f", r.passMsPerFile()),
          r.msPerFile() * r.outcomes().size() / 1000 / r.audioSeconds(),
          fixed(r.featureMs()),
          fixed(r.encoderMs()),
          fixed(r.decoderMs()),
          fixed(r.tokensPerSecond()),
          r.peakRssBytes() < 0 ? "-" : String.format("%.0f MB", r.peakRssBytes() / 1e6));
    }
    System.out.println("WER by clip length (normalised as Whisper's English normaliser does).");
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

  private void printErrors(List<Row> rows) throws IOException {
    for (Row r : rows) {
      var normalizer = normalizer(r.model());
      System.out.printf(
          "%n%s in %s, %s:%n", clips ? "Clips" : "Wrong", r.model(), r.implementation());
      for (Outcome o : r.outcomes()) {
        String reference = o.sample().clip().reference();
        if (reference == null) {
          continue;
        }
        String want = normalizer.normalize(reference);
        String got = normalizer.normalize(o.text());
        if (clips || !want.equals(got)) {
          System.out.printf(
              "%s %-18s %5.2f s  %-28s -> %s%s%n",
              want.equals(got) ? " " : "x",
              o.sample().clip().source(),
              o.sample().seconds(),
              '"' + reference + '"',
              '"' + o.text() + '"',
              o.detail());
        }
      }
    }
  }

  private final Map<String, EnglishTextNormalizer> normalizers = new LinkedHashMap<>();

  private EnglishTextNormalizer normalizer(String model) throws IOException {
    if (!normalizers.containsKey(model)) {
      AssetCache cache = SttBeans.cache(config);
      normalizers.put(
          model,
          EnglishTextNormalizer.forModel(dev.earshot.whisper.WhisperModels.resolve(model, cache)));
    }
    return normalizers.get(model);
  }

  private static Map<Bucket, WordErrorRate.Count> wer(Row row, EnglishTextNormalizer normalizer) {
    Map<Bucket, WordErrorRate.Count> counts = new java.util.EnumMap<>(Bucket.class);
    for (Bucket b : Bucket.values()) {
      counts.put(b, new WordErrorRate.Count(0, 0));
    }
    for (Outcome o : row.outcomes()) {
      String reference = o.sample().clip().reference();
      if (reference != null) {
        counts.merge(
            Bucket.of(o.sample().seconds()),
            WordErrorRate.count(normalizer.normalize(reference), normalizer.normalize(o.text())),
            WordErrorRate.Count::plus);
      }
    }
    return counts;
  }

  private static String percent(WordErrorRate.Count count) {
    return count == null || count.referenceWords() == 0
        ? "-"
        : String.format("%.1f%%", count.rate() * 100);
  }

  private static String fixed(double value) {
    return Double.isNaN(value) ? "-" : String.format("%.1f", value);
  }

  /** VmHWM: the most memory this process has held so far (Java peak is cumulative over models). */
  private static long residentPeak() {
    return ResidentMemory.self().peak().orElse(-1);
  }
}
