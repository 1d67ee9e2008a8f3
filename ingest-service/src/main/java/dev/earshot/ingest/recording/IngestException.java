package dev.earshot.ingest.recording;

/**
 * Audio that was refused or could not be published, with the reason and, once one was assigned, the
 * recording id under which a FAILED event was published.
 */
public class IngestException extends Exception {

  private final Rejection rejection;
  private final String recordingId;

  public IngestException(Rejection rejection, String recordingId, String message, Throwable cause) {
    super(message, cause);
    this.rejection = rejection;
    this.recordingId = recordingId;
  }

  public IngestException(Rejection rejection, String message) {
    this(rejection, null, message, null);
  }

  public Rejection rejection() {
    return rejection;
  }

  /** The id of the recording the failure belongs to, or null when none was created. */
  public String recordingId() {
    return recordingId;
  }

  /** This failure, saying that its FAILED event waits for Kafka to come back. */
  IngestException withFailedEventPending() {
    return new IngestException(
        rejection,
        recordingId,
        getMessage()
            + "; recording "
            + recordingId
            + " will be marked FAILED as soon as Kafka is back",
        getCause());
  }
}
