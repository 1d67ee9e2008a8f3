package dev.earshot.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javax.sound.sampled.Mixer;
import org.junit.jupiter.api.Test;

class CaptureDevicesTest {

  private static CaptureDevices.Device device(int index, String name) {
    return new CaptureDevices.Device(index, new Mixer.Info(name, "vendor", "desc", "1") {});
  }

  private final List<CaptureDevices.Device> devices =
      List.of(device(0, "Built-in Microphone"), device(1, "USB Headset Mic"));

  @Test
  void noDeviceAtAllGivesAClearError() {
    assertThatThrownBy(() -> CaptureDevices.select(List.of(), null))
        .isInstanceOf(CaptureDevices.NoCaptureDevice.class)
        .hasMessageStartingWith("No audio capture device found");
  }

  @Test
  void devicesAreChosenByNumberOrByPartOfTheirName() throws Exception {
    assertThat(CaptureDevices.select(devices, null).name()).isEqualTo("Built-in Microphone");
    assertThat(CaptureDevices.select(devices, "1").name()).isEqualTo("USB Headset Mic");
    assertThat(CaptureDevices.select(devices, "headset").name()).isEqualTo("USB Headset Mic");
  }

  @Test
  void anUnknownDeviceListsTheAvailableOnes() {
    assertThatThrownBy(() -> CaptureDevices.select(devices, "studio"))
        .isInstanceOf(CaptureDevices.NoCaptureDevice.class)
        .hasMessageContaining("'studio'")
        .hasMessageContaining("0: Built-in Microphone")
        .hasMessageContaining("1: USB Headset Mic");
  }
}
