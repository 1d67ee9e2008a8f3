package dev.earshot.assets;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Named locks under {@code locks/}: an in-JVM lock plus a file lock, so threads and JVMs (parallel
 * test forks, several services) wait for one download instead of repeating it.
 */
final class CacheLocks {

  private static final ConcurrentMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

  private final Path root;

  CacheLocks(Path root) {
    this.root = root;
  }

  Lock lock(String name) throws IOException {
    Path file = root.resolve("locks").resolve(name + ".lock");
    Files.createDirectories(file.getParent());
    ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
    try {
      jvmLock.lockInterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + file);
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        channel.lock();
      } catch (IOException e) {
        // Some file systems (e.g. certain NFS setups) cannot lock; atomic moves still keep the
        // cache consistent, at worst two JVMs download the same file.
      }
      return new Lock(jvmLock, channel);
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      jvmLock.unlock();
      throw e;
    }
  }

  /** Held until closed. */
  record Lock(ReentrantLock jvmLock, FileChannel channel) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      try {
        channel.close(); // releases the file lock
      } finally {
        jvmLock.unlock();
      }
    }
  }
}
