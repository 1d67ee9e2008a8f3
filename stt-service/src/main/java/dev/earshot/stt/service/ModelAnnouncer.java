package dev.earshot.stt.service;

import dev.earshot.schema.result.Json;
import dev.earshot.schema.result.ServedModel;
import dev.earshot.stt.config.SttConfig;
import dev.earshot.stt.model.LoadedModel;
import dev.earshot.worker.BackgroundModel;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Tells the rest of the pipeline which model this worker serves: a {@link ServedModel} on {@code
 * earshot.models}, keyed by model id, once the model is loaded and every {@link #EVERY} after, so
 * ingest's OpenAI-compatible API lists the models in service and can drop ones no worker serves any
 * more, and its live streams know whether captions will come.
 */
@ApplicationScoped
public class ModelAnnouncer {

  static final Duration EVERY = Duration.ofMinutes(5);

  private static final Logger LOG = Logger.getLogger(ModelAnnouncer.class);

  private final BackgroundModel<LoadedModel> model;
  private final MutinyEmitter<String> models;
  private final boolean captions;
  private final Clock clock = Clock.systemUTC();
  private ScheduledExecutorService timer;

  public ModelAnnouncer(
      BackgroundModel<LoadedModel> model,
      @Channel(Channels.MODELS) MutinyEmitter<String> models,
      SttConfig config) {
    this.model = model;
    this.models = models;
    this.captions = config.captions().enabled();
  }

  void onStart(@Observes StartupEvent event) {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "model-announcer");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(this::announce, 0, EVERY.toSeconds(), TimeUnit.SECONDS);
  }

  void onStop(@Observes ShutdownEvent event) {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  private void announce() {
    try {
      LoadedModel loaded = model.await();
      var config = loaded.model().config();
      List<String> languages =
          config.multilingual() ? List.copyOf(config.languages().keySet()) : List.of("en");
      var served =
          new ServedModel(
              loaded.model().id(),
              loaded.model().version(),
              loaded.decoding(),
              languages,
              config.multilingual(),
              clock.instant().toString(),
              captions);
      models
          .sendMessage(
              Message.of(Json.write(served))
                  .addMetadata(
                      OutgoingKafkaRecordMetadata.<String>builder()
                          .withKey(loaded.model().id())
                          .build()))
          .subscribe()
          .with(
              done -> {},
              failure -> LOG.warnf("cannot announce the model on Kafka: %s", failure.getMessage()));
    } catch (RuntimeException e) {
      // No model (it failed to load: readiness says why) or no Kafka: try again next time.
      LOG.debugf("model not announced: %s", e.getMessage());
    }
  }
}
