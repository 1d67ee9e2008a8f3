package dev.earshot.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.earshot.audio.chunk.ChunkPayload;
import dev.earshot.audio.chunk.PcmCodec;
import dev.earshot.audio.chunk.PcmEncoding;
import dev.earshot.schema.AudioChunk;
import dev.earshot.schema.SampleEncoding;
import dev.earshot.schema.SourceInfo;
import dev.earshot.schema.SourceKind;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every consumer of chunks accepts and rejects, and why. */
class ChunkAudioTest {

  static final double MAX = 30.0;

  static AudioChunk chunk(int rate, SampleEncoding encoding, byte[] payload, int channels) {
    return AudioChunk.newBuilder()
        .setRecordingId("rec")
        .setSequence(2)
        .setOffsetSamples(320000)
        .setOffsetSeconds(20.0)
        .setDurationSeconds(payload.length / 2.0 / Math.max(1, rate))
        .setSampleRate(rate)
        .setChannels(channels)
        .setEncoding(encoding)
        .setPayload(ByteBuffer.wrap(payload))
        .setLast(false)
        .setSource(SourceInfo.newBuilder().setKind(SourceKind.FILE).build())
        .setPublishedAt(Instant.EPOCH)
        .build();
  }

  private static float[] tone(int rate, double seconds) {
    float[] x = new float[(int) (rate * seconds)];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / rate));
    }
    return x;
  }

  @Test
  void sixteenKilohertzChunksKeepTheirSamples() throws Exception {
    float[] samples = tone(16000, 1);
    byte[] payload = PcmCodec.encode(samples, PcmEncoding.PCM_S16LE);

    float[] decoded = ChunkAudio.samples(chunk(16000, SampleEncoding.PCM_S16LE, payload, 1), MAX);

    assertThat(decoded).containsExactly(PcmCodec.decode(payload, PcmEncoding.PCM_S16LE));
  }

  @Test
  void otherValidRatesAreResampledToSixteenKilohertz() throws Exception {
    byte[] payload = PcmCodec.encode(tone(8000, 2), PcmEncoding.PCM_F32LE);

    float[] decoded = ChunkAudio.samples(chunk(8000, SampleEncoding.PCM_F32LE, payload, 1), MAX);

    assertThat(decoded.length).isEqualTo(32000);
    assertThat(decoded[16001])
        .isCloseTo((float) (0.5 * Math.sin(2 * Math.PI * 440 * 16001 / 16000.0)), within(0.01f));
  }

  @Test
  void impossibleSampleRatesAreRejectedNamingTheRate() {
    byte[] payload = new byte[3200];

    assertThatThrownBy(
            () -> ChunkAudio.samples(chunk(0, SampleEncoding.PCM_S16LE, payload, 1), MAX))
        .isInstanceOf(ChunkPayload.InvalidChunkException.class)
        .hasMessageContaining("impossible sample rate")
        .hasMessageContaining("0 Hz");
    assertThatThrownBy(
            () -> ChunkAudio.samples(chunk(10_000_000, SampleEncoding.PCM_S16LE, payload, 1), MAX))
        .hasMessageContaining("10000000 Hz");
  }

  @Test
  void corruptPayloadsAreRejected() {
    assertThatThrownBy(
            () -> ChunkAudio.samples(chunk(16000, SampleEncoding.PCM_S16LE, new byte[3], 1), MAX))
        .isInstanceOf(ChunkPayload.InvalidChunkException.class)
        .hasMessageContaining("corrupt payload");
    byte[] nan = PcmCodec.encode(new float[] {0f, Float.NaN}, PcmEncoding.PCM_F32LE);
    assertThatThrownBy(
            () -> ChunkAudio.samples(chunk(16000, SampleEncoding.PCM_F32LE, nan, 1), MAX))
        .hasMessageContaining("not finite");
    assertThatThrownBy(
            () -> ChunkAudio.samples(chunk(16000, SampleEncoding.PCM_S16LE, new byte[4], 2), MAX))
        .hasMessageContaining("2 channels");
  }

  @Test
  void chunksLongerThanWhispersWindowAreRejected() {
    byte[] payload = new byte[16000 * 2 * 31];

    assertThatThrownBy(
            () -> ChunkAudio.samples(chunk(16000, SampleEncoding.PCM_S16LE, payload, 1), MAX))
        .isInstanceOf(ChunkPayload.InvalidChunkException.class)
        .hasMessageContaining("31.000 s");
  }

  @Test
  void emptyChunksAndChunksWithoutARecordAreRejected() {
    assertThatThrownBy(
            () -> ChunkAudio.samples(chunk(16000, SampleEncoding.PCM_S16LE, new byte[0], 1), MAX))
        .isInstanceOf(ChunkPayload.InvalidChunkException.class)
        .hasMessage("chunk holds no audio");
    AudioChunk anonymous =
        AudioChunk.newBuilder(chunk(16000, SampleEncoding.PCM_S16LE, new byte[320], 1))
            .setRecordingId(" ")
            .build();
    assertThatThrownBy(() -> ChunkAudio.samples(anonymous, MAX))
        .hasMessage("chunk has no recording id");
  }
}
