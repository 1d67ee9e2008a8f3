package dev.earshot.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.audio.WavBytes;
import dev.earshot.cli.ExitCodes;
import dev.earshot.cli.InProcess;
import dev.earshot.pipeline.ServiceProcess;
import dev.earshot.pipeline.cli.EarshotCommand;
import dev.earshot.schema.AudioChunk;
import dev.earshot.schema.SourceKind;
import dev.earshot.schema.topic.EarshotTopic;
import dev.earshot.testbroker.TestBroker;
import dev.earshot.testbroker.TopicReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code earshot ingest files|mic|devices} against a real packaged ingest-service on the in-process
 * broker: files go in as uploads (or streamed, over the upload limit), the microphone as a live
 * stream whose recording id comes from the service; what reaches Kafka is checked on the topic.
 */
class IngestCommandsTest {

  static final String KEY = UUID.randomUUID().toString();
  static ServiceProcess ingest;

  @TempDir Path dir;

  @BeforeAll
  static void startIngest() throws Exception {
    Path root = Path.of(System.getProperty("earshot.root", "../..")).toAbsolutePath().normalize();
    ingest =
        ServiceProcess.start(
            "ingest-service",
            root.resolve("ingest-service/target/quarkus-app/quarkus-run.jar"),
            18_180,
            "256m",
            // A small upload limit, so a file of a few MB takes the streamed path.
            Map.of("ingest.http.max-upload-size", "4M", "quarkus.http.limits.max-body-size", "5M"),
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS",
                TestBroker.bootstrapServers(),
                "INGEST_HTTP_API_KEYS",
                KEY),
            Path.of("target", "ingest-commands").toAbsolutePath(),
            false);
    ingest.awaitReady(Duration.ofMinutes(2));
  }

  @AfterAll
  static void stopIngest() {
    if (ingest != null) {
      ingest.close();
    }
  }

  @AfterEach
  void unplugMicrophone() {
    System.clearProperty(SyntheticMicrophone.ENABLED);
  }

  @Test
  void aFolderGoesInRecursivelyABadFileDoesNotStopTheBatchALongOneIsStreamed() throws Exception {
    byte[] oneWav = wav(12.5, 44100);
    byte[] longWav = wav(40, 44100); // 7 MB: over the 4 MB upload limit
    Path one = write("monday/one.wav", oneWav);
    Path two = write("tuesday/evening/two.wav", longWav);
    write("monday/notes.txt", "not audio".getBytes());
    Path broken = write("tuesday/broken.wav", Arrays.copyOf(oneWav, 3000));

    var result = earshot("ingest", "files", dir.toString());

    assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.FAILURE);
    assertThat(result.out()).as(result.err()).contains("2 files ingested, 1 failed, 1 skipped");
    assertThat(result.err()).contains(broken + ": TRUNCATED");
    List<AudioChunk> oneChunks = chunksOf(recordingOf(result.out(), one));
    assertThat(oneChunks).isNotEmpty();
    assertThat(oneChunks.get(0).getSource().getKind()).isEqualTo(SourceKind.UPLOAD);
    assertThat(oneChunks.get(0).getSource().getName()).isEqualTo(one.toString());
    assertThat(seconds(oneChunks)).isCloseTo(12.5, org.assertj.core.data.Offset.offset(0.01));
    assertThat(result.out()).containsPattern(Pattern.quote(two.toString()) + ": .*streamed");
    List<AudioChunk> twoChunks = chunksOf(recordingOf(result.out(), two));
    assertThat(twoChunks.get(0).getSource().getKind()).isEqualTo(SourceKind.STREAM);
    assertThat(twoChunks.get(0).getSource().getOriginalSampleRate()).isEqualTo(44100);
    assertThat(seconds(twoChunks)).isCloseTo(40, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void theMicrophoneIsStreamedAndTheRecordingIdComesFromTheService() throws Exception {
    System.setProperty(SyntheticMicrophone.ENABLED, "true");

    // A tone has nothing to caption; --no-captions also keeps the stream from waiting for the
    // last caption of an STT worker another test announced on this broker.
    var result =
        earshot(
            "ingest", "mic", "--duration", "25s", "--chunks", "--name", "desk", "--no-captions");

    assertThat(result.exitCode()).as(result.err()).isZero();
    Matcher summary =
        Pattern.compile("recording (\\S+): 3 chunks, 25\\.00 s").matcher(result.out());
    assertThat(summary.find()).as(result.out()).isTrue();
    String id = summary.group(1);
    assertThat(result.out()).contains(id + " chunk   0").contains(id + " chunk   2");
    List<AudioChunk> chunks = chunksOf(id);
    assertThat(chunks).hasSize(3);
    assertThat(chunks.get(0).getSource().getName()).isEqualTo("desk");
    assertThat(chunks.get(0).getSource().getDevice()).isEqualTo(SyntheticMicrophone.NAME);
    assertThat(chunks.get(0).getSource().getOriginalSampleRate()).isEqualTo(48000);
    assertThat(seconds(chunks)).isCloseTo(25, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void devicesListsTheCaptureDevices() {
    System.setProperty(SyntheticMicrophone.ENABLED, "true");

    var result = InProcess.run(new EarshotCommand(), "ingest", "devices");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("0: " + SyntheticMicrophone.NAME);
  }

  @Test
  void withoutACaptureDeviceBothCommandsSaySoAndFailBeforeStartingAnything() {
    var devices = InProcess.run(new EarshotCommand(), "ingest", "devices");
    // No --ingest-url: had it got that far, it would start this machine's pipeline.
    var mic = InProcess.run(new EarshotCommand(), "ingest", "mic", "--duration", "5s");

    assertThat(devices.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(devices.err()).contains("No audio capture device found");
    assertThat(mic.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(mic.err()).contains("No audio capture device found");
  }

  @Test
  void aWrongKeyIsRefusedWithTheServicesReason() throws Exception {
    Path one = write("one.wav", wav(2, 16000));

    var result =
        InProcess.run(
            new EarshotCommand(),
            "ingest",
            "files",
            "--ingest-url",
            ingest.baseUrl(),
            "--api-key-file",
            write("wrong-key", "wrong-key-0123456789".getBytes(StandardCharsets.UTF_8)).toString(),
            one.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(result.err()).contains(one + ": UNAUTHORIZED");
  }

  private static InProcess.Result earshot(String... args) {
    String[] withTarget = Arrays.copyOf(args, args.length + 4);
    withTarget[args.length] = "--ingest-url";
    withTarget[args.length + 1] = ingest.baseUrl();
    withTarget[args.length + 2] = "--api-key-file";
    withTarget[args.length + 3] = keyFile().toString();
    // Options after the subcommand's: picocli reads them wherever they are.
    return InProcess.run(new EarshotCommand(), withTarget);
  }

  /** {@link #KEY} in a file, as the tools take keys. */
  private static Path keyFile() {
    try {
      Path file = Files.createTempFile("earshot-api-key", ".txt");
      file.toFile().deleteOnExit();
      Files.writeString(file, KEY);
      return file;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Path write(String relative, byte[] bytes) throws Exception {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    return file;
  }

  /** A stereo 440/660 Hz tone with a pause every 5 s, where the chunker can cut. */
  private static byte[] wav(double seconds, int rate) {
    int frames = (int) Math.round(seconds * rate);
    float[] samples = new float[frames * 2];
    for (int f = 0; f < frames; f++) {
      double t = f / (double) rate;
      double level = (t % 5.0) < 4.6 ? 0.4 : 0.002;
      samples[2 * f] = (float) (level * Math.sin(2 * Math.PI * 440 * t));
      samples[2 * f + 1] = (float) (level * Math.sin(2 * Math.PI * 660 * t));
    }
    return WavBytes.of(WavBytes.Format.S16, 2, rate, samples).build();
  }

  private static String recordingOf(String out, Path file) {
    Matcher m =
        Pattern.compile(Pattern.quote(file.toString()) + ": recording (\\S+),").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return m.group(1);
  }

  /** The recording's chunks, once its last one is on the topic. */
  private static List<AudioChunk> chunksOf(String recordingId) {
    return new TopicReader()
            .readUntil(
                EarshotTopic.AUDIO_CHUNKS.defaultName(),
                r -> recordingId.equals(r.key()),
                got -> got.stream().anyMatch(r -> ((AudioChunk) r.value()).getLast()),
                Duration.ofSeconds(30))
            .stream()
            .map(r -> (AudioChunk) r.value())
            .toList();
  }

  private static double seconds(List<AudioChunk> chunks) {
    return chunks.stream().mapToDouble(AudioChunk::getDurationSeconds).sum();
  }
}
