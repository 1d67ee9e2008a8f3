package dev.earshot.schema.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.earshot.schema.Contracts;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EarshotTopicTest {

  @Test
  void topicNamesAreUnique() {
    var names = Arrays.stream(EarshotTopic.values()).map(EarshotTopic::defaultName).toList();

    assertThat(names).doesNotHaveDuplicates();
  }

  @Test
  void everyMessageTypeHasExactlyOneTopic() {
    for (var type : Contracts.MESSAGE_TYPES) {
      assertThat(Arrays.stream(EarshotTopic.values()))
          .filteredOn(t -> t.valueType().orElse(null) == type)
          .as("topics carrying %s", type.getSimpleName())
          .hasSize(1);
    }
  }

  @Test
  void newTopicCarriesTheCatalogueSettings() {
    var topic = EarshotTopic.AUDIO_CHUNKS.newTopic("custom.chunks", 6, (short) 1);

    assertThat(topic.name()).isEqualTo("custom.chunks");
    assertThat(topic.numPartitions()).isEqualTo(6);
    assertThat(topic.configs()).containsEntry("max.message.bytes", "4194304");
  }

  @Test
  void zeroPartitionsIsRejectedNamingTheTopic() {
    assertThatThrownBy(() -> EarshotTopic.TRANSCRIPTS.newTopic("x.transcripts", 0, (short) 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x.transcripts")
        .hasMessageContaining("0");
  }
}
