package dev.earshot.pipeline.ingest;

import dev.earshot.audio.chunk.ChunkPipeline;
import dev.earshot.audio.chunk.PcmCodec;
import dev.earshot.audio.chunk.PcmEncoding;
import dev.earshot.audio.chunk.PipelineSettings;
import dev.earshot.audio.decode.AudioDecoder;
import dev.earshot.audio.decode.PcmStream;
import dev.earshot.cli.Cli;
import dev.earshot.cli.Durations;
import dev.earshot.cli.ExistingPath;
import dev.earshot.cli.ExitCodes;
import dev.earshot.cli.ResidentMemory;
import dev.earshot.pipeline.ServiceProcess;
import dev.earshot.pipeline.local.Home;
import dev.earshot.pipeline.local.LocalPipeline;
import dev.earshot.schema.EarshotService;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures ingest on a long file: the audio pipeline alone in this process, then end to end through
 * an ingest-service of its own (streamed, as long recordings arrive) into Kafka with acks=all,
 * printing audio seconds per wall second and the service's peak memory.
 */
@Command(
    name = "bench",
    description = "Ingest a long file and print throughput and peak memory.",
    mixinStandardHelpOptions = true)
public class IngestBenchCommand implements Callable<Integer> {

  @Option(
      names = "--file",
      converter = ExistingPath.class,
      description = "Audio file to ingest (default: a generated WAV).")
  Path file;

  @Option(names = "--duration", defaultValue = "1h", description = "Length of the generated WAV.")
  String duration;

  @Option(
      names = "--rate",
      defaultValue = "44100",
      description = "Sample rate of the generated WAV.")
  int rate;

  @Option(names = "--channels", defaultValue = "2", description = "Channels of the generated WAV.")
  int channels;

  @Option(
      names = "--port-offset",
      defaultValue = "20000",
      description = "Added to ingest's usual port so a running pipeline is left alone.")
  int portOffset;

  @Override
  public Integer call() throws Exception {
    Path input = file;
    boolean generated = input == null;
    if (generated) {
      double seconds = Cli.parse("--duration", duration, Durations::parseSeconds);
      input = Files.createTempFile("earshot-bench-", ".wav");
      long start = System.nanoTime();
      writeSpeechLikeWav(input, seconds, rate, channels);
      System.out.printf(
          "generated %s: %.0f s, %d Hz, %d ch, 16-bit, %.1f MB in %.1f s%n",
          input,
          seconds,
          rate,
          channels,
          Files.size(input) / 1e6,
          (System.nanoTime() - start) / 1e9);
    }
    try {
      return run(input);
    } finally {
      if (generated) {
        Files.deleteIfExists(input);
      }
    }
  }

  private int run(Path input) throws IOException, InterruptedException {
    try (PcmStream probe = AudioDecoder.open(input)) {
      System.out.printf("input: %s, %.1f MB%n", probe.info().describe(), Files.size(input) / 1e6);
    }

    // The service's defaults: 16 kHz chunks of 16-bit PCM.
    PipelineSettings settings = PipelineSettings.defaults();
    resetPeaks();
    AtomicLong payloadBytes = new AtomicLong();
    long start = System.nanoTime();
    try (PcmStream stream = AudioDecoder.open(input)) {
      ChunkPipeline.run(
          stream,
          settings,
          1.0,
          chunk ->
              payloadBytes.addAndGet(
                  PcmCodec.encode(chunk.samples(), PcmEncoding.PCM_S16LE).length));
    }
    double pipelineWall = (System.nanoTime() - start) / 1e9;
    double audioSeconds = payloadBytes.get() / 2.0 / settings.targetSampleRate();
    System.out.printf(
        "pipeline only (decode, down-mix, resample to %d Hz, chunk, encode): %.2f s wall,"
            + " %.0f audio s per wall s; peak heap %s%n",
        settings.targetSampleRate(), pipelineWall, audioSeconds / pipelineWall, mb(heapPeak()));

    Home home = Home.fromEnvironment();
    String kafka = new LocalPipeline(home).kafka(System.err);
    String key = UUID.randomUUID().toString();
    int port = EarshotService.INGEST.port() + portOffset;
    try (ServiceProcess service =
        ServiceProcess.start(
            "ingest-service",
            home.serviceJar("ingest-service"),
            port,
            "512m",
            Map.of(),
            Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka, "INGEST_HTTP_API_KEYS", key),
            home.state().resolve("bench/logs"),
            false)) {
      service.awaitReady(Duration.ofMinutes(2));
      IngestClient ingest = new IngestClient(service.baseUrl(), key);
      start = System.nanoTime();
      LiveStream.Finished finished =
          LiveStream.sendFile(ingest, input, input.getFileName().toString(), "bench");
      double wall = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "end to end (streamed to ingest-service, decoded, chunked, published to Kafka at %s with"
              + " acks=all): %.2f s wall, %.0f audio s per wall s; %d chunks; recording %s%n",
          kafka, wall, finished.seconds() / wall, finished.chunks(), finished.recordingId());
      ResidentMemory memory = service.memory();
      System.out.printf(
          "ingest-service: peak resident set %s, now %s (log %s)%n",
          mb(memory.peak().orElse(-1)), mb(memory.now().orElse(-1)), service.log());
    }
    return ExitCodes.OK;
  }

  /**
   * Syllable-like bursts of harmonic voice and noise with pauses, so the chunker finds realistic
   * quiet points; written in blocks to keep memory flat.
   */
  static void writeSpeechLikeWav(Path path, double seconds, int rate, int channels)
      throws IOException {
    long frames = Math.round(seconds * rate);
    long dataBytes = frames * channels * 2;
    Random random = new Random(7);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 20)) {
      ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
      header.put("RIFF".getBytes()).putInt((int) Math.min(0xFFFFFFFFL, 36 + dataBytes));
      header.put("WAVEfmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels);
      header.putInt(rate).putInt(rate * channels * 2).putShort((short) (channels * 2));
      header
          .putShort((short) 16)
          .put("data".getBytes())
          .putInt((int) Math.min(0xFFFFFFFFL, dataBytes));
      out.write(header.array());
      ByteBuffer block = ByteBuffer.allocate(rate * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
      double phase = 0;
      for (long f = 0; f < frames; f++) {
        double t = f / (double) rate;
        double syllable = Math.max(0, Math.sin(2 * Math.PI * 4 * t));
        double pause = (t % 7) < 5.5 ? 1 : 0;
        double pitch = 110 + 30 * Math.sin(2 * Math.PI * 0.3 * t);
        phase += 2 * Math.PI * pitch / rate;
        double voice =
            0.3 * Math.sin(phase) + 0.15 * Math.sin(2 * phase) + 0.08 * Math.sin(3 * phase);
        double v =
            pause * syllable * (voice + 0.05 * random.nextGaussian())
                + 0.002 * random.nextGaussian();
        short s = (short) Math.max(-32768, Math.min(32767, Math.round(v * 32767)));
        for (int c = 0; c < channels; c++) {
          block.putShort(s);
        }
        if (!block.hasRemaining()) {
          out.write(block.array(), 0, block.position());
          block.clear();
        }
      }
      out.write(block.array(), 0, block.position());
    }
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long heapPeak() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed())
        .sum();
  }

  private static String mb(long bytes) {
    return bytes < 0 ? "n/a" : String.format("%.0f MB", bytes / 1e6);
  }
}
