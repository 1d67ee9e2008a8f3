package dev.earshot.schema.result;

/**
 * A live caption of an open stream, as stt-service's captioner writes it on {@code
 * earshot.captions} (JSON, keyed by recording id) about once a second while the stream is open.
 * Committed text never changes: a follower appends each caption's {@code committed} to what it has
 * and shows {@code partial} after it until the next caption replaces it.
 *
 * @param sequence 0, 1, 2, ... per recording, so a follower notices a missed caption
 * @param committed the text this caption commits (final), to append after the earlier captions'
 *     committed text with a space; empty when nothing was committed this time
 * @param partial the rest of the current hypothesis, after all committed text; it may still change
 * @param committedWords words committed so far in the stream, this caption's included
 * @param audioSeconds how much of the stream's audio the captioner had heard for this caption
 * @param last the stream ended and everything is committed; no caption follows
 * @param model the Whisper model id
 * @param createdAt ISO-8601 instant the caption was made
 */
public record Caption(
    String recordingId,
    int sequence,
    String committed,
    String partial,
    int committedWords,
    double audioSeconds,
    boolean last,
    String model,
    String createdAt) {

  public Caption {
    committed = committed == null ? "" : committed;
    partial = partial == null ? "" : partial;
  }
}
