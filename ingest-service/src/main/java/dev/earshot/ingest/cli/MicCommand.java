package dev.earshot.ingest.cli;

import dev.earshot.ingest.config.IngestBeans;
import dev.earshot.ingest.mic.CaptureDevices;
import dev.earshot.ingest.mic.MicrophoneRecorder;
import dev.earshot.ingest.recording.IngestException;
import dev.earshot.ingest.recording.LiveRecording;
import dev.earshot.ingest.recording.Origin;
import dev.earshot.ingest.recording.Recording;
import dev.earshot.ingest.recording.RecordingSource;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
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
    double seconds;
    try {
      seconds = duration == null ? 0 : Durations.parseSeconds(duration);
    } catch (IllegalArgumentException e) {
      System.err.println("mic: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    CaptureDevices.Device chosen;
    AudioFormat format;
    try {
      chosen = CaptureDevices.select(CaptureDevices.list(), device);
      format = MicrophoneRecorder.negotiate(chosen);
    } catch (CaptureDevices.NoCaptureDevice | LineUnavailableException e) {
      System.err.println("mic: " + e.getMessage());
      return ExitCodes.NO_CAPTURE_DEVICE;
    }
    var kafkaProblem = support.requireKafka("mic");
    if (kafkaProblem.isPresent()) {
      return kafkaProblem.getAsInt();
    }
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
    LiveRecording recording;
    try {
      recording =
          LiveRecording.start(
              support.settings(),
              support.publisher(),
              support.listener(printChunks),
              IngestBeans.newRecordingId(),
              source,
              inputFormat);
    } catch (IngestException e) {
      System.err.println("mic: " + e.getMessage());
      return ExitCodes.KAFKA_UNREACHABLE;
    }
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
    } catch (IngestException e) {
      System.err.println("mic: " + e.getMessage());
      return ExitCodes.SOME_FAILED;
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
