package dev.earshot.schema;

/**
 * The four services: the module that builds each and the HTTP port it listens on by default (its
 * {@code application.properties} sets the same, a test checks that every deployment file agrees).
 */
public enum EarshotService {
  INGEST("ingest-service", Ports.INGEST),
  STT("stt-service", Ports.STT),
  CLASSIFY("classify-service", Ports.CLASSIFY),
  RESULTS("results-service", Ports.RESULTS);

  /** The ports as constants, for annotations that need them at compile time. */
  public static final class Ports {
    /** Uploads, live streams, health. */
    public static final int INGEST = 8080;

    /** Health and metrics. */
    public static final int STT = 8081;

    /** Health and metrics. */
    public static final int CLASSIFY = 8082;

    /** The query API, pictures, live events and the dashboard. */
    public static final int RESULTS = 8083;

    private Ports() {}
  }

  private final String module;
  private final int port;

  EarshotService(String module, int port) {
    this.module = module;
    this.port = port;
  }

  /** The Maven module, and the service's name in logs and dead-letter headers. */
  public String module() {
    return module;
  }

  public int port() {
    return port;
  }

  /** The service a module builds, e.g. {@code stt-service}. */
  public static EarshotService ofModule(String module) {
    for (EarshotService service : values()) {
      if (service.module.equals(module)) {
        return service;
      }
    }
    throw new IllegalArgumentException("no service is built by module '" + module + "'");
  }
}
