package dev.earshot.audio.chunk;

import dev.earshot.audio.SampleRates;
import dev.earshot.audio.decode.PcmStream;
import dev.earshot.audio.dsp.Downmix;
import dev.earshot.audio.dsp.FloatSink;
import dev.earshot.audio.dsp.Resampler;
import dev.earshot.audio.dsp.SilenceTrimmer;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Interleaved samples at any rate in, mono {@link Chunk chunks} at the target rate out, through
 * {@link Downmix}, {@link Resampler}, a gain, {@link SilenceTrimmer} and {@link Chunker}.
 */
public final class ChunkPipeline {

  private static final int READ_FRAMES = 16 * 1024;

  private final int inputRate;
  private final int channels;
  private final PipelineSettings settings;
  private final float gain;
  private final Consumer<Chunk> sink;
  private final FloatSink resampled;
  private final Resampler resampler;
  private final SilenceTrimmer trimmer;
  private Chunker chunker;
  private float[] mono = new float[0];
  private float[] gained = new float[0];
  private long inputFrames;
  private boolean finished;

  /**
   * Creates a pipeline (not thread-safe) whose chunk offsets count from the start of the resampled
   * recording, trimmed silence included.
   *
   * @param gain linear factor applied after resampling, e.g. from {@link
   *     dev.earshot.audio.dsp.Normalization#gainFor}
   */
  public ChunkPipeline(
      int inputRate, int channels, PipelineSettings settings, double gain, Consumer<Chunk> sink) {
    this(inputRate, channels, settings, gain, sink, null);
  }

  /**
   * A pipeline that also hands every resampled sample, after the gain and before trimming and
   * chunking, to {@code resampled} as soon as it is made: a live stream's audio without waiting for
   * the chunker's look-ahead (live captions). Those samples concatenate to the recording from its
   * first sample, so their offsets are the chunks' offsets.
   *
   * @param resampled told about each run of resampled samples; null for none
   */
  public ChunkPipeline(
      int inputRate,
      int channels,
      PipelineSettings settings,
      double gain,
      Consumer<Chunk> sink,
      FloatSink resampled) {
    this.resampled = resampled;
    this.inputRate = SampleRates.require(inputRate, "input sample rate");
    if (channels < 1) {
      throw new IllegalArgumentException("channel count " + channels + " is not positive");
    }
    if (!(gain >= 0.0) || Double.isInfinite(gain)) {
      throw new IllegalArgumentException("gain " + gain + " must be finite and non-negative");
    }
    this.channels = channels;
    this.settings = Objects.requireNonNull(settings, "settings");
    this.gain = (float) gain;
    this.sink = Objects.requireNonNull(sink, "sink");
    this.resampler = new Resampler(inputRate, settings.targetSampleRate());
    this.trimmer =
        new SilenceTrimmer(settings.targetSampleRate(), settings.trimming(), this::toChunker);
  }

  /**
   * Reads the whole stream through a pipeline and returns its statistics; the stream is not closed.
   */
  public static PipelineStats run(
      PcmStream in, PipelineSettings settings, double gain, Consumer<Chunk> sink)
      throws IOException {
    int channels = in.info().channels();
    ChunkPipeline pipeline =
        new ChunkPipeline(in.info().sampleRate(), channels, settings, gain, sink);
    float[] buffer = new float[READ_FRAMES * channels];
    int n;
    while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
      pipeline.accept(buffer, 0, n);
    }
    pipeline.finish();
    return pipeline.stats();
  }

  /** Accepts {@code length} interleaved samples, a multiple of the channel count. */
  public void accept(float[] interleaved, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, interleaved.length);
    if (length % channels != 0) {
      throw new IllegalArgumentException(
          "length " + length + " is not a multiple of " + channels + " channels");
    }
    if (finished) {
      throw new IllegalStateException("pipeline already finished");
    }
    int frames = length / channels;
    if (mono.length < frames) {
      mono = new float[frames];
    }
    Downmix.toMono(interleaved, offset, frames, channels, mono, 0);
    inputFrames += frames;
    resampler.process(mono, 0, frames, this::afterResampling);
  }

  /** Flushes every stage; the last chunk is emitted with {@code last = true}. */
  public void finish() {
    if (finished) {
      throw new IllegalStateException("pipeline already finished");
    }
    finished = true;
    resampler.finish(this::afterResampling);
    trimmer.finish();
    if (chunker != null) {
      chunker.finish();
    }
  }

  public PipelineStats stats() {
    return new PipelineStats(
        inputRate,
        inputFrames,
        settings.targetSampleRate(),
        resampler.outputCount(),
        trimmer.leadingTrimmed(),
        chunker == null ? 0 : chunker.acceptedCount(),
        chunker == null ? 0 : chunker.chunkCount());
  }

  private void afterResampling(float[] samples, int offset, int length) {
    if (gain == 1f) {
      if (resampled != null) {
        resampled.accept(samples, offset, length);
      }
      trimmer.accept(samples, offset, length);
      return;
    }
    if (gained.length < length) {
      gained = new float[length];
    }
    for (int i = 0; i < length; i++) {
      gained[i] = samples[offset + i] * gain;
    }
    if (resampled != null) {
      resampled.accept(gained, 0, length);
    }
    trimmer.accept(gained, 0, length);
  }

  private void toChunker(float[] samples, int offset, int length) {
    if (chunker == null) {
      // The trimmer knows how much it dropped only once sound starts, i.e. now.
      chunker =
          new Chunker(
              settings.targetSampleRate(), settings.chunking(), trimmer.leadingTrimmed(), sink);
    }
    chunker.accept(samples, offset, length);
  }
}
