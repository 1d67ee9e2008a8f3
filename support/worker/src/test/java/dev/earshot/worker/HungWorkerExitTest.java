package dev.earshot.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HungWorkerExitTest {

  private static final InferenceWatchdog.Stall STALL =
      new InferenceWatchdog.Stall(List.of("rec#3"), Duration.ofSeconds(130), Duration.ofMinutes(2));

  @Test
  void exitsWithItsStatusAndLeavesTheModelOpen() throws Exception {
    AtomicBoolean closed = new AtomicBoolean();
    var model = BackgroundModel.start("test-model", () -> () -> closed.set(true));
    model.await();
    AtomicInteger exited = new AtomicInteger(-1);
    CountDownLatch exit = new CountDownLatch(1);
    AtomicInteger halted = new AtomicInteger(-1);

    new HungWorkerExit(
            "stt-service",
            model,
            Duration.ofSeconds(30),
            status -> {
              exited.set(status);
              exit.countDown();
            },
            halted::set)
        .stalled(STALL);

    assertThat(exit.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(exited.get()).isEqualTo(HungWorkerExit.EXIT_STATUS);
    assertThat(halted.get()).as("not yet: the orderly exit has its grace").isEqualTo(-1);
    model.close();
    assertThat(closed).as("a hung call is still inside the model").isFalse();
  }

  @Test
  void haltsWhenTheOrderlyExitDoesNotEndTheProcessWithinTheGrace() throws Exception {
    var model = BackgroundModel.start("test-model", () -> () -> {});
    CountDownLatch halt = new CountDownLatch(1);
    AtomicInteger halted = new AtomicInteger(-1);

    new HungWorkerExit(
            "stt-service",
            model,
            Duration.ofMillis(100),
            status -> {},
            status -> {
              halted.set(status);
              halt.countDown();
            })
        .stalled(STALL);

    assertThat(halt.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(halted.get()).isEqualTo(HungWorkerExit.EXIT_STATUS);
  }
}
