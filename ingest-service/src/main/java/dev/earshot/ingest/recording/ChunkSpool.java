package dev.earshot.ingest.recording;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The chunks of a recording while it is decoded, kept until decoding has succeeded (so a corrupt
 * file publishes nothing): in memory up to a bound, then in a temporary file. A four-hour upload is
 * about 460 MB of 16-bit chunks; held in memory, a few such uploads at once (or a few-KB FLAC that
 * decodes to hours of silence) would fill a 512 MB heap. Closing deletes the file.
 */
final class ChunkSpool implements AutoCloseable, Iterable<EncodedChunk> {

  /** Chunks kept in memory before the rest goes to disk: 16 MiB, about 8 minutes of audio. */
  static final long MEMORY_BYTES = 16L * 1024 * 1024;

  private final long memoryBytes;
  private final List<EncodedChunk> memory = new ArrayList<>();
  private long held;
  private Path file;
  private DataOutputStream out;
  private DataInputStream in;
  private int onDisk;

  ChunkSpool(long memoryBytes) {
    this.memoryBytes = memoryBytes;
  }

  void add(EncodedChunk chunk) throws IOException {
    if (out == null && held + chunk.payload().length <= memoryBytes) {
      memory.add(chunk);
      held += chunk.payload().length;
      return;
    }
    if (out == null) {
      file = Files.createTempFile("earshot-chunks-", ".spool");
      out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }
    out.writeInt(chunk.sequence());
    out.writeLong(chunk.offsetSamples());
    out.writeInt(chunk.sampleCount());
    out.writeBoolean(chunk.last());
    out.writeInt(chunk.payload().length);
    out.write(chunk.payload());
    onDisk++;
  }

  /** Chunks held in memory, for tests. */
  int inMemory() {
    return memory.size();
  }

  /** Chunks written to disk, for tests. */
  int onDisk() {
    return onDisk;
  }

  /** Every chunk in the order added; the spool must not be added to meanwhile. */
  @Override
  public Iterator<EncodedChunk> iterator() {
    try {
      if (out != null) {
        out.flush();
      }
      // Each iteration reads the file from its start.
      if (in != null) {
        in.close();
        in = null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Iterator<EncodedChunk> first = memory.iterator();
    return new Iterator<>() {
      private int read;

      @Override
      public boolean hasNext() {
        return first.hasNext() || read < onDisk;
      }

      @Override
      public EncodedChunk next() {
        if (first.hasNext()) {
          return first.next();
        }
        if (read >= onDisk) {
          throw new NoSuchElementException();
        }
        try {
          if (in == null) {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
          }
          int sequence = in.readInt();
          long offset = in.readLong();
          int samples = in.readInt();
          boolean last = in.readBoolean();
          byte[] payload = new byte[in.readInt()];
          in.readFully(payload);
          read++;
          return new EncodedChunk(sequence, offset, samples, payload, last);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read back the spooled chunks: " + e, e);
        }
      }
    };
  }

  @Override
  public void close() throws IOException {
    memory.clear();
    if (in != null) {
      in.close();
    }
    if (out != null) {
      out.close();
    }
    if (file != null) {
      Files.deleteIfExists(file);
    }
  }
}
