package dev.earshot.ingest.cli;

import dev.earshot.cli.Cli;
import dev.earshot.cli.ExitCodes;
import dev.earshot.cli.UsageException;
import dev.earshot.ingest.config.IngestBeans;
import dev.earshot.ingest.mic.CaptureDevices;
import dev.earshot.ingest.mic.MicrophoneRecorder;
import dev.earshot.ingest.recording.LiveRecording;
import dev.earshot.ingest.recording.Origin;
import dev.earshot.ingest.recording.Recording;
import dev.earshot.ingest.recording.RecordingSource;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.AudioFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Records from a microphone, publishing chunks while recording. */
@Command(
    name = "mic",
    description = "Record from a microphone; chunks are published while recording.",
    mixinStandardHelpOptions = true)
public class MicCommand implements Callable<Integer> {

  @Option(names = "--device", description = "Device number or part of its name (see 'devices').")
  String device;

  @Option(
      names = "--duration",
      description =
          "Stop after this much audio, e.g. 90s, 5m, 1h (default: until Enter or Ctrl-C).")
  String duration;

  @Option(names = "--name", description = "Name recorded with the recording.")
  String name;

  @Option(names = "--chunks", description = "Print every published chunk.")
  boolean printChunks;

  private final CommandSupport support;

  public MicCommand(CommandSupport support) {
    this.support = support;
  }

  @Override
  public Integer call() throws Exception {
    double seconds =
        duration == null ? 0 : Cli.parse("--duration", duration, Durations::parseSeconds);
    var devices = CaptureDevices.list();
    CaptureDevices.Device chosen;
    try {
      chosen = CaptureDevices.select(devices, device);
    } catch (CaptureDevices.NoCaptureDevice e) {
      if (devices.isEmpty()) {
        throw e;
      }
      throw new UsageException("--device: " + e.getMessage(), e);
    }
    AudioFormat format = MicrophoneRecorder.negotiate(chosen);
    support.requireKafka();
    var source =
        new RecordingSource(
            Origin.MICROPHONE,
            name != null ? name : chosen.name(),
            chosen.name(),
            Instant.now(),
            Map.of());
    var inputFormat =
        new Recording.InputFormat(
            "microphone PCM 16-bit, "
                + (int) format.getSampleRate()
                + " Hz, "
                + format.getChannels()
                + " ch",
            (int) format.getSampleRate(),
            format.getChannels());
    LiveRecording recording =
        LiveRecording.start(
            support.settings(),
            support.publisher(),
            support.listener(printChunks),
            IngestBeans.newRecordingId(),
            source,
            inputFormat);
    AtomicBoolean stop = new AtomicBoolean();
    Thread enter = stopOnEnter(stop, seconds == 0);
    System.err.printf(
        "Recording %s from %s (%s)%s%n",
        recording.recording().id(),
        chosen.name(),
        inputFormat.description(),
        seconds > 0 ? " for " + seconds + " s" : "; press Enter to stop");
    try {
      var totals = MicrophoneRecorder.record(chosen, format, recording, seconds, stop::get);
      System.out.printf(
          "recording %s: %d chunks, %.2f s%n",
          recording.recording().id(), totals.chunks(), totals.seconds());
      return ExitCodes.OK;
    } finally {
      if (enter != null) {
        enter.interrupt();
      }
    }
  }

  private static Thread stopOnEnter(AtomicBoolean stop, boolean wanted) {
    if (!wanted || System.console() == null) {
      return null;
    }
    Thread thread =
        new Thread(
            () -> {
              try {
                System.in.read();
              } catch (java.io.IOException ignored) {
                // Closing stdin also stops the recording.
              }
              stop.set(true);
            },
            "mic-stop-on-enter");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
