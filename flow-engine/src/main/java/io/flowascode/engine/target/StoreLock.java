package io.flowascode.engine.target;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The exclusive lock of a local store, held while a change checks the revision and writes, so that
 * two processes (or two threads) applying at once cannot both win. An operating-system file lock
 * excludes other processes; it cannot exclude threads of the same JVM (they share the lock), so a
 * lock per store path excludes those first.
 */
final class StoreLock implements AutoCloseable {
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
  private static final long POLL_MILLIS = 20;

  private final ReentrantLock inProcess;
  private final FileChannel channel;
  private final FileLock fileLock;

  private StoreLock(ReentrantLock inProcess, FileChannel channel, FileLock fileLock) {
    this.inProcess = inProcess;
    this.channel = channel;
    this.fileLock = fileLock;
  }

  /** The lock, or empty when another holder keeps it longer than `timeout`. */
  static Optional<StoreLock> acquire(Path lockFile, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Files.createDirectories(lockFile.getParent());
    Path key = lockFile.toAbsolutePath().normalize();
    ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
    try {
      if (!inProcess.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        return Optional.empty();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      while (true) {
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null;
        }
        if (lock != null) {
          return Optional.of(new StoreLock(inProcess, channel, lock));
        }
        if (System.nanoTime() >= deadline) {
          channel.close();
          inProcess.unlock();
          return Optional.empty();
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      inProcess.unlock();
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      channel.close();
      inProcess.unlock();
      return Optional.empty();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      fileLock.release();
      channel.close();
    } finally {
      inProcess.unlock();
    }
  }
}
