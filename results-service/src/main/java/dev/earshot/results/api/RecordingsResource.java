package dev.earshot.results.api;

import dev.earshot.access.Credentials;
import dev.earshot.results.config.ResultsConfig;
import dev.earshot.results.join.ResultAssembler;
import dev.earshot.results.picture.RecordingPictures;
import dev.earshot.schema.result.Json;
import dev.earshot.schema.result.RecordingResult;
import dev.earshot.schema.result.Subtitles;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.jboss.logging.Logger;

/**
 * The query API. {@code /api/...} answers for the whole cluster of results-service instances: a
 * recording is read where its state lives (forwarded to {@code /internal/...} of the instance that
 * owns its partition), the list merges every instance's recent recordings.
 */
@Path("/")
public class RecordingsResource {

  private static final Logger LOG = Logger.getLogger(RecordingsResource.class);
  private static final String PNG = "image/png";
  private static final String SRT = "application/x-subrip;charset=utf-8";
  private static final String VTT = "text/vtt;charset=utf-8";

  private final RecordingQueries queries;
  private final RecordingPictures pictures;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Optional<String> internalKey;

  public RecordingsResource(RecordingQueries queries, ResultsConfig config) {
    this.queries = queries;
    this.internalKey = config.http().internalKey().map(String::strip);
    this.pictures = new RecordingPictures(config.pictures().width(), config.pictures().height());
  }

  @GET
  @Path("api/recordings")
  @Produces(MediaType.APPLICATION_JSON)
  public Response recent(@QueryParam("limit") @DefaultValue("50") int limit) {
    return guarded(
        () -> {
          int n = Math.max(1, Math.min(limit, 1000));
          List<RecordingResult> all = new ArrayList<>(queries.localRecent(n));
          for (HostInfo host : queries.otherHosts()) {
            HttpResponse<byte[]> r = forward(host, "internal/recordings?limit=" + n);
            if (r.statusCode() == 200) {
              all.addAll(List.of(Json.read(r.body(), RecordingResult[].class)));
            } else {
              LOG.warnf("instance %s answered %d to the recent list", host, r.statusCode());
            }
          }
          all.sort(
              Comparator.comparing((RecordingResult r) -> Instant.parse(r.updatedAt())).reversed());
          return json(all.subList(0, Math.min(n, all.size())));
        });
  }

  @GET
  @Path("api/recordings/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response recording(@PathParam("id") String id) {
    return guarded(
        () -> {
          Optional<HostInfo> owner = queries.locate(id);
          if (owner.isPresent()) {
            return relay(forward(owner.get(), "internal/recordings/" + encode(id)));
          }
          return localRecording(id);
        });
  }

  @GET
  @Path("api/recordings/{id}/{picture}.png")
  @Produces(PNG)
  public Response picture(@PathParam("id") String id, @PathParam("picture") String picture) {
    return guarded(
        () -> {
          if (!ResultAssembler.PICTURES.contains(picture)) {
            return notFound("no picture named '" + picture + "'; try " + ResultAssembler.PICTURES);
          }
          Optional<HostInfo> owner = queries.locate(id);
          if (owner.isPresent()) {
            return relay(
                forward(owner.get(), "internal/recordings/" + encode(id) + "/" + picture + ".png"));
          }
          return localPicture(id, picture);
        });
  }

  /**
   * The recording's transcript as subtitles, SubRip ({@code .srt}) or WebVTT ({@code .vtt}); see
   * {@link Subtitles} for how cues are cut. The result's status is in {@code X-Earshot-Status}: a
   * recording still PROCESSING has the cues of the chunks joined so far.
   */
  @GET
  @Path("api/recordings/{id}.{format:srt|vtt}")
  public Response subtitles(@PathParam("id") String id, @PathParam("format") String format) {
    return guarded(
        () -> {
          RecordingResult result;
          Optional<HostInfo> owner = queries.locate(id);
          if (owner.isPresent()) {
            HttpResponse<byte[]> r = forward(owner.get(), "internal/recordings/" + encode(id));
            if (r.statusCode() != 200) {
              return relay(r);
            }
            result = Json.read(r.body(), RecordingResult.class);
          } else {
            Optional<RecordingResult> local = queries.localResult(id);
            if (local.isEmpty()) {
              return notFound("no recording '" + id + "'");
            }
            result = local.get();
          }
          var cues = Subtitles.cues(result.segments(), Subtitles.Settings.DEFAULT);
          boolean srt = format.equals("srt");
          return Response.ok(srt ? Subtitles.srt(cues) : Subtitles.vtt(cues), srt ? SRT : VTT)
              .header("X-Earshot-Status", result.status().name())
              .header("Cache-Control", "no-cache")
              .build();
        });
  }

  @GET
  @Path("internal/recordings")
  @Produces(MediaType.APPLICATION_JSON)
  public Response localRecent(@QueryParam("limit") @DefaultValue("50") int limit) {
    return guarded(() -> json(queries.localRecent(Math.max(1, Math.min(limit, 1000)))));
  }

  @GET
  @Path("internal/recordings/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response localRecording(@PathParam("id") String id) {
    return guarded(
        () ->
            queries
                .localResult(id)
                .map(RecordingsResource::json)
                .orElseGet(() -> notFound("no recording '" + id + "'")));
  }

  @GET
  @Path("internal/recordings/{id}/{picture}.png")
  @Produces(PNG)
  public Response localPicture(@PathParam("id") String id, @PathParam("picture") String picture) {
    return guarded(
        () -> {
          Optional<RecordingResult> result = queries.localResult(id);
          if (result.isEmpty()) {
            return notFound("no recording '" + id + "'");
          }
          byte[] png = pictures.render(picture, result.get(), queries.localSketches(id));
          return Response.ok(png, PNG).header("Cache-Control", "no-cache").build();
        });
  }

  private HttpResponse<byte[]> forward(HostInfo host, String path) throws IOException {
    URI uri = URI.create("http://" + host.host() + ":" + host.port() + "/" + path);
    String key =
        internalKey.orElseThrow(
            () ->
                new IOException(
                    "the recording is held by the instance at "
                        + host.host()
                        + ":"
                        + host.port()
                        + ", and results.http.internal-key is not set, so instances cannot ask"
                        + " each other"));
    try {
      return http.send(
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(30))
              .header(Credentials.AUTHORIZATION, "Bearer " + key)
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking " + uri, e);
    } catch (IOException e) {
      throw new IOException(uri + ": " + e, e);
    }
  }

  private static Response relay(HttpResponse<byte[]> r) {
    String type = r.headers().firstValue("Content-Type").orElse(MediaType.APPLICATION_JSON);
    return Response.status(r.statusCode()).entity(r.body()).type(type).build();
  }

  private static Response json(Object value) {
    return Response.ok(Json.write(value), MediaType.APPLICATION_JSON).build();
  }

  private static Response notFound(String message) {
    return Response.status(404)
        .entity(Json.write(Map.of("error", message)))
        .type(MediaType.APPLICATION_JSON)
        .build();
  }

  private interface Answer {
    Response get() throws IOException;
  }

  /** State stores move during rebalances; the client is told to come back instead of failing. */
  private static Response guarded(Answer answer) {
    try {
      return answer.get();
    } catch (InvalidStateStoreException e) {
      return Response.status(503)
          .header("Retry-After", "2")
          .entity(Json.write(Map.of("error", "results not queryable yet: " + e.getMessage())))
          .type(MediaType.APPLICATION_JSON)
          .build();
    } catch (IOException e) {
      return Response.status(502)
          .entity(Json.write(Map.of("error", "instance unreachable: " + e.getMessage())))
          .type(MediaType.APPLICATION_JSON)
          .build();
    }
  }

  private static String encode(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
