package dev.earshot.stt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.earshot.assets.AssetCache;
import dev.earshot.assets.Catalog;
import dev.earshot.cli.InProcess;
import dev.earshot.whisper.CpuFeatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** transcribe on real recordings with the real Whisper tiny, in this JVM. */
class TranscribeCommandTest {

  private static InProcess.Result run(String... args) {
    return InProcess.run(new SttCommand(), args);
  }

  private static Path jfk() throws Exception {
    return AssetCache.atDefaultLocation().fetch(Catalog.JFK_WAV);
  }

  @Test
  void printsTheTextWithTimestamps() throws Exception {
    InProcess.Result result = run("transcribe", jfk().toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("jfk.wav")
        .containsPattern(
            "\\[00:00:00\\.\\d{3} --> 00:00:1\\d\\.\\d{3}] .*ask what you can do for your country");
  }

  @Test
  void printsOneJsonObjectPerFile() throws Exception {
    InProcess.Result result = run("transcribe", "--json", "--beam", "1", jfk().toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode json =
        new ObjectMapper()
            .readTree(
                result.out().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow());
    assertThat(json.get("text").asText())
        .as("the text on %s", CpuFeatures.host())
        .contains("ask not what your country can do for you");
    assertThat(json.get("language").asText()).isEqualTo("en");
    assertThat(json.get("durationSeconds").asDouble()).isCloseTo(11.0, within(1e-6));
    assertThat(json.get("segments").size()).isPositive();
    assertThat(json.get("model").get("id").asText()).isEqualTo("openai/whisper-tiny");
    assertThat(json.get("chunks").get(0).get("timings").get("encoderMs").asDouble()).isPositive();
  }

  /** SubRip cues as a strict reader sees them: number, times, lines, a blank line. */
  private static final java.util.regex.Pattern SRT_CUE =
      java.util.regex.Pattern.compile(
          "(\\d+)\\n(\\d{2}:\\d{2}:\\d{2},\\d{3}) --> (\\d{2}:\\d{2}:\\d{2},\\d{3})\\n((?:[^\\n]+\\n)+)\\n");

  @Test
  void printsSubtitlesOfReadableLines() throws Exception {
    InProcess.Result result = run("transcribe", "--format", "srt", jfk().toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    var m = SRT_CUE.matcher(result.out());
    int at = 0;
    int n = 0;
    StringBuilder text = new StringBuilder();
    while (at < result.out().length()) {
      assertThat(m.find(at) && m.start() == at).as("a cue at %d of%n%s", at, result.out()).isTrue();
      assertThat(Integer.parseInt(m.group(1))).isEqualTo(++n);
      assertThat(m.group(3)).isGreaterThan(m.group(2));
      for (String line : m.group(4).split("\\n")) {
        assertThat(line.length()).isLessThanOrEqualTo(42);
        text.append(line).append(' ');
      }
      at = m.end();
    }
    assertThat(n).isPositive();
    assertThat(text.toString()).as("on %s", CpuFeatures.host()).contains("your country");
  }

  @Test
  void subtitlesOfSeveralFilesGoToAnOutputFolderOneFileEach(@TempDir Path dir) throws Exception {
    Path a = Files.copy(jfk(), dir.resolve("a.wav"));
    Path b = Files.copy(jfk(), dir.resolve("b.wav"));

    InProcess.Result refused = run("transcribe", "--format", "vtt", a.toString(), b.toString());
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err()).contains("--output-dir");

    Path out = dir.resolve("subtitles");
    InProcess.Result result =
        run("transcribe", "--format", "vtt", "-o", out.toString(), a.toString(), b.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    for (String name : List.of("a.vtt", "b.vtt")) {
      String vtt = Files.readString(out.resolve(name));
      assertThat(vtt).startsWith("WEBVTT\n\n00:00:0").contains(" --> ").contains("country");
    }
  }

  @Test
  void anUnreadableFileIsReportedAndTheExitCodeSaysSo() throws Exception {
    Path notAudio = java.nio.file.Files.createTempFile("not-audio", ".wav");
    java.nio.file.Files.writeString(notAudio, "hello");

    InProcess.Result result = run("transcribe", notAudio.toString(), jfk().toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains(notAudio.toString())
        .contains("not a recognised audio format");
    assertThat(result.out()).contains("your country");
  }

  @Test
  void anUnknownModelIsNamed() throws Exception {
    InProcess.Result result = run("transcribe", "--model", "whisper-huge", jfk().toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("whisper-huge");
  }

  @Test
  void foldersAndListFilesGiveOneTsvLinePerAudioFileWithProgressOnStderr(@TempDir Path dir)
      throws Exception {
    Path folder = Files.createDirectories(dir.resolve("meeting/day-2"));
    Path first = Files.copy(jfk(), dir.resolve("meeting/a.wav"));
    Path nested = Files.copy(jfk(), folder.resolve("b.WAV"));
    Files.writeString(dir.resolve("meeting/notes.txt"), "not audio, not an error");
    Path listed = Files.copy(jfk(), dir.resolve("listed.wav"));
    Path missing = dir.resolve("never-recorded.wav");
    Path list = Files.writeString(dir.resolve("files.txt"), listed + "\n" + missing + "\n");

    InProcess.Result result =
        run("transcribe", "--tsv", "--progress", dir.resolve("meeting").toString(), "@" + list);

    assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
    List<String[]> rows =
        result.out().lines().filter(l -> l.contains("\t")).map(l -> l.split("\t")).toList();
    assertThat(rows)
        .extracting(r -> r[0])
        .containsExactly(first.toString(), nested.toString(), listed.toString());
    assertThat(rows)
        .extracting(r -> r[1])
        .allSatisfy(text -> assertThat(text).contains("ask not what your country can do"));
    assertThat(result.err())
        .contains(missing + ": no such file or folder")
        .containsPattern("3/3 files .* 33\\.0 s of audio, RTF \\d+\\.\\d{3}");
  }
}
