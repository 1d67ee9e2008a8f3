package dev.earshot.results.api;

import dev.earshot.results.live.LiveFeed;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * Server-sent events for the dashboard: {@code recording} with each new recording result, {@code
 * chunk} with each chunk result and {@code caption} with each live caption of an open stream, as
 * JSON.
 */
@Path("/api/events")
@ApplicationScoped
public class EventsResource {

  private final LiveFeed feed;
  private volatile Sse sse;
  private volatile SseBroadcaster broadcaster;

  public EventsResource(LiveFeed feed) {
    this.feed = feed;
  }

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void events(@Context SseEventSink sink, @Context Sse sse) {
    broadcaster(sse).register(sink);
    sink.send(sse.newEventBuilder().comment("connected").build());
  }

  private synchronized SseBroadcaster broadcaster(Sse context) {
    if (broadcaster == null) {
      sse = context;
      broadcaster = context.newBroadcaster();
      feed.subscribe(
          (name, json) ->
              broadcaster.broadcast(
                  sse.newEventBuilder()
                      .name(name)
                      .data(json)
                      .mediaType(MediaType.APPLICATION_JSON_TYPE)
                      .build()));
    }
    return broadcaster;
  }

  /** Keeps idle connections open through proxies that close silent ones. */
  @Scheduled(every = "15s")
  void keepAlive() {
    SseBroadcaster b = broadcaster;
    if (b != null) {
      b.broadcast(sse.newEventBuilder().comment("keep-alive").build());
    }
  }
}
