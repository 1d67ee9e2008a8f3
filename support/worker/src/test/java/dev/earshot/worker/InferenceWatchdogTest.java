package dev.earshot.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InferenceWatchdogTest {

  private final AtomicLong now = new AtomicLong();
  private final List<InferenceWatchdog.Stall> stalls = new ArrayList<>();

  private InferenceWatchdog watchdog(Duration perChunk) {
    return new InferenceWatchdog(
        new InferenceWatchdog.Settings(perChunk, Duration.ofSeconds(20), -1),
        now::get,
        stalls::add);
  }

  private static long seconds(double s) {
    return (long) (s * 1e9);
  }

  @Test
  void aCallWithinItsLimitIsNeverReported() {
    var watchdog = watchdog(Duration.ofSeconds(10));
    String result =
        watchdog.watch(
            List.of("rec#0"),
            () -> {
              now.addAndGet(seconds(9.9));
              assertThat(watchdog.check()).isFalse();
              return "done";
            });
    now.addAndGet(seconds(60));

    assertThat(result).isEqualTo("done");
    assertThat(watchdog.check()).as("no call in progress").isFalse();
    assertThat(stalls).isEmpty();
  }

  @Test
  void aCallPastItsLimitIsReportedOnceWithItsChunksAndTimes() {
    var watchdog = watchdog(Duration.ofSeconds(10));
    watchdog.watch(
        List.of("rec#0", "rec#1"),
        () -> {
          now.addAndGet(seconds(19));
          assertThat(watchdog.check()).as("the limit grows with the chunks: 2 x 10 s").isFalse();
          now.addAndGet(seconds(2));
          assertThat(watchdog.check()).isTrue();
          now.addAndGet(seconds(30));
          assertThat(watchdog.check()).as("reported once").isFalse();
          return null;
        });

    assertThat(stalls).hasSize(1);
    var stall = stalls.get(0);
    assertThat(stall.chunks()).containsExactly("rec#0", "rec#1");
    assertThat(stall.limit()).isEqualTo(Duration.ofSeconds(20));
    assertThat(stall.elapsed()).isEqualTo(Duration.ofSeconds(21));
    assertThat(stall.describe()).contains("[rec#0, rec#1]").contains("21.0 s").contains("20.0 s");
    assertThat(watchdog.fired()).isTrue();
  }

  @Test
  void aZeroTimeoutTurnsItOff() {
    var watchdog = watchdog(Duration.ZERO);
    watchdog.watch(
        List.of("rec#0"),
        () -> {
          now.addAndGet(seconds(3600));
          assertThat(watchdog.check()).isFalse();
          return null;
        });
    assertThat(stalls).isEmpty();
  }

  @Test
  void itsTimerCatchesAnInjectedHangOnTheChunkItWasToldTo() throws Exception {
    CountDownLatch reported = new CountDownLatch(1);
    List<InferenceWatchdog.Stall> seen = new ArrayList<>();
    var settings = new InferenceWatchdog.Settings(Duration.ofMillis(200), Duration.ofSeconds(1), 1);
    try (var watchdog =
        InferenceWatchdog.start(
            settings,
            stall -> {
              seen.add(stall);
              reported.countDown();
            })) {
      assertThat(watchdog.watch(List.of("rec#0"), () -> "first")).isEqualTo("first");
      Thread hung = new Thread(() -> watchdog.watch(List.of("rec#1"), () -> "never"));
      hung.setDaemon(true);
      hung.start();

      assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();
      hung.interrupt();
      hung.join(300);
      assertThat(hung.isAlive()).as("a hang that ignores interrupts, like a native call").isTrue();
      assertThat(seen.get(0).chunks()).containsExactly("rec#1");
    }
  }

  @Test
  void badSettingsNameTheSetting() {
    var config =
        new WatchdogConfig() {
          @Override
          public Duration inferenceTimeout() {
            return Duration.ofSeconds(-1);
          }

          @Override
          public Duration exitGrace() {
            return Duration.ofSeconds(20);
          }

          @Override
          public java.util.OptionalInt injectHangAfterChunks() {
            return java.util.OptionalInt.empty();
          }
        };
    assertThatThrownBy(() -> InferenceWatchdog.Settings.from(config, "stt"))
        .hasMessageContaining("stt.watchdog.inference-timeout")
        .hasMessageContaining("PT-1S");
  }
}
