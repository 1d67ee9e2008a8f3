package dev.earshot.schema.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TopicSettingsTest {

  private static TopicSettings settings(short replicas, OptionalInt inSync) {
    return new TopicSettings() {
      @Override
      public boolean create() {
        return true;
      }

      @Override
      public int partitions() {
        return 12;
      }

      @Override
      public short replicationFactor() {
        return replicas;
      }

      @Override
      public OptionalInt minInsyncReplicas() {
        return inSync;
      }
    };
  }

  @Test
  void aTopicGetsTheReplicationAndTheInSyncMinimumItsServiceIsConfiguredWith() {
    var topic =
        TopicInitializer.newTopic(
            EarshotTopic.AUDIO_CHUNKS,
            "earshot.audio-chunks",
            settings((short) 3, OptionalInt.of(2)));

    assertThat(topic.numPartitions()).isEqualTo(12);
    assertThat(topic.replicationFactor()).isEqualTo((short) 3);
    assertThat(topic.configs())
        .containsEntry("min.insync.replicas", "2")
        .containsAllEntriesOf(EarshotTopic.AUDIO_CHUNKS.configs());
    assertThat(
            TopicInitializer.newTopic(
                    EarshotTopic.RESULTS,
                    "earshot.results",
                    settings((short) 1, OptionalInt.empty()))
                .configs())
        .doesNotContainKey("min.insync.replicas");
  }

  @Test
  void moreInSyncCopiesThanCopiesIsRefusedBeforeAnyTopicIsMade() {
    assertThatThrownBy(
            () ->
                TopicInitializer.newTopic(
                    EarshotTopic.TRANSCRIPTS,
                    "earshot.transcripts",
                    settings((short) 1, OptionalInt.of(2))))
        .hasMessageContaining("min-insync-replicas 2 is more than the replication-factor 1");
  }
}
