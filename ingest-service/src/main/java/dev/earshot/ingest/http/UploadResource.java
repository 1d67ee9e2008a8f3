package dev.earshot.ingest.http;

import dev.earshot.ingest.config.IngestConfig;
import dev.earshot.ingest.metrics.IngestMetrics;
import dev.earshot.ingest.publish.KafkaReachability;
import dev.earshot.ingest.recording.AudioInput;
import dev.earshot.ingest.recording.IngestException;
import dev.earshot.ingest.recording.Origin;
import dev.earshot.ingest.recording.RecordingIngestor;
import dev.earshot.ingest.recording.RecordingSource;
import dev.earshot.ingest.recording.Rejection;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * HTTP uploads from edge recorders: the audio as the raw request body (or a multipart "file"
 * field), answered 202 with the recording id once every chunk is acknowledged by Kafka. With an
 * {@code Idempotency-Key} a retry gets the same recording: the first answer again once accepted, a
 * new attempt under the same id after a failure.
 */
@Path("/recordings")
public class UploadResource {

  private static final Logger LOG = Logger.getLogger(UploadResource.class);

  private final RecordingIngestor ingestor;
  private final IdempotentUploads<Accepted> uploads;
  private final ApiKeys apiKeys;
  private final KafkaReachability kafka;
  private final IngestMetrics metrics;
  private final long maxBytes;
  private final String resultsBaseUrl;
  private final String chunkTopic;
  private final String eventTopic;

  public UploadResource(
      RecordingIngestor ingestor,
      IdempotentUploads<Accepted> uploads,
      ApiKeys apiKeys,
      KafkaReachability kafka,
      IngestMetrics metrics,
      IngestConfig config,
      @ConfigProperty(name = "mp.messaging.outgoing.audio-chunks.topic") String chunkTopic,
      @ConfigProperty(name = "mp.messaging.outgoing.recording-events.topic") String eventTopic) {
    this.ingestor = ingestor;
    this.uploads = uploads;
    this.apiKeys = apiKeys;
    this.kafka = kafka;
    this.metrics = metrics;
    this.maxBytes = config.http().maxUploadSize().asLongValue();
    this.resultsBaseUrl = config.http().resultsBaseUrl().replaceAll("/+$", "");
    this.chunkTopic = chunkTopic;
    this.eventTopic = eventTopic;
  }

  /** The 202 answer: where the recording's chunks went and where its results will appear. */
  public record Accepted(
      String recordingId,
      int chunks,
      double durationSeconds,
      String inputFormat,
      String chunkTopic,
      String eventTopic,
      String results) {}

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Blocking
  public Response upload(
      InputStream body,
      @Context HttpHeaders headers,
      @Context UriInfo uri,
      @HeaderParam("Content-Length") Long contentLength,
      @RestQuery String name,
      @RestQuery String device,
      @RestQuery String capturedAt) {
    Caller caller = caller(headers, uri);
    Response refused = precheck(caller, contentLength);
    if (refused != null) {
      return refused;
    }
    java.nio.file.Path spool = null;
    try {
      spool = Files.createTempFile("earshot-upload-", ".audio");
      if (!copyWithin(body, spool)) {
        return refuse(
            Rejection.TOO_LARGE, "upload is larger than the limit of " + maxBytes + " bytes");
      }
      return ingest(caller, spool, name, device, capturedAt);
    } catch (IOException e) {
      return refuse(Rejection.UNREADABLE, "could not receive the upload: " + e.getMessage());
    } finally {
      deleteQuietly(spool);
    }
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  @Blocking
  public Response uploadForm(
      @RestForm("file") FileUpload file,
      @Context HttpHeaders headers,
      @Context UriInfo uri,
      @RestQuery String name,
      @RestQuery String device,
      @RestQuery String capturedAt) {
    Caller caller = caller(headers, uri);
    Response refused = precheck(caller, null);
    if (refused != null) {
      return refused;
    }
    if (file == null) {
      return refuse(Rejection.BAD_REQUEST, "multipart upload needs a part named 'file'");
    }
    if (file.size() > maxBytes) {
      return refuse(
          Rejection.TOO_LARGE, "upload is larger than the limit of " + maxBytes + " bytes");
    }
    try {
      return ingest(
          caller, file.uploadedFile(), name != null ? name : file.fileName(), device, capturedAt);
    } catch (IOException e) {
      return refuse(Rejection.UNREADABLE, "could not read the upload: " + e.getMessage());
    }
  }

  /**
   * Who is uploading: the key problem (null when the key is accepted), the key, and the
   * Idempotency-Key header (null without one).
   */
  private record Caller(String keyProblem, String apiKey, String idempotencyKey) {
    /** The recording id a keyed upload gets; null without an Idempotency-Key. */
    String keyedRecordingId() {
      return idempotencyKey == null ? null : IdempotentUploads.recordingId(apiKey, idempotencyKey);
    }
  }

  private Caller caller(HttpHeaders headers, UriInfo uri) {
    java.util.function.Function<String, String> query =
        name -> uri.getQueryParameters().getFirst(name);
    return new Caller(
        apiKeys.problemWith(headers::getHeaderString, query),
        apiKeys.presentedKey(headers::getHeaderString, query),
        headers.getHeaderString(IdempotentUploads.HEADER));
  }

  private Response precheck(Caller caller, Long contentLength) {
    if (caller.keyProblem() != null) {
      return refuse(Rejection.UNAUTHORIZED, caller.keyProblem());
    }
    if (caller.idempotencyKey() != null) {
      String keyProblem = IdempotentUploads.problemWith(caller.idempotencyKey());
      if (keyProblem != null) {
        return refuse(Rejection.BAD_REQUEST, keyProblem);
      }
    }
    if (contentLength != null && contentLength > maxBytes) {
      return refuse(
          Rejection.TOO_LARGE,
          "upload of "
              + contentLength
              + " bytes is larger than the limit of "
              + maxBytes
              + " bytes");
    }
    String keyed = caller.keyedRecordingId();
    if (keyed != null && uploads.isAccepted(keyed)) {
      // The answer is replayed without Kafka.
      return null;
    }
    var status = kafka.status();
    if (!status.reachable()) {
      return refuse(
          Rejection.KAFKA_UNAVAILABLE,
          "audio is not accepted while Kafka is unreachable: " + status.error());
    }
    return null;
  }

  private Response ingest(
      Caller caller, java.nio.file.Path audio, String name, String device, String capturedAt)
      throws IOException {
    Instant captureTime;
    try {
      captureTime = capturedAt == null || capturedAt.isBlank() ? null : Instant.parse(capturedAt);
    } catch (DateTimeParseException e) {
      return refuse(
          Rejection.BAD_REQUEST,
          "capturedAt must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, got '"
              + capturedAt
              + "'");
    }
    var source = new RecordingSource(Origin.UPLOAD, name, device, captureTime, Map.of());
    String id = caller.keyedRecordingId();
    if (id == null) {
      return ingest(null, audio, source);
    }
    var claim = uploads.claim(id, sha256(audio));
    if (claim instanceof IdempotentUploads.Replay<Accepted> replay) {
      return accepted(replay.answer()).header(IdempotentUploads.REPLAYED_HEADER, "true").build();
    }
    if (claim instanceof IdempotentUploads.InProgress<Accepted>) {
      return refuse(
          Rejection.UPLOAD_IN_PROGRESS,
          "an upload with this "
              + IdempotentUploads.HEADER
              + " is still in progress (recording "
              + id
              + "); send it again once that one is answered",
          id);
    }
    if (claim instanceof IdempotentUploads.DifferentAudio<Accepted>) {
      return refuse(
          Rejection.IDEMPOTENCY_KEY_REUSED,
          "this "
              + IdempotentUploads.HEADER
              + " came with different audio before (recording "
              + id
              + "); use a new key for new audio",
          id);
    }
    if (claim instanceof IdempotentUploads.Proceed<Accepted> proceed && proceed.again()) {
      LOG.infof("Upload %s is sent again after a failed attempt: ingesting it again", id);
    }
    boolean accepted = false;
    try {
      Response response = ingest(id, audio, source);
      accepted = response.getStatus() == 202;
      if (accepted) {
        uploads.accepted(id, (Accepted) response.getEntity());
      }
      return response;
    } finally {
      if (!accepted) {
        uploads.failed(id);
      }
    }
  }

  /**
   * @param id the recording id of a keyed upload, or null for a new one
   */
  private Response ingest(String id, java.nio.file.Path audio, RecordingSource source) {
    try {
      AudioInput input = AudioInput.of(audio);
      var ingested =
          id == null ? ingestor.ingest(input, source) : ingestor.ingest(id, input, source);
      String recordingId = ingested.recording().id();
      return accepted(
              new Accepted(
                  recordingId,
                  ingested.totals().chunks(),
                  ingested.totals().seconds(),
                  ingested.recording().inputFormat().description(),
                  chunkTopic,
                  eventTopic,
                  resultsBaseUrl + "/api/recordings/" + recordingId))
          .build();
    } catch (IngestException e) {
      String message = e.getMessage();
      if (id != null && Problem.statusOf(e.rejection()) == 503) {
        message +=
            "; send it again with the same "
                + IdempotentUploads.HEADER
                + " to ingest it under the same recording id";
      }
      return Problem.response(e.rejection(), message, e.recordingId());
    } catch (IOException e) {
      return refuse(Rejection.UNREADABLE, "could not read the upload: " + e.getMessage());
    }
  }

  private static Response.ResponseBuilder accepted(Accepted answer) {
    return Response.accepted(answer).location(URI.create(answer.results()));
  }

  private static byte[] sha256(java.nio.file.Path audio) throws IOException {
    var sha = IdempotentUploads.sha256();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(audio)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha.update(buffer, 0, n);
      }
    }
    return sha.digest();
  }

  private Response refuse(Rejection rejection, String message) {
    return refuse(rejection, message, null);
  }

  private Response refuse(Rejection rejection, String message, String recordingId) {
    metrics.refused(Origin.UPLOAD, rejection);
    return Problem.response(rejection, message, recordingId);
  }

  /** Copies the body to the spool file; false when it is larger than the limit. */
  private boolean copyWithin(InputStream body, java.nio.file.Path spool) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (InputStream in = body;
        OutputStream out = Files.newOutputStream(spool)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        total += n;
        if (total > maxBytes) {
          return false;
        }
        out.write(buffer, 0, n);
      }
    }
    return true;
  }

  private static void deleteQuietly(java.nio.file.Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // A leftover temp file is harmless; the OS cleans the temp folder.
      }
    }
  }
}
