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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * HTTP uploads from edge recorders: the audio as the raw request body (or a multipart "file"
 * field), answered 202 with the recording id once every chunk is acknowledged by Kafka.
 */
@Path("/recordings")
public class UploadResource {

  private final RecordingIngestor ingestor;
  private final ApiKeys apiKeys;
  private final KafkaReachability kafka;
  private final IngestMetrics metrics;
  private final long maxBytes;
  private final String resultsBaseUrl;
  private final String chunkTopic;
  private final String eventTopic;

  public UploadResource(
      RecordingIngestor ingestor,
      ApiKeys apiKeys,
      KafkaReachability kafka,
      IngestMetrics metrics,
      IngestConfig config,
      @ConfigProperty(name = "mp.messaging.outgoing.audio-chunks.topic") String chunkTopic,
      @ConfigProperty(name = "mp.messaging.outgoing.recording-events.topic") String eventTopic) {
    this.ingestor = ingestor;
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
    Response refused = precheck(headers, uri, contentLength);
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
      return ingest(spool, name, device, capturedAt);
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
    Response refused = precheck(headers, uri, null);
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
    return ingest(file.uploadedFile(), name != null ? name : file.fileName(), device, capturedAt);
  }

  private Response precheck(HttpHeaders headers, UriInfo uri, Long contentLength) {
    String keyProblem =
        apiKeys.problemWith(
            headers::getHeaderString, name -> uri.getQueryParameters().getFirst(name));
    if (keyProblem != null) {
      return refuse(Rejection.UNAUTHORIZED, keyProblem);
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
    var status = kafka.status();
    if (!status.reachable()) {
      return refuse(
          Rejection.KAFKA_UNAVAILABLE,
          "audio is not accepted while Kafka is unreachable: " + status.error());
    }
    return null;
  }

  private Response ingest(java.nio.file.Path audio, String name, String device, String capturedAt) {
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
    try {
      var ingested = ingestor.ingest(AudioInput.of(audio), source);
      String id = ingested.recording().id();
      URI results = URI.create(resultsBaseUrl + "/api/recordings/" + id);
      return Response.accepted(
              new Accepted(
                  id,
                  ingested.totals().chunks(),
                  ingested.totals().seconds(),
                  ingested.recording().inputFormat().description(),
                  chunkTopic,
                  eventTopic,
                  results.toString()))
          .location(results)
          .build();
    } catch (IngestException e) {
      return Problem.response(e.rejection(), e.getMessage(), e.recordingId());
    } catch (IOException e) {
      return refuse(Rejection.UNREADABLE, "could not read the upload: " + e.getMessage());
    }
  }

  private Response refuse(Rejection rejection, String message) {
    metrics.refused(Origin.UPLOAD, rejection);
    return Problem.response(rejection, message, null);
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
