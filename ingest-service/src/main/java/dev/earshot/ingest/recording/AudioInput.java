package dev.earshot.ingest.recording;

import dev.earshot.audio.decode.AudioDecoder;
import dev.earshot.audio.decode.PcmStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Audio of known length that can be read more than once (level normalisation reads it twice). */
public interface AudioInput {

  PcmStream open() throws IOException;

  /** Size of the encoded input in bytes. */
  long size();

  static AudioInput of(Path file) throws IOException {
    long size = Files.size(file);
    return new AudioInput() {
      @Override
      public PcmStream open() throws IOException {
        return AudioDecoder.open(file);
      }

      @Override
      public long size() {
        return size;
      }
    };
  }

  static AudioInput of(byte[] data) {
    return new AudioInput() {
      @Override
      public PcmStream open() throws IOException {
        return AudioDecoder.open(data);
      }

      @Override
      public long size() {
        return data.length;
      }
    };
  }
}
