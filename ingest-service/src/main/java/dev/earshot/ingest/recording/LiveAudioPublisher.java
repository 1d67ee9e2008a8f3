package dev.earshot.ingest.recording;

/**
 * Where live pieces go: the Kafka adapter in production. Captions are a courtesy on top of the
 * recording, so a piece is sent without waiting for Kafka and a lost one never fails the stream;
 * the adapter logs what it could not send.
 */
@FunctionalInterface
public interface LiveAudioPublisher {

  /** Publishes nothing: live captions are switched off. */
  LiveAudioPublisher NONE = (recording, piece) -> {};

  void piece(Recording recording, LivePiece piece);
}
