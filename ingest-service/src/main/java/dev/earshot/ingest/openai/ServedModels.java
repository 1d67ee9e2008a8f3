package dev.earshot.ingest.openai;

import dev.earshot.schema.result.ServedModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models the STT workers announce, the latest announcement of each; a model not announced for
 * {@code ttl} is no longer served.
 */
public final class ServedModels {

  private final Map<String, ServedModel> latest = new ConcurrentHashMap<>();
  private final Duration ttl;
  private final Clock clock;

  public ServedModels(Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
  }

  public void offer(ServedModel model) {
    latest.merge(
        model.id(), model, (old, now) -> announced(now).isAfter(announced(old)) ? now : old);
  }

  /** Models announced within the ttl, by id. */
  public List<ServedModel> current() {
    Instant since = clock.instant().minus(ttl);
    return latest.values().stream()
        .filter(m -> announced(m).isAfter(since))
        .sorted(Comparator.comparing(ServedModel::id))
        .toList();
  }

  /** Whether a worker that captions live streams announced itself within the ttl. */
  public boolean captioning() {
    return current().stream().anyMatch(ServedModel::captions);
  }

  /**
   * The served model a request names: its id, its short name ({@code whisper-tiny} for {@code
   * openai/whisper-tiny}), or the default alias ({@code whisper-1}) for the model served (the
   * newest announced when several are).
   */
  public Optional<ServedModel> resolve(String name, String defaultAlias) {
    List<ServedModel> current = current();
    if (name.equals(defaultAlias)) {
      return current.stream().max(Comparator.comparing(ServedModels::announced));
    }
    return current.stream()
        .filter(
            m -> m.id().equals(name) || m.id().substring(m.id().lastIndexOf('/') + 1).equals(name))
        .findFirst();
  }

  private static Instant announced(ServedModel model) {
    try {
      return Instant.parse(model.announcedAt());
    } catch (DateTimeParseException | NullPointerException e) {
      return Instant.EPOCH;
    }
  }
}
