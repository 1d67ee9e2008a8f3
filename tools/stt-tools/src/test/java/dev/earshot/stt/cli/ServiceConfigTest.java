package dev.earshot.stt.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServiceConfigTest {

  @Test
  void durationsAreReadAsQuarkusReadsThem() {
    assertThat(ServiceConfig.duration("20S")).isEqualTo(Duration.ofSeconds(20));
    assertThat(ServiceConfig.duration("2M")).isEqualTo(Duration.ofMinutes(2));
    assertThat(ServiceConfig.duration("5s")).isEqualTo(Duration.ofSeconds(5));
    assertThat(ServiceConfig.duration("1H")).isEqualTo(Duration.ofHours(1));
    assertThat(ServiceConfig.duration("7D")).isEqualTo(Duration.ofDays(7));
    assertThat(ServiceConfig.duration("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(ServiceConfig.duration("30")).isEqualTo(Duration.ofSeconds(30));
    assertThat(ServiceConfig.duration("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
    assertThatThrownBy(() -> ServiceConfig.duration("soon")).hasMessageContaining("soon");
  }

  @Test
  void theServicesDefaultsReadOutsideQuarkus() {
    var config = ServiceConfig.read();

    assertThat(config.watchdog().inferenceTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.watchdog().exitGrace()).isEqualTo(Duration.ofSeconds(20));
  }
}
