package dev.earshot.results.join;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.earshot.schema.result.ModelInfo;
import dev.earshot.schema.result.Segment;
import java.util.List;
import java.util.Map;

/**
 * What the join keeps of one input record: only the fields a result needs (the classifiers' feature
 * vectors and series stay on their topic), so state stores and changelogs stay small.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Part.TranscriptPart.class, name = "transcript"),
  @JsonSubTypes.Type(value = Part.ClassificationPart.class, name = "classification"),
  @JsonSubTypes.Type(value = Part.EventPart.class, name = "event")
})
public sealed interface Part {

  String recordingId();

  /** A chunk's transcript. */
  record TranscriptPart(
      String recordingId,
      int chunk,
      double offset,
      double duration,
      String text,
      String language,
      List<Segment> segments,
      boolean silent,
      ModelInfo model,
      long createdAt)
      implements Part {}

  /** One classifier's verdict on a chunk; probabilities most probable first. */
  record ClassificationPart(
      String recordingId,
      int chunk,
      double offset,
      double duration,
      String classifier,
      String label,
      double confidence,
      Map<String, Double> probabilities,
      ModelInfo model,
      long createdAt)
      implements Part {}

  /** A lifecycle event of the recording. */
  record EventPart(
      String recordingId,
      String type,
      long timestamp,
      String file,
      String sourceKind,
      Integer chunkCount,
      Double durationSeconds,
      String reasonCode,
      String reason)
      implements Part {}

  /** The compact spectrogram of a chunk's audio, for the recording's picture. */
  record AudioPart(String recordingId, int chunk, byte[] sketch) implements Part {}
}
