package dev.earshot.telemetry;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Records sent to the dead-letter topic, by service and cause: {@code earshot.dead.letters{service,
 * cause}}. The cause is the exception's simple class name ({@code none} without one): a tag with as
 * many values as the code has exception types, where the reason text (in the record's headers)
 * would have one per record.
 */
public final class DeadLetterCount {

  public static final String NAME = "earshot.dead.letters";

  private final MeterRegistry registry;
  private final String service;

  public DeadLetterCount(MeterRegistry registry, String service) {
    this.registry = registry;
    this.service = service;
    // At zero from the start, so the series exists for dashboards and alerts before a first dead
    // letter.
    registry.counter(NAME, "service", service, "cause", "none");
  }

  public void count(Throwable cause) {
    String name = cause == null ? "none" : cause.getClass().getSimpleName();
    registry
        .counter(NAME, "service", service, "cause", name.isEmpty() ? "anonymous" : name)
        .increment();
  }
}
