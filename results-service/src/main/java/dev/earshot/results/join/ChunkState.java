package dev.earshot.results.join;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of one chunk seen so far, in the {@code chunk-parts} store.
 *
 * @param emittedSignature the model versions of the last chunk result emitted, so duplicates and
 *     redeliveries emit nothing and a part made by a new model emits a new result
 */
public record ChunkState(
    int chunk,
    Part.TranscriptPart transcript,
    Map<String, Part.ClassificationPart> classifications,
    String emittedSignature) {

  public ChunkState {
    classifications = new TreeMap<>(classifications == null ? Map.of() : classifications);
  }

  public static ChunkState empty(int chunk) {
    return new ChunkState(chunk, null, Map.of(), null);
  }

  public ChunkState withTranscript(Part.TranscriptPart part) {
    return new ChunkState(chunk, part, classifications, emittedSignature);
  }

  public ChunkState withClassification(Part.ClassificationPart part) {
    var copy = new TreeMap<>(classifications);
    copy.put(part.classifier(), part);
    return new ChunkState(chunk, transcript, copy, emittedSignature);
  }

  public ChunkState withEmitted(String signature) {
    return new ChunkState(chunk, transcript, classifications, signature);
  }

  /** Whether the chunk has its transcript and a verdict of every expected classifier. */
  public boolean complete(List<String> expected) {
    return transcript != null && classifications.keySet().containsAll(expected);
  }

  /** The model versions of every part, in a fixed order; identifies what a result was made of. */
  public String signature() {
    StringBuilder s = new StringBuilder();
    s.append("transcript=").append(transcript == null ? "-" : transcript.model().revision());
    classifications.forEach(
        (name, part) -> s.append(';').append(name).append('=').append(part.model().revision()));
    return s.toString();
  }

  public double start() {
    if (transcript != null) {
      return transcript.offset();
    }
    return classifications.values().stream()
        .mapToDouble(Part.ClassificationPart::offset)
        .min()
        .orElse(0);
  }

  public double duration() {
    if (transcript != null) {
      return transcript.duration();
    }
    return classifications.values().stream()
        .mapToDouble(Part.ClassificationPart::duration)
        .max()
        .orElse(0);
  }
}
