package dev.earshot.pipeline.ingest;

import dev.earshot.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Lists the capture devices the microphone command can use. */
@Command(
    name = "devices",
    description = "List audio capture devices.",
    mixinStandardHelpOptions = true)
public class DevicesCommand implements Callable<Integer> {

  @Override
  public Integer call() throws CaptureDevices.NoCaptureDevice {
    var devices = CaptureDevices.list();
    CaptureDevices.select(devices, null);
    devices.forEach(d -> System.out.println(d.describe()));
    return ExitCodes.OK;
  }
}
