package dev.earshot.results.join;

/**
 * A record as it arrived, tagged with the topic it came from; decoded inside the join so a record
 * that cannot be read goes to the dead-letter topic with its reason instead of stopping the task.
 */
public record Input(Kind kind, byte[] value) {

  /** The input topics of the join. */
  public enum Kind {
    TRANSCRIPT,
    CLASSIFICATION,
    EVENT,
    AUDIO
  }
}
