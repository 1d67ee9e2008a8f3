package dev.earshot.pipeline;

import dev.earshot.pipeline.ingest.IngestClient;
import dev.earshot.schema.EarshotService;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The four services started together from their packaged jars, each on its own port, with a suffix
 * on consumer groups and the Kafka Streams application id so a run (a test, a benchmark) does not
 * share offsets or state with another pipeline on the same cluster.
 */
public final class Services implements AutoCloseable {

  /** Ports, as the README lists them. */
  public record Ports(int ingest, int stt, int classify, int results) {
    public static final Ports DEFAULT =
        new Ports(
            EarshotService.INGEST.port(),
            EarshotService.STT.port(),
            EarshotService.CLASSIFY.port(),
            EarshotService.RESULTS.port());

    public Ports shifted(int by) {
      return new Ports(ingest + by, stt + by, classify + by, results + by);
    }
  }

  /**
   * @param root the repository root (where the services' target folders are)
   * @param suffix appended to group ids and the results application id; empty for the defaults
   * @param resultsInstances how many results-service instances (each on its own port)
   * @param environment more environment for every service, e.g. KAFKA_SECURITY_PROTOCOL and the
   *     other Kafka TLS and SASL settings (the services also inherit this process's)
   * @param apiKey ingest's upload key; null for a random one for this run
   * @param readKey results-service's read key; null for a random one for this run
   * @param detached whether the services outlive this process (see {@code earshot start})
   * @param skip services already running, left as they are
   * @param readyTimeout how long each service may take to be ready (the first start fetches models)
   */
  public record Options(
      Path root,
      String bootstrap,
      Ports ports,
      String suffix,
      Path workDir,
      int resultsInstances,
      Map<String, String> extra,
      Map<String, String> environment,
      String apiKey,
      String readKey,
      boolean detached,
      Set<String> skip,
      Duration readyTimeout) {

    /** Child processes of this one with a random key, for a test or a benchmark. */
    public Options(
        Path root,
        String bootstrap,
        Ports ports,
        String suffix,
        Path workDir,
        int resultsInstances,
        Map<String, String> extra) {
      this(
          root,
          bootstrap,
          ports,
          suffix,
          workDir,
          resultsInstances,
          extra,
          Map.of(),
          null,
          null,
          false,
          Set.of(),
          Duration.ofMinutes(4));
    }
  }

  /** The services in the order they start: the join first, so no result is missed. */
  public static final List<String> NAMES =
      List.of(
          EarshotService.RESULTS.module(),
          EarshotService.STT.module(),
          EarshotService.CLASSIFY.module(),
          EarshotService.INGEST.module());

  private final List<ServiceProcess> processes = new ArrayList<>();

  /** A key for this run's HTTP uploads; ingest refuses uploads without a configured key. */
  private final String apiKey;

  /** A key for reading results; results-service answers 401 to reads without one. */
  private final String readKey;

  /** The key results-service instances send each other; made for this run. */
  private final String instanceKey = randomKey();

  private final Options options;

  private Services(Options options) {
    this.options = options;
    this.apiKey = options.apiKey() != null ? options.apiKey() : randomKey();
    this.readKey = options.readKey() != null ? options.readKey() : randomKey();
  }

  private static String randomKey() {
    byte[] bytes = new byte[16];
    new java.security.SecureRandom().nextBytes(bytes);
    return java.util.HexFormat.of().formatHex(bytes);
  }

  public static Services start(Options o) throws IOException, InterruptedException {
    Services s = new Services(o);
    try {
      Map<String, String> env = new HashMap<>(o.environment());
      env.put("KAFKA_BOOTSTRAP_SERVERS", o.bootstrap());
      // Keys travel in the services' environment: a -D option would show them to every user in ps.
      Map<String, String> ingestEnv = new HashMap<>(env);
      ingestEnv.put("INGEST_HTTP_API_KEYS", s.apiKey);
      Map<String, String> resultsEnv = new HashMap<>(env);
      resultsEnv.put("RESULTS_HTTP_READ_KEYS", s.readKey);
      resultsEnv.put("RESULTS_HTTP_INTERNAL_KEY", s.instanceKey);
      String suffix = o.suffix();
      s.start("results-service", o.ports().results(), "512m", results(o, 0), resultsEnv);
      for (int i = 1; i < o.resultsInstances(); i++) {
        s.start(
            "results-service-" + (i + 1),
            o.ports().results() + 10 * i,
            "512m",
            results(o, i),
            resultsEnv);
      }
      Map<String, String> stt =
          with(
              o,
              "stt-service",
              "mp.messaging.incoming.audio-chunks.group.id",
              "earshot-stt" + suffix);
      stt.put("mp.messaging.incoming.live-audio.group.id", "earshot-captions" + suffix);
      s.start("stt-service", o.ports().stt(), "1g", stt, env);
      s.start(
          "classify-service",
          o.ports().classify(),
          "1g",
          with(
              o,
              "classify-service",
              "mp.messaging.incoming.audio-chunks.group.id",
              "earshot-classify" + suffix),
          env);
      Map<String, String> ingest =
          with(
              o,
              "ingest-service",
              "ingest.http.results-base-url",
              "http://localhost:" + o.ports().results());
      s.start("ingest-service", o.ports().ingest(), "512m", ingest, ingestEnv);
      for (ServiceProcess p : s.processes) {
        p.awaitReady(o.readyTimeout());
      }
      return s;
    } catch (IOException | InterruptedException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  /**
   * The extra settings meant for one service: {@code mp.messaging.*} for the two workers, {@code
   * kafka-streams.*} and {@code results.*} for results-service, {@code ingest.*}, {@code stt.*},
   * {@code classify.*} for theirs, anything else for all (a channel setting for a channel a service
   * does not have would stop it).
   */
  static Map<String, String> extraFor(String service, Map<String, String> extra) {
    Map<String, String> out = new HashMap<>();
    extra.forEach(
        (key, value) -> {
          boolean mine =
              OWNERS.entrySet().stream()
                  .filter(owner -> key.startsWith(owner.getKey()))
                  .findFirst()
                  .map(owner -> owner.getValue().contains(service))
                  .orElse(true);
          if (mine) {
            out.put(key, value);
          }
        });
    return out;
  }

  /** Which services a setting's prefix belongs to; settings with other prefixes go to all. */
  private static final Map<String, Set<String>> OWNERS =
      Map.of(
          "mp.messaging.", Set.of("stt-service", "classify-service"),
          "kafka-streams.", Set.of("results-service"),
          "results.", Set.of("results-service"),
          "ingest.", Set.of("ingest-service"),
          "stt.", Set.of("stt-service"),
          "classify.", Set.of("classify-service"));

  private static Map<String, String> results(Options o, int instance) {
    Map<String, String> p = extraFor("results-service", o.extra());
    p.put("quarkus.kafka-streams.application-id", "earshot-results" + o.suffix());
    p.put("results.state-dir", o.workDir().resolve("results-state-" + instance).toString());
    p.put("results.advertised-host", "localhost");
    p.putIfAbsent(
        "results.worker-groups", "earshot-stt" + o.suffix() + ",earshot-classify" + o.suffix());
    return p;
  }

  private static Map<String, String> with(Options o, String service, String key, String value) {
    Map<String, String> p = extraFor(service, o.extra());
    p.put(key, value);
    return p;
  }

  private record Spec(
      String name, int port, String heap, Map<String, String> props, Map<String, String> env) {}

  private final Map<String, Spec> specs = new HashMap<>();

  private void start(
      String name, int port, String heap, Map<String, String> props, Map<String, String> env)
      throws IOException {
    specs.put(name, new Spec(name, port, heap, Map.copyOf(props), env));
    if (!options.skip().contains(name)) {
      processes.add(launch(specs.get(name)));
    }
  }

  private ServiceProcess launch(Spec spec) throws IOException {
    String module =
        NAMES.stream()
            .filter(spec.name()::startsWith)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no module for " + spec.name()));
    Path jar = options.root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    return ServiceProcess.start(
        spec.name(),
        jar,
        spec.port(),
        spec.heap(),
        spec.props(),
        spec.env(),
        options.workDir().resolve("logs"),
        options.detached());
  }

  /** Stops a service; {@link #startAgain} brings it back, e.g. with a new model. */
  public void stop(String name) {
    ServiceProcess p = get(name);
    p.close();
    processes.remove(p);
  }

  /** Kills a service as a crash or an OOM killer would (SIGKILL): no shutdown, no last commit. */
  public void kill(String name) {
    ServiceProcess p = get(name);
    p.kill();
    processes.remove(p);
  }

  /**
   * Starts a stopped service again with its settings and these overrides, and waits until it is
   * ready.
   */
  public ServiceProcess startAgain(String name, Map<String, String> overrides)
      throws IOException, InterruptedException {
    Spec old = specs.get(name);
    Map<String, String> props = new HashMap<>(old.props());
    props.putAll(overrides);
    ServiceProcess p = launch(new Spec(name, old.port(), old.heap(), props, old.env()));
    processes.add(p);
    p.awaitReady(options.readyTimeout());
    return p;
  }

  /**
   * Starts one more instance of a service, e.g. a second STT worker in the same consumer group,
   * with the first one's settings and these overrides, and waits until it is ready.
   *
   * @param portOffset added to the original's port
   */
  public ServiceProcess startCopy(
      String name, String copy, int portOffset, Map<String, String> overrides)
      throws IOException, InterruptedException {
    Spec original = specs.get(name);
    Map<String, String> props = new HashMap<>(original.props());
    props.putAll(overrides);
    Spec spec =
        new Spec(copy, original.port() + portOffset, original.heap(), props, original.env());
    specs.put(copy, spec);
    ServiceProcess p = launch(spec);
    processes.add(p);
    p.awaitReady(options.readyTimeout());
    return p;
  }

  /**
   * Waits until stt-service's captions group has its partitions: the group starts at the end of the
   * live audio when it is new, so a stream opened before that would lose its first seconds.
   */
  public void awaitCaptions(Duration timeout) throws InterruptedException {
    String group =
        specs.get("stt-service").props().get("mp.messaging.incoming.live-audio.group.id");
    try (var admin =
        org.apache.kafka.clients.admin.Admin.create(
            dev.earshot.schema.topic.KafkaClients.with(
                dev.earshot.schema.topic.KafkaClients.securityFromEnvironment(),
                Map.of("bootstrap.servers", options.bootstrap())))) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        try {
          var description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
          if (description.groupState() == org.apache.kafka.common.GroupState.STABLE
              && description.members().stream()
                  .anyMatch(m -> !m.assignment().topicPartitions().isEmpty())) {
            return;
          }
        } catch (java.util.concurrent.ExecutionException e) {
          // Not known to the coordinator yet.
        }
        Thread.sleep(250);
      }
    }
    throw new IllegalStateException(
        "stt-service's captions group " + group + " got no partitions within " + timeout);
  }

  /** The consumer group a worker service uses in this run. */
  public String group(String service) {
    return specs.get(service).props().get("mp.messaging.incoming.audio-chunks.group.id");
  }

  public List<ServiceProcess> processes() {
    return List.copyOf(processes);
  }

  public ServiceProcess get(String name) {
    return processes.stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no service " + name));
  }

  public String ingestUrl() {
    return get("ingest-service").baseUrl();
  }

  /** Ingest's upload key in this run. */
  public String apiKey() {
    return apiKey;
  }

  /** results-service's read key in this run. */
  public String readKey() {
    return readKey;
  }

  public IngestClient ingestClient() {
    return new IngestClient(ingestUrl(), apiKey);
  }

  public String resultsUrl() {
    return get("results-service").baseUrl();
  }

  @Override
  public void close() {
    // Reverse order: ingest stops first, the join last.
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
  }
}
