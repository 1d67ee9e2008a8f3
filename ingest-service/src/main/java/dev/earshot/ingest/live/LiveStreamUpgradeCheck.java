package dev.earshot.ingest.live;

import dev.earshot.ingest.http.ApiKeys;
import dev.earshot.ingest.metrics.IngestMetrics;
import dev.earshot.ingest.publish.KafkaReachability;
import dev.earshot.ingest.recording.Origin;
import dev.earshot.ingest.recording.Rejection;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * Refuses a live stream before the WebSocket handshake completes: 401 for a bad API key, 400 for a
 * bad format, 503 while Kafka is unreachable. The reason is in the X-Earshot-Error header.
 */
@ApplicationScoped
public class LiveStreamUpgradeCheck implements HttpUpgradeCheck {

  static final String ERROR_HEADER = "X-Earshot-Error";

  private final ApiKeys apiKeys;
  private final KafkaReachability kafka;
  private final IngestMetrics metrics;

  public LiveStreamUpgradeCheck(ApiKeys apiKeys, KafkaReachability kafka, IngestMetrics metrics) {
    this.apiKeys = apiKeys;
    this.kafka = kafka;
    this.metrics = metrics;
  }

  @Override
  public boolean appliesTo(String endpointId) {
    return LiveStreamSocket.ENDPOINT_ID.equals(endpointId);
  }

  @Override
  public Uni<CheckResult> perform(HttpUpgradeContext context) {
    var request = context.httpRequest();
    String keyProblem = apiKeys.problemWith(request::getHeader, request::getParam);
    if (keyProblem != null) {
      return reject(Rejection.UNAUTHORIZED, 401, keyProblem);
    }
    try {
      LiveParams.parse(request::getParam);
    } catch (IllegalArgumentException e) {
      return reject(Rejection.BAD_REQUEST, 400, e.getMessage());
    }
    // Blocking admin call: the upgrade check runs off the event loop for blocking endpoints.
    return Uni.createFrom()
        .item(kafka::status)
        .runSubscriptionOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool())
        .flatMap(
            status ->
                status.reachable()
                    ? CheckResult.permitUpgrade()
                    : reject(
                        Rejection.KAFKA_UNAVAILABLE,
                        503,
                        "audio is not accepted while Kafka is unreachable: " + status.error()));
  }

  private Uni<CheckResult> reject(Rejection rejection, int status, String message) {
    metrics.refused(Origin.STREAM, rejection);
    return CheckResult.rejectUpgrade(status, Map.of(ERROR_HEADER, List.of(message)));
  }
}
