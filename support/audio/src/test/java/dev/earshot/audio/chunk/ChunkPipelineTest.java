package dev.earshot.audio.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.audio.Signals;
import dev.earshot.audio.WavBytes;
import dev.earshot.audio.WavBytes.Format;
import dev.earshot.audio.decode.AudioDecoder;
import dev.earshot.audio.decode.PcmStream;
import dev.earshot.audio.dsp.Downmix;
import dev.earshot.audio.dsp.Resampler;
import dev.earshot.audio.dsp.Trimming;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkPipelineTest {

  private static final PipelineSettings UNTRIMMED =
      new PipelineSettings(16000, ChunkingSettings.defaults(), Trimming.disabled());

  @Test
  void chunksAStereo48KilohertzWavIntoExactlyTheResampledDownmix() throws IOException {
    float[] stereo = stereoSpeech(48000, 37);
    byte[] wav = WavBytes.of(Format.F32, 2, 48000, stereo).build();
    List<Chunk> chunks = new ArrayList<>();

    PipelineStats stats;
    try (PcmStream in = AudioDecoder.open(wav)) {
      stats = ChunkPipeline.run(in, UNTRIMMED, 1.0, chunks::add);
    }

    float[] expected = Resampler.resample(Downmix.toMono(stereo, 2), 48000, 16000);
    ChunkerTest.assertInvariants(chunks, expected, 0, ChunkingSettings.defaults());
    assertThat(chunks.size()).isBetween(3, 4);
    assertThat(stats.inputFrames()).isEqualTo(37 * 48000);
    assertThat(stats.durationSeconds()).isEqualTo(37.0);
    assertThat(stats.resampledSamples()).isEqualTo(37 * 16000);
    assertThat(stats.chunkedSamples()).isEqualTo(37 * 16000);
    assertThat(stats.chunks()).isEqualTo(chunks.size());
  }

  @Test
  void givesTheSameChunksWhateverTheInputBlocks() {
    float[] stereo = stereoSpeech(44100, 25);
    List<Chunk> oneBlock = new ArrayList<>();
    ChunkPipeline whole =
        new ChunkPipeline(44100, 2, PipelineSettings.defaults(), 1.0, oneBlock::add);
    whole.accept(stereo, 0, stereo.length);
    whole.finish();

    List<Chunk> randomBlocks = new ArrayList<>();
    ChunkPipeline pieces =
        new ChunkPipeline(44100, 2, PipelineSettings.defaults(), 1.0, randomBlocks::add);
    Random random = new Random(5);
    for (int at = 0; at < stereo.length; ) {
      int block = Math.min(stereo.length - at, 2 * random.nextInt(5000));
      pieces.accept(stereo, at, block);
      at += block;
    }
    pieces.finish();

    assertThat(randomBlocks).isEqualTo(oneBlock);
  }

  @Test
  void offsetsTheFirstChunkByTheTrimmedLeadingSilence() {
    float[] mono =
        Signals.concat(
            new float[3 * 22050], Signals.sine(300, 22050, 15 * 22050, 0.5), new float[22050]);
    List<Chunk> chunks = new ArrayList<>();
    ChunkPipeline pipeline =
        new ChunkPipeline(22050, 1, PipelineSettings.defaults(), 1.0, chunks::add);

    pipeline.accept(mono, 0, mono.length);
    pipeline.finish();

    // 3 s of silence at 16 kHz is 48000 samples; 200 ms of it (3200) stays as padding. The
    // resampler's filter spreads the tone's start over a few samples, so allow a frame of slack.
    long firstOffset = chunks.get(0).offsetSamples();
    assertThat(firstOffset).isBetween(48000L - 3200 - 320, 48000L - 3200);
    assertThat(pipeline.stats().leadingTrimmedSamples()).isEqualTo(firstOffset);
    Chunk last = chunks.get(chunks.size() - 1);
    assertThat(last.last()).isTrue();
    assertThat(last.endSamples()).isBetween(18L * 16000 + 3200, 18L * 16000 + 3200 + 640);
  }

  @Test
  void handsTheResampledAudioOnAsItComesWithTheTrimmedSilenceAndBeforeAnyChunk() {
    float[] mono =
        Signals.concat(
            new float[3 * 22050], Signals.sine(300, 22050, 15 * 22050, 0.5), new float[22050]);
    List<Chunk> chunks = new ArrayList<>();
    float[] heard = new float[20 * 16000];
    int[] count = {0};
    ChunkPipeline pipeline =
        new ChunkPipeline(
            22050,
            1,
            PipelineSettings.defaults(),
            1.0,
            chunks::add,
            (samples, offset, length) -> {
              System.arraycopy(samples, offset, heard, count[0], length);
              count[0] += length;
            });

    // Five seconds in: the chunker holds its first chunk back, the resampled audio is all out but
    // the resampler's filter delay (640 samples, 40 ms, from 22.05 kHz; 0.1 s is the bound).
    pipeline.accept(mono, 0, 5 * 22050);
    assertThat(chunks).isEmpty();
    assertThat(count[0]).isBetween(5 * 16000 - 1600, 5 * 16000);
    pipeline.accept(mono, 5 * 22050, mono.length - 5 * 22050);
    pipeline.finish();

    float[] expected = Resampler.resample(mono, 22050, 16000);
    assertThat(count[0]).isEqualTo(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat(heard[i]).isEqualTo(expected[i]);
    }
    // The chunks are the same samples from the first kept one on.
    Chunk first = chunks.get(0);
    for (int i = 0; i < first.samples().length; i++) {
      assertThat(first.samples()[i]).isEqualTo(heard[(int) first.offsetSamples() + i]);
    }
  }

  @Test
  void emitsNoChunksForSilence() {
    List<Chunk> chunks = new ArrayList<>();
    ChunkPipeline pipeline =
        new ChunkPipeline(8000, 1, PipelineSettings.defaults(), 1.0, chunks::add);

    pipeline.accept(new float[8000 * 5], 0, 8000 * 5);
    pipeline.finish();

    assertThat(chunks).isEmpty();
    assertThat(pipeline.stats().chunks()).isZero();
  }

  @Test
  void appliesTheGainAfterResampling() {
    float[] mono = Signals.sine(1000, 16000, 16000, 0.25);
    List<Chunk> chunks = new ArrayList<>();
    ChunkPipeline pipeline = new ChunkPipeline(16000, 1, UNTRIMMED, 2.0, chunks::add);

    pipeline.accept(mono, 0, mono.length);
    pipeline.finish();

    float[] out = chunks.get(0).samples();
    for (int i = 0; i < out.length; i++) {
      assertThat(out[i]).isCloseTo(2 * mono[i], within(1e-6f));
    }
  }

  @Test
  void rejectsInputThatSplitsAFrame() {
    ChunkPipeline pipeline = new ChunkPipeline(48000, 2, UNTRIMMED, 1.0, c -> {});

    assertThatThrownBy(() -> pipeline.accept(new float[3], 0, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("length 3 is not a multiple of 2 channels");
  }

  @Test
  void loadsAFileAsMono16Kilohertz() throws IOException {
    byte[] stereo = WavBytes.of(Format.S16, 2, 44100, stereoSpeech(44100, 2)).build();

    float[] mono;
    try (PcmStream in = AudioDecoder.open(stereo)) {
      mono = AudioLoader.loadMono(in, 16000);
    }

    assertThat(mono).hasSize(32000);
  }

  /** Speech-like noise on the left, a quieter copy with a tone on the right. */
  private static float[] stereoSpeech(int rate, int seconds) {
    float[] left = Signals.speechLike(seconds, rate, seconds * rate);
    float[] tone = Signals.sine(330, rate, seconds * rate, 0.1);
    float[] stereo = new float[2 * left.length];
    for (int i = 0; i < left.length; i++) {
      stereo[2 * i] = left[i];
      stereo[2 * i + 1] = 0.5f * left[i] + tone[i];
    }
    return stereo;
  }
}
