package dev.regdoc.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One at a time among the threads of this process and the processes that share a lock file: a lock
 * per file in this JVM (an OS file lock is held per process, not per thread), then the OS lock on
 * the file, which the OS releases when a process dies.
 */
final class CrossProcessLock {
  private static final Map<Path, ReentrantLock> IN_THIS_PROCESS = new ConcurrentHashMap<>();

  private final Path file;
  private final ReentrantLock local;

  CrossProcessLock(Path lockFile) {
    this.file = lockFile.toAbsolutePath().normalize();
    this.local = IN_THIS_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
  }

  <T> T call(Supplier<T> work) {
    local.lock();
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel channel =
              FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock held = channel.lock()) {
        return work.get();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
    } finally {
      local.unlock();
    }
  }
}
