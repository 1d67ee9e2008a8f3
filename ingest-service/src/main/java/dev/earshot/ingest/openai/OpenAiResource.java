package dev.earshot.ingest.openai;

import dev.earshot.ingest.config.IngestConfig;
import dev.earshot.ingest.http.ApiKeys;
import dev.earshot.ingest.http.Problem;
import dev.earshot.ingest.publish.KafkaReachability;
import dev.earshot.ingest.recording.AudioInput;
import dev.earshot.ingest.recording.IngestException;
import dev.earshot.ingest.recording.Origin;
import dev.earshot.ingest.recording.RecordingIngestor;
import dev.earshot.ingest.recording.RecordingSource;
import dev.earshot.schema.result.RecordingResult;
import dev.earshot.schema.result.ServedModel;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * OpenAI's audio API on ingest-service, so its client libraries (and the tools built for servers
 * that copy it) work unchanged: {@code POST /v1/audio/transcriptions} and {@code /translations}
 * take the multipart form of OpenAI's reference, send the audio through Kafka like any upload
 * (chunks, STT workers, the join) and answer with the recording's result in the asked format;
 * {@code GET /v1/models} lists the models the STT workers announce. Errors are OpenAI's error
 * object. The upload keys are the API keys ({@code Authorization: Bearer KEY}).
 */
@Path("/v1")
public class OpenAiResource {

  /** Names the recording behind an answer, so its pictures and result can be fetched later. */
  public static final String RECORDING_HEADER = "X-Earshot-Recording-Id";

  private final RecordingIngestor ingestor;
  private final ApiKeys apiKeys;
  private final KafkaReachability kafka;
  private final PendingResults pending;
  private final ServedModels models;
  private final IngestConfig.OpenAi config;
  private final long maxBytes;

  public OpenAiResource(
      RecordingIngestor ingestor,
      ApiKeys apiKeys,
      KafkaReachability kafka,
      PendingResults pending,
      ServedModels models,
      IngestConfig config) {
    this.ingestor = ingestor;
    this.apiKeys = apiKeys;
    this.kafka = kafka;
    this.pending = pending;
    this.models = models;
    this.config = config.openai();
    this.maxBytes = config.http().maxUploadSize().asLongValue();
  }

  @POST
  @Path("audio/transcriptions")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.WILDCARD)
  @Blocking
  public Response transcriptions(
      @RestForm("file") FileUpload file,
      @RestForm("model") String model,
      @RestForm("language") String language,
      @RestForm("prompt") String prompt,
      @RestForm("response_format") String responseFormat,
      @RestForm("temperature") String temperature,
      @RestForm("timestamp_granularities[]") List<String> granularities,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return handle(
        false,
        file,
        model,
        language,
        prompt,
        responseFormat,
        temperature,
        granularities,
        headers,
        uri);
  }

  @POST
  @Path("audio/translations")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.WILDCARD)
  @Blocking
  public Response translations(
      @RestForm("file") FileUpload file,
      @RestForm("model") String model,
      @RestForm("prompt") String prompt,
      @RestForm("response_format") String responseFormat,
      @RestForm("temperature") String temperature,
      @Context HttpHeaders headers,
      @Context UriInfo uri) {
    return handle(
        true, file, model, null, prompt, responseFormat, temperature, List.of(), headers, uri);
  }

  @GET
  @Path("models")
  @Produces(MediaType.APPLICATION_JSON)
  public Response list(@Context HttpHeaders headers, @Context UriInfo uri) {
    Response refused = refusal(headers, uri);
    if (refused != null) {
      return refused;
    }
    List<Map<String, Object>> data =
        models.current().stream().map(OpenAiResource::modelObject).toList();
    return Response.ok(Map.of("object", "list", "data", data)).build();
  }

  @GET
  @Path("models/{id: .+}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response model(
      @PathParam("id") String id, @Context HttpHeaders headers, @Context UriInfo uri) {
    Response refused = refusal(headers, uri);
    if (refused != null) {
      return refused;
    }
    return models
        .resolve(id, config.defaultModel())
        .map(m -> Response.ok(modelObject(m)).build())
        .orElseGet(
            () ->
                OpenAiError.response(
                    404,
                    "invalid_request_error",
                    "model",
                    "model_not_found",
                    "The model '" + id + "' is not served here; served: " + servedIds()));
  }

  private Response handle(
      boolean translate,
      FileUpload file,
      String model,
      String language,
      String prompt,
      String responseFormat,
      String temperature,
      List<String> granularities,
      HttpHeaders headers,
      UriInfo uri) {
    Response refused = refusal(headers, uri);
    if (refused != null) {
      return refused;
    }
    TranscriptionForm form;
    try {
      form =
          TranscriptionForm.parse(
              translate, model, language, prompt, responseFormat, temperature, granularities);
    } catch (TranscriptionForm.Invalid e) {
      return OpenAiError.invalid(e.param(), "invalid_value", e.getMessage());
    }
    if (file == null || file.uploadedFile() == null) {
      return OpenAiError.invalid(
          "file", "missing_file", "you must provide a file part named 'file'");
    }
    if (file.size() > maxBytes) {
      return OpenAiError.response(
          413,
          "invalid_request_error",
          "file",
          "file_too_large",
          "the file is " + file.size() + " bytes, over the limit of " + maxBytes + " bytes");
    }
    Optional<ServedModel> served = models.resolve(form.model(), config.defaultModel());
    if (served.isEmpty()) {
      return models.current().isEmpty()
          ? OpenAiError.response(
              503,
              "server_error",
              "model",
              "model_not_available",
              "no STT worker has announced a model yet: start stt-service, or wait until it has"
                  + " loaded its model")
          : OpenAiError.invalid(
              "model",
              "model_not_found",
              "The model '"
                  + form.model()
                  + "' is not served here; use "
                  + config.defaultModel()
                  + " or one of "
                  + servedIds());
    }
    String code = form.wishes().language();
    if (code != null && !served.get().languages().contains(code)) {
      return OpenAiError.invalid(
          "language",
          "unsupported_language",
          served.get().id() + " does not know the language '" + code + "'");
    }
    if (translate && !served.get().translates()) {
      return OpenAiError.invalid(
          "model", "unsupported_task", served.get().id() + " is English-only and cannot translate");
    }
    if (!kafka.isReachable()) {
      return OpenAiError.response(
          503,
          "server_error",
          null,
          "kafka_unavailable",
          "audio is not accepted while Kafka is unreachable: " + kafka.status().error());
    }
    String id = UUID.randomUUID().toString();
    var result = pending.expect(id);
    try {
      var source =
          new RecordingSource(Origin.UPLOAD, file.fileName(), null, null, Map.of("api", "openai"))
              .withWishes(form.wishes());
      ingestor.ingest(id, AudioInput.of(file.uploadedFile()), source);
      RecordingResult done = result.get(config.resultTimeout().toMillis(), TimeUnit.MILLISECONDS);
      return answer(done, form, translate ? "translate" : "transcribe");
    } catch (IngestException e) {
      return refused(e);
    } catch (TimeoutException e) {
      return withRecording(
          OpenAiError.response(
              504,
              "server_error",
              null,
              "result_timeout",
              "no result within "
                  + config.resultTimeout()
                  + " (ingest.openai.result-timeout); the recording "
                  + id
                  + " is still being processed: its result will be at /api/recordings/"
                  + id
                  + " on results-service"),
          id);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OpenAiError.response(503, "server_error", null, "interrupted", "interrupted");
    } catch (ExecutionException e) {
      return OpenAiError.response(
          500, "server_error", null, "internal", "waiting failed: " + e.getCause());
    } catch (java.io.IOException e) {
      return OpenAiError.invalid("file", "unreadable_file", "cannot read the file: " + e);
    } finally {
      pending.forget(id);
    }
  }

  private Response answer(RecordingResult result, TranscriptionForm form, String task) {
    String id = result.recordingId();
    return switch (result.status()) {
      case COMPLETE ->
          withRecording(
              Response.ok(OpenAiAnswers.body(result, form.format(), task, form.words()))
                  .type(form.format().mediaType)
                  .build(),
              id);
      case FAILED ->
          withRecording(
              OpenAiError.invalid(
                  "file", "audio_failed", "the recording failed: " + result.reason()),
              id);
      default ->
          withRecording(
              OpenAiError.response(
                  502,
                  "server_error",
                  null,
                  "incomplete",
                  "the recording is " + result.status() + ": " + result.reason()),
              id);
    };
  }

  private static Response withRecording(Response response, String id) {
    return Response.fromResponse(response).header(RECORDING_HEADER, id).build();
  }

  private static Response refused(IngestException e) {
    int status = Problem.statusOf(e.rejection());
    String code = e.rejection().name().toLowerCase(java.util.Locale.ROOT);
    Response r =
        switch (status) {
          case 503 -> OpenAiError.response(503, "server_error", null, code, e.getMessage());
          case 413 ->
              OpenAiError.response(413, "invalid_request_error", "file", code, e.getMessage());
          default -> OpenAiError.invalid("file", code, e.getMessage());
        };
    return e.recordingId() == null ? r : withRecording(r, e.recordingId());
  }

  private Response refusal(HttpHeaders headers, UriInfo uri) {
    if (!config.enabled()) {
      return OpenAiError.response(
          404,
          "invalid_request_error",
          null,
          "not_enabled",
          "the OpenAI-compatible API is off (ingest.openai.enabled=false)");
    }
    String problem =
        apiKeys.problemWith(headers::getHeaderString, n -> uri.getQueryParameters().getFirst(n));
    return problem == null
        ? null
        : OpenAiError.response(401, "invalid_request_error", null, "invalid_api_key", problem);
  }

  private String servedIds() {
    return models.current().stream().map(ServedModel::id).toList().toString();
  }

  private static Map<String, Object> modelObject(ServedModel m) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", m.id());
    o.put("object", "model");
    long created;
    try {
      created = Instant.parse(m.announcedAt()).getEpochSecond();
    } catch (DateTimeParseException | NullPointerException e) {
      created = 0;
    }
    o.put("created", created);
    o.put("owned_by", "earshot");
    o.put("version", m.version());
    o.put("settings", m.settings());
    o.put("languages", m.languages());
    o.put("translates", m.translates());
    o.put("captions", m.captions());
    return o;
  }
}
