package dev.earshot.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.cli.ExitCodes;
import dev.earshot.ingest.KafkaOutput;
import dev.earshot.ingest.TestAudio;
import dev.earshot.schema.AudioChunk;
import dev.earshot.schema.RecordingEventType;
import dev.earshot.schema.SourceKind;
import dev.earshot.testbroker.TestBrokerResource;
import dev.earshot.testbroker.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusMainTest
@WithTestResource(TestBrokerResource.class)
class FilesCommandTest {

  @TempDir Path dir;
  private final KafkaOutput kafka = new KafkaOutput();

  private Path write(String relative, byte[] bytes) throws Exception {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    return file;
  }

  private static String recordingOf(LaunchResult result, Path file) {
    Matcher m =
        Pattern.compile(Pattern.quote(file.toString()) + ": recording (\\S+),")
            .matcher(result.getOutput());
    assertThat(m.find()).as(result.getOutput()).isTrue();
    return m.group(1);
  }

  @Test
  void aFolderIsIngestedRecursivelyAndABadFileDoesNotStopTheBatch(QuarkusMainLauncher launcher)
      throws Exception {
    byte[] oneWav = TestAudio.stereoWav(12.5, 44100);
    byte[] twoFlac = TestAudio.fixture("sine440-44k-stereo.flac");
    Path one = write("monday/one.wav", oneWav);
    Path two = write("tuesday/evening/two.flac", twoFlac);
    write("monday/notes.txt", "not audio".getBytes());
    Path broken = write("tuesday/broken.wav", Arrays.copyOf(oneWav, 3000));

    LaunchResult result = launcher.launch("files", dir.toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(result.getErrorOutput()).contains("Ingesting").contains("3/3 files");
    assertThat(result.getOutput()).contains("2 files ingested, 1 failed, 1 skipped");
    assertThat(result.getErrorOutput()).contains(broken + ": TRUNCATED");
    String oneId = recordingOf(result, one);
    String twoId = recordingOf(result, two);
    var oneChunks = kafka.chunksOf(oneId);
    assertThat(oneChunks).hasSize(2);
    assertThat(oneChunks.get(0).getSource().getKind()).isEqualTo(SourceKind.FILE);
    assertThat(oneChunks.get(0).getSource().getName()).isEqualTo(one.toString());
    assertThat(KafkaOutput.concatenatedPayload(oneChunks))
        .isEqualTo(TestAudio.expectedPayload(oneWav));
    assertThat(KafkaOutput.concatenatedPayload(kafka.chunksOf(twoId)))
        .isEqualTo(TestAudio.expectedPayload(twoFlac));
    assertThat(kafka.eventsOf(oneId, RecordingEventType.FINISHED)).hasSize(2);
  }

  @Test
  void withChunksEveryPublishedChunkIsPrintedWithWhereKafkaStoredIt(QuarkusMainLauncher launcher)
      throws Exception {
    Path file = write("talk.wav", TestAudio.stereoWav(25, 16000));

    LaunchResult result = launcher.launch("files", "--chunks", file.toString());

    assertThat(result.exitCode()).isZero();
    String id = recordingOf(result, file);
    Matcher line =
        Pattern.compile(id + " chunk +2 .* last +-> (\\S+) partition (\\d+) offset (\\d+)")
            .matcher(result.getOutput());
    assertThat(line.find()).as(result.getOutput()).isTrue();
    int partition = Integer.parseInt(line.group(2));
    long offset = Long.parseLong(line.group(3));
    var stored =
        new TopicReader()
            .readUntil(
                line.group(1),
                r -> r.partition() == partition && r.offset() == offset,
                got -> !got.isEmpty(),
                Duration.ofSeconds(30));
    AudioChunk chunk = (AudioChunk) stored.get(0).value();
    assertThat(chunk.getRecordingId()).isEqualTo(id);
    assertThat(chunk.getSequence()).isEqualTo(2);
    assertThat(chunk.getLast()).isTrue();
  }

  @Test
  void aMissingPathIsAUsageError(QuarkusMainLauncher launcher) {
    LaunchResult result = launcher.launch("files", dir.resolve("nowhere").toString());

    assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.getErrorOutput()).contains("nowhere");
  }
}
