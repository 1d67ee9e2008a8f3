package dev.earshot.ingest.http;

import dev.earshot.ingest.recording.Rejection;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON body of every error answer: status, a machine-readable code and a message. */
public record Problem(int status, String error, String message, String recordingId) {

  public static int statusOf(Rejection rejection) {
    return switch (rejection) {
      case EMPTY, TRUNCATED, CORRUPT, INVALID_HEADER, BAD_REQUEST, UNREADABLE, STREAM_ABORTED ->
          400;
      case UNAUTHORIZED -> 401;
      case UPLOAD_IN_PROGRESS -> 409;
      case IDEMPOTENCY_KEY_REUSED -> 422;
      case TOO_LARGE, TOO_LONG -> 413;
      case NOT_AUDIO, UNSUPPORTED_CODEC -> 415;
      case KAFKA_UNAVAILABLE, PUBLISH_FAILED -> 503;
    };
  }

  public static Response response(Rejection rejection, String message, String recordingId) {
    int status = statusOf(rejection);
    var builder =
        Response.status(status)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(new Problem(status, rejection.name(), message, recordingId));
    if (status == 401) {
      builder.header("WWW-Authenticate", "ApiKey header=\"" + ApiKeys.HEADER + "\"");
    }
    if (status == 503) {
      builder.header("Retry-After", "5");
    }
    return builder.build();
  }
}
