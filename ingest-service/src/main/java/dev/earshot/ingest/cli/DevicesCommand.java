package dev.earshot.ingest.cli;

import dev.earshot.ingest.mic.CaptureDevices;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Lists the capture devices the microphone command can use. */
@Command(
    name = "devices",
    description = "List audio capture devices.",
    mixinStandardHelpOptions = true)
public class DevicesCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    var devices = CaptureDevices.list();
    try {
      CaptureDevices.select(devices, null);
    } catch (CaptureDevices.NoCaptureDevice e) {
      System.err.println(e.getMessage());
      return ExitCodes.NO_CAPTURE_DEVICE;
    }
    devices.forEach(d -> System.out.println(d.describe()));
    return ExitCodes.OK;
  }
}
