package dev.earshot.schema.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.earshot.schema.Contracts;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

class SchemaHistoryTest {

  private final SchemaHistory history = SchemaHistory.released();

  @Test
  void everyCurrentContractIsAReleasedVersion() {
    for (var type : Contracts.MESSAGE_TYPES) {
      Schema current = Contracts.schemaOf(type);
      long fingerprint = SchemaNormalization.parsingFingerprint64(current);

      assertThat(history.versionsOf(current.getName()))
          .as(
              "%s changed without a release: run ./mvnw -q -pl schemas compile exec:java",
              current.getName())
          .anyMatch(v -> v.fingerprint() == fingerprint);
    }
  }

  @Test
  void everyReleasedVersionIsReadableByTheCurrentContractAndViceVersa() {
    for (var type : Contracts.MESSAGE_TYPES) {
      Schema current = Contracts.schemaOf(type);
      for (var released : history.versionsOf(current.getName())) {
        var newReadsOld =
            SchemaCompatibility.checkReaderWriterCompatibility(current, released.schema());
        var oldReadsNew =
            SchemaCompatibility.checkReaderWriterCompatibility(released.schema(), current);

        assertThat(newReadsOld.getType())
            .as("current %s reads %s: %s", current.getName(), released.resource(), newReadsOld)
            .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        assertThat(oldReadsNew.getType())
            .as("%s reads current %s: %s", released.resource(), current.getName(), oldReadsNew)
            .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
      }
    }
  }

  @Test
  void versionsAreNumberedFromOneWithoutGaps() {
    for (var type : Contracts.MESSAGE_TYPES) {
      String name = Contracts.schemaOf(type).getName();
      var numbers = history.versionsOf(name).stream().map(SchemaHistory.Version::version).toList();

      assertThat(numbers).isNotEmpty();
      for (int i = 0; i < numbers.size(); i++) {
        assertThat(numbers.get(i)).as("%s versions %s", name, numbers).isEqualTo(i + 1);
      }
    }
  }

  @Test
  void theStoreFindsEveryReleasedVersionByFingerprint() {
    for (var version : history.versions()) {
      assertThat(history.findByFingerprint(version.fingerprint())).isEqualTo(version.schema());
    }
  }
}
