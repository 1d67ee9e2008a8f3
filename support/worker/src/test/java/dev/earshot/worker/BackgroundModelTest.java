package dev.earshot.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class BackgroundModelTest {

  /** A model that records being closed. */
  static final class Model implements AutoCloseable {
    final AtomicBoolean closed = new AtomicBoolean();

    @Override
    public void close() {
      closed.set(true);
    }
  }

  @Test
  void isLoadingUntilTheLoaderReturnsThenReadyWithItsDetails() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Model model = new Model();
    var holder =
        BackgroundModel.start(
            "test-model",
            () -> {
              release.await();
              return model;
            });

    assertThat(holder.state()).isEqualTo("loading");
    HealthCheckResponse loading = holder.health(m -> Map.of());
    assertThat(loading.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(loading.getData().orElseThrow()).containsEntry("state", "loading");

    release.countDown();
    assertThat(holder.await()).isSameAs(model);
    HealthCheckResponse ready = holder.health(m -> Map.of("version", "v1"));
    assertThat(ready.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    assertThat(ready.getName()).isEqualTo("test-model");
    assertThat(ready.getData().orElseThrow()).containsEntry("version", "v1");

    holder.close();
    assertThat(model.closed).isTrue();
  }

  @Test
  void aFailedLoadIsReportedWithItsReasonAndEveryWaitGetsIt() throws Exception {
    var holder =
        BackgroundModel.<Model>start(
            "test-model",
            () -> {
              throw new IOException("model.onnx is corrupt");
            });

    assertThatThrownBy(holder::await)
        .hasMessage("test-model is not available: model.onnx is corrupt");
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!holder.state().equals("failed") && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(holder.state()).isEqualTo("failed");
    assertThat(holder.isReady()).isFalse();
    assertThat(holder.failure()).isEqualTo("model.onnx is corrupt");
    HealthCheckResponse down = holder.health(m -> Map.of());
    assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(down.getData().orElseThrow()).containsEntry("error", "model.onnx is corrupt");
    holder.close();
  }
}
