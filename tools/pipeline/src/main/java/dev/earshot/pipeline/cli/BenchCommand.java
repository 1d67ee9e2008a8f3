package dev.earshot.pipeline.cli;

import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.pipeline.Hops;
import dev.earshot.pipeline.ResultWatcher;
import dev.earshot.pipeline.ServiceProcess;
import dev.earshot.pipeline.Services;
import dev.earshot.pipeline.TopicTime;
import dev.earshot.pipeline.ingest.IngestClient;
import dev.earshot.pipeline.local.Home;
import dev.earshot.pipeline.replay.GroupReset;
import dev.earshot.schema.Classification;
import dev.earshot.schema.Transcript;
import dev.earshot.schema.result.RecordingStatus;
import dev.earshot.schema.serde.AvroDeserializer;
import dev.earshot.schema.topic.EarshotTopic;
import dev.earshot.schema.topic.KafkaClients;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToDoubleFunction;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The whole pipeline under load: starts the four services, ingests one recording alone (the latency
 * of an idle pipeline), then many recordings at once, and prints latency from upload to recording
 * result, the part of it that is not model compute, throughput and each service's memory.
 */
@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    description =
        "Benchmark the whole pipeline: N recordings at once, latency, throughput, memory.")
public class BenchCommand implements Callable<Integer> {

  @Option(names = "--recordings", defaultValue = "20", description = "Default: ${DEFAULT-VALUE}.")
  int recordings;

  @Option(names = "--min-seconds", defaultValue = "10", description = "Default: ${DEFAULT-VALUE}.")
  double minSeconds;

  @Option(names = "--max-seconds", defaultValue = "60", description = "Default: ${DEFAULT-VALUE}.")
  double maxSeconds;

  @Option(
      names = "--idle-runs",
      defaultValue = "5",
      description =
          "How often one recording goes through the idle pipeline, after a first warm-up run"
              + " (default: ${DEFAULT-VALUE}).")
  int idleRuns;

  @Option(names = "--seed", defaultValue = "1")
  long seed;

  @Option(names = "--work", description = "Logs, audio, state (default: .earshot/bench).")
  Path work;

  @Mixin BenchServices pipeline = new BenchServices();

  @Option(
      names = "--port-offset",
      defaultValue = "20000",
      description = "Added to the services' usual ports so a running pipeline is left alone.")
  int portOffset;

  @Override
  public Integer call() throws Exception {
    String kafka = pipeline.kafka();
    Home home = Home.fromEnvironment();
    if (work == null) {
      work = home.state().resolve("bench");
    }
    Path jfk = AssetCache.atDefaultLocation().fetch(Catalog.JFK_WAV);
    Path audioDir = Files.createDirectories(work.resolve("audio"));
    List<Path> files = makeRecordings(jfk, audioDir);
    double audioSeconds = 0;
    for (Path f : files) {
      audioSeconds += seconds(f);
    }
    String suffix = "-bench-" + UUID.randomUUID().toString().substring(0, 8);
    System.out.printf("Starting the four services (groups *%s) against %s ...%n", suffix, kafka);
    Instant start = Instant.now();
    try (Services services = pipeline.start(kafka, home, suffix, work, portOffset, start)) {
      System.out.printf(
          "Services ready in %.1f s%n", Duration.between(start, Instant.now()).toMillis() / 1e3);
      IngestClient ingest = services.ingestClient();
      try (ResultWatcher watcher =
          new ResultWatcher(kafka, EarshotTopic.RESULTS.defaultName(), start)) {
        // One recording alone, several times: the first warms the models up (JIT, ONNX Runtime's
        // first run); the others show what the pipeline adds when nothing waits in a queue.
        List<IngestClient.Upload> idle = new ArrayList<>();
        Map<String, Long> idleSeenAt = new HashMap<>();
        for (int run = 0; run <= idleRuns; run++) {
          IngestClient.Upload alone = ingest.upload(jfk);
          var aloneResult =
              watcher.await(
                  java.util.Set.of(alone.recordingId()), Duration.ofMinutes(10), (i, s) -> {});
          // Idle means idle: the last run's stragglers (commits, fetches) are over.
          Thread.sleep(1000);
          if (run > 0) {
            idle.add(alone);
            idleSeenAt.put(alone.recordingId(), aloneResult.get(alone.recordingId()).seenAtMs());
          }
        }

        long t0 = System.currentTimeMillis();
        List<IngestClient.Upload> uploads = uploadAll(ingest, files);
        Map<String, IngestClient.Upload> byId = new LinkedHashMap<>();
        uploads.forEach(u -> byId.put(u.recordingId(), u));
        var results = watcher.await(byId.keySet(), Duration.ofMinutes(60), (i, s) -> {});
        long t1 = System.currentTimeMillis();

        List<String> ids = new ArrayList<>(byId.keySet());
        idle.forEach(u -> ids.add(u.recordingId()));
        Map<String, Compute> compute = compute(kafka, start, ids);

        List<Double> latencies = new ArrayList<>();
        List<Double> overheads = new ArrayList<>();
        int complete = 0;
        for (var e : results.entrySet()) {
          double latency = (e.getValue().seenAtMs() - byId.get(e.getKey()).sentAtMs()) / 1e3;
          latencies.add(latency);
          Compute c = compute.getOrDefault(e.getKey(), Compute.NONE);
          overheads.add(latency - Math.max(c.sttMs, c.classifyMs) / 1e3);
          if (e.getValue().result().status() == RecordingStatus.COMPLETE) {
            complete++;
          }
        }
        var times = Hops.latest(kafka, start, idleSeenAt.keySet());
        List<Hops.Breakdown> breakdowns = new ArrayList<>();
        for (IngestClient.Upload u : idle) {
          Compute c = compute.getOrDefault(u.recordingId(), Compute.NONE);
          Hops.Breakdown.of(
                  u.sentAtMs(),
                  idleSeenAt.get(u.recordingId()),
                  times.getOrDefault(u.recordingId(), Map.of()),
                  c.transcriptMadeAt(),
                  c.classifiedAt(),
                  c.sttMs(),
                  c.classifyMs())
              .ifPresent(breakdowns::add);
        }
        double totalStt = 0;
        double totalClassify = 0;
        for (String id : byId.keySet()) {
          totalStt += compute.getOrDefault(id, Compute.NONE).sttMs / 1e3;
          totalClassify += compute.getOrDefault(id, Compute.NONE).classifyMs / 1e3;
        }

        System.out.println();
        System.out.printf(
            "%d recordings of %.0f-%.0f s (%.0f s of audio), %d COMPLETE, %d without result%n",
            files.size(),
            minSeconds,
            maxSeconds,
            audioSeconds,
            complete,
            files.size() - results.size());
        printIdle(breakdowns, idle.size());
        System.out.printf(
            "Latency upload -> recording result: p50 %.1f s, p95 %.1f s, max %.1f s%n",
            percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 100));
        System.out.printf(
            "Beyond the recording's own model compute (queueing + pipeline): p50 %.1f s, p95 %.1f s%n",
            percentile(overheads, 50), percentile(overheads, 95));
        double wall = (t1 - t0) / 1e3;
        System.out.printf(
            "Throughput: %.1f s of audio in %.1f s wall = %.2f audio-s per s, %.1f recordings/min%n",
            audioSeconds, wall, audioSeconds / wall, files.size() / wall * 60);
        System.out.printf(
            "Model compute in total: STT %.1f s, classify %.1f s (%.0f%% / %.0f%% of wall time)%n",
            totalStt, totalClassify, 100 * totalStt / wall, 100 * totalClassify / wall);
        System.out.println("Memory (resident set, from /proc):");
        for (ServiceProcess p : services.processes()) {
          var m = p.memory();
          System.out.printf(
              "  %-18s peak %6.0f MiB, now %6.0f MiB%n",
              p.name(), m.peak().orElse(0) / 1048576.0, m.now().orElse(0) / 1048576.0);
        }
        return results.size() == files.size() ? 0 : 1;
      }
    }
  }

  /**
   * The idle recording's time hop by hop, medians over its runs, from the timestamps of its records
   * on each topic: what the pipeline adds beyond model compute, and where.
   */
  private static void printIdle(List<Hops.Breakdown> runs, int expected) {
    if (runs.size() < expected) {
      System.out.printf(
          "Idle runs: the records of %d of %d were not all found%n",
          expected - runs.size(), expected);
    }
    if (runs.isEmpty()) {
      return;
    }
    System.out.printf(
        "Idle, warm pipeline, one 11 s recording, median of %d runs: latency %.2f s, model compute"
            + " %.2f s (STT) / %.2f s (classify), pipeline overhead %.0f ms (runs: %s)%n",
        runs.size(),
        median(runs, Hops.Breakdown::seen) / 1e3,
        median(runs, Hops.Breakdown::sttComputeMs) / 1e3,
        median(runs, Hops.Breakdown::classifyComputeMs) / 1e3,
        median(runs, Hops.Breakdown::overheadMs),
        String.join(" ", runs.stream().map(r -> String.format("%.0f", r.overheadMs())).toList()));
    System.out.println("Where its time went (record timestamps, medians, ms):");
    System.out.printf(
        "  upload -> last chunk on Kafka (ingest)          %6.0f%n",
        median(runs, Hops.Breakdown::chunk));
    System.out.printf(
        "  upload -> FINISHED event (ingest)               %6.0f%n",
        median(runs, Hops.Breakdown::finished));
    System.out.printf(
        "  last chunk -> last transcript (STT)             %6.0f  (compute %.0f, the rest %.0f:"
            + " %.0f before the transcript was made, %.0f to send it)%n",
        median(runs, Hops.Breakdown::sttMs),
        median(runs, Hops.Breakdown::sttComputeMs),
        median(runs, r -> r.sttMs() - r.sttComputeMs()),
        median(runs, r -> r.transcriptMade() - r.chunk() - r.sttComputeMs()),
        median(runs, r -> r.transcript() - r.transcriptMade()));
    System.out.printf(
        "  last chunk -> last classification (classify)    %6.0f  (compute %.0f, the rest %.0f:"
            + " %.0f before the classification was made, %.0f to send it)%n",
        median(runs, Hops.Breakdown::classifyMs),
        median(runs, Hops.Breakdown::classifyComputeMs),
        median(runs, r -> r.classifyMs() - r.classifyComputeMs()),
        median(runs, r -> r.classified() - r.chunk() - r.classifyComputeMs()),
        median(runs, r -> r.classification() - r.classified()));
    // Kafka Streams stamps its output with its input's time, so the join, its exactly-once commit
    // and the reader's poll show up together here.
    System.out.printf(
        "  last part -> result seen by a reader (join)     %6.0f%n",
        median(runs, Hops.Breakdown::joinMs));
  }

  private static double median(List<Hops.Breakdown> runs, ToDoubleFunction<Hops.Breakdown> figure) {
    return percentile(runs.stream().map(figure::applyAsDouble).toList(), 50);
  }

  /**
   * Commits the fresh groups' offsets at the end of their topics before the services start, so they
   * skip whatever is already there without racing their own partition assignment (which
   * auto.offset.reset=latest would).
   */
  static void startAtTheEnd(String kafka, String suffix, Instant now) throws Exception {
    Map<String, List<String>> groups =
        Map.of(
            "earshot-stt" + suffix, List.of(EarshotTopic.AUDIO_CHUNKS.defaultName()),
            "earshot-classify" + suffix, List.of(EarshotTopic.AUDIO_CHUNKS.defaultName()),
            "earshot-captions" + suffix, List.of(EarshotTopic.LIVE_AUDIO.defaultName()),
            "earshot-results" + suffix,
                List.of(
                    EarshotTopic.AUDIO_CHUNKS.defaultName(),
                    EarshotTopic.TRANSCRIPTS.defaultName(),
                    EarshotTopic.CLASSIFICATIONS.defaultName(),
                    EarshotTopic.RECORDING_EVENTS.defaultName()));
    try (Admin admin =
        Admin.create(
            KafkaClients.with(
                KafkaClients.securityFromEnvironment(), Map.of("bootstrap.servers", kafka)))) {
      var existing = admin.listTopics().names().get();
      for (var e : groups.entrySet()) {
        for (String topic : e.getValue()) {
          if (existing.contains(topic)) {
            GroupReset.apply(
                admin, GroupReset.plan(admin, e.getKey(), topic, now, Optional.empty()));
          }
        }
      }
    }
  }

  private List<Path> makeRecordings(Path jfk, Path dir) throws Exception {
    AudioFormat format;
    byte[] pcm;
    try (AudioInputStream in = AudioSystem.getAudioInputStream(jfk.toFile())) {
      format = in.getFormat();
      pcm = in.readAllBytes();
    }
    int frame = format.getFrameSize();
    float rate = format.getSampleRate();
    List<Double> durations = new ArrayList<>();
    for (int i = 0; i < recordings; i++) {
      durations.add(
          recordings == 1
              ? minSeconds
              : minSeconds + (maxSeconds - minSeconds) * i / (recordings - 1));
    }
    Collections.shuffle(durations, new Random(seed));
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < durations.size(); i++) {
      int frames = (int) (durations.get(i) * rate);
      byte[] out = new byte[frames * frame];
      // Real speech, the JFK sample over and over with a different start in each recording.
      int offset = (int) ((i * 1.7 % 11) * rate) * frame;
      for (int b = 0; b < out.length; b++) {
        out[b] = pcm[(offset + b) % pcm.length];
      }
      Path file = dir.resolve(String.format("bench-%02d-%02.0fs.wav", i, durations.get(i)));
      try (AudioInputStream stream =
          new AudioInputStream(new ByteArrayInputStream(out), format, frames)) {
        AudioSystem.write(stream, AudioFileFormat.Type.WAVE, file.toFile());
      }
      files.add(file);
    }
    return files;
  }

  private static double seconds(Path wav) throws Exception {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
      return in.getFrameLength() / in.getFormat().getFrameRate();
    }
  }

  private static List<IngestClient.Upload> uploadAll(IngestClient ingest, List<Path> files)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(files.size());
    try {
      List<Future<IngestClient.Upload>> futures = new ArrayList<>();
      for (Path f : files) {
        futures.add(pool.submit(() -> ingest.upload(f)));
      }
      List<IngestClient.Upload> uploads = new ArrayList<>();
      for (var f : futures) {
        IngestClient.Upload u = f.get();
        if (!u.accepted()) {
          throw new IOException(u.file() + " was refused: " + u.message());
        }
        uploads.add(u);
      }
      return uploads;
    } finally {
      pool.shutdown();
    }
  }

  /** Milliseconds of model compute spent on one recording by each service. */
  record Compute(double sttMs, double classifyMs, long transcriptMadeAt, long classifiedAt) {
    static final Compute NONE = new Compute(0, 0, 0, 0);
  }

  /**
   * Sums the timings the workers put in their records: STT's total per chunk; classify's feature
   * time once per chunk (shared by its classifiers) plus every classifier's inference.
   */
  private static Map<String, Compute> compute(String kafka, Instant since, List<String> ids) {
    Map<String, Double> stt = new HashMap<>();
    Map<String, Map<Integer, Double>> features = new HashMap<>();
    Map<String, Double> inference = new HashMap<>();
    // When the workers made their last record of each recording (their createdAt, before sending).
    Map<String, Long> transcribedAt = new HashMap<>();
    Map<String, Long> classifiedAt = new HashMap<>();
    AvroDeserializer avro = new AvroDeserializer();
    var wanted = new java.util.HashSet<>(ids);
    for (String topic :
        List.of(
            EarshotTopic.TRANSCRIPTS.defaultName(), EarshotTopic.CLASSIFICATIONS.defaultName())) {
      TopicTime.readFrom(
          kafka,
          "earshot-bench-compute",
          topic,
          since,
          Duration.ofSeconds(60),
          r -> {
            if (!wanted.contains(r.key())) {
              return;
            }
            Object value;
            try {
              value = avro.deserialize(topic, r.value());
            } catch (RuntimeException e) {
              return;
            }
            if (value instanceof Transcript t) {
              stt.merge(r.key(), t.getTimings().getTotalMs(), Double::sum);
              transcribedAt.merge(r.key(), t.getCreatedAt().toEpochMilli(), Math::max);
            } else if (value instanceof Classification c) {
              features
                  .computeIfAbsent(r.key(), k -> new HashMap<>())
                  .merge(c.getChunkSequence(), c.getTimings().getFeatureMs(), Math::max);
              inference.merge(r.key(), c.getTimings().getInferenceMs(), Double::sum);
              classifiedAt.merge(r.key(), c.getCreatedAt().toEpochMilli(), Math::max);
            }
          });
    }
    Map<String, Compute> out = new HashMap<>();
    for (String id : ids) {
      double f =
          features.getOrDefault(id, Map.of()).values().stream()
              .mapToDouble(Double::doubleValue)
              .sum();
      out.put(
          id,
          new Compute(
              stt.getOrDefault(id, 0.0),
              f + inference.getOrDefault(id, 0.0),
              transcribedAt.getOrDefault(id, 0L),
              classifiedAt.getOrDefault(id, 0L)));
    }
    return out;
  }

  static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }
}
