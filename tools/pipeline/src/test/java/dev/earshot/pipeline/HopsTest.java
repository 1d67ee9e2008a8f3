package dev.earshot.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.schema.topic.EarshotTopic;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HopsTest {

  private static final long SENT = 1_000_000;

  private static Map<EarshotTopic, Long> at(long chunk, long finished, long transcript, long cls) {
    return Map.of(
        EarshotTopic.AUDIO_CHUNKS, SENT + chunk,
        EarshotTopic.RECORDING_EVENTS, SENT + finished,
        EarshotTopic.TRANSCRIPTS, SENT + transcript,
        EarshotTopic.CLASSIFICATIONS, SENT + cls);
  }

  @Test
  void overheadIsLatencyBeyondTheSlowerWorkersCompute() {
    var b =
        Hops.Breakdown.of(
                SENT, SENT + 1500, at(30, 40, 1400, 900), SENT + 1390, SENT + 880, 1300, 800)
            .orElseThrow();

    assertThat(b.overheadMs()).isEqualTo(200);
    assertThat(b.sttMs()).isEqualTo(1370);
    assertThat(b.classifyMs()).isEqualTo(870);
    // The transcript is the last part here, so the join hop starts from it.
    assertThat(b.joinMs()).isEqualTo(100);
    assertThat(b.transcriptMade()).isEqualTo(1390);
  }

  @Test
  void theJoinWaitsForTheFinishedEventWhenItComesLast() {
    var b =
        Hops.Breakdown.of(SENT, SENT + 2000, at(30, 1900, 1400, 900), 0, 0, 1300, 800)
            .orElseThrow();

    assertThat(b.joinMs()).isEqualTo(100);
  }

  @Test
  void aRecordingMissingFromATopicHasNoBreakdown() {
    var times = new java.util.HashMap<>(at(30, 40, 1400, 900));
    times.remove(EarshotTopic.CLASSIFICATIONS);

    assertThat(Hops.Breakdown.of(SENT, SENT + 1500, times, 0, 0, 1300, 800)).isEmpty();
  }
}
