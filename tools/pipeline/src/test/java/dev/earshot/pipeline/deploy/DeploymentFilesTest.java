package dev.earshot.pipeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.schema.EarshotService;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The deployment files checked offline, as far as their meaning can be without a cluster: the
 * Compose cluster's replication, the Prometheus scrape jobs, the dashboard's and alerts' queries,
 * the Kubernetes manifests and the KEDA scaler. That every metric they read exists in a running
 * service is checked by the end-to-end test, against the services it runs.
 */
class DeploymentFilesTest {

  @Test
  void composeRunsThreeBrokersAndEveryServiceCreatesTopicsWithThreeCopiesAndTwoInSync() {
    JsonNode services = DeploymentFiles.yaml("docker-compose.yml").get("services");
    List<String> brokers = new ArrayList<>();
    services
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (name.startsWith("kafka-")) {
                brokers.add(name);
              }
            });
    assertThat(brokers).containsExactly("kafka-1", "kafka-2", "kafka-3");
    for (String broker : brokers) {
      JsonNode env = services.get(broker).get("environment");
      assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").asText())
          .isEqualTo("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
      assertThat(env.get("KAFKA_MIN_INSYNC_REPLICAS").asInt()).isEqualTo(2);
      assertThat(env.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR").asInt()).isEqualTo(3);
      assertThat(services.get(broker).get("ports").get(0).asText()).startsWith("127.0.0.1:");
    }
    for (EarshotService service : EarshotService.values()) {
      JsonNode env = services.get(service.module()).get("environment");
      String prefix = service.module().replace("-service", "").toUpperCase() + "_TOPICS_";
      assertThat(env.get(prefix + "REPLICATION_FACTOR").asInt()).as(service.module()).isEqualTo(3);
      assertThat(env.get(prefix + "MIN_INSYNC_REPLICAS").asInt()).as(service.module()).isEqualTo(2);
      assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS").asText()).contains("kafka-3:9092");
    }
    assertThat(services.get("prometheus").get("ports").get(0).asText()).startsWith("127.0.0.1:");
    assertThat(services.get("grafana").get("ports").get(0).asText()).startsWith("127.0.0.1:");
  }

  @Test
  void prometheusScrapesEveryServiceOnItsOwnPort() {
    Map<String, Integer> jobs = new HashMap<>();
    for (JsonNode job :
        DeploymentFiles.yaml("deploy/prometheus/prometheus.yml").get("scrape_configs")) {
      assertThat(job.get("metrics_path").asText()).isEqualTo("/q/metrics");
      jobs.put(job.get("job_name").asText(), job.get("dns_sd_configs").get(0).get("port").asInt());
    }
    for (EarshotService service : EarshotService.values()) {
      assertThat(jobs).containsEntry(service.module(), service.port());
    }
  }

  @Test
  void theDashboardShowsWhatAnOperatorWatches() {
    JsonNode dashboard = DeploymentFiles.json("deploy/grafana/dashboards/earshot.json");
    List<String> titles = new ArrayList<>();
    dashboard.get("panels").forEach(p -> titles.add(p.get("title").asText()));
    assertThat(titles)
        .contains(
            "Chunks per second by service",
            "Consumer lag per group and partition",
            "STT real-time factor",
            "Classify latency per chunk",
            "Dead letters per cause",
            "Join latency",
            "Recording results per status");
    for (JsonNode panel : dashboard.get("panels")) {
      assertThat(panel.get("datasource").get("uid").asText())
          .isEqualTo(
              DeploymentFiles.yaml("deploy/grafana/provisioning/datasources/prometheus.yml")
                  .get("datasources")
                  .get(0)
                  .get("uid")
                  .asText());
    }
    for (String query : DeploymentFiles.dashboardQueries()) {
      assertThat(DeploymentFiles.metricNames(query)).as(query).isNotEmpty();
    }
  }

  @Test
  void theAlertsCoverLagDeadLettersAndReadiness() {
    List<String> alerts = new ArrayList<>();
    for (JsonNode group : DeploymentFiles.yaml("deploy/prometheus/alerts.yml").get("groups")) {
      group.get("rules").forEach(r -> alerts.add(r.get("alert").asText()));
    }
    assertThat(alerts)
        .contains("EarshotConsumerLagGrowing", "EarshotDeadLetterBurst", "EarshotServiceNotReady");
    assertThat(DeploymentFiles.metricNames(String.join("\n", DeploymentFiles.alertQueries())))
        .contains(
            "kafka_consumer_fetch_manager_records_lag",
            "earshot_dead_letters_total",
            "earshot_ready");
  }

  @Test
  void metricNamesAreFoundInPromQlAndLabelsAndFunctionsAreNot() {
    assertThat(
            DeploymentFiles.metricNames(
                "sum by (service, cause) (increase(earshot_dead_letters_total{cause=\"x\"}[5m]))"
                    + " / on (service) up offset 5m > 10"))
        .containsExactly("earshot_dead_letters_total", "up");
  }

  @Test
  void everyServiceHasAKubernetesWorkloadWithProbesResourcesAndKeysFromASecret()
      throws IOException {
    List<JsonNode> documents = DeploymentFiles.kubernetesDocuments();
    Map<String, JsonNode> workloads = new HashMap<>();
    for (JsonNode doc : documents) {
      assertThat(doc.has("apiVersion") && doc.has("kind") && doc.has("metadata")).isTrue();
      String kind = doc.get("kind").asText();
      if (kind.equals("Deployment") || kind.equals("StatefulSet")) {
        workloads.put(doc.get("metadata").get("name").asText(), doc);
      }
    }
    for (EarshotService service : EarshotService.values()) {
      JsonNode workload = workloads.get(service.module());
      assertThat(workload).as(service.module()).isNotNull();
      JsonNode spec = workload.get("spec");
      assertThat(spec.get("selector").get("matchLabels").get("app.kubernetes.io/name"))
          .isEqualTo(
              spec.get("template").get("metadata").get("labels").get("app.kubernetes.io/name"));
      JsonNode container = spec.get("template").get("spec").get("containers").get(0);
      assertThat(container.get("ports").get(0).get("containerPort").asInt())
          .isEqualTo(service.port());
      assertThat(container.get("readinessProbe").get("httpGet").get("path").asText())
          .isEqualTo("/q/health/ready");
      assertThat(container.get("livenessProbe").get("httpGet").get("path").asText())
          .isEqualTo("/q/health/live");
      assertThat(container.get("resources").get("requests").has("cpu")).isTrue();
      assertThat(container.get("resources").get("limits").has("memory")).isTrue();
      assertThat(container.get("envFrom").get(0).get("configMapRef").get("name").asText())
          .isEqualTo("earshot");
      // A key is never written into a manifest: it comes from the earshot-keys Secret.
      for (JsonNode env : container.path("env")) {
        String name = env.get("name").asText();
        if (name.contains("KEYS") || name.endsWith("_KEY")) {
          assertThat(env.has("value")).as(name).isFalse();
          assertThat(env.get("valueFrom").get("secretKeyRef").get("name").asText())
              .isEqualTo("earshot-keys");
        }
      }
    }
  }

  @Test
  void kedaScalesTheSttWorkersOnTheirGroupsLagUpToThePartitionCount() throws IOException {
    JsonNode scaled =
        DeploymentFiles.kubernetesDocuments().stream()
            .filter(d -> d.get("kind").asText().equals("ScaledObject"))
            .findFirst()
            .orElseThrow();
    assertThat(scaled.get("apiVersion").asText()).isEqualTo("keda.sh/v1alpha1");
    JsonNode spec = scaled.get("spec");
    assertThat(spec.get("scaleTargetRef").get("kind").asText()).isEqualTo("Deployment");
    assertThat(spec.get("scaleTargetRef").get("name").asText())
        .isEqualTo(EarshotService.STT.module());

    Properties stt = new Properties();
    try (Reader in =
        Files.newBufferedReader(
            DeploymentFiles.ROOT.resolve(
                "stt-service/src/main/resources/application.properties"))) {
      stt.load(in);
    }
    JsonNode trigger = spec.get("triggers").get(0);
    assertThat(trigger.get("type").asText()).isEqualTo("kafka");
    assertThat(trigger.get("metadata").get("consumerGroup").asText())
        .isEqualTo(stt.getProperty("mp.messaging.incoming.audio-chunks.group.id"));
    assertThat(trigger.get("metadata").get("topic").asText())
        .isEqualTo(stt.getProperty("mp.messaging.incoming.audio-chunks.topic"));
    assertThat(Integer.parseInt(trigger.get("metadata").get("lagThreshold").asText())).isPositive();
    // The chunk topic's default partition count: more workers than partitions would sit idle.
    assertThat(spec.get("maxReplicaCount").asInt()).isBetween(1, 12);
  }
}
