package dev.earshot.stt.files;

import dev.earshot.audio.chunk.ChunkPipeline;
import dev.earshot.audio.chunk.PipelineSettings;
import dev.earshot.audio.decode.AudioDecoder;
import dev.earshot.audio.decode.AudioInfo;
import dev.earshot.audio.decode.PcmStream;
import dev.earshot.stt.model.SpeechToText;
import dev.earshot.whisper.Transcription;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Transcribes a file without Kafka: it is decoded and cut into chunks exactly as ingest-service
 * cuts recordings, and the chunks go through the same {@link SpeechToText} as the service's.
 */
public final class FileTranscriber {

  private final SpeechToText speechToText;
  private final PipelineSettings chunking;

  public FileTranscriber(SpeechToText speechToText, PipelineSettings chunking) {
    this.speechToText = speechToText;
    this.chunking = chunking;
  }

  /** A file's transcription, chunk by chunk. */
  public record FileTranscript(
      Path file, AudioInfo input, double seconds, List<SpeechToText.Result> chunks) {

    public String text() {
      StringBuilder text = new StringBuilder();
      for (var chunk : chunks) {
        if (!chunk.failed() && !chunk.transcription().text().isEmpty()) {
          if (!text.isEmpty()) {
            text.append(' ');
          }
          text.append(chunk.transcription().text());
        }
      }
      return text.toString();
    }

    public List<Transcription.Segment> segments() {
      List<Transcription.Segment> segments = new ArrayList<>();
      chunks.stream()
          .filter(c -> !c.failed())
          .forEach(c -> segments.addAll(c.transcription().segments()));
      return segments;
    }

    /** The language most chunks were in, or null when none had speech. */
    public String language() {
      Map<String, Integer> votes = new LinkedHashMap<>();
      for (var chunk : chunks) {
        if (!chunk.failed()
            && !chunk.transcription().silent()
            && chunk.transcription().language() != null) {
          votes.merge(chunk.transcription().language(), 1, Integer::sum);
        }
      }
      return votes.entrySet().stream()
          .max(Map.Entry.comparingByValue())
          .map(Map.Entry::getKey)
          .orElse(null);
    }

    /** Processing milliseconds summed over the chunks. */
    public double totalMs() {
      return chunks.stream()
          .filter(c -> !c.failed())
          .mapToDouble(c -> c.transcription().timings().totalMs())
          .sum();
    }
  }

  public FileTranscript transcribe(Path file) throws IOException {
    return transcribeAll(List.of(file)).get(0);
  }

  /**
   * Transcribes several files in one pass, so their chunks share encoder batches and one batch is
   * encoded while another is decoded.
   */
  public List<FileTranscript> transcribeAll(List<Path> files) throws IOException {
    List<Decoded> decoded = new ArrayList<>();
    for (Path file : files) {
      decoded.add(decode(file));
    }
    return transcribe(decoded);
  }

  /**
   * A file decoded and cut into chunks, ready to be transcribed.
   *
   * @param seconds the duration of the chunks together
   */
  public record Decoded(
      Path file, AudioInfo input, double seconds, List<SpeechToText.Chunk> chunks) {}

  /**
   * Decodes a file and cuts it into chunks exactly as ingest-service cuts recordings; an unreadable
   * file fails here, before it takes a place in a batch.
   */
  public Decoded decode(Path file) throws IOException {
    List<SpeechToText.Chunk> chunks = new ArrayList<>();
    AudioInfo info;
    try (PcmStream stream = AudioDecoder.open(file)) {
      info = stream.info();
      int rate = chunking.targetSampleRate();
      String name = file.getFileName().toString();
      ChunkPipeline.run(
          stream,
          chunking,
          1.0,
          chunk ->
              chunks.add(
                  new SpeechToText.Chunk(
                      name,
                      chunk.sequence(),
                      chunk.offsetSamples() / (double) rate,
                      chunk.samples())));
    }
    double seconds =
        chunks.stream().mapToDouble(c -> c.samples().length).sum() / chunking.targetSampleRate();
    return new Decoded(file, info, seconds, List.copyOf(chunks));
  }

  /** Transcribes decoded files together, in their order. */
  public List<FileTranscript> transcribe(List<Decoded> files) {
    List<SpeechToText.Chunk> all = new ArrayList<>();
    for (Decoded file : files) {
      all.addAll(file.chunks());
    }
    List<SpeechToText.Result> results = speechToText.transcribe(all);
    List<FileTranscript> transcripts = new ArrayList<>();
    int from = 0;
    for (Decoded file : files) {
      int count = file.chunks().size();
      transcripts.add(
          new FileTranscript(
              file.file(),
              file.input(),
              file.seconds(),
              List.copyOf(results.subList(from, from + count))));
      from += count;
    }
    return transcripts;
  }
}
