package dev.earshot.pipeline.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Line;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;

/** The capture devices Java Sound offers, and choosing one by number or name. */
public final class CaptureDevices {

  private CaptureDevices() {}

  /** A mixer that can record, numbered from 0 in Java Sound's order. */
  public record Device(int index, Mixer.Info mixer) {
    public String name() {
      return mixer.getName();
    }

    public String describe() {
      return index
          + ": "
          + mixer.getName()
          + " ("
          + mixer.getDescription()
          + ", "
          + mixer.getVendor()
          + ")";
    }
  }

  /** Thrown when no device can record or none matches the request. */
  public static final class NoCaptureDevice extends Exception {
    public NoCaptureDevice(String message) {
      super(message);
    }
  }

  public static List<Device> list() {
    List<Device> devices = new ArrayList<>();
    for (Mixer.Info info : AudioSystem.getMixerInfo()) {
      Mixer mixer = AudioSystem.getMixer(info);
      for (Line.Info line : mixer.getTargetLineInfo()) {
        if (TargetDataLine.class.isAssignableFrom(line.getLineClass())) {
          devices.add(new Device(devices.size(), info));
          break;
        }
      }
    }
    return devices;
  }

  /**
   * The device with the given number, or whose name contains the given text; the first device when
   * nothing is asked for.
   */
  public static Device select(List<Device> devices, String wanted) throws NoCaptureDevice {
    if (devices.isEmpty()) {
      throw new NoCaptureDevice(
          "No audio capture device found: Java Sound lists "
              + AudioSystem.getMixerInfo().length
              + " mixers and none can record. Connect a microphone, or check that this process"
              + " can see the sound system (ALSA devices in /dev/snd, or a container without"
              + " audio).");
    }
    if (wanted == null || wanted.isBlank()) {
      return devices.get(0);
    }
    try {
      int index = Integer.parseInt(wanted.strip());
      if (index >= 0 && index < devices.size()) {
        return devices.get(index);
      }
    } catch (NumberFormatException notANumber) {
      String needle = wanted.toLowerCase(Locale.ROOT);
      for (Device device : devices) {
        if (device.name().toLowerCase(Locale.ROOT).contains(needle)) {
          return device;
        }
      }
    }
    StringBuilder known = new StringBuilder();
    devices.forEach(d -> known.append(System.lineSeparator()).append("  ").append(d.describe()));
    throw new NoCaptureDevice("No capture device matches '" + wanted + "'; available:" + known);
  }
}
