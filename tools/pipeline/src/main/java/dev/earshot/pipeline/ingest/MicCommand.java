package dev.earshot.pipeline.ingest;

import dev.earshot.cli.Cli;
import dev.earshot.cli.Durations;
import dev.earshot.cli.ExitCodes;
import dev.earshot.cli.Terminal;
import dev.earshot.cli.UsageException;
import dev.earshot.pipeline.captions.CaptionPrinter;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Records from a microphone, streaming to ingest-service while recording. */
@Command(
    name = "mic",
    description = "Record from a microphone; chunks reach Kafka while recording.",
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

  @Option(names = "--chunks", description = "Print every chunk as Kafka acknowledges it.")
  boolean printChunks;

  @Mixin CaptionsOption captions = new CaptionsOption();

  @Mixin IngestTarget target = new IngestTarget();

  @Override
  public Integer call() throws Exception {
    double seconds =
        duration == null ? 0 : Cli.parse("--duration", duration, Durations::parseSeconds);
    Recorder recorder = Recorder.choose(device);
    var ingest = target.connect(System.err).client();
    var finished =
        recorder.record(ingest, name, seconds, printChunks ? System.out : null, captions.target());
    System.out.printf(
        "recording %s: %d chunks, %.2f s%n",
        finished.recordingId(), finished.chunks(), finished.seconds());
    return ExitCodes.OK;
  }

  /** A chosen capture device and its format, checked before anything starts. */
  public record Recorder(CaptureDevices.Device device, AudioFormat format) {

    /** Longer than ingest-service waits for it (ingest.live.last-caption-wait, 30 s). */
    private static final java.time.Duration LAST_CAPTION_WAIT = java.time.Duration.ofSeconds(40);

    /** The device asked for (number or part of its name), or the first; a bad choice is usage. */
    public static Recorder choose(String wanted)
        throws CaptureDevices.NoCaptureDevice, LineUnavailableException {
      var devices = CaptureDevices.list();
      CaptureDevices.Device chosen;
      try {
        chosen = CaptureDevices.select(devices, wanted);
      } catch (CaptureDevices.NoCaptureDevice e) {
        if (devices.isEmpty()) {
          throw e;
        }
        throw new UsageException("--device: " + e.getMessage(), e);
      }
      return new Recorder(chosen, Microphone.negotiate(chosen));
    }

    /**
     * Streams the microphone to ingest-service until {@code seconds} of audio (when positive), or
     * until Enter on a terminal; the recording id comes from the service when the stream opens.
     *
     * @param chunks where to print each chunk Kafka acknowledged; null for nowhere
     * @param captions where to print the live captions while recording (redrawn in place when it is
     *     a terminal); null for none. The stream's last caption is waited for before returning.
     */
    public LiveStream.Finished record(
        IngestClient ingest, String name, double seconds, PrintStream chunks, PrintStream captions)
        throws IOException, InterruptedException {
      CaptionPrinter printer =
          captions == null
              ? null
              : new CaptionPrinter(
                  captions,
                  captions == System.err && Terminal.stderrIsTerminal(),
                  CaptionPrinter.terminalWidth());
      try (LiveStream stream =
          LiveStream.open(
              ingest,
              (int) format.getSampleRate(),
              format.getChannels(),
              name != null ? name : device.name(),
              device.name(),
              m -> {
                if (chunks != null) {
                  chunks.printf(
                      "  %s chunk %3d  %9.3f s  (%6.3f s)%n",
                      m.path("recordingId").asText(),
                      m.path("sequence").asInt(),
                      m.path("offsetSeconds").asDouble(),
                      m.path("durationSeconds").asDouble());
                }
              },
              printer)) {
        AtomicBoolean stop = new AtomicBoolean();
        Thread enter = stopOnEnter(stop, seconds == 0);
        System.err.printf(
            "earshot: recording %s from %s (%d Hz, %d ch)%s%n",
            stream.recordingId(),
            device.name(),
            (int) format.getSampleRate(),
            format.getChannels(),
            seconds > 0 ? " for " + seconds + " s" : "; press Enter to stop");
        try {
          Microphone.record(device, format, stream, seconds, stop::get);
        } finally {
          if (enter != null) {
            enter.interrupt();
          }
        }
        LiveStream.Finished finished = stream.finish();
        if (printer != null && finished.captionsPending()) {
          // The captioner decodes the last words after the stream ended.
          stream.awaitLastCaption(LAST_CAPTION_WAIT);
        }
        return finished;
      } finally {
        if (printer != null) {
          printer.close();
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
                } catch (IOException ignored) {
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
}
