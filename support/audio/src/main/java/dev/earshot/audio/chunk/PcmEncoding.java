package dev.earshot.audio.chunk;

/** How {@link PcmCodec} lays out samples in a chunk payload. */
public enum PcmEncoding {
  /** Signed 16-bit little-endian; -1.0 is -32768 and +1.0 clips to 32767 (see {@link PcmCodec}). */
  PCM_S16LE(2),
  /** IEEE 754 single precision little-endian, bit exact. */
  PCM_F32LE(4);

  private final int bytesPerSample;

  PcmEncoding(int bytesPerSample) {
    this.bytesPerSample = bytesPerSample;
  }

  public int bytesPerSample() {
    return bytesPerSample;
  }
}
