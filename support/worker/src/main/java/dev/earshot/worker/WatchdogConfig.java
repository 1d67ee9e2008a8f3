package dev.earshot.worker;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * The inference watchdog of a chunk worker, the same settings for both workers ({@code
 * stt.watchdog.*}, {@code classify.watchdog.*}); each service's configuration maps it as its {@code
 * watchdog()}.
 */
public interface WatchdogConfig {

  /**
   * How long the model may take per chunk of a batch before the worker counts as hung; {@code 0}
   * turns the watchdog off. Whisper-tiny takes about a second per chunk on two cores, so the
   * default leaves a slow CPU or a large model a wide margin.
   */
  @WithDefault("2M")
  Duration inferenceTimeout();

  /**
   * How long a hung worker's orderly exit (its consumers leaving the group at once) may take before
   * the process halts; its partitions then move after the consumer's session timeout.
   */
  @WithDefault("20S")
  Duration exitGrace();

  /**
   * Fault injection for the fault tests: the model hangs for good on this chunk (counted from 0)
   * and every later one. Never set it in a deployment.
   */
  OptionalInt injectHangAfterChunks();
}
